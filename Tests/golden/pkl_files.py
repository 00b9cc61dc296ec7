# _pickle: load() from real (buffered, peekable) files, from files read
# in small pieces, and loads() from any bytes-like object.
import io
import os
import pickle
import shutil
import tempfile

tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'data.pkl')
    values = [list(range(n)) for n in (0, 1, 5, 3000)]
    values += ['x' * 70000, {'k': b'v' * 100000}, (1.5, None),
               bytearray(b'z' * 90000)]
    with open(path, 'wb') as f:
        for proto in range(6):
            for v in values:
                pickle.dump(v, f, proto)
        f.write(b'end of data')
    with open(path, 'rb') as f:
        good = 0
        for proto in range(6):
            for v in values:
                if pickle.load(f) == v:
                    good += 1
        print('buffered', good, f.read())
    # Interleaved reads: the file position follows each pickle exactly.
    with open(path, 'rb') as f:
        first = pickle.load(f)
        pos = f.tell()
        second = pickle.load(f)
        print('positions', first, pos, len(second), f.tell())
    # An Unpickler keeps reading the next pickle on each load().
    with open(path, 'rb') as f:
        u = pickle.Unpickler(f)
        print('unpickler', [len(u.load()) for _ in range(len(values))])
finally:
    shutil.rmtree(tmp)


class Trickle:
    # read() returns at most 3 bytes at a time, like a slow pipe.
    def __init__(self, data):
        self._f = io.BytesIO(data)

    def read(self, n=-1):
        out = b''
        while n < 0 or len(out) < n:
            piece = self._f.read(min(3, n - len(out)) if n >= 0 else 3)
            if not piece:
                break
            out += piece
        return out

    def readline(self):
        return self._f.readline()

    def peek(self, n=0):
        pos = self._f.tell()
        data = self._f.read(3)
        self._f.seek(pos)
        return data


class TrickleInto(Trickle):
    # read() trickles but readinto() fills the whole buffer.
    def readinto(self, buf):
        data = self._f.read(len(buf))
        buf[:len(data)] = data
        return len(data)


for proto in range(6):
    small = {'a': [1, 2, 3], 'b': 'text' * 20}
    t = Trickle(pickle.dumps(small, proto) * 2)
    obj = dict(small, c=b'q' * 70000)
    blob = pickle.dumps(obj, proto)
    ti = TrickleInto(blob + blob + b'!')
    print('trickle', proto, pickle.load(t) == pickle.load(t) == small,
          pickle.load(ti) == pickle.load(ti) == obj, ti.read(5))
    cut = TrickleInto(blob[:len(blob) // 2])
    try:
        pickle.load(cut)
    except pickle.UnpicklingError as e:
        print('cut', e)

blob = pickle.dumps([1, 'two', b'three'], 5)
print('bytearray', pickle.loads(bytearray(blob)))
print('memoryview', pickle.loads(memoryview(blob)))
print('kwargs', pickle.loads(blob, fix_imports=False, encoding='latin1',
                             errors='strict'))
print('dump-kw', pickle.dumps(7, protocol=2, fix_imports=False))
f = io.BytesIO()
pickle.dump(obj=[1], file=f, protocol=1)
print('dump-file', f.getvalue())
