"""The tables of RFC 3454 ("stringprep"), as predicates and mappings.

in_table_XX(ch) tells whether a character is in table XX; map_table_b2
and map_table_b3 give a character's mapping.  The tables are those of
Unicode 3.2, read through unicodedata.ucd_3_2_0.

Weft has no Unicode 3.2 case-folding data: tables B.2 and B.3 are derived
from today's full case folding, keeping a folding only when its result
uses characters Unicode 3.2 already had.
"""

from unicodedata import ucd_3_2_0 as unicodedata

assert unicodedata.unidata_version == '3.2.0'


def _ranges(*spans):
    codes = set()
    for span in spans:
        first, last = span if isinstance(span, tuple) else (span, span)
        codes.update(range(first, last + 1))
    return frozenset(codes)


def in_table_a1(code):
    """A.1: code points unassigned in Unicode 3.2."""
    if unicodedata.category(code) != 'Cn':
        return False
    c = ord(code)
    # Non-characters are "assigned" (table C.4), not unassigned.
    if 0xFDD0 <= c < 0xFDF0:
        return False
    return (c & 0xFFFF) not in (0xFFFE, 0xFFFF)


b1_set = _ranges(0x00AD, 0x034F, 0x1806, (0x180B, 0x180D), (0x200B, 0x200D),
                 0x2060, (0xFE00, 0xFE0F), 0xFEFF)


def in_table_b1(code):
    """B.1: characters commonly mapped to nothing."""
    return ord(code) in b1_set


def _is_3_2(text):
    return all(unicodedata.category(ch) != 'Cn' for ch in text)


def map_table_b3(code):
    """B.3: the case folding of a character, for use without
    normalization."""
    folded = code.casefold()
    if folded != code.lower() and _is_3_2(code) and _is_3_2(folded):
        return folded
    return code.lower()


def map_table_b2(a):
    """B.2: the case folding of a character, for use with NFKC: folding
    and NFKC, repeated once when the first round is not stable."""
    al = map_table_b3(a)
    b = unicodedata.normalize("NFKC", al)
    bl = "".join(map_table_b3(ch) for ch in b)
    c = unicodedata.normalize("NFKC", bl)
    return c if b != c else al


def in_table_c11(code):
    """C.1.1: the ASCII space."""
    return code == " "


# U+200B was a space (Zs) in Unicode 3.2.
c12_set = _ranges(0x00A0, 0x1680, (0x2000, 0x200B), 0x202F, 0x205F, 0x3000)


def in_table_c12(code):
    """C.1.2: non-ASCII space characters."""
    return ord(code) in c12_set


def in_table_c11_c12(code):
    """C.1.1 or C.1.2: space characters."""
    return code == " " or ord(code) in c12_set


def in_table_c21(code):
    """C.2.1: ASCII control characters."""
    return ord(code) < 128 and unicodedata.category(code) == "Cc"


c22_specials = _ranges(0x06DD, 0x070F, 0x180E, 0x200C, 0x200D, 0x2028,
                       0x2029, (0x2060, 0x2063), (0x206A, 0x206F), 0xFEFF,
                       (0xFFF9, 0xFFFC), (0x1D173, 0x1D17A))


def in_table_c22(code):
    """C.2.2: non-ASCII control characters."""
    c = ord(code)
    if c < 128:
        return False
    return unicodedata.category(code) == "Cc" or c in c22_specials


def in_table_c21_c22(code):
    """C.2.1 or C.2.2: control characters."""
    return unicodedata.category(code) == "Cc" or ord(code) in c22_specials


def in_table_c3(code):
    """C.3: private use."""
    return unicodedata.category(code) == "Co"


def in_table_c4(code):
    """C.4: non-character code points."""
    c = ord(code)
    if 0xFDD0 <= c < 0xFDF0:
        return True
    return (c & 0xFFFF) in (0xFFFE, 0xFFFF)


def in_table_c5(code):
    """C.5: surrogate codes."""
    return unicodedata.category(code) == "Cs"


c6_set = _ranges((0xFFF9, 0xFFFD))


def in_table_c6(code):
    """C.6: inappropriate for plain text."""
    return ord(code) in c6_set


c7_set = _ranges((0x2FF0, 0x2FFB))


def in_table_c7(code):
    """C.7: inappropriate for canonical representation."""
    return ord(code) in c7_set


c8_set = _ranges(0x0340, 0x0341, 0x200E, 0x200F, (0x202A, 0x202E),
                 (0x206A, 0x206F))


def in_table_c8(code):
    """C.8: change display properties or are deprecated."""
    return ord(code) in c8_set


c9_set = _ranges(0xE0001, (0xE0020, 0xE007F))


def in_table_c9(code):
    """C.9: tagging characters."""
    return ord(code) in c9_set


def in_table_d1(code):
    """D.1: characters with bidirectional property R or AL."""
    return unicodedata.bidirectional(code) in ("R", "AL")


def in_table_d2(code):
    """D.2: characters with bidirectional property L."""
    return unicodedata.bidirectional(code) == "L"
