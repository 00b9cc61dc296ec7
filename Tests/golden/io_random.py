# BufferedRandom against a bytearray model: thousands of mixed reads,
# writes, seeks, peeks and tells through a small buffer.
import io, posix
base = '/tmp/weft_io_random_%d_%d' % (posix.getpid(), id(object()))
posix.mkdir(base)
p = base + '/r.bin'
data = bytes(range(256)) * 40
with open(p, 'wb') as f:
    f.write(data)
# deterministic pseudo-random ops on BufferedRandom mirrored on a bytearray
seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed % n
model = bytearray(data)
pos = 0
log = []
with open(p, 'r+b', buffering=64) as f:
    for step in range(3000):
        op = rand(6)
        if op == 0:
            n = rand(200)
            got = f.read(n)
            exp = bytes(model[pos:pos + n]); pos += len(exp)
            log.append(got == exp)
        elif op == 1:
            n = rand(100)
            chunk = bytes([rand(256) for _ in range(n)])
            f.write(chunk)
            if pos > len(model):
                model.extend(b'\0' * (pos - len(model)))
            model[pos:pos + n] = chunk; pos += n
        elif op == 2:
            target = rand(len(model) + 50)
            f.seek(target); pos = target
        elif op == 3:
            log.append(f.tell() == pos)
        elif op == 4:
            got = f.peek(10)[:1]
            log.append(got == bytes(model[pos:pos + 1]) or got == b'')
        else:
            rel = rand(40) - 20
            if pos + rel >= 0:
                f.seek(rel, 1); pos += rel
    f.flush()
with open(p, 'rb') as f:
    final = f.read()
print(all(log), len(log), final == bytes(model), len(final), len(model))
posix.unlink(p); posix.rmdir(base)
