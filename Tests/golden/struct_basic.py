import struct

print(struct.pack("<hHiIlLqQ", -2, 65535, -3, 4000000000, -5, 6, -7, 2**64 - 1).hex())
print(struct.pack(">hHiIlLqQ", -2, 65535, -3, 4000000000, -5, 6, -7, 2**64 - 1).hex())
print(struct.pack("!bB?c", -128, 255, 5, b"z"))
print(struct.unpack("<hHiIqQ", bytes(range(1, 29))))
print(struct.unpack(">bB?", b"\xff\xff\x00"))
print(struct.calcsize("<hHiIlLqQ"), struct.calcsize("=bd"), struct.calcsize("!3s2xp"))
print(struct.calcsize("@bd"), struct.calcsize("bh"), struct.calcsize("bi"),
      struct.calcsize("bq"), struct.calcsize("be"), struct.calcsize("b?"),
      struct.calcsize("bP"), struct.calcsize("bn"), struct.calcsize("bN"))
print(struct.calcsize("ii 3x"), struct.calcsize(" i \ti"), struct.calcsize(""))
print(struct.pack("<e", 1.5).hex(), struct.pack(">e", -0.0).hex(),
      struct.unpack("<e", b"\x00\x3c"), struct.unpack("<e", b"\x00\x7c"))
print(struct.pack("<f", 1.1).hex(), struct.pack(">d", 3.141592653589793).hex())
print(struct.unpack("<f", struct.pack("<f", 0.1))[0], struct.unpack("<d", struct.pack("<d", 0.1))[0])
print(struct.pack("<d", float("inf")).hex(), struct.unpack(">d", struct.pack(">d", float("nan")))[0])
print(struct.pack("5s", b"abc"), struct.pack("2s", b"abcdef"), struct.pack("0s", b"x"))
print(struct.pack("5p", b"abcdefgh"), struct.unpack("5p", b"\x09abcd"),
      struct.pack("0p", b"a"), struct.pack("1p", b"a"), struct.unpack("3p", b"\x01ab"))
print(struct.pack("300p", b"x" * 300)[:2])
print(struct.unpack("3s2x2s", b"abc..de"))
print(struct.pack("s", bytearray(b"q")))
err_c = None
try:
    struct.pack("c", bytearray(b"r"))
except struct.error as e:
    print(e)
print(struct.pack("?????", 0, 1, "", [1], None), struct.unpack("??", b"\x00\x07"))
print(struct.pack("i", True), struct.pack("<Q", 2**63).hex())

class Idx:
    def __index__(self):
        return 42
print(struct.pack("<i", Idx()), struct.pack("<d", Idx()))

big = list(range(100))
print(struct.unpack("<100b", struct.pack("<100b", *big)) == tuple(big))

s = struct.Struct("<iH2s")
print(s.format, s.size, s.pack(1, 2, b"xy"), s.unpack(b"\x01\x00\x00\x00\x02\x00xy"))
print(struct.Struct(b">I").format, struct.Struct(format="i").size)
buf = bytearray(12)
s.pack_into(buf, 2, 7, 8, b"zz")
print(buf)
struct.pack_into("<h", buf, -2, -1)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buffer=buf, offset=2))
print(struct.unpack_from("<h", buf, -2), struct.unpack_from("<4s", memoryview(buf), offset=8))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")))
it = s.iter_unpack(bytes(16))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
print(type(it).__name__)

def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__ + ":", e)

err(struct.pack, "b", 200)
err(struct.pack, "B", -1)
err(struct.pack, "<h", 70000)
err(struct.pack, "H", 70000)
err(struct.pack, "<i", 2**40)
err(struct.pack, "b", "x")
err(struct.pack, "<i", 1.5)
err(struct.pack, "c", b"ab")
err(struct.pack, "c", 1)
err(struct.pack, "<e", 1e10)
err(struct.pack, "s", 1)
err(struct.pack, "p", "x")
err(struct.pack, "d", "x")
err(struct.pack, "ii", 1)
err(struct.pack, "x", 1)
err(struct.pack, "3s", b"a", b"b")
for f in ["z", "3", "<n", "<P", "i5", "<Z", "1000000000000000000000i", "\0"]:
    err(struct.calcsize, f)
err(struct.unpack, "i", b"abc")
err(struct.unpack, "i", "abcd")
err(struct.unpack_from, "i", b"abc")
err(struct.unpack_from, "i", b"abcdefg", 5)
err(struct.unpack_from, "i", b"abc", -5)
err(struct.unpack_from, "i", b"abcdefgh", -3)
err(struct.pack_into, "i", bytearray(3), 0, 1)
err(struct.pack_into, "i", bytearray(8), 6, 1)
err(struct.pack_into, "i", bytearray(8), -9, 1)
err(struct.pack_into, "i", bytearray(8), -3, 1)
err(struct.pack_into, "i", b"abcd", 0, 1)
err(struct.pack_into, "i")
err(struct.pack_into, "i", bytearray(4))
err(struct.iter_unpack, "i", b"abcde")
err(struct.iter_unpack, "", b"")
err(struct.Struct, 5)
err(struct.pack)
print(issubclass(struct.error, Exception), struct.error.__module__)
struct._clearcache()
for i in range(300):
    struct.calcsize("%di" % i)
print(struct.calcsize("299i"))
