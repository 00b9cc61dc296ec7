# Stream objects shared between threads: no crash, no corruption of the
# objects each thread owns.
import threading
import zlib

chunks = [bytes([65 + i]) * 3000 + bytes(range(256)) for i in range(8)]
results = [None] * 8

def own(i):
    co = zlib.compressobj(6)
    out = b"".join(co.compress(chunks[i]) for _ in range(30)) + co.flush()
    do = zlib.decompressobj()
    back = b""
    for j in range(0, len(out), 100):
        back += do.decompress(out[j:j + 100])
    results[i] = back == chunks[i] * 30 and do.eof

threads = [threading.Thread(target=own, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)

shared = zlib.compressobj()
shared_out = []
def hammer(i):
    for _ in range(40):
        shared_out.append(shared.compress(chunks[i]))
        if i % 2:
            shared.copy()

threads = [threading.Thread(target=hammer, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
tail = shared.flush()
print(len(shared_out), isinstance(tail, bytes))

stream = zlib.compress(b"".join(chunks) * 20)
dshared = zlib.decompressobj()
sizes = []
def reader(k):
    for j in range(k, len(stream), 4 * 64):
        sizes.append(len(dshared.decompress(b"", 10)))
        dshared.unused_data, dshared.unconsumed_tail, dshared.eof

threads = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
got = dshared.decompress(stream)
for t in threads:
    t.join()
print(len(got) <= len(b"".join(chunks) * 20), dshared.eof or True)
