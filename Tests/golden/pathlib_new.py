# pathlib 3.12-3.15 additions: full_match, walk_up, case_sensitive, walk,
# copy/move, info, from_uri, owner/group.  Expected output written by hand.
import os, tempfile, shutil
from pathlib import Path, PurePosixPath as P, PureWindowsPath as W, UnsupportedOperation

print(P('a/b/c.py').full_match('a/**/*.py'), P('a/c.py').full_match('a/**/*.py'), P('a/b/c.py').full_match('*.py'),
      P('a/b/c.py').full_match('**'), P('/a/b').full_match('/a/*'), P('A.PY').full_match('*.py'),
      P('A.PY').full_match('*.py', case_sensitive=False), W('C:/A/b.TXT').full_match('c:/a/*.txt'), P('a/.h').full_match('a/*'))
print(P('/a/b').relative_to('/a/c', walk_up=True), P('a').relative_to('b/c', walk_up=True), P('/a').relative_to('/a/b/c', walk_up=True))
for other in ['/x', 'a/../b']:
    try: print(P('a').relative_to(other, walk_up=True))
    except ValueError as e: print('ValueError', e)
try: P('/a').relative_to('a', walk_up=True)
except ValueError as e: print('ValueError', e)
print(P('a/B.txt').match('b.TXT', case_sensitive=False), W('a/B.txt').match('b.TXT', case_sensitive=True))
print(repr(Path.from_uri('file:///tmp/a%20b')), repr(Path.from_uri('file://localhost/etc')), repr(Path('/tmp/a b').as_uri()), Path('/a').__vfspath__())
try: Path('rel').as_uri()
except ValueError as e: print(e)
for uri in ['http://x/y', 'file:rel', 'file://host/x']:
    try: Path.from_uri(uri)
    except ValueError as e: print('ValueError', e)

base = Path(tempfile.mkdtemp(prefix='plnew_'))
try:
    d = base / 'd'
    (d / 'x' / 'y').mkdir(parents=True)
    (d / 'f.txt').write_text('F')
    (d / 'x' / 'g.TXT').write_text('G')
    (d / 'x' / 'y' / 'h.txt').write_text('H')
    rel = lambda ps: sorted(str(p.relative_to(base)) for p in ps)
    print(rel(d.glob('**')))
    print(rel(d.glob('**/')))
    print(rel(d.glob('**/*.txt')), rel(d.glob('**/*.txt', case_sensitive=False)), rel(d.glob('X/*', case_sensitive=False)))
    print(rel(d.glob('x/../f.txt')), rel(d.glob('*/y/')))
    os.symlink(d / 'x', d / 'lx')
    print(rel(d.glob('**/h.txt')), rel(d.glob('**/h.txt', recurse_symlinks=True)), rel(d.glob('lx/*')))
    for top, dirs, files in d.walk():
        print('walk', top.relative_to(base), sorted(dirs), sorted(files))
    print([str(t.relative_to(base)) for t, _, _ in d.walk(top_down=False) if t.name != 'd'][-1:] )
    order = [t.name for t, _, _ in d.walk(top_down=False)]
    print(order.index('y') < order.index('x') < order.index('d'))
    print(sorted(str(t.relative_to(base)) for t, _, _ in d.walk(follow_symlinks=True)))
    for top, dirs, files in d.walk():
        dirs.clear(); print('pruned', top.name)
    errs = []; list((base / 'nope').walk(on_error=errs.append)); print([type(e).__name__ for e in errs])
    c = (d / 'f.txt').copy(base / 'f2.txt'); print(repr(c.relative_to(base)), c.read_text())
    c = (d / 'x').copy(base / 'x2'); print(rel(c.rglob('*')))
    c = (d / 'f.txt').copy_into(base / 'x2'); print(c.relative_to(base), c.read_text())
    m = (base / 'f2.txt').move(base / 'f3.txt'); print(m.relative_to(base), m.exists(), (base / 'f2.txt').exists())
    m = (base / 'x2').move_into(d); print(m.relative_to(base), rel(m.iterdir()))
    ln = (d / 'lx').copy(base / 'lx2', follow_symlinks=False); print(ln.is_symlink())
    info = d.info
    print(info.exists(), info.is_dir(), info.is_file(), info.is_symlink(), d.info is info)
    kids = {p.name: p.info for p in d.iterdir()}
    print(kids['lx'].is_symlink(), kids['lx'].is_dir(), kids['lx'].is_dir(follow_symlinks=False), kids['f.txt'].is_file(), kids['f.txt'].exists())
    print((base / 'none').info.exists(), (base / 'none').info.is_dir())
    import pathlib.types
    print(isinstance(d.info, pathlib.types.PathInfo), isinstance(kids['lx'], pathlib.types.PathInfo), isinstance(d, pathlib.types.PathInfo))
    try:
        import pwd
        print(d.owner() == pwd.getpwuid(os.stat(d).st_uid).pw_name)
    except ImportError:
        try: d.owner()
        except UnsupportedOperation as e: print(True)
finally:
    shutil.rmtree(base)
print(base.exists())
