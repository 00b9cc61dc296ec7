# tarfile: write and read archives in every format and compression, streams,
# extraction filters, links, long names, pax headers.
import io
import os
import shutil
import sys
import tarfile
import tempfile

tmp = tempfile.mkdtemp()
try:
    src = os.path.join(tmp, 'src')
    os.makedirs(os.path.join(src, 'sub', 'deeper'))
    with open(os.path.join(src, 'a.txt'), 'w') as f:
        f.write('hello tar\n' * 100)
    with open(os.path.join(src, 'sub', 'b.bin'), 'wb') as f:
        f.write(bytes(range(256)) * 3)
    with open(os.path.join(src, 'sub', 'deeper', 'empty'), 'wb'):
        pass
    os.symlink('a.txt', os.path.join(src, 'link'))
    for root, dirs, files in os.walk(src):
        for name in dirs + files:
            os.utime(os.path.join(root, name), (1700000000, 1700000000),
                     follow_symlinks=False)

    def summary(tf):
        return [(m.name, m.type, m.size, m.isdir(), m.issym(), m.linkname)
                for m in tf.getmembers()]

    results = {}
    for mode in ['w', 'w:gz', 'w:bz2', 'w:xz']:
        path = os.path.join(tmp, 'arch' + mode.replace(':', '.'))
        with tarfile.open(path, mode) as tf:
            tf.add(src, arcname='src')
        print(mode, tarfile.is_tarfile(path), os.path.getsize(path) % 512 == 0 or mode != 'w')
        with tarfile.open(path) as tf:        # "r:*": compression detected
            results[mode] = summary(tf)
            data = tf.extractfile('src/a.txt').read()
            print(len(data), data[:10], tf.extractfile('src/link').read(5))
            print(tf.extractfile('src/sub') is None)
            m = tf.getmember('src/sub/b.bin')
            print(m.mtime, oct(m.mode & 0o777) != '', m.isfile(), m.size)
    print(all(v == results['w'] for v in results.values()))
    for row in results['w']:
        print(row)

    # streams
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w|gz') as tf:
        info = tarfile.TarInfo('stream/x.txt')
        payload = b'streamed data\n'
        info.size = len(payload)
        info.mtime = 1234567890
        tf.addfile(info, io.BytesIO(payload))
    buf.seek(0)
    with tarfile.open(fileobj=buf, mode='r|*') as tf:
        for m in tf:
            print(m.name, m.size, m.mtime, tf.extractfile(m).read())
    buf.seek(0)
    with tarfile.open(fileobj=buf, mode='r|gz') as tf:
        try:
            tf.getmembers()
            tf.extractfile('stream/x.txt').read()
        except tarfile.StreamError as e:
            print('StreamError', e)
        except Exception as e:
            print(type(e).__name__)

    # formats: long names, pax headers, non-ASCII names, big numbers
    long = 'd/' + 'x' * 120 + '/file.txt'
    for fmt in (tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode='w', format=fmt) as tf:
            for name in (long, 'ünïcode.txt'):
                ti = tarfile.TarInfo(name)
                ti.size = 3
                ti.uname = 'someone'
                ti.mtime = 1e9
                tf.addfile(ti, io.BytesIO(b'abc'))
        buf.seek(0)
        with tarfile.open(fileobj=buf) as tf:
            print(fmt, [m.name == n for m, n in zip(tf, (long, 'ünïcode.txt'))],
                  [m.uname for m in tf], tf.getmembers()[0].pax_headers.get('path') == long)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.USTAR_FORMAT) as tf:
        ti = tarfile.TarInfo('y' * 101)
        try:
            tf.addfile(ti)
        except ValueError as e:
            print('ValueError', e)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.PAX_FORMAT,
                      pax_headers={'comment': 'global'}) as tf:
        ti = tarfile.TarInfo('big')
        ti.uid = 8 ** 8
        ti.mtime = 1.5
        tf.addfile(ti)
    buf.seek(0)
    with tarfile.open(fileobj=buf) as tf:
        m = tf.getmember('big')
        print(m.uid, m.mtime, sorted(m.pax_headers))

    # header helpers
    print(tarfile.itn(8), tarfile.nti(tarfile.itn(-1, 8, tarfile.GNU_FORMAT)),
          tarfile.nti(tarfile.itn(8 ** 12, 12, tarfile.GNU_FORMAT)) == 8 ** 12)
    ti = tarfile.TarInfo('dir')
    ti.type = tarfile.DIRTYPE
    print(ti.get_info()['name'], len(ti.tobuf()), ti.isdir(), ti.isreg())
    print(repr(tarfile.TarInfo.frombuf(ti.tobuf(), 'utf-8', 'strict').name))
    for bad in (b'', b'x' * 100, b'\0' * 512, b'x' * 512):
        try:
            tarfile.TarInfo.frombuf(bad, 'utf-8', 'strict')
        except tarfile.HeaderError as e:
            print(type(e).__name__, e)

    # extraction with filters
    def archive(*members):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode='w') as tf:
            for name, kind, extra in members:
                ti = tarfile.TarInfo(name)
                if kind == 'file':
                    ti.size = len(extra)
                    ti.mode = 0o4777
                    tf.addfile(ti, io.BytesIO(extra))
                    continue
                if kind == 'sym':
                    ti.type = tarfile.SYMTYPE
                    ti.linkname = extra
                elif kind == 'lnk':
                    ti.type = tarfile.LNKTYPE
                    ti.linkname = extra
                elif kind == 'dev':
                    ti.type = tarfile.CHRTYPE
                tf.addfile(ti)
        buf.seek(0)
        return buf

    dest = os.path.join(tmp, 'out')
    good = archive(('top/f.txt', 'file', b'data'), ('top/ln', 'sym', 'f.txt'),
                   ('top/hard', 'lnk', 'top/f.txt'))
    with tarfile.open(fileobj=good) as tf:
        tf.extractall(dest)
    print(sorted(os.listdir(os.path.join(dest, 'top'))))
    st = os.stat(os.path.join(dest, 'top', 'f.txt'))
    print(oct(st.st_mode & 0o7777), open(os.path.join(dest, 'top', 'hard')).read(),
          os.readlink(os.path.join(dest, 'top', 'ln')))
    for members in ([('/abs/path', 'file', b'x')],
                    [('../escape', 'file', b'x')],
                    [('ln', 'sym', '/etc/passwd')],
                    [('ln2', 'sym', '../../outside')],
                    [('dev', 'dev', None)]):
        with tarfile.open(fileobj=archive(*members)) as tf:
            try:
                tf.extractall(os.path.join(tmp, 'f'), filter='data')
                print('extracted', sorted(os.listdir(os.path.join(tmp, 'f'))))
            except tarfile.FilterError as e:
                print(type(e).__name__, str(e).replace(tmp, 'TMP').replace(
                    os.path.dirname(tmp), 'PARENT'))
    with tarfile.open(fileobj=archive(('/abs/path', 'file', b'x'))) as tf:
        tf.extractall(os.path.join(tmp, 't'), filter='tar')
        print(os.listdir(os.path.join(tmp, 't')))
        m = tarfile.tar_filter(tf.getmembers()[0], tmp)
        print(m.name, oct(m.mode))
        m = tarfile.data_filter(tf.getmembers()[0], tmp)
        print(m.name, oct(m.mode), m.uid, m.uname)
        print(tarfile.fully_trusted_filter(tf.getmembers()[0], tmp).name)
    with tarfile.open(fileobj=archive(('x', 'file', b'x'))) as tf:
        try:
            tf.extractall(tmp, filter='nonsense')
        except ValueError as e:
            print('ValueError', e)

    # the default filter is 'data' (3.14)
    with tarfile.open(fileobj=archive(('ln', 'sym', '/etc/passwd'))) as tf:
        try:
            tf.extractall(os.path.join(tmp, 'default'))
            print('extracted')
        except tarfile.AbsoluteLinkError as e:
            print('AbsoluteLinkError', e)

    # append, list, errors
    path = os.path.join(tmp, 'app.tar')
    with tarfile.open(path, 'w') as tf:
        tf.add(os.path.join(src, 'a.txt'), arcname='one')
    with tarfile.open(path, 'a') as tf:
        tf.add(os.path.join(src, 'a.txt'), arcname='two')
    with tarfile.open(path) as tf:
        print(tf.getnames())
        tf.list(verbose=False)
        try:
            tf.getmember('three')
        except KeyError as e:
            print('KeyError', e)
    try:
        tarfile.open(fileobj=io.BytesIO(b'not a tar file' * 100))
    except tarfile.ReadError as e:
        print('ReadError', str(e).splitlines()[0])
    print(tarfile.is_tarfile(io.BytesIO(b'')), tarfile.is_tarfile(os.path.join(src, 'a.txt')))
    try:
        tarfile.open(path, 'q')
    except ValueError as e:
        print('ValueError', e)
    try:
        tarfile.open(path, 'r:zz')
    except tarfile.CompressionError as e:
        print('CompressionError', e)
finally:
    shutil.rmtree(tmp)
