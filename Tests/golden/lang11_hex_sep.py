# bytes.hex / bytearray.hex / memoryview.hex separators, checked as CPython
# does: the length first (None has none), then str or bytes, then ASCII.
for sep in (None, 1, bytearray(b':'), '\xff', '\u0100', '', 'xx', b'-', ':', [1]):
    for value in (b'ab', bytearray(b'ab'), memoryview(b'ab')):
        try:
            print(repr(sep), type(value).__name__, value.hex(sep))
        except (TypeError, ValueError) as e:
            print(repr(sep), type(value).__name__, type(e).__name__, e)
print(b'abc'.hex(':', 2), b'abc'.hex(':', -2), b'abc'.hex(b'.', 0), b'ab'.hex())
# A NUL separator is a separator too.
print(repr(b'\xb9\x01\xef'.hex('\0')), repr(bytearray(b'\xb9\x01\xef').hex(b'\0', 2)))
