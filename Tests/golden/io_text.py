# Text files: newline translation, encodings and error handlers, text
# positions (tell/seek cookies), reconfigure and detach.
import io
import posix

base = '/tmp/weft_io_text_%d_%d' % (posix.getpid(), id(object()))
posix.mkdir(base)
path = base + '/text.txt'


def write_bytes(data):
    with open(path, 'wb') as f:
        f.write(data)


def read_bytes():
    with open(path, 'rb') as f:
        return f.read()


def show(label, func):
    try:
        print(label, repr(func()))
    except Exception as exc:
        print(label, type(exc).__name__ + ':', exc)


# newline on write
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(path, 'w', encoding='utf-8', newline=newline) as f:
        f.write('a\nb\r\nc\rd\n')
    print('write', repr(newline), read_bytes())

# newline on read
write_bytes(b'one\r\ntwo\rthree\nfour\r\n\r\nfive\r')
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(path, encoding='utf-8', newline=newline) as f:
        lines = f.readlines()
        print('lines', repr(newline), lines, f.newlines)
    with open(path, encoding='utf-8', newline=newline) as f:
        print('read', repr(newline), repr(f.read()))
# a '\r' at a chunk boundary followed by '\n' in the next chunk
write_bytes(b'x' * 8191 + b'\r\n' + b'tail\r\n')
with open(path, encoding='utf-8') as f:
    text = f.read()
    print(len(text), repr(text[-8:]), text.count('\r'))
with open(path, encoding='utf-8', newline='') as f:
    print([len(line) for line in f])

# encodings and error handlers
write_bytes('caf\xe9 \u20ac\n'.encode('utf-8'))
with open(path, encoding='utf-8') as f:
    print(repr(f.read()), f.encoding, f.errors)
for enc in ['latin-1', 'ascii']:
    for errors in ['strict', 'replace', 'ignore', 'surrogateescape', 'backslashreplace']:
        def go():
            with open(path, encoding=enc, errors=errors) as f:
                return f.read()
        show('decode %s %s' % (enc, errors), go)
for enc in ['utf-8', 'latin-1', 'ascii']:
    for errors in ['strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace']:
        def go():
            with open(path, 'w', encoding=enc, errors=errors) as f:
                f.write('a\xe9\u20ac\U0001f600z')
            return read_bytes()
        show('encode %s %s' % (enc, errors), go)
with open(path, 'w', encoding='utf-8', errors='surrogateescape') as f:
    f.write('bad\udcff\n')
print(read_bytes())
show('lone surrogate', lambda: open(path, 'w', encoding='utf-8').write('\ud800'))
write_bytes(b'ok\n\xff\xfe\n')
def bad_read():
    with open(path, encoding='utf-8') as f:
        return f.read()
show('bad utf-8', bad_read)
show('UTF8 alias', lambda: open(path, encoding='UTF8').encoding)
show('unknown encoding', lambda: open(path, encoding='no-such-codec'))
show('encoding type', lambda: open(path, encoding=5))

# text positions
write_bytes('h\xe9llo \u20ac\n'.encode('utf-8') * 3)
with open(path, encoding='utf-8') as f:
    print(repr(f.readline()), f.tell())
    mark = f.tell()
    print(repr(f.read(2)))
    mark2 = f.tell()
    print(mark2, repr(f.read(5)))
    f.seek(mark)
    print(repr(f.read(3)))
    f.seek(mark2)
    print(repr(f.read()))
    f.seek(0)
    print(repr(f.readline()))
write_bytes(b'a\r\nb\r\nc\r\n')
with open(path, encoding='utf-8') as f:
    positions = []
    while True:
        positions.append(f.tell())
        ch = f.read(1)
        if not ch:
            break
    print(positions)
    f.seek(positions[2])
    print(repr(f.read()))
with open(path, encoding='utf-8') as f:
    for line in f:
        show('tell while iterating', f.tell)
        break
with open(path, 'w+', encoding='utf-8') as f:
    f.write('first\nsecond\n')
    print(f.tell())
    f.seek(0)
    print(repr(f.readline()), f.tell())
    f.seek(0, 2)
    f.write('third\n')
    f.seek(0)
    print(repr(f.read()))

# reconfigure and detach
with open(path, 'w', encoding='utf-8') as f:
    f.write('x\n')
    f.reconfigure(encoding='latin-1', errors='replace', newline='\r\n',
                  line_buffering=True)
    print(f.encoding, f.errors, f.line_buffering)
    f.write('\xe9\u20ac\n')
print(read_bytes())
f = open(path, encoding='latin-1')
f.read(1)
show('reconfigure after read', lambda: f.reconfigure(encoding='ascii'))
f.reconfigure(line_buffering=False)
raw = f.detach()
print(type(raw).__name__, raw.closed)
show('after detach', f.read)
show('close after detach', f.close)
show('repr after detach', lambda: repr(f))
raw.close()

# TextIOWrapper over an in-memory buffer
t = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', newline='\r\n')
t.write('a\nb')
t.flush()
print(t.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO('l1\nl2\r\n'.encode()), encoding='ascii')
print(t.readlines(), t.newlines, t.seekable(), t.readable(), t.writable())
show('bad buffer', lambda: io.TextIOWrapper(42))

posix.unlink(path)
posix.rmdir(base)
print('done')
