# Source-file imports: modules, packages, dotted names, module attributes.
import sys

here = sys.path[0]


def rel(path):
    return path.replace(here, '<dir>') if isinstance(path, str) else path


import import_pkg
print(import_pkg.__name__, repr(import_pkg.__package__), rel(import_pkg.__file__))
print([rel(p) for p in import_pkg.__path__])
spec = import_pkg.__spec__
print(spec.name, spec.parent, rel(spec.origin))
print([rel(p) for p in spec.submodule_search_locations])
print(import_pkg.__loader__ is spec.loader, import_pkg.INIT_NAME)

import import_pkg.plain
plain = import_pkg.plain
print(plain.VALUE, plain.__name__, plain.__package__, rel(plain.__file__))
print(repr(plain.__spec__.parent), plain.__spec__.submodule_search_locations)
print(hasattr(plain, '__path__'), plain.__spec__.name)

import import_pkg.sub.deep as deep
print(deep.__name__, deep.__package__, deep.WHO)
print(import_pkg.sub.SUB_WHO, import_pkg.sub.deep is deep)
from import_pkg import plain as plain2
print(plain2 is plain)
from import_pkg.sub import deep as deep2
print(deep2 is deep)
print('import_pkg.sub' in sys.modules, sys.modules['import_pkg.sub.deep'] is deep)

top = __import__('import_pkg.sub.deep')
print(top is import_pkg)
leaf = __import__('import_pkg.sub.deep', fromlist=['WHO'])
print(leaf is deep)

import import_pkg.counter
import import_pkg.counter
print('counter ran', import_pkg.RUNS, 'time(s)')

import sys as sys2
print(sys2 is sys, sys.modules['sys'] is sys)
print('builtins' in sys.builtin_module_names, 'sys' in sys.builtin_module_names)
print(type(sys.path).__name__, sys.path[0] == here)
print(type(sys.meta_path).__name__, type(sys.path_hooks).__name__,
      type(sys.path_importer_cache).__name__)
