# Standard library modules: behaviours fixed by the conformance pass.
import datetime
import lzma
import re
import struct
import sys
import warnings
import zlib


def show(label, func):
    try:
        result = func()
    except Exception as exc:
        print(label, "->", type(exc).__name__, exc)
    else:
        print(label, "->", repr(result))


# re: FutureWarning for syntax that may mean set operations later.
for pattern in [r"[[a]", r"[[:alpha:]]", r"[a--b]", r"[a&&b]", r"[a~~b]",
                r"[a||b]", r"[a-c&&b]", r"[^[a]", r"[--a]", r"[a\--b]"]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            re.compile(pattern)
            outcome = "compiled"
        except re.error as exc:
            outcome = f"error: {exc}"
    print(pattern, outcome, [(w.category.__name__, str(w.message),
                              w.filename == __file__) for w in caught])

# re: type flags from the pattern and from the flags argument must agree.
for args in [(r"(?u)\w", re.ASCII), (b"(?L)x", re.ASCII),
             (r"(?a)\w", re.UNICODE), ("(?a)x",), ("(?u)x",)]:
    show(f"compile{args!r}", lambda: re.compile(*args).flags)

# re: error messages of inline flags and of look-behinds.
for pattern in [r"(?-i", r"(?-i+", r"(?-iq:a)", r"(?i-s)a",
                r"(a)b(?<=(?(2)b|x))(c)", r"(a)b(?<=(a)(?(2)b|x))(c)",
                r"(?<=((.{%d}){%d}){%d})" % (2**22, 2**22, 2**22)]:
    show(pattern[:30], lambda: re.compile(pattern).pattern)
show("conditional in look-behind",
     lambda: re.match(r"(a)b(?<=(?(1)b|x))(c)", "abc").group())

# re: case-insensitive ranges reach characters that share a case fold.
for pattern, text in [(r"[\u2129-\u212b]", "K"), (r"[\u2129-\u212b]", "k"),
                      (r"[\u017e-\u0180]", "S"), (r"[\u00b4-\u00b6]", "\u039c"),
                      (r"[\u03c1-\u03c2]", "\u03a3"), (r"[a-z]", "\u212a")]:
    print(ascii(pattern), ascii(text), bool(re.match(pattern, text, re.I)))

# datetime: timestamps outside time_t, and NaN.
for value in [float("nan"), float("inf"), -float("inf"), 1e20, 2**63, "x"]:
    show(f"datetime.fromtimestamp({value!r})",
         lambda: datetime.datetime.fromtimestamp(value, datetime.timezone.utc))
    show(f"date.fromtimestamp({value!r})",
         lambda: datetime.date.fromtimestamp(value))

# struct: huge repeat counts are counted, not walked one by one.
show("calcsize huge b", lambda: struct.calcsize(f"{sys.maxsize // 2}b"))
show("calcsize huge x", lambda: struct.calcsize(f"{sys.maxsize // 2}x"))
show("calcsize too long", lambda: struct.calcsize(f"{sys.maxsize // 2}b{sys.maxsize // 2}H"))
show("pack repeated", lambda: struct.pack("<3h2s2xi", 1, 2, 3, b"ab", 7))
show("unpack repeated", lambda: struct.unpack("<3h2s2xi", struct.pack("<3h2s2xi", 1, 2, 3, b"ab", 7)))
show("Struct size", lambda: (struct.Struct(">5sxh4B").size, struct.Struct("<0i3q").size))

# lzma: the filter chain must be a sequence of mappings.
show("lzma filters={}", lambda: lzma.LZMADecompressor(lzma.FORMAT_RAW, filters={}))
show("lzma filters='zz'", lambda: lzma.LZMADecompressor(lzma.FORMAT_RAW, filters="zz"))

# zlib: Decompress.flush takes any integer-like length.
class Length:
    def __index__(self):
        return 100


decomp = zlib.decompressobj()
decomp.decompress(zlib.compress(b"hello" * 10), 1)
show("flush(__index__)", lambda: decomp.flush(Length()))
show("flush(float)", lambda: zlib.decompressobj().flush(1.5))

# _string: the format-string parsers behind string.Formatter.
import _string

print(list(_string.formatter_parser("a{0!r:>{w}}b{{c}}{x.y[1]}")))
first, rest = _string.formatter_field_name_split("x.y[1][k]")
print(first, list(rest))
first, rest = _string.formatter_field_name_split("0.real")
print(repr(first), list(rest))
show("formatter_parser(5)", lambda: _string.formatter_parser(5))
show("formatter_parser('{')", lambda: list(_string.formatter_parser("{")))


# '%c' takes any integer-like object.
class Letter:
    def __index__(self):
        return 109


show("'%c' % __index__", lambda: "%c" % Letter())
show("b'%c' % __index__", lambda: b"%c" % Letter())
show("'%c' % float", lambda: "%c" % 1.5)
