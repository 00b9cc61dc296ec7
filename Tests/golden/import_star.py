# from m import *: __all__, underscore names, submodules named in __all__.
from import_pkg.starmod import *
print(public, _chosen, 'other' in dir())
from import_pkg.nostar import *
print(visible, '_private' in dir())
from import_pkg.allsub import *
print(TOP, leaf.NAME, leaf.__name__)


def names(mod):
    return sorted(n for n in vars(mod) if not n.startswith('__'))


import import_pkg.allsub
print(names(import_pkg.allsub))

# The fromlist of __import__: submodules are imported, missing names are
# left for the caller, non-str items are refused.
pkg = __import__('import_pkg.allsub', fromlist=['leaf', 'not_there'])
print(pkg.__name__, pkg.leaf.NAME, hasattr(pkg, 'not_there'))
pkg = __import__('import_pkg.allsub', fromlist=['*'])
print(pkg.__name__)
try:
    __import__('import_pkg', fromlist=[1])
except TypeError as exc:
    print(exc)
