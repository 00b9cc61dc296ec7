# lzma: .xz, .lzma and raw streams, checks, presets and filter chains,
# incremental use with max_length, LZMAFile and open(), errors.
import io
import lzma
import os
import shutil
import tempfile

DATA = b''.join(b'record %05d: some lzma test data\n' % i for i in range(1000))

for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(DATA, format=fmt)
    print(fmt, len(c), c[:6].hex(), lzma.decompress(c) == DATA,
          lzma.decompress(c, format=fmt) == DATA)
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64,
              lzma.CHECK_SHA256):
    c = lzma.compress(DATA, check=check, preset=1)
    d = lzma.LZMADecompressor()
    print(check, d.check, lzma.is_check_supported(check), end=' ')
    out = d.decompress(c)
    print(d.check, d.eof, out == DATA)
print(lzma.compress(DATA, preset=1 | lzma.PRESET_EXTREME)[:6].hex())

filters = [{'id': lzma.FILTER_DELTA, 'dist': 4},
           {'id': lzma.FILTER_X86},
           {'id': lzma.FILTER_LZMA2, 'preset': 3, 'dict_size': 1 << 20,
            'lc': 2, 'mf': lzma.MF_BT4, 'mode': lzma.MODE_NORMAL}]
raw = lzma.compress(DATA, format=lzma.FORMAT_RAW, filters=filters)
print(len(raw), lzma.decompress(raw, format=lzma.FORMAT_RAW,
                                 filters=filters) == DATA)
xz = lzma.compress(DATA, filters=filters)
print(lzma.decompress(xz) == DATA)
lz1 = [{'id': lzma.FILTER_LZMA1, 'preset': 2}]
print(lzma.decompress(lzma.compress(DATA, format=lzma.FORMAT_ALONE,
                                    filters=lz1)) == DATA)

props = lzma._encode_filter_properties({'id': lzma.FILTER_LZMA1})
print(props.hex(), lzma._decode_filter_properties(lzma.FILTER_LZMA1, props))
print(lzma._decode_filter_properties(lzma.FILTER_LZMA2, b'\x10'))
print(lzma._decode_filter_properties(lzma.FILTER_DELTA, b'\x03'))
print(lzma._encode_filter_properties({'id': lzma.FILTER_DELTA, 'dist': 9}))

c = lzma.compress(DATA)
print(lzma.decompress(c + c) == DATA * 2, lzma.decompress(c + b'junk') == DATA)
d = lzma.LZMADecompressor()
pieces = [d.decompress(c, max_length=1000)]
print(len(pieces[0]), d.needs_input, d.eof)
while not d.eof:
    pieces.append(d.decompress(b'', max_length=30000))
print(b''.join(pieces) == DATA, len(pieces), d.needs_input)
d = lzma.LZMADecompressor()
out = d.decompress(c[:50])
out += d.decompress(c[50:] + b'tail')
print(out == DATA, d.unused_data, d.eof)
comp = lzma.LZMACompressor(check=lzma.CHECK_CRC32)
parts = [comp.compress(DATA[i:i + 4096]) for i in range(0, len(DATA), 4096)]
parts.append(comp.flush())
print(lzma.decompress(b''.join(parts)) == DATA)

tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'data.xz')
    with lzma.LZMAFile(path, 'w', preset=1) as f:
        print(f.write(DATA), f.tell(), f.mode)
    with lzma.open(path, 'a', format=lzma.FORMAT_ALONE) as f:
        f.write(b'second stream\n')
    with lzma.open(path) as f:
        print(f.mode, f.seekable(), f.readline())
        f.seek(-14, os.SEEK_END)
        print(f.read(), f.tell())
        f.seek(5)
        print(f.read(7), f.peek(1)[:1])
    with lzma.open(path, 'rt', encoding='ascii') as f:
        print(repr(f.readline()))
    with lzma.open(path, 'wt', encoding='utf-8', check=lzma.CHECK_SHA256) as f:
        f.write('ünïcode\n')
    with open(path, 'rb') as raw_file:
        with lzma.LZMAFile(raw_file) as f:
            print(f.read().decode('utf-8'), end='')
        print(raw_file.closed)
    with lzma.LZMAFile(io.BytesIO(raw), format=lzma.FORMAT_RAW,
                       filters=filters) as f:
        print(f.read(14))
    with open(path, 'wb') as raw_file:
        raw_file.write(lzma.compress(DATA)[:300])
    with lzma.open(path) as f:
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


err(lzma.decompress, b'not lzma data')
err(lzma.decompress, c[:100])
err(lzma.LZMACompressor, format=lzma.FORMAT_RAW)
err(lzma.LZMACompressor, format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32)
err(lzma.LZMACompressor, preset=3, filters=filters)
err(lzma.LZMACompressor, preset=10)
err(lzma.LZMACompressor, format=7)
err(lzma.LZMACompressor, filters=[{'id': lzma.FILTER_LZMA2, 'bogus': 1}])
err(lzma.LZMACompressor, filters=[{'dist': 1}])
err(lzma.LZMACompressor, filters=[{'id': 99}])
err(lzma.LZMACompressor, filters=[1])
err(lzma.LZMACompressor, filters=[{'id': lzma.FILTER_DELTA}] * 5)
err(lzma.LZMACompressor, format=lzma.FORMAT_ALONE, filters=filters)
err(lzma.LZMADecompressor, format=lzma.FORMAT_RAW)
err(lzma.LZMADecompressor, format=lzma.FORMAT_XZ, filters=filters)
err(lzma.LZMADecompressor, format=lzma.FORMAT_RAW, memlimit=5,
    filters=filters)
err(lzma.decompress, c, memlimit=1000)
err(lzma.LZMAFile, 'x', 'r', preset=1)
err(lzma.LZMAFile, 'x', 'r', check=lzma.CHECK_NONE)
err(lzma.LZMAFile, 'x', 'q')
err(lzma.open, 'x', 'rb', newline='\n')
d = lzma.LZMADecompressor()
d.decompress(c)
err(d.decompress, b'more')
comp = lzma.LZMACompressor()
comp.flush()
err(comp.compress, b'x')
err(comp.flush)
print(issubclass(lzma.LZMAError, Exception), lzma.CHECK_UNKNOWN,
      lzma.CHECK_ID_MAX, lzma.PRESET_DEFAULT, hex(lzma.PRESET_EXTREME),
      lzma.FILTER_LZMA1, lzma.MF_BT4, lzma.MODE_FAST)
