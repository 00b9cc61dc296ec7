# pathlib PureWindowsPath parsing, joining, comparison (output from CPython 3.11).
from pathlib import PureWindowsPath as W, PurePosixPath as P
for s in ['c:/a/b', 'c:', 'c:/', '//srv/sh', '//srv/sh/a/b', '\\\\?\\c:\\a', 'a/b\\c', '/a', '//?/UNC/srv/sh/x', 'c:a/b']:
    p = W(s); print(repr(s), str(p), repr(p), p.parts, p.anchor, p.name, p.parent, list(p.parents), p.is_absolute())
print(W('c:/A/b').relative_to('C:/a'), W('c:/a/b').is_relative_to('C:/A'), W('a') / 'c:/x', W('c:/a') / '/x', W('c:/a') / 'd:x', W('c:/a') / '//s/h/x')
print(W('C:/a') == W('c:/A'), W('a') < W('B'), sorted([W('b'), W('A'), W('c')]))
print(W('c:/a/b.txt').with_name('c.md'), W('c:/a').with_stem('z'), W('c:/').parent, W('c:/a').as_posix(), W(P('a/b')), P(W('a\\b')))
print(W('c:/a/b.py').match('*.PY'), W('c:/a/b.py').match('c:/*/*.py'), W('c:/a/b.py').match('d:/*/*.py'))
for f in [lambda: W('c:/').with_name('x'), lambda: W('c:/a').with_name('b/c'), lambda: W('c:/a').with_name('b\\c')]:
    try: print(f())
    except ValueError as e: print('ValueError', e)
