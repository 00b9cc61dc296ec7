# printf-style formatting: a precision is a C int as in CPython (a '*'
# precision beyond it is OverflowError, not an attempt to allocate it), a
# '*' width a Py_ssize_t; errors name the conversion as CPython does.
import sys
cases = [
    ('%.*d', (sys.maxsize, 1)), ('%.*d', (2**31, 1)), ('%.*d', (-2**31 - 1, 1)),
    ('%.2147483648d', 1), ('%.214748364d', 1) if False else ('%.3d', 1),
    ('%*d', (2**63, 1)), ('%*d', (-4, 1)), ('%.*d', (-5, 7)), ('%.*s', (2, 'abc')),
    ('%u', 3j), ('%i', 3j), ('%d', 3j), ('%x', 3j), ('%o', 1.5), ('%u', 2.5), ('%i', 2.5),
]
for fmt, args in cases:
    for f in (fmt, fmt.encode()):
        if isinstance(f, bytes) and args == (2, 'abc'):
            args = (2, b'abc')
        try:
            print(repr(f), repr(f % args))
        except Exception as e:
            print(repr(f), type(e).__name__, e)
# Only "%%" is a literal percent: after a key, flags, width or precision
# '%' is an unsupported conversion, once the argument it would take is
# fetched.
for fmt, args in [('% %s', 1), ('%5%', ()), ('%-%', ()), ('%.1%', ()), ('%%', ()),
                  ('%(a)%', {'a': 1}), ('a%5%b', ()), ('%s%%%s', (1, 2))]:
    for f in (fmt, fmt.encode()):
        try:
            print(repr(f), repr(f % args))
        except Exception as e:
            print(repr(f), type(e).__name__, e)
