# Files on disk: modes, reading and writing, positions, errors.
import posix

base = '/tmp/weft_io_files_%d_%d' % (posix.getpid(), id(object()))
posix.mkdir(base)
path = base + '/data.txt'


def show(label, func):
    try:
        print(label, repr(func()))
    except Exception as exc:
        print(label, type(exc).__name__ + ':', exc)


# text write and read back
with open(path, 'w', encoding='utf-8') as f:
    print(type(f).__name__, f.mode, f.encoding, f.closed, f.name == path)
    print(f.write('hello\nworld\n'))
    print('third', 3, sep='-', file=f)
    f.writelines(['x\n', 'y\n'])
    print(f.writable(), f.readable(), f.seekable())
print(f.closed)
with open(path, encoding='utf-8') as f:
    print(repr(f.read()))
with open(path, encoding='utf-8') as f:
    print([line for line in f])
with open(path, encoding='utf-8') as f:
    print(f.readlines(), f.readlines())
with open(path, encoding='utf-8') as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(repr(f.read(4)), repr(f.read()), repr(f.read()))

# tell/seek on text files
with open(path, encoding='utf-8') as f:
    print(f.tell(), repr(f.readline()), f.tell())
    mark = f.tell()
    print(repr(f.read(3)), f.tell())
    f.seek(mark)
    print(repr(f.readline()))
    print(f.seek(0, 2), repr(f.read()))
    f.seek(0)
    print(repr(f.read(5)))
    show('cur-relative', lambda: f.seek(3, 1))
    show('end-relative', lambda: f.seek(-1, 2))
    show('negative', lambda: f.seek(-1))

# binary modes
with open(path, 'rb') as f:
    print(type(f).__name__, f.mode, f.read(3), f.peek(1)[:1], f.read1(3), f.tell())
    print(f.readline(), f.readlines())
    f.seek(2)
    print(f.read(2), f.seek(-2, 1), f.read(2), f.seek(0, 2), f.read())
with open(path, 'rb', buffering=0) as f:
    print(type(f).__name__, f.mode, f.read(4), len(f.readall()), f.read(), f.closefd)
    buf = bytearray(3)
    f.seek(1)
    print(f.readinto(buf), buf)
with open(path, 'r+b') as f:
    print(type(f).__name__)
    f.seek(1)
    f.write(b'E')
    print(f.read(3))
    f.seek(0)
    print(f.read(9))
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
with open(path, 'a', encoding='utf-8') as f:
    print(f.tell())
    f.write('++\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'w+', encoding='utf-8') as f:
    f.write('abc\ndef\n')
    f.seek(0)
    print(repr(f.read()))
with open(path, 'wb') as f:
    print(f.write(b'\x00\x01binary\xff'), f.write(bytearray(b'!')), f.write(memoryview(b'?')))
with open(path, 'rb') as f:
    print(f.read(), f.read())

# exclusive creation
try:
    open(path, 'x')
except FileExistsError as exc:
    print('x on existing', exc.errno, exc.filename == path)
xpath = base + '/new.bin'
with open(xpath, 'xb') as f:
    print(f.mode, f.write(b'new'))
posix.unlink(xpath)

# file descriptors and openers
fd = posix.open(path, posix.O_RDONLY)
with open(fd, 'rb', closefd=False) as f:
    print(f.name == fd, f.read(3))
print(posix.read(fd, 3))
posix.close(fd)
seen = []
def opener(name, flags):
    seen.append(name == path)
    return posix.open(name, flags)
with open(path, 'rb', opener=opener) as f:
    print(f.read(4), seen)

# closed files and unsupported operations
f = open(path, encoding='utf-8')
f.close()
f.close()
for name, op in [('read', f.read), ('readline', f.readline),
                 ('tell', f.tell), ('flush', f.flush),
                 ('write', lambda: f.write('x')), ('next', lambda: next(f)),
                 ('iter', lambda: iter(f)), ('fileno', f.fileno)]:
    show(name, op)
b = open(path, 'rb')
b.close()
show('binary read', b.read)
show('binary write', lambda: open(path, 'ab').close() or b.write(b'x'))
r = open(path, 'rb', buffering=0)
r.close()
show('raw read', r.read)
with open(path, 'w', encoding='utf-8') as f:
    show('read on w', f.read)
    show('readline on w', f.readline)
with open(path, encoding='utf-8') as f:
    show('write on r', lambda: f.write('x'))
    show('truncate on r', f.truncate)
with open(path, 'wb') as f:
    show('binary read on wb', f.read)
with open(path, 'rb', buffering=0) as f:
    show('raw write on rb', lambda: f.write(b'x'))
import io
try:
    with open(path, 'w', encoding='utf-8') as f:
        f.read()
except io.UnsupportedOperation as exc:
    print('UnsupportedOperation is', isinstance(exc, OSError), isinstance(exc, ValueError))

# bad arguments
for mode in ['rw', 'rq', 'rbt', '', 'rr', 'U', 'r++']:
    show('mode %r' % mode, lambda: open(path, mode))
show('mode int', lambda: open(path, 5))
show('binary encoding', lambda: open(path, 'rb', encoding='utf-8'))
show('binary errors', lambda: open(path, 'rb', errors='strict'))
show('binary newline', lambda: open(path, 'rb', newline='\n'))
show('unbuffered text', lambda: open(path, 'r', buffering=0))
show('bad newline', lambda: open(path, 'r', newline='x'))
show('bad file', lambda: open(3.5))
show('negative fd', lambda: open(-1))
try:
    open(base + '/missing/file')
except FileNotFoundError as exc:
    print('FileNotFoundError', exc.errno, exc.strerror, exc.filename == base + '/missing/file')
try:
    open(base)
except IsADirectoryError as exc:
    print('IsADirectoryError', exc.errno)

# with-statement and iteration protocol
with open(path, 'w', encoding='utf-8') as f:
    print(f.__enter__() is f)
print(f.closed)

posix.unlink(path)
posix.rmdir(base)
print('done')
