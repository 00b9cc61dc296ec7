# uuid 3.14 additions: NIL, MAX, uuid6, uuid7, uuid8 (expected output
# written from the docs; the random parts are only checked structurally).
import uuid, time
print(uuid.NIL, uuid.MAX, repr(uuid.MAX), uuid.NIL.version, uuid.MAX.variant)
x = uuid.uuid8(0x123456789abc, 0xdef, 0x123456789abcdef)
print(x, x.version, x.variant, x.fields)
print(uuid.uuid8(2**60, 2**20, 2**70).version, uuid.uuid8().version)
six = uuid.uuid6(node=0x1234, clock_seq=0x2345)
print(six.version, hex(six.node), hex(six.clock_seq), six.variant)
before = time.time_ns() // 100 + 0x01b21dd213814000
print(abs(uuid.uuid6().time - before) < 10**8, abs(uuid.uuid1().time - before) < 10**8)
seq = [uuid.uuid7() for _ in range(300)]
print(all(a < b for a, b in zip(seq, seq[1:])), {u.version for u in seq}, {u.variant for u in seq})
ms = time.time_ns() // 10**6
print(abs((seq[-1].int >> 80) - ms) < 60000)
seq6 = [uuid.uuid6() for _ in range(100)]
print(all(a < b for a, b in zip(seq6, seq6[1:])))
u = uuid.UUID(int=0x1EC9414C232A6B00B3C89F6BDECED846)
print(u.version, u.time, hex(u.time))
v1 = uuid.UUID("c232ab00-9414-11ec-b3c8-9f6bdeced846")
print(v1.version, v1.time == u.time)
print(len({uuid.uuid4() for _ in range(1000)}), uuid.uuid4().version)
