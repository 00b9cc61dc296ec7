# Relative imports resolved from __package__ / __spec__.
import import_pkg.sub.rel as rel

print(rel.__package__, rel.__spec__.parent)
print(rel.deep.WHO, rel.WHO, rel.plain.VALUE, rel.VALUE)
print(rel.me is rel.deep.__spec__ and False or rel.me.__name__)
print(rel.import_result.__name__, rel.top_result.__name__)

import import_pkg.sub
g = {'__name__': 'import_pkg.sub.fake', '__package__': 'import_pkg.sub'}
m = __import__('deep', g, None, ['WHO'], 1)
print(m.__name__)
m = __import__('sub.deep', g, None, None, 2)
print(m.__name__)
m = __import__('sub.deep', g, None, ['WHO'], 2)
print(m.__name__)

# Without __package__, __spec__.parent is used; without both, __name__.
g = {'__name__': 'ignored', '__spec__': import_pkg.sub.deep.__spec__}
print(__import__('deep', g, None, ['x'], 1).__name__)
g = {'__name__': 'import_pkg.sub.something'}
print(__import__('deep', g, None, ['x'], 1).__name__)
g = {'__name__': 'import_pkg.sub', '__path__': []}
print(__import__('deep', g, None, ['x'], 1).__name__)
g = {'__name__': 'import_pkg', '__package__': 'import_pkg'}
try:
    __import__('x', g, None, None, 2)
except ImportError as exc:
    print(exc)
try:
    __import__('x', {'__package__': 5}, None, None, 1)
except TypeError as exc:
    print('TypeError', exc)
