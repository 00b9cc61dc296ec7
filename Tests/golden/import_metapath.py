# sys.meta_path finders and loaders written in Python: modules served
# from a dict, packages, submodules found through the parent's __path__,
# create_module returning a custom module, failures and module
# replacement during exec, and the warnings and errors of the protocol.
import sys
import warnings
import importlib
import importlib.abc
import importlib.util
from importlib.machinery import ModuleSpec

SOURCES = {
    'dictmod': 'VALUE = 42\nNAME = __name__\n',
    'dictpkg': 'PKG = True\n',
    'dictpkg.child': 'from . import sibling\nCHILD = sibling.SIB * 2\n',
    'dictpkg.sibling': 'SIB = 21\n',
    'dictfail': 'raise KeyError("inside dictfail")\n',
    'dictswap': 'import sys\nsys.modules[__name__] = "replacement"\n',
    'dictcustom': 'ATTR = "set by exec"\n',
}
PACKAGES = {'dictpkg'}
calls = []


class CustomModule(type(sys)):
    pass


class DictLoader(importlib.abc.Loader):
    def create_module(self, spec):
        if spec.name == 'dictcustom':
            return CustomModule(spec.name)
        return None

    def exec_module(self, module):
        calls.append(('exec', module.__name__))
        exec(SOURCES[module.__name__], module.__dict__)


class DictFinder(importlib.abc.MetaPathFinder):
    def __init__(self):
        self.loader = DictLoader()

    def find_spec(self, fullname, path, target=None):
        calls.append(('find', fullname, None if path is None else list(path)))
        if fullname not in SOURCES:
            return None
        spec = ModuleSpec(fullname, self.loader, origin='dict:' + fullname,
                          is_package=fullname in PACKAGES)
        if spec.submodule_search_locations is not None:
            spec.submodule_search_locations.append('<dict>')
        return spec


finder = DictFinder()
sys.meta_path.insert(0, finder)

import dictmod
print(dictmod.VALUE, dictmod.NAME, dictmod.__spec__.origin)
print(dictmod.__loader__ is finder.loader, dictmod.__package__ == '')
print(hasattr(dictmod, '__file__'), dictmod.__spec__.has_location)
print(calls)
calls.clear()

import dictpkg.child
print(dictpkg.PKG, dictpkg.__path__, dictpkg.__package__)
print(dictpkg.child.CHILD, dictpkg.child.__package__)
print(dictpkg.sibling.SIB, dictpkg.child.sibling is dictpkg.sibling)
print(calls)
calls.clear()

import dictcustom
print(type(dictcustom).__name__, dictcustom.ATTR, dictcustom.__spec__.name)

try:
    import dictfail
except KeyError as exc:
    print('KeyError', exc, 'dictfail' in sys.modules)

import dictswap
print(repr(dictswap), sys.modules['dictswap'])

# The C finders still run after the Python one.
import import_pkg.plain
print(import_pkg.plain.__name__, [c[1] for c in calls if c[0] == 'find'])
calls.clear()

# importlib API through the custom finder.
spec = importlib.util.find_spec('dictpkg.sibling')
print(spec.name, spec.origin, spec.parent, spec.loader is finder.loader)
mod = importlib.import_module('.child', 'dictpkg')
print(mod.__name__, mod.CHILD)
sys.meta_path.remove(finder)


# A finder whose spec has no loader and no locations.
class NoLoaderFinder:
    def find_spec(self, name, path, target=None):
        if name == 'noloader':
            return ModuleSpec(name, None)
        return None


sys.meta_path.insert(0, NoLoaderFinder())
try:
    import noloader
except ImportError as exc:
    print(type(exc).__name__, exc, exc.name)
del sys.meta_path[0]


# A loader without exec_module falls back to load_module with a warning.
class OldLoader:
    def load_module(self, fullname):
        module = type(sys)(fullname)
        module.OLD = 'old style'
        sys.modules[fullname] = module
        return module


class OldFinder:
    def find_spec(self, name, path, target=None):
        if name == 'oldstyle':
            return ModuleSpec(name, OldLoader())
        return None


sys.meta_path.insert(0, OldFinder())
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    import oldstyle
print(oldstyle.OLD, [w.category.__name__ for w in caught])
print([str(w.message) for w in caught])
del sys.meta_path[0]


# exec_module without create_module is an error.
class HalfLoader:
    def exec_module(self, module):
        pass


class HalfFinder:
    def find_spec(self, name, path, target=None):
        if name == 'halfmod':
            return ModuleSpec(name, HalfLoader())
        return None


sys.meta_path.insert(0, HalfFinder())
try:
    import halfmod
except ImportError as exc:
    print('ImportError', exc)
del sys.meta_path[0]

# An object without find_spec on meta_path is skipped.
sys.meta_path.insert(0, object())
import import_pkg.counter
print('skipped', import_pkg.counter.__name__)
del sys.meta_path[0]

# Empty meta_path: ImportWarning, then ModuleNotFoundError.
saved = sys.meta_path[:]
sys.meta_path.clear()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    try:
        import never_found_anywhere
    except ModuleNotFoundError as exc:
        print('ModuleNotFoundError', exc)
print([(w.category.__name__, str(w.message)) for w in caught])
sys.meta_path[:] = saved

# A finder that raises propagates its exception.
class Broken:
    def find_spec(self, name, path, target=None):
        raise RuntimeError('finder broke on ' + name)


sys.meta_path.insert(0, Broken())
try:
    import anything_at_all
except RuntimeError as exc:
    print('RuntimeError', exc)
del sys.meta_path[0]
print(sys.meta_path == saved)
