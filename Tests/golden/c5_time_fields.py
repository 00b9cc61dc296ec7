# time.asctime/strftime: zero month, day and day of year mean "unknown"
# (the lowest valid value); out-of-range fields raise ValueError naming
# the field; NUL characters in a strftime format are kept (3.13+).
import time

cases = [
    (2024, 0, 1, 0, 0, 0, 0, 1, 0), (2024, 13, 1, 0, 0, 0, 0, 1, 0),
    (2024, 1, 0, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0),
    (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 60, 0, 0, 1, 0),
    (2024, 1, 1, 0, 0, 61, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0),
    (2024, 1, 1, 0, 0, 0, -1, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 0, 0),
    (2024, 1, 1, 0, 0, 0, 0, 367, 0), (2024, 1, 1, 0, 0, 0, 0, 1, -2),
    (12345, 1, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 0, 0, -1, 0),
]
for tt in cases:
    out = []
    for func in (time.asctime,
                 lambda t: time.strftime('%Y %m %d %H %M %S %a %j', t)):
        try:
            out.append(repr(func(tt)))
        except ValueError as e:
            out.append('ValueError: %s' % e)
    print(' | '.join(out))

epoch = time.gmtime(0)
print(repr(time.strftime('a\0%Y\0\0b', epoch)), repr(time.strftime('\0', epoch)),
      repr(time.strftime('', epoch)))
