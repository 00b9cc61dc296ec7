# Error messages and edge cases of the import protocol: sys.meta_path set
# to None, a parent that is not a package, a spec whose loader fails to
# create the module, a loader that removes its module, a parent package
# that refuses the child attribute, and module_from_spec's checks.
import sys
import warnings
import importlib.util
from importlib.machinery import ModuleSpec

saved = sys.meta_path
sys.meta_path = None
try:
    import not_importable_now
except ImportError as exc:
    print(type(exc).__name__, exc)
sys.meta_path = saved

try:
    import import_pkg.plain.below.deeper
except ModuleNotFoundError as exc:
    print(exc, '|', exc.name)

sys.modules['halted_mod'] = None
try:
    import halted_mod.sub
except ModuleNotFoundError as exc:
    print(exc, '|', exc.name)
del sys.modules['halted_mod']


class Loaders:
    def __init__(self, kind):
        self.kind = kind

    def create_module(self, spec):
        if self.kind == 'create':
            raise OSError('cannot create ' + spec.name)
        return None

    def exec_module(self, module):
        if self.kind == 'vanish':
            del sys.modules[module.__name__]
        elif self.kind == 'attr':
            module.OK = True


class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith('proto_'):
            return ModuleSpec(name, Loaders(name[6:]))
        if name == 'refusing':
            return ModuleSpec(name, Loaders('attr'), is_package=True)
        if name == 'refusing.child':
            return ModuleSpec(name, Loaders('attr'))
        return None


sys.meta_path.insert(0, Finder())
try:
    import proto_create
except OSError as exc:
    print('OSError', exc, 'proto_create' in sys.modules)
try:
    import proto_vanish
except KeyError as exc:
    print('KeyError', exc)


class Refusing(type(sys)):
    def __setattr__(self, name, value):
        if name == 'child':
            raise AttributeError('no children here')
        super().__setattr__(name, value)


import refusing
refusing.__class__ = Refusing
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    import refusing.child
print(refusing.child if hasattr(refusing, 'child') else 'no attribute',
      sys.modules['refusing.child'].OK)
print([(w.category.__name__, str(w.message)) for w in caught])
del sys.meta_path[0]

# module_from_spec with loader=None makes a plain module.
m = importlib.util.module_from_spec(ModuleSpec('plain_spec_mod', None))
print(type(m).__name__, m.__name__, m.__loader__, m.__package__,
      m.__spec__.name, hasattr(m, '__file__'))
m = importlib.util.module_from_spec(ModuleSpec('a.b.c', None, origin='/x/c.py'))
print(m.__package__, hasattr(m, '__file__'))

# __import__ argument errors.
for args in [('',), ('x', None, None, (), -1)]:
    try:
        __import__(*args)
    except (TypeError, ValueError) as exc:
        print(type(exc).__name__, exc)
try:
    __import__('x', {'__name__': 'top'}, None, (), 1)
except ImportError as exc:
    print(type(exc).__name__, exc)
