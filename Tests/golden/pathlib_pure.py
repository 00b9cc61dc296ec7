# pathlib pure paths: parsing, joining, components, comparison, matching.
import warnings; warnings.simplefilter("ignore", DeprecationWarning)
import pathlib, pickle, os
from pathlib import PurePath, PurePosixPath as P, PureWindowsPath as W

print(type(PurePath('a')).__name__, repr(P('a/b')), repr(W('c:/a\\b')))
for args in [('a','b'),('a/','b'),('a//b//',),('','a','b'),('a','/b/c','d'),('/','','b/c/d'),('//a/b',),('///a',),('.',),('',),(),('a/./b',)]:
    p = P(*args); print(args, str(p), p.parts, p.drive, p.root, p.anchor)
for args in [('c:/a',),('c:a',),('//server/share/x',),('//server/share',),('c:/a','/b'),('c:/a','d:b'),('c:/a','C:b'),('a','c:'),('\\\\?\\c:\\x',),('/x',)]:
    p = W(*args); print(args, str(p), p.parts, repr(p.drive), repr(p.root), p.is_absolute(), p.as_posix())
p = P('/usr/lib/python3.tar.gz')
print(p.name, p.suffix, p.suffixes, p.stem, p.parent, list(p.parents), p.parents[-1], p.parents[1:], p.parents[::-1], len(p.parents))
try: p.parents[5]
except IndexError as e: print('IndexError', e)
print(P('.').parent, P('/').parent, P('/').name, P('.bashrc').suffix, P('.bashrc').stem, P('a.').suffix, P('a.').stem, P('a..b').suffixes)
print(p.with_name('x.py'), p.with_suffix('.bz2'), p.with_suffix(''), p.with_stem('foo'), W('c:/a/b.txt').with_suffix('.md'))
for f in [lambda: P('/').with_name('x'), lambda: p.with_name(''), lambda: p.with_name('a/b'), lambda: p.with_suffix('gz'), lambda: P('').with_suffix('.x'),
          lambda: P('a/b').relative_to('c'), lambda: P('/a').relative_to('a'), lambda: P(3), lambda: P('a', b'x'), lambda: W('c:/a').with_name('d:e'),
          lambda: P('a.txt').with_stem('')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(P('/a/b/c').relative_to('/a'), P('/a/b').relative_to(P('/a/b')), P('/a/b').is_relative_to('/a'), P('/a/b').is_relative_to('/c'))
print(P('a') / 'b' / P('c'), 'x' / P('y'), P('a').joinpath('b', 'c'), P('a') / '/etc')
print(P('a') == P('a'), P('a') == W('a'), W('A/B') == W('a/b'), hash(W('A')) == hash(W('a')), P('a') < P('b'), sorted([P('b'), P('a/c'), P('a')]))
print(os.fspath(P('a/b')), bytes(P('a/b')), str(W('a/b')))
print(pickle.loads(pickle.dumps(P('/a/b'))), pickle.loads(pickle.dumps(W('c:/x'))))
print(P('/a/b.py').match('*.py'), P('/a/b.py').match('b/*.py'), P('/a/b.py').match('a/*.py'), P('/a/b.py').match('/*.py'), P('a/b.py').match('/a/*.py'), W('C:/a/B.PY').match('*.py'), P('B.PY').match('*.py'), P('a/b').match('**'))
print(P('/etc/passwd').as_uri(), W('c:/a b/c').as_uri(), W('//server/share/x').as_uri())
print(P('/a').is_absolute(), P('a').is_absolute(), W('/a').is_absolute(), W('c:a').is_absolute())
class My(P):
    def __init__(self, *a, tag=None):
        super().__init__(*a); self.tag = tag
    def with_segments(self, *a): return type(self)(*a, tag=self.tag)
m = My('a/b', tag=7); print((m / 'c').tag, m.parent.tag, type(m.parent).__name__)
