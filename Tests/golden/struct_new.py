# struct features newer than 3.11: complex codes (3.14), Struct repr (3.13),
# uniform range messages for the wide integer codes.
import struct

print(struct.calcsize("<F"), struct.calcsize("<D"), struct.calcsize("bF"), struct.calcsize("bD"))
print(struct.pack("<F", 1 + 2j).hex(), struct.pack(">D", -1.5j).hex())
print(struct.unpack("<FD", struct.pack("<FD", 0.5 - 0.25j, 3)))
print(struct.unpack("<D", struct.pack("<D", complex(float("inf"), -0.0))))
try:
    struct.pack("<D", "x")
except struct.error as e:
    print(e)
print(repr(struct.Struct("<i")), repr(struct.Struct(b"2s")))
for fmt, v in [("<q", 2**63), ("<Q", -1), ("<Q", 2**64), ("<I", 2**32), ("<L", -1), ("<l", 2**31)]:
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print(e)
class S(struct.Struct):
    def __init__(self, fmt, extra):
        super().__init__(fmt)
        self.extra = extra
s = S("<i", 5)
print(s.pack(7), s.extra, s.format, s.size, repr(s))
