# bz2: one-shot and incremental compression, max_length and needs_input,
# several streams, BZ2File and open() on a temporary directory, errors.
import bz2
import io
import os
import shutil
import tempfile

DATA = b''.join(b'line %d of some bzip2 test data\n' % i for i in range(2000))

c = bz2.compress(DATA)
print(len(c), c[:10], bz2.decompress(c) == DATA)
for level in (1, 5, 9):
    print(level, len(bz2.compress(DATA, level)),
          bz2.decompress(bz2.compress(DATA, level)) == DATA)
print(bz2.compress(b''), bz2.decompress(b''), bz2.decompress(bz2.compress(b'')))
print(bz2.decompress(bz2.compress(b'one ') + bz2.compress(b'two')))

comp = bz2.BZ2Compressor()
parts = [comp.compress(DATA[i:i + 1000]) for i in range(0, len(DATA), 1000)]
parts.append(comp.flush())
print(b''.join(parts) == c)

d = bz2.BZ2Decompressor()
print(d.eof, d.needs_input, d.unused_data)
out = d.decompress(c[:100])
print(len(out), d.eof, d.needs_input)
out += d.decompress(c[100:] + b'trailing junk')
print(out == DATA, d.eof, d.needs_input, d.unused_data)

# max_length: output in bounded pieces.
d = bz2.BZ2Decompressor()
first = d.decompress(c, max_length=100)
print(len(first), d.needs_input)
pieces = [first]
while not d.eof:
    piece = d.decompress(b'', max_length=5000)
    assert len(piece) <= 5000
    pieces.append(piece)
print(b''.join(pieces) == DATA, len(pieces))
# Input fed byte by byte.
d = bz2.BZ2Decompressor()
small = bz2.compress(b'tiny')
print(b''.join(d.decompress(small[i:i + 1]) for i in range(len(small))))

tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'data.bz2')
    with bz2.BZ2File(path, 'w') as f:
        print(f.write(DATA[:30000]), f.writable(), f.readable(), f.mode)
        f.writelines([DATA[30000:40000], memoryview(DATA[40000:])])
        print(f.tell())
    with bz2.open(path, 'ab', compresslevel=1) as f:
        f.write(b'appended\n')
    with bz2.BZ2File(path) as f:
        print(f.mode, f.readable(), f.seekable(), f.name == path)
        print(f.readline())
        print(f.read(10), f.tell())
        f.seek(0)
        print(f.read(4), f.peek(1)[:1])
        f.seek(-9, os.SEEK_END)
        print(f.read(), f.read())
        f.seek(7)
        print(f.readlines()[:2])
    with bz2.open(path, 'rt', encoding='ascii', newline='') as f:
        print(repr(f.readline()), len(f.read()))
    with bz2.open(path, 'wt', encoding='utf-8') as f:
        f.write('é text\n')
    with open(path, 'rb') as raw:
        with bz2.BZ2File(raw) as f:
            print(f.read().decode('utf-8'), end='')
        print(raw.closed)
    f = bz2.BZ2File(io.BytesIO(c))
    print(f.read(5), f.closed)
    f.close()
    print(f.closed)
    try:
        f.read()
    except ValueError as e:
        print('ValueError', e)
    with open(path, 'wb') as raw:
        raw.write(bz2.compress(b'complete') + b'\0\0junk')
    with bz2.open(path) as f:
        print(f.read())
    with open(path, 'wb') as raw:
        raw.write(bz2.compress(DATA)[:500])
    with bz2.open(path) as f:
        try:
            f.read()
        except EOFError as e:
            print('EOFError', e)
finally:
    shutil.rmtree(tmp)


def err(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('no error')


err(bz2.compress, DATA, 0)
err(bz2.BZ2Compressor, 10)
err(bz2.decompress, b'not bzip2 data at all')
err(bz2.decompress, c[:200])
err(bz2.open, 'x', 'rb', encoding='utf-8')
err(bz2.open, 'x', 'rbt')
err(bz2.BZ2File, 'x', 'z')
err(bz2.BZ2File, 123)
comp = bz2.BZ2Compressor()
comp.flush()
err(comp.compress, b'x')
err(comp.flush)
d = bz2.BZ2Decompressor()
d.decompress(small)
err(d.decompress, b'x')
err(bz2.BZ2Decompressor().decompress, 'text')
import pickle
err(pickle.dumps, bz2.BZ2Compressor())
