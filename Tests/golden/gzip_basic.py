# gzip: compress/decompress with a fixed mtime, GzipFile reading and
# writing (names, mtime, several members, seeking), open() in text mode,
# and the errors for damaged files.
import gzip
import io
import os
import shutil
import tempfile
import zlib

DATA = b''.join(b'gzip line %d\n' % i for i in range(5000))

c = gzip.compress(DATA, mtime=1)
print(len(c), c[:10].hex(), c[-8:].hex())
print(gzip.decompress(c) == DATA, gzip.decompress(c + c) == DATA * 2)
print(gzip.compress(b'', mtime=123456).hex())
print(gzip.compress(b'abc', 1, mtime=1)[8], gzip.compress(b'abc', 5, mtime=1)[8])
print(gzip.decompress(gzip.compress(b'x', mtime=1) + b'\0\0\0\0'))
print(gzip.decompress(memoryview(gzip.compress(b'view', mtime=1))))

buf = io.BytesIO()
with gzip.GzipFile(filename='member.txt.gz', mode='wb', fileobj=buf,
                   mtime=1000) as g:
    print(g.write(DATA[:100]), g.write(memoryview(DATA[100:])), g.tell())
    print(g.mode == gzip.WRITE, g.name, g.writable(), g.readable())
raw = buf.getvalue()
print(raw[:22])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as g:
    print(g.mtime, g.mode == gzip.READ, g.readline(), g.mtime)
    print(g.read(11), g.tell(), g.peek(1)[:1])
    g.seek(-13, os.SEEK_END)
    print(g.read())
    g.rewind()
    print(g.read1(5), len(g.read()))
    ba = bytearray(4)
    g.seek(2)
    print(g.readinto(ba), ba)

# Several members, with padding between them.
multi = (gzip.compress(b'first ', mtime=1) + b'\0' * 3
         + gzip.compress(b'second', mtime=2))
with gzip.GzipFile(fileobj=io.BytesIO(multi)) as g:
    print(g.read(), g.mtime)

tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'file.txt.gz')
    with gzip.open(path, 'wb', compresslevel=1) as g:
        g.write(DATA)
        g.flush()
        g.seek(len(DATA) + 3)
        g.write(b'end')
    with gzip.open(path, 'ab') as g:
        g.write(b'\nappended')
    with gzip.open(path) as g:
        whole = g.read()
        print(len(whole), whole[-15:], g.name == path)
    with open(path, 'rb') as f:
        header = f.read(10)
        print(header[:4].hex(), header[8], f.read(9))
    with gzip.open(path, 'rt', encoding='ascii', newline='') as t:
        print(repr(t.readline()), len(t.readlines()))
    with gzip.open(path, 'wt', encoding='utf-8') as t:
        t.write('ünïcode text\n')
    with gzip.open(path, 'rt', encoding='utf-8') as t:
        print(t.read(), end='')
    with open(path, 'rb') as f:
        with gzip.open(f) as g:
            print(g.read(3))
        print(f.closed)
    with open(path, 'wb') as f:
        f.write(gzip.compress(DATA, mtime=1)[:100])
    with gzip.open(path) as g:
        try:
            g.read()
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


bad_crc = bytearray(c)
bad_crc[-8] ^= 1
bad_len = bytearray(c)
bad_len[-1] ^= 1
bad_method = bytearray(c)
bad_method[2] = 7
err(gzip.decompress, b'not gzip data')
err(gzip.decompress, bytes(bad_crc))
err(gzip.decompress, bytes(bad_len))
err(gzip.decompress, bytes(bad_method))
err(gzip.decompress, c[:-4])
err(gzip.GzipFile(fileobj=io.BytesIO(b'plain text here')).read)
err(gzip.GzipFile(fileobj=io.BytesIO(c), mode='rb').write, b'x')
err(gzip.GzipFile(fileobj=io.BytesIO(), mode='wb').read)
err(gzip.open, 'x', 'rb', encoding='utf-8')
err(gzip.open, 'x', 'rtb')
err(gzip.open, 42)
err(gzip.GzipFile, fileobj=io.BytesIO(), mode='z')
g = gzip.GzipFile(fileobj=io.BytesIO(), mode='wb')
g.write(b'abc')
err(g.seek, 1)
err(g.seek, 0, os.SEEK_END)
g.close()
g.close()
err(g.write, b'x')
print(issubclass(gzip.BadGzipFile, OSError), zlib.crc32(DATA))
