# ctypes tour: behaviour that CPython 3.11 and 3.15 share.
import ctypes
import ctypes.util
import sys
from ctypes import *

libc = CDLL("libc.so.6")
print(libc.strlen(b"spam and eggs"))
print(libc.abs(-12), libc.atoi(b"  77"))

buf = create_string_buffer(32)
libc.sprintf(buf, b"%s=%d %x", b"answer", 42, 255)
print(buf.value, buf.raw[:12])
print(repr(buf.value), len(buf), sizeof(buf))

for t in (c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint, c_long, c_ulong,
          c_longlong, c_ulonglong, c_float, c_double, c_char, c_wchar,
          c_char_p, c_wchar_p, c_void_p, c_bool, c_size_t, c_ssize_t, py_object):
    print(t.__name__, sizeof(t), alignment(t), t._type_)

print(c_int(-1), c_uint(-1), c_byte(-129), c_ubyte(256 + 7))
print(c_double(1.25), c_float(0.1).value == 0.1, c_bool(0), c_bool([1]))
print(c_char(b"q"), c_wchar("\u00e9"), c_char_p(b"abc").value, c_wchar_p("xyz").value)
print(c_void_p(), c_void_p(16), c_char_p())
print(py_object(42), py_object([1, 2]))

class POINT(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]

class RECT(Structure):
    _fields_ = [("a", POINT), ("b", POINT)]

p = POINT(1, 2)
print(p.x, p.y, sizeof(POINT), sizeof(RECT))
r = RECT(p, POINT(3, 4))
print(r.a.x, r.a.y, r.b.x, r.b.y)
r.a.x = 99
print(r.a.x, p.x)
print(POINT.x.offset, POINT.y.offset, POINT.y.size, RECT.b.offset)
try:
    POINT(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
p2 = POINT(y=5)
print(p2.x, p2.y)

class Mixed(Structure):
    _fields_ = [("flag", c_bool), ("val", c_double), ("count", c_short),
                ("name", c_char * 6), ("ptr", c_void_p)]
print(sizeof(Mixed), [getattr(Mixed, n).offset for n in ("flag", "val", "count", "name", "ptr")])
m = Mixed(True, 2.5, 7, b"hey", None)
print(m.flag, m.val, m.count, m.name, m.ptr)

class Bits(Structure):
    _fields_ = [("lo", c_ubyte, 4), ("hi", c_ubyte, 4), ("wide", c_uint, 12),
                ("sign", c_int, 4)]
b = Bits(3, 12, 4000, -2)
print(sizeof(Bits), b.lo, b.hi, b.wide, b.sign, bytes(b).hex())

class IntOrBytes(Union):
    _fields_ = [("n", c_uint32), ("b", c_uint8 * 4)]
u = IntOrBytes()
u.n = 0xDEADBEEF
print(sizeof(u), list(u.b))

arr = (c_int * 5)(5, 3, 1, 4, 2)
print(list(arr), arr[1:4], arr[-1], len(arr))
CMPFUNC = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
def py_cmp(a, b):
    return a[0] - b[0]
libc.qsort(arr, len(arr), sizeof(c_int), CMPFUNC(py_cmp))
print(list(arr))

grid = ((c_int * 3) * 2)()
grid[1][2] = 8
print([list(row) for row in grid], sizeof(grid))

i = c_int(7)
pi = pointer(i)
print(pi.contents.value, pi[0])
pi.contents.value = 8
print(i.value)
ppi = pointer(pi)
print(ppi[0][0])
null = POINTER(c_int)()
print(bool(null), bool(pi))
try:
    null[0]
except ValueError as e:
    print("ValueError:", e)

v = cast(arr, POINTER(c_int))
print(v[0], v[4])
raw = cast(c_char_p(b"hello"), POINTER(c_char))
print(raw[0], raw[:5])
print(cast(0, c_void_p).value)

print(string_at(b"abcdef", 3), string_at(create_string_buffer(b"zz")))
w = create_unicode_buffer("wide chars")
print(w.value, wstring_at(w, 4), len(w))
dst = create_string_buffer(10)
memmove(dst, b"123456", 6)
memset(addressof(dst), ord("#"), 2)
print(dst.value)

ba = bytearray(8)
ci = c_int.from_buffer(ba, 4)
ci.value = 0x01020304
print(ba.hex())
print(c_short.from_buffer_copy(b"\xff\x7f").value)

libm = CDLL("libm.so.6")
libm.cos.restype = c_double
libm.cos.argtypes = [c_double]
libm.ldexp.restype = c_double
libm.ldexp.argtypes = [c_double, c_int]
print(libm.cos(0), libm.ldexp(1.5, 4))

try:
    libc.strlen(1.5)
except ArgumentError as e:
    print("ArgumentError:", e)
libc.strlen.argtypes = [c_char_p]
try:
    libc.strlen("text")
except ArgumentError as e:
    print("ArgumentError:", e)
try:
    libc.strlen()
except TypeError as e:
    print("TypeError:", e)
try:
    class Wrong(Structure):
        _fields_ = [("x", 5)]
except TypeError as e:
    print("TypeError:", e)
try:
    libc.this_symbol_is_missing
except AttributeError as e:
    print("AttributeError:", "undefined symbol" in str(e))

libc.time.restype = c_long
libc.time.argtypes = [c_void_p]
print(abs(libc.time(None) - __import__("time").time()) < 5)

class BE(BigEndianStructure):
    _fields_ = [("magic", c_uint32), ("ver", c_uint16)]
h = BE(0xCAFEBABE, 3)
print(bytes(h).hex(), h.magic == 0xCAFEBABE, h.ver, sizeof(BE))

pythonapi.Py_IncRef.argtypes = [py_object]
obj = object()
n = sys.getrefcount(obj)
pythonapi.Py_IncRef(obj)
print(sys.getrefcount(obj) - n)
pythonapi.Py_DecRef.argtypes = [py_object]
pythonapi.Py_DecRef(obj)

f = CFUNCTYPE(c_int, c_int, c_int)(lambda a, b: a * b + 1)
print(f(6, 7))
CB = CFUNCTYPE(None, c_char_p)
got = []
CB(got.append)(b"from C")
print(got)
