# Namespace packages: directories without __init__.py.
import sys

here = sys.path[0]


def rel(path):
    return path.replace(here, '<dir>') if isinstance(path, str) else path


import import_pkg.ns.mod
ns = import_pkg.ns
print(ns.__name__, ns.__package__, ns.__file__)
print([rel(p) for p in ns.__path__])
print(ns.__spec__.origin, [rel(p) for p in ns.__spec__.submodule_search_locations])
print(ns.mod.NAME, ns.mod.PKG)
from import_pkg.ns.inner import item
print(item.NAME, item.mod is ns.mod, item.__package__)

sys.path.insert(0, here + '/import_pkg/portion1')
sys.path.insert(1, here + '/import_pkg/portion2')
import splitns.a
import splitns.b
print(splitns.a.WHERE, splitns.b.WHERE)
print(sorted(rel(p) for p in splitns.__path__))
