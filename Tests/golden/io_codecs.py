# Text files in encodings served by the codec registry (UTF-16, cp1252,
# UTF-8 with BOM), and tell()/seek() cookies against every character
# position for stateful and stateless decoders and all newline modes.
import io
import posix

base = '/tmp/weft_io_codecs_%d_%d' % (posix.getpid(), id(object()))
posix.mkdir(base)
path = base + '/u16.txt'

with open(path, 'w', encoding='utf-16') as f:
    f.write('hello\nw\xf6rld\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='utf-16') as f:
    print(repr(f.readline()), f.tell())
    mark = f.tell()
    print(repr(f.read(2)))
    f.seek(mark)
    print(repr(f.read()))
with open(path, 'a', encoding='utf-16') as f:
    f.write('more\n')
with open(path, 'rb') as f:
    print(f.read().count(b'\xff\xfe'))
with open(path, encoding='utf-16') as f:
    print(f.readlines())
with open(path, 'w', encoding='cp1252') as f:
    f.write('\u20ac caf\xe9\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='cp1252') as f:
    print(repr(f.read()))
with open(path, 'w', encoding='utf-8-sig') as f:
    f.write('bom\n')
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='utf-8-sig') as f:
    print(repr(f.read()))
try:
    open(path, encoding='rot13')
except LookupError as exc:
    print('LookupError:', exc)
posix.unlink(path)
posix.rmdir(base)

cases = ['ab\r\ncd\u20ac\n\U0001f600x\ry\n', 'x\r', 'a\r\r\nb\r']
for data in cases:
    for enc in ['utf-8', 'utf-16', 'latin-1']:
        try:
            raw = data.encode(enc)
        except UnicodeEncodeError:
            continue
        for newline in [None, '', '\r']:
            for chunk in [1, 3, 8192]:
                t = io.TextIOWrapper(io.BytesIO(raw), encoding=enc, newline=newline)
                t._CHUNK_SIZE = chunk
                cookies, out = [], []
                while True:
                    cookies.append(t.tell())
                    c = t.read(1)
                    if not c:
                        break
                    out.append(c)
                bad = [i for i, ck in enumerate(cookies[:-1])
                       if t.seek(ck) is None or t.read(1) != out[i]]
                t.seek(0)
                lines = []
                while True:
                    pos = t.tell()
                    line = t.readline()
                    if not line:
                        break
                    lines.append((pos, line))
                print(enc, repr(newline), chunk, cookies, bad, lines)
print('done')
