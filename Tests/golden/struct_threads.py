# The format cache under concurrent use: threads pack and unpack with
# more formats than the cache holds, so it is filled and cleared while
# others read it; one shared Struct is used by every thread.
import struct
import threading

shared = struct.Struct("<qd4s")
errors = []

def work(k):
    try:
        for i in range(300):
            fmt = "<%di" % (i % 150 + 1)
            values = list(range(i % 150 + 1))
            assert struct.unpack(fmt, struct.pack(fmt, *values)) == tuple(values)
            assert struct.calcsize(fmt) == 4 * (i % 150 + 1)
            data = shared.pack(k, i / 2, b"abcd")
            assert shared.unpack(data) == (k, i / 2, b"abcd")
            buf = bytearray(40)
            shared.pack_into(buf, 8, -k, 0.5, b"xy")
            assert shared.unpack_from(buf, 8) == (-k, 0.5, b"xy\0\0")
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(errors, shared.size, struct.calcsize("<150i"))
