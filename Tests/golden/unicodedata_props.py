# Properties over the BMP and a few supplementary ranges, as digests.
# Unicode 15.0 added two BMP characters (U+0CF3, U+0ECE); they are skipped
# so the expected values hold for Unicode 14.0 and 15.0 alike.
import unicodedata as u

NEW_IN_15 = {0x0CF3, 0x0ECE}


def digest(values):
    h = 0x811C9DC5
    for v in values:
        for b in repr(v).encode():
            h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return f'{h:08x}'


def chars(first, last):
    return [chr(c) for c in range(first, last + 1) if c not in NEW_IN_15]


bmp = chars(0, 0xFFFF)
for fn in (u.category, u.bidirectional, u.combining, u.mirrored,
           u.decomposition):
    print(fn.__name__, digest(map(fn, bmp)))
# Unassigned code points: CPython 3.11 says "F", UAX #11 says "N" (or "W").
assigned = [c for c in bmp if u.category(c) != 'Cn']
print('east_asian_width', digest(map(u.east_asian_width, assigned)))
for fn in (u.name, u.decimal, u.digit, u.numeric):
    print(fn.__name__, digest(fn(c, None) for c in bmp))
emoji = chars(0x1F300, 0x1F5FF)
print('emoji names', digest(u.name(c, None) for c in emoji))
print('emoji widths', digest(u.east_asian_width(c) for c in emoji
                              if u.category(c) != 'Cn'))
ext_b = chars(0x20000, 0x2A6DF)
print('ext-B names', digest(u.name(c, None) for c in ext_b[::97]))
print('ext-B numeric', digest(u.numeric(c, None) for c in ext_b))
print('lookup round trip', all(u.lookup(u.name(c)) == c
                               for c in bmp[::7] if u.name(c, None)))
