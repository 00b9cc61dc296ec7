"""ctypes: simple types, structures, unions, arrays, pointers, buffers.

Layouts are checked against sizes and offsets worked out by hand for the
x86-64 System V ABI (the machine the suite runs on)."""

import pickle
import struct
import sys
import unittest

try:
    import ctypes
    from ctypes import (c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint,
                        c_long, c_ulong, c_longlong, c_ulonglong, c_float,
                        c_double, c_char, c_wchar, c_char_p, c_wchar_p,
                        c_void_p, c_bool, c_size_t, c_ssize_t, c_int8,
                        c_uint16, c_int32, c_uint64, py_object, Structure,
                        Union, POINTER, pointer, byref, cast, sizeof,
                        alignment, addressof)
except ImportError as exc:          # _ctypes not built (no libffi)
    raise unittest.SkipTest("ctypes is not available: %s" % exc)

X86_64 = struct.calcsize("P") == 8 and sys.byteorder == "little"


class SimpleTypes(unittest.TestCase):

    def test_sizes(self):
        self.assertEqual([sizeof(t) for t in (c_byte, c_short, c_int, c_long,
                                              c_longlong, c_float, c_double,
                                              c_char, c_bool, c_void_p)],
                         [1, 2, 4, 8, 8, 4, 8, 1, 1, 8])
        self.assertEqual(sizeof(c_wchar), 4)
        self.assertIs(c_size_t, c_ulong)
        self.assertIs(c_ssize_t, c_long)
        self.assertEqual(sizeof(ctypes.c_time_t), 8)
        self.assertEqual(alignment(c_double), 8)
        self.assertEqual(sizeof(c_int(3)), 4)

    def test_values_wrap_like_c(self):
        self.assertEqual(c_ubyte(300).value, 44)
        self.assertEqual(c_byte(200).value, -56)
        self.assertEqual(c_uint(-1).value, 2**32 - 1)
        self.assertEqual(c_short(70000).value, 70000 - 65536)
        self.assertEqual(c_ulonglong(-1).value, 2**64 - 1)
        self.assertEqual(c_float(1.1).value, struct.unpack("f", struct.pack("f", 1.1))[0])
        self.assertIs(c_bool(5).value, True)
        self.assertEqual(c_char(b"x").value, b"x")
        self.assertEqual(c_char(65).value, b"A")
        self.assertEqual(c_wchar("\u20ac").value, "\u20ac")

    def test_repr_and_bool(self):
        self.assertEqual(repr(c_int(42)), "c_int(42)")
        s = c_char_p(b"hi")
        self.assertEqual(repr(s), "c_char_p(%d)" % c_void_p.from_buffer(s).value)
        self.assertFalse(c_int(0))
        self.assertTrue(c_double(0.5))

        class MyInt(c_int):
            pass
        self.assertTrue(repr(MyInt(3)).startswith("<MyInt object at 0x"))

    def test_errors(self):
        with self.assertRaisesRegex(TypeError,
                                    "'float' object cannot be interpreted as an integer"):
            c_int(1.5)
        with self.assertRaisesRegex(TypeError, "must be real number, not str"):
            c_double("x")
        with self.assertRaisesRegex(TypeError,
                                    "one character bytes, bytearray or integer expected"):
            c_char(b"ab")
        with self.assertRaisesRegex(TypeError,
                                    "bytes or integer address expected instead of float instance"):
            c_char_p(1.5)
        with self.assertRaisesRegex(TypeError, "abstract class"):
            Structure()
        with self.assertRaisesRegex(TypeError, "this type has no size"):
            sizeof(1)
        with self.assertRaisesRegex(ValueError, "PyObject is NULL"):
            py_object().value
        with self.assertRaises(AttributeError):
            class Bad(ctypes._SimpleCData):
                _type_ = "y"
        with self.assertRaisesRegex(TypeError, "unhashable type"):
            hash(c_int(1))

    def test_pointers_to_strings(self):
        p = c_char_p(b"hello")
        self.assertEqual(p.value, b"hello")
        self.assertEqual(c_char_p().value, None)
        self.assertEqual(c_wchar_p("w\u00e9").value, "w\u00e9")
        self.assertEqual(c_void_p().value, None)
        self.assertEqual(c_void_p(1234).value, 1234)

    def test_py_object(self):
        obj = ["payload"]
        p = py_object(obj)
        self.assertIs(p.value, obj)
        self.assertEqual(ctypes.string_at(addressof(p), 8),
                         struct.pack("P", id(obj)))

    def test_byte_order_variants(self):
        be = c_int.__ctype_be__
        self.assertIs(c_int.__ctype_le__, c_int)
        x = be(0x01020304)
        self.assertEqual(bytes(x), b"\x01\x02\x03\x04")
        self.assertEqual(x.value, 0x01020304)
        self.assertEqual(bytes(c_int(0x01020304)), b"\x04\x03\x02\x01")

    def test_pickle(self):
        for value in (c_int(-7), c_double(2.5), c_char(b"z")):
            copy = pickle.loads(pickle.dumps(value))
            self.assertIs(type(copy), type(value))
            self.assertEqual(copy.value, value.value)
        with self.assertRaisesRegex(ValueError, "cannot be pickled"):
            pickle.dumps(c_char_p(b"x"))


class Layouts(unittest.TestCase):

    def test_struct_offsets(self):
        class S(Structure):
            _fields_ = [("c", c_char), ("d", c_double), ("s", c_short),
                        ("i", c_int), ("b", c_byte)]
        # c@0, pad to 8: d@8, s@16, pad: i@20, b@24, size 32 (align 8)
        self.assertEqual([S.c.offset, S.d.offset, S.s.offset, S.i.offset, S.b.offset],
                         [0, 8, 16, 20, 24])
        self.assertEqual((sizeof(S), alignment(S)), (32, 8))
        self.assertEqual(S.d.size, 8)
        s = S(b"a", 1.5, 3, 4, 5)
        self.assertEqual((s.c, s.d, s.s, s.i, s.b), (b"a", 1.5, 3, 4, 5))
        self.assertEqual(bytes(s)[8:16], struct.pack("d", 1.5))
        self.assertIn("ofs=8", repr(S.d))

    def test_nested_and_arrays(self):
        class Point(Structure):
            _fields_ = [("x", c_int), ("y", c_int)]

        class Rect(Structure):
            _fields_ = [("tag", c_char), ("corners", Point * 2), ("name", c_char * 5)]
        # tag@0, corners@4 (16 bytes), name@20 (5), size 28 (align 4)
        self.assertEqual((Rect.corners.offset, Rect.name.offset, sizeof(Rect)), (4, 20, 28))
        r = Rect()
        r.corners[1].y = 9
        r.name = b"abc"
        self.assertEqual(r.corners[1].y, 9)
        self.assertEqual(r.name, b"abc")
        self.assertIs(r.corners._b_base_, r)
        r.corners[0] = Point(7, 8)
        self.assertEqual((r.corners[0].x, r.corners[0].y), (7, 8))
        r.corners[1] = (1, 2)
        self.assertEqual(r.corners[1].x, 1)

    def test_field_type_errors(self):
        class P(Structure):
            _fields_ = [("x", c_int)]

        class Q(Structure):
            _fields_ = [("x", c_int)]

        class S(Structure):
            _fields_ = [("p", P), ("ptr", POINTER(c_int))]
        s = S()
        with self.assertRaisesRegex(TypeError, "^expected P instance, got int$"):
            s.p = 5
        with self.assertRaisesRegex(TypeError,
                                    "^incompatible types, Q instance instead of P instance$"):
            s.p = Q()
        with self.assertRaisesRegex(TypeError, "^expected LP_c_int instance, got str$"):
            s.ptr = "x"
        s.ptr = (c_int * 3)(4, 5, 6)          # an array of the target type decays
        self.assertEqual(s.ptr[2], 6)
        s.ptr = None
        self.assertFalse(s.ptr)

    def test_union(self):
        class U(Union):
            _fields_ = [("i", c_uint), ("b", c_ubyte * 4), ("d", c_double)]
        self.assertEqual((sizeof(U), alignment(U)), (8, 8))
        u = U()
        u.i = 0x11223344
        self.assertEqual(list(u.b), [0x44, 0x33, 0x22, 0x11])
        self.assertEqual(U.d.offset, 0)

    def test_bit_fields(self):
        class B(Structure):
            _fields_ = [("a", c_uint, 3), ("b", c_int, 5), ("c", c_ushort, 9),
                        ("d", c_uint, 20)]
        # gcc: a bits 0-2, b 3-7, c 8-16 (one ushort unit at byte 0 holds
        # bits 0-15, so c moves to bits 16-24), d needs 20 bits: bits 32-51
        self.assertEqual(sizeof(B), 8)
        self.assertEqual((B.a.bit_offset, B.b.bit_offset), (0, 3))
        self.assertEqual((B.c.byte_offset, B.c.bit_offset), (2, 0))
        self.assertEqual((B.d.byte_offset, B.d.bit_offset, B.d.bit_size), (4, 0, 20))
        self.assertTrue(B.a.is_bitfield)
        x = B()
        x.a, x.b, x.c, x.d = 7, -3, 300, 0xABCDE
        self.assertEqual((x.a, x.b, x.c, x.d), (7, -3, 300, 0xABCDE))
        x.a = 9                      # stored modulo 2**3
        self.assertEqual((x.a, x.b), (1, -3))
        word = int.from_bytes(bytes(x)[:4], "little")
        self.assertEqual(word & 0b111, 1)
        self.assertEqual((word >> 3) & 0b11111, 0b11101)

    def test_pack_and_align(self):
        class P(Structure):
            _layout_ = "ms"
            _pack_ = 1
            _fields_ = [("c", c_char), ("i", c_int), ("d", c_double)]
        self.assertEqual((P.i.offset, P.d.offset, sizeof(P)), (1, 5, 13))

        class A(Structure):
            _align_ = 16
            _fields_ = [("x", c_int)]
        self.assertEqual((sizeof(A), alignment(A)), (16, 16))

    def test_inheritance(self):
        class Base(Structure):
            _fields_ = [("a", c_int), ("b", c_char)]

        class Derived(Base):
            _fields_ = [("c", c_char)]
        self.assertEqual((Derived.c.offset, sizeof(Derived)), (8, 12))
        d = Derived(1, b"x", b"y")
        self.assertEqual((d.a, d.b, d.c), (1, b"x", b"y"))

    def test_anonymous(self):
        class _U(Union):
            _fields_ = [("lo", c_int), ("f", c_float)]

        class T(Structure):
            _anonymous_ = ("u",)
            _fields_ = [("kind", c_int), ("u", _U)]
        t = T()
        t.lo = 99
        self.assertEqual(t.u.lo, 99)
        self.assertEqual(t.lo, 99)

    def test_bad_fields(self):
        with self.assertRaisesRegex(TypeError, "must be a C type"):
            class Bad(Structure):
                _fields_ = [("x", int)]
        with self.assertRaisesRegex(TypeError, "bit fields not allowed for type c_double"):
            class Bad2(Structure):
                _fields_ = [("x", c_double, 3)]
        with self.assertRaisesRegex(ValueError, "number of bits invalid"):
            class Bad3(Structure):
                _fields_ = [("x", c_int, 33)]

        class Late(Structure):
            pass
        Late._fields_ = [("x", c_int)]
        self.assertEqual(sizeof(Late), 4)
        with self.assertRaisesRegex(AttributeError, "_fields_ is final"):
            Late._fields_ = [("y", c_int)]

    def test_big_endian_structure(self):
        class BE(ctypes.BigEndianStructure):
            _fields_ = [("a", c_ushort), ("b", c_uint)]
        x = BE(0x0102, 0x03040506)
        self.assertEqual(bytes(x), b"\x01\x02\x00\x00\x03\x04\x05\x06")
        self.assertEqual((x.a, x.b), (0x0102, 0x03040506))

        class BEBits(ctypes.BigEndianStructure):
            _fields_ = [("a", c_ushort, 4), ("b", c_ushort, 12), ("c", c_uint, 3),
                        ("arr", c_ushort * 2)]
        # a, b fill the first 16 bits; c shares the 32-bit unit at byte 0
        # (its most significant bits come first); arr follows at byte 4.
        y = BEBits(0xA, 0x123, 5, (1, 2))
        self.assertEqual(bytes(y).hex(), "a123a00000010002")
        self.assertEqual((y.a, y.b, y.c, list(y.arr)), (0xA, 0x123, 5, [1, 2]))
        self.assertEqual(BEBits.arr.type.__name__, "c_ushort_be_Array_2")

        class LE(ctypes.LittleEndianStructure):
            _fields_ = [("a", c_ushort)]
        self.assertEqual(bytes(LE(0x0102)), b"\x02\x01")


class PointersAndArrays(unittest.TestCase):

    def test_arrays(self):
        A = c_int * 4
        self.assertIs(A, c_int * 4)
        self.assertEqual(A.__name__, "c_int_Array_4")
        a = A(1, 2, 3)
        self.assertEqual(list(a), [1, 2, 3, 0])
        self.assertEqual(a[-1], 0)
        self.assertEqual(a[1:3], [2, 3])
        with self.assertRaisesRegex(IndexError, "invalid index"):
            a[4]
        self.assertEqual(sizeof(a), 16)
        self.assertEqual(len(a), 4)
        m = memoryview(a)
        self.assertEqual((m.format, m.shape, m.itemsize), ("<i", (4,), 4))
        self.assertEqual(bytes(m), struct.pack("<4i", 1, 2, 3, 0))

    def test_pointer_and_contents(self):
        i = c_int(5)
        p = pointer(i)
        self.assertIs(type(p), POINTER(c_int))
        self.assertEqual(POINTER(c_int).__name__, "LP_c_int")
        self.assertIs(c_int.__pointer_type__, POINTER(c_int))
        self.assertEqual(p.contents.value, 5)
        p[0] = 6
        self.assertEqual(i.value, 6)
        self.assertEqual(addressof(p.contents), addressof(i))
        self.assertFalse(POINTER(c_int)())
        with self.assertRaisesRegex(ValueError, "NULL pointer access"):
            POINTER(c_int)()[0]

    def test_pointer_to_pointer(self):
        i = c_int(11)
        p = pointer(i)
        pp = pointer(p)
        self.assertEqual(pp.contents.contents.value, 11)
        pp[0][0] = 12
        self.assertEqual(i.value, 12)

    def test_cast(self):
        arr = (c_int * 3)(10, 20, 30)
        p = cast(arr, POINTER(c_int))
        self.assertEqual(p[2], 30)
        self.assertEqual([p[i] for i in range(3)], [10, 20, 30])
        b = cast(arr, POINTER(c_ubyte))
        self.assertEqual(b[4], 20)
        self.assertEqual(cast(c_char_p(b"xyz"), c_void_p).value is not None, True)
        with self.assertRaisesRegex(TypeError, "cast\\(\\) argument 2 must be a pointer type, not c_int"):
            cast(1, c_int)

    def test_linked_list(self):
        class Node(Structure):
            pass
        Node._fields_ = [("value", c_int), ("next", POINTER(Node))]
        last = Node(2, None)
        first = Node(1, pointer(last))
        self.assertEqual(first.next.contents.value, 2)
        self.assertFalse(last.next)

    def test_buffers(self):
        buf = ctypes.create_string_buffer(b"abc", 8)
        self.assertEqual(sizeof(buf), 8)
        self.assertEqual(buf.value, b"abc")
        self.assertEqual(buf.raw, b"abc\0\0\0\0\0")
        self.assertEqual(ctypes.create_string_buffer(b"hi").raw, b"hi\0")
        u = ctypes.create_unicode_buffer("h\u00e9")
        self.assertEqual((u.value, len(u)), ("h\u00e9", 3))
        data = bytearray(b"\x01\x00\x00\x00\x02\x00\x00\x00")
        pair = (c_int * 2).from_buffer(data)
        pair[1] = 7
        self.assertEqual(data[4], 7)
        copy = c_int.from_buffer_copy(b"\x05\x00\x00\x00")
        self.assertEqual(copy.value, 5)
        with self.assertRaisesRegex(TypeError, "underlying buffer is not writable"):
            c_int.from_buffer(b"abcd")
        with self.assertRaisesRegex(ValueError,
                                    r"Buffer size too small \(2 instead of at least 4 bytes\)"):
            c_int.from_buffer(bytearray(2))
        x = c_int.from_address(addressof(pair) + 4)
        self.assertEqual(x.value, 7)

    def test_memmove_memset_string_at(self):
        dst = ctypes.create_string_buffer(8)
        ctypes.memmove(dst, b"hello", 5)
        self.assertEqual(dst.value, b"hello")
        ctypes.memset(dst, ord("z"), 2)
        self.assertEqual(dst.value, b"zzllo")
        self.assertEqual(ctypes.string_at(dst, 3), b"zzl")
        self.assertEqual(ctypes.string_at(addressof(dst)), b"zzllo")
        w = ctypes.create_unicode_buffer("wide")
        self.assertEqual(ctypes.wstring_at(w), "wide")
        self.assertEqual(bytes(ctypes.memoryview_at(dst, 2)), b"zz")

    def test_resize(self):
        s = ctypes.create_string_buffer(4)
        ctypes.resize(s, 32)
        self.assertEqual(sizeof(s), 32)
        with self.assertRaisesRegex(ValueError, "minimum size is 4"):
            ctypes.resize(c_int(), 2)

    def test_keepalive(self):
        class S(Structure):
            _fields_ = [("name", c_char_p)]
        s = S()
        s.name = b"kept" + bytes(3)
        self.assertEqual(s.name, b"kept")
        self.assertTrue(s._objects)
        self.assertIsNone(c_int()._b_base_)
        self.assertEqual(c_int()._b_needsfree_, 1)


if __name__ == "__main__":
    unittest.main()
