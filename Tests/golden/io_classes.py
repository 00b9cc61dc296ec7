# The io class hierarchy: ABCs, Python subclasses of the C base classes,
# buffered objects over custom raw streams, IncrementalNewlineDecoder.
import io
import sys


def show(label, func):
    try:
        print(label, repr(func()))
    except Exception as exc:
        print(label, type(exc).__name__ + ':', exc)


print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.UnsupportedOperation.__name__, io.UnsupportedOperation.__mro__[1:3])
print(io.BlockingIOError is BlockingIOError, io.open is open)
for cls in [io.FileIO, io.BytesIO, io.StringIO, io.BufferedReader,
            io.BufferedWriter, io.BufferedRandom, io.BufferedRWPair,
            io.TextIOWrapper]:
    print(cls.__name__, issubclass(cls, io.IOBase), issubclass(cls, io.RawIOBase),
          issubclass(cls, io.BufferedIOBase), issubclass(cls, io.TextIOBase))
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdout.buffer, io.BufferedIOBase))


class Chunks(io.RawIOBase):
    """A raw stream that returns at most 3 bytes per read."""

    def __init__(self, data):
        self.data = data
        self.writes = []

    def readable(self):
        return True

    def writable(self):
        return True

    def readinto(self, b):
        n = min(len(b), 3, len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n

    def write(self, b):
        self.writes.append(bytes(b))
        return len(b)


r = Chunks(b'abc\ndefgh\nij')
print(r.read(2), r.read(10), r.readline(), r.readall(), r.read())
r = Chunks(b'x\ny\nz')
print(list(r), r.closed)
r.close()
print(r.closed)
show('closed raw', r.read)

br = io.BufferedReader(Chunks(b'line1\nline2\nrest'), buffer_size=4)
print(br.read(3), br.peek(1)[:1], br.readline(), list(br))
print(br.raw.__class__.__name__, br.closed)
bw = io.BufferedWriter(Chunks(b''), buffer_size=4)
print(bw.write(b'ab'), bw.raw.writes, bw.write(b'cdefghij'), bw.raw.writes)
bw.flush()
print(bw.raw.writes)
pair = io.BufferedRWPair(Chunks(b'in\ndata'), Chunks(b''))
print(pair.read(2), pair.readline(), pair.write(b'out'), pair.readable(), pair.writable())
pair.flush()
print(pair.writer.raw.writes if hasattr(pair, 'writer') else 'ok')
show('reader on writable-only', lambda: io.BufferedReader(io.FileIO(sys.stdout.fileno(), 'w', closefd=False)))
show('buffer size', lambda: io.BufferedReader(io.BytesIO(), buffer_size=0))


class Upper(io.TextIOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)


u = Upper()
print('x', 'y', file=u)
u.writelines(['a', 'b'])
print(u.parts, u.encoding, u.newlines, u.errors)
show('TextIOBase.read', u.read)
show('IOBase.fileno', u.fileno)
show('IOBase.seek', lambda: u.seek(0))
show('IOBase.truncate', u.truncate)
print(u.seekable(), u.readable(), u.writable(), u.isatty(), u.closed)
with u:
    pass
print(u.closed)
show('flush after close', u.flush)
show('enter after close', u.__enter__)


class Lines(io.IOBase):
    def __init__(self, data):
        self.data = data

    def read(self, n=-1):
        piece, self.data = self.data[:n], self.data[n:]
        return piece

    def readable(self):
        return True


print(Lines(b'p\nq\nr').readlines(), list(Lines(b'1\n2')))
print(Lines(b'abc\ndef').readline(2), Lines(b'abc\ndef').readlines(5))


class Registered:
    pass


io.RawIOBase.register(Registered)
print(issubclass(Registered, io.IOBase), isinstance(Registered(), io.RawIOBase))

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r')), repr(d.decode('c')),
      repr(d.decode('\r', final=True)), d.newlines, d.getstate())
d.setstate((b'', 1))
print(repr(d.decode('\n')), d.getstate())
d.reset()
print(d.newlines)
d = io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode('x\r\ny\r')), repr(d.decode('z')), d.newlines)
print(io.text_encoding('latin-1'))
print(isinstance(io.DEFAULT_BUFFER_SIZE, int), io.DEFAULT_BUFFER_SIZE >= 8192)
print('done')
