# zipfile: writing and reading every compression method, ZipInfo
# details, comments, appending, ZIP64, zipfile.Path, extraction (with
# hostile names), traditional-PKWARE-encrypted members, and errors.
import io
import os
import shutil
import sys
import tempfile
import zipfile

DATE = (2021, 3, 4, 5, 6, 8)
TEXT = b''.join(b'zip line %d\n' % i for i in range(400))


def info(name, compress_type=zipfile.ZIP_STORED):
    zi = zipfile.ZipInfo(name, DATE)
    zi.compress_type = compress_type
    zi.external_attr = 0o644 << 16
    zi.CRC = 0
    return zi


buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as zf:
    zf.writestr(info('stored.txt'), TEXT)
    zf.writestr(info('deflated.txt', zipfile.ZIP_DEFLATED), TEXT)
    zf.writestr(info('bzip2.txt', zipfile.ZIP_BZIP2), TEXT)
    zf.writestr(info('lzma.txt', zipfile.ZIP_LZMA), TEXT)
    zf.writestr(info('dir/sub/ünï.txt', zipfile.ZIP_DEFLATED), 'text str')
    with zf.open(info('streamed.bin'), 'w') as w:
        w.write(b'abc')
        w.write(memoryview(b'def'))
    zf.mkdir(info('emptydir/'))
    zf.comment = b'archive comment'
    print(zf.namelist())
data = buf.getvalue()
print(len(data), zipfile.is_zipfile(io.BytesIO(data)),
      zipfile.is_zipfile(io.BytesIO(b'nope')))

with zipfile.ZipFile(io.BytesIO(data)) as zf:
    print(zf.comment, zf.testzip())
    for zi in zf.infolist():
        print(repr(zi))
        print('  ', zi.date_time, zi.CRC, zi.extract_version, zi.flag_bits,
              zi.is_dir(), zf.read(zi) == TEXT)
    print(zf.read('dir/sub/ünï.txt'), zf.read('streamed.bin'))
    with zf.open('deflated.txt') as f:
        print(f.readline(), f.read(8), f.tell(), f.seekable())
        f.seek(-7, os.SEEK_END)
        print(f.read())
        f.seek(3)
        print(f.read(5), f.peek(1)[:1])
    with zf.open('lzma.txt') as a, zf.open('bzip2.txt') as b:
        print(a.read(12), b.read(12), a.read(12), b.read(12))
    out = io.StringIO()
    zf.printdir(file=out)
    print(out.getvalue(), end='')

# Append mode, then data in front of an archive (as self-extractors do).
with zipfile.ZipFile(buf, 'a') as zf:
    zf.writestr(info('added.txt'), b'later')
with zipfile.ZipFile(buf) as zf:
    print(zf.namelist()[-2:], zf.read('added.txt'), zf.comment)
prefixed = io.BytesIO(b'#!stub\n' * 10 + buf.getvalue())
with zipfile.ZipFile(prefixed) as zf:
    print(zf.read('lzma.txt') == TEXT, zf.testzip())

# ZIP64 fields, forced for a small member.
z64 = io.BytesIO()
with zipfile.ZipFile(z64, 'w', zipfile.ZIP_DEFLATED) as zf:
    with zf.open(info('big.bin'), 'w', force_zip64=True) as w:
        w.write(b'0123456789' * 100)
with zipfile.ZipFile(z64) as zf:
    zi = zf.getinfo('big.bin')
    print(zi.extract_version, zi.file_size, zf.read(zi)[:12])
try:
    zipfile.ZipFile(io.BytesIO(), 'w', allowZip64=False).open(
        'x', 'w', force_zip64=True)
except ValueError as e:
    print('ValueError', e)

# zipfile.Path.
root = zipfile.Path(zipfile.ZipFile(io.BytesIO(data)))
print(sorted(p.name for p in root.iterdir()))
sub = root / 'dir' / 'sub'
print(sub.is_dir(), sub.exists(), repr(sub.at), sub.parent.at)
leaf = sub.joinpath('ünï.txt')
print(leaf.is_file(), leaf.name, leaf.suffix, leaf.stem,
      leaf.read_text(encoding='utf-8'), leaf.read_bytes())
with leaf.open('rb') as f:
    print(f.read(4))
print(sorted(p.at for p in root.glob('*.txt')))
print(sorted(p.at for p in root.rglob('*.txt')))
print((root / 'missing').exists(), root.joinpath('dir').is_dir(),
      root.joinpath('dir').at)
try:
    (root / 'missing.txt').read_text(encoding='utf-8')
except FileNotFoundError:
    print('FileNotFoundError')

# Encrypted members made by Info-ZIP's `zip -P` (stored and deflated).
ENC = bytes.fromhex(
    '504b03040a000900000083182250e1e1e4ea1c0000001000000005000000732e7478'
    '747cd5be7e991d6ac2fd3145ec1a96370b1a87c3adb34c874f54902896504b0708e1'
    'e1e4ea1c00000010000000504b03040a000900000083182250c3d16cc14200000036'
    '00000005000000742e7478745b54fac6f009a7838145e329e056337eef4125a10b83'
    '2b567e3da767defac527579dd8776a7854758633d5d13979dedf155d2db2d990b738'
    '79ee97fa0c4c4216723a504b0708c3d16cc14200000036000000504b01021e030a00'
    '0900000083182250e1e1e4ea1c00000010000000050000000000000001000000a481'
    '00000000732e747874504b01021e030a000900000083182250c3d16cc14200000036'
    '000000050000000000000000000000a4814f000000742e747874504b050600000000'
    '0200020066000000c40000000000')
DEFL = bytes.fromhex(
    '504b0304140009000800831822504422721c1a0000001901000005000000752e7478'
    '7487752cf1fae2d681a2dce2cac6f5c8a9fb892a7e7e7a142e2ae9504b0708442272'
    '1c1a00000019010000504b01021e03140009000800831822504422721c1a00000019'
    '010000050000000000000001000000a48100000000752e747874504b050600000000'
    '01000100330000004d0000000000')
with zipfile.ZipFile(io.BytesIO(ENC)) as zf:
    print(zf.read('s.txt', pwd=b'hunter2'))
    zf.setpassword(b'hunter2')
    print(zf.read('t.txt'))
    with zf.open('t.txt') as f:
        print(f.read(6), f.seek(14), f.read(6), f.seek(2), f.read(4))
    zf.setpassword(None)
    for pwd in (None, b'wrong'):
        try:
            zf.read('s.txt', pwd=pwd)
        except RuntimeError as e:
            print('RuntimeError', e)
    try:
        zf.read('s.txt', pwd='hunter2')
    except TypeError as e:
        print('TypeError', e)
with zipfile.ZipFile(io.BytesIO(DEFL)) as zf:
    print(zf.read('u.txt', pwd=b'pw') == b'repeat ' * 40 + b'\n')

# Files on disk: write(), extract(), extractall() with hostile names.
tmp = tempfile.mkdtemp()
try:
    src = os.path.join(tmp, 'src')
    os.makedirs(os.path.join(src, 'inner'))
    with open(os.path.join(src, 'inner', 'f.txt'), 'wb') as f:
        f.write(b'file on disk')
    arch = os.path.join(tmp, 'a.zip')
    with zipfile.ZipFile(arch, 'w', zipfile.ZIP_DEFLATED,
                         compresslevel=9) as zf:
        zf.write(os.path.join(src, 'inner'), 'inner')
        zf.write(os.path.join(src, 'inner', 'f.txt'), 'inner/f.txt')
        zf.write(os.path.join(src, 'inner', 'f.txt'), 'copy.txt',
                 compress_type=zipfile.ZIP_STORED)
        zf.writestr(info('../../escape.txt'), b'x')
        zf.writestr(info('/abs/path.txt'), b'y')
        print(repr(zf).startswith("<zipfile.ZipFile filename="), zf.mode)
    print(zipfile.is_zipfile(arch))
    with zipfile.ZipFile(arch) as zf:
        print([(zi.filename, zi.compress_type, zi.is_dir())
               for zi in zf.infolist()])
        dest = os.path.join(tmp, 'out')
        got = zf.extract('inner/f.txt', dest)
        print(os.path.relpath(got, tmp), open(got, 'rb').read())
        zf.extractall(dest)
    found = []
    for dirpath, dirnames, filenames in os.walk(tmp):
        for name in filenames:
            found.append(os.path.relpath(os.path.join(dirpath, name), tmp))
    print(sorted(found))
    with open(arch, 'rb') as f:
        print(zipfile.is_zipfile(f), f.tell())
    try:
        zipfile.ZipFile(arch, 'x')
    except FileExistsError:
        print('FileExistsError')
    print(repr(zf))
finally:
    shutil.rmtree(tmp)


def err(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('no error')


err(zipfile.ZipFile, io.BytesIO(b'not a zip file at all'))
err(zipfile.ZipFile, io.BytesIO(), 'q')
err(zipfile.ZipFile, io.BytesIO(), 'w', compression=99)
zf = zipfile.ZipFile(io.BytesIO(data))
err(zf.getinfo, 'nope')
err(zf.open, 'nope')
err(zf.open, 'stored.txt', 'a')
err(zf.writestr, 'x', b'y')
zf.close()
err(zf.read, 'stored.txt')
corrupt = bytearray(data)
corrupt[data.index(b'zip line 1') + 2] ^= 0xff
with zipfile.ZipFile(io.BytesIO(bytes(corrupt))) as zf:
    print(zf.testzip())
    err(zf.read, 'stored.txt')
wz = zipfile.ZipFile(io.BytesIO(), 'w')
w = wz.open('a', 'w')
err(wz.writestr, 'b', b'')
err(wz.open, 'c', 'w')
w.close()
wz.close()
err(setattr, zipfile.ZipFile(io.BytesIO(data)), 'comment', 'text')
err(zipfile.ZipInfo, 'old', (1979, 1, 1, 0, 0, 0))
# Info-ZIP's Unicode Path extra field (0x7075) names the member in UTF-8
# while its CRC-32 matches the legacy name.
import zlib
for crc_name in (b'x.txt', b'other'):
    uname = 'ü.txt'.encode()
    zi = info('x.txt')
    zi.extra = (b'\x75\x70' + (5 + len(uname)).to_bytes(2, 'little') + b'\x01'
                + zlib.crc32(crc_name).to_bytes(4, 'little') + uname)
    ubuf = io.BytesIO()
    with zipfile.ZipFile(ubuf, 'w') as zf:
        zf.writestr(zi, b'payload')
    with zipfile.ZipFile(ubuf) as zf:
        print(zf.namelist(), zf.read(zf.namelist()[0]))
print(zipfile.BadZipfile is zipfile.BadZipFile, zipfile.error is
      zipfile.BadZipFile, zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2)
sys.stdout.flush()
