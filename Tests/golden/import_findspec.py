# importlib.util.find_spec and the specs the path machinery builds:
# top-level modules, packages, submodules (the parent is imported),
# already-imported modules, missing modules, built-in modules, and
# ModuleSpec's attributes, equality and repr.
import sys
import importlib.util
import importlib.machinery
from importlib.machinery import ModuleSpec, BuiltinImporter

here = sys.path[0]


def rel(path):
    return path.replace(here, '<dir>') if isinstance(path, str) else path


def show(spec):
    print(spec.name, rel(spec.origin), spec.parent, spec.has_location,
          type(spec.loader).__name__,
          None if spec.submodule_search_locations is None
          else [rel(p) for p in spec.submodule_search_locations])


print('import_pkg.sub.deep' in sys.modules, 'import_pkg' in sys.modules)
show(importlib.util.find_spec('import_pkg'))
print('import_pkg' in sys.modules)
spec = importlib.util.find_spec('import_pkg.sub')
show(spec)
print('import_pkg' in sys.modules, 'import_pkg.sub' in sys.modules)
show(importlib.util.find_spec('import_pkg.plain'))
show(importlib.util.find_spec('.plain', 'import_pkg'))
print(importlib.util.find_spec('no_such_module_at_all'))
print(importlib.util.find_spec('import_pkg.no_such_sub'))
try:
    importlib.util.find_spec('import_pkg.plain.below')
except ModuleNotFoundError as exc:
    print('ModuleNotFoundError', exc, exc.name)
try:
    importlib.util.find_spec('.plain')
except ImportError as exc:
    print('ImportError', exc)

# Already imported: the module's own spec comes back.
import import_pkg.plain
print(importlib.util.find_spec('import_pkg.plain') is import_pkg.plain.__spec__)
sys.modules['fake_none_mod'] = None
print(importlib.util.find_spec('fake_none_mod'))
fake = type(sys)('fake_nospec_mod')
sys.modules['fake_nospec_mod'] = fake
try:
    importlib.util.find_spec('fake_nospec_mod')
except ValueError as exc:
    print('ValueError', exc)
del fake.__spec__
try:
    importlib.util.find_spec('fake_nospec_mod')
except ValueError as exc:
    print('ValueError', exc)

# Built-in modules.
spec = importlib.util.find_spec('sys')
print(spec.name, spec.origin, spec.loader is BuiltinImporter, spec.has_location)
print(repr(spec))
print(BuiltinImporter.find_spec('sys').origin, BuiltinImporter.find_spec('nope'))
print(sys.__spec__.origin, sys.__loader__ is BuiltinImporter, sys.__package__)

# Module attributes set from the spec.
m = import_pkg.plain
print(rel(m.__file__), m.__package__, m.__spec__.name)
print(m.__cached__ == m.__spec__.cached, m.__cached__.endswith('.pyc'),
      '/__pycache__/plain.' in m.__cached__)
print(m.__loader__ is m.__spec__.loader)
print(import_pkg.__path__ == [here + '/import_pkg'], import_pkg.__package__)

# ModuleSpec itself.
s1 = ModuleSpec('a.b', None, origin='somewhere')
s2 = ModuleSpec('a.b', None, origin='somewhere')
print(s1 == s2, s1 != s2, s1 == ModuleSpec('a.c', None, origin='somewhere'))
print(s1.parent, s1.cached, s1.has_location, s1.loader_state,
      s1.submodule_search_locations)
print(repr(s1))
p = ModuleSpec('pkg', None, is_package=True, loader_state={'k': 1})
print(p.parent, p.submodule_search_locations, p.loader_state)
print(repr(p))
p.has_location = True
print(p.has_location)
s3 = ModuleSpec('x', None, origin='/a/b/x.py')
s3.has_location = True
print(rel(s3.cached).replace(sys.implementation.cache_tag, '<tag>'))
s3.cached = '/elsewhere.pyc'
print(s3.cached)
s4 = ModuleSpec('y', None, origin='/a/b/y.pyc')
s4.has_location = True
print(s4.cached)
print(s1 == 'a string', s1.__eq__(3))
