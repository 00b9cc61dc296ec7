"""Utility code for constructing importers, etc."""

import sys

import _imp

from ._abc import Loader
from ._bootstrap import module_from_spec
from ._bootstrap import ModuleSpec as _ModuleSpec
from ._bootstrap import _find_spec
from ._bootstrap_external import MAGIC_NUMBER
from ._bootstrap_external import cache_from_source
from ._bootstrap_external import decode_source
from ._bootstrap_external import spec_from_file_location
from ._bootstrap_external import SOURCE_SUFFIXES as _SOURCE_SUFFIXES

__all__ = ['LazyLoader', 'Loader', 'MAGIC_NUMBER', 'cache_from_source',
           'decode_source', 'find_spec', 'module_from_spec', 'resolve_name',
           'source_from_cache', 'spec_from_file_location',
           'spec_from_loader']

if hasattr(_imp, 'source_hash'):
    _RAW_MAGIC_NUMBER = int.from_bytes(MAGIC_NUMBER, 'little')

    def source_hash(source_bytes):
        "Return the hash of *source_bytes* as used in hash-based pyc files."
        return _imp.source_hash(_RAW_MAGIC_NUMBER, source_bytes)

    __all__.append('source_hash')

_OPT = 'opt-'


def resolve_name(name, package):
    """Resolve a relative module name to an absolute one."""
    if not name.startswith('.'):
        return name
    if not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = len(name) - len(name.lstrip('.'))
    parts = package.rsplit('.', level - 1)
    if len(parts) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = parts[0]
    rest = name[level:]
    return f'{base}.{rest}' if rest else base


def find_spec(name, package=None):
    """Return the spec for the specified module.

    First, sys.modules is checked to see if the module was already
    imported.  If so, then sys.modules[name].__spec__ is returned.  If
    that happens to be set to None, then ValueError is raised.  If the
    module is not in sys.modules, then sys.meta_path is searched for a
    suitable spec with the value of 'path' given to the finders.  None
    is returned if no spec could be found.

    If the name is for a submodule (contains a dot), the parent module is
    automatically imported.

    The name and package arguments work the same as
    importlib.import_module().  In other words, relative module names
    (with leading dots) work.
    """
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname in sys.modules:
        module = sys.modules[fullname]
        if module is None:
            return None
        try:
            spec = module.__spec__
        except AttributeError:
            raise ValueError(f'{name}.__spec__ is not set') from None
        if spec is None:
            raise ValueError(f'{name}.__spec__ is None')
        return spec
    parent_name = fullname.rpartition('.')[0]
    if parent_name:
        parent = __import__(parent_name, fromlist=['__path__'])
        try:
            parent_path = parent.__path__
        except AttributeError as exc:
            raise ModuleNotFoundError(
                f'__path__ attribute not found on {parent_name!r} '
                f'while trying to find {fullname!r}', name=fullname) from exc
    else:
        parent_path = None
    return _find_spec(fullname, parent_path)


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """Return a module spec based on various loader methods."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        locations = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=locations)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return _ModuleSpec(name, loader, origin=origin, is_package=is_package)


def _fspath(path):
    if isinstance(path, (str, bytes)):
        result = path
    else:
        try:
            result = type(path).__fspath__(path)
        except AttributeError:
            raise TypeError('expected str, bytes or os.PathLike object, not '
                            f'{type(path).__name__}') from None
    if isinstance(result, bytes):
        result = result.decode(sys.getfilesystemencoding(), 'surrogateescape')
    return result


def _split(path):
    head, sep, tail = path.rpartition('/')
    if not sep:
        return '', path
    return head or '/', tail


def _join(*parts):
    result = ''
    for part in parts:
        if not part:
            continue
        if part.startswith('/') or not result:
            result = part
        elif result.endswith('/'):
            result += part
        else:
            result += '/' + part
    return result


def source_from_cache(path):
    """Given the path to a .pyc. file, return the path to its .py file.

    The .pyc file does not need to exist; this simply returns the path to
    the .py file calculated to correspond to the .pyc file.  If path does
    not conform to PEP 3147/488 format, ValueError will be raised. If
    sys.implementation.cache_tag is None then NotImplementedError is
    raised.
    """
    if sys.implementation.cache_tag is None:
        raise NotImplementedError('sys.implementation.cache_tag is None')
    path = _fspath(path)
    head, pycache_filename = _split(path)
    found_in_pycache_prefix = False
    prefix = getattr(sys, 'pycache_prefix', None)
    if prefix is not None:
        stripped_prefix = prefix.rstrip('/')
        if head.startswith(stripped_prefix + '/'):
            head = head[len(stripped_prefix):]
            found_in_pycache_prefix = True
    if not found_in_pycache_prefix:
        head, pycache = _split(head)
        if pycache != '__pycache__':
            raise ValueError(f'__pycache__ not bottom-level directory in '
                             f'{path!r}')
    dot_count = pycache_filename.count('.')
    if dot_count not in {2, 3}:
        raise ValueError(f'expected only 2 or 3 dots in {pycache_filename!r}')
    if dot_count == 3:
        optimization = pycache_filename.rsplit('.', 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError('optimization portion of filename does not start '
                             f'with {_OPT!r}')
        opt_level = optimization[len(_OPT):]
        if not opt_level.isalnum():
            raise ValueError(f'optimization level {optimization!r} is not an '
                             'alphanumeric value')
    base_filename = pycache_filename.partition('.')[0]
    return _join(head, base_filename + _SOURCE_SUFFIXES[0])


def _new_lock():
    try:
        import _thread
    except ImportError:
        return _NoThreadsLock()
    return _thread.RLock()


class _NoThreadsLock:
    """Stands in for an RLock in a build without threads."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False


_ModuleType = type(sys)


class _LazyModule(_ModuleType):
    """A subclass of the module type which triggers loading upon attribute
    access."""

    def __getattribute__(self, attr):
        """Trigger the load of the module and return the attribute."""
        spec = object.__getattribute__(self, '__spec__')
        state = spec.loader_state
        with state['lock']:
            # Only the first access loads; the others wait for it above.
            if object.__getattribute__(self, '__class__') is _LazyModule:
                real_class = state['__class__']
                if state['is_loading']:
                    # A recursive access made by the module's own code.
                    return real_class.__getattribute__(self, attr)
                state['is_loading'] = True
                namespace = real_class.__getattribute__(self, '__dict__')
                original_name = spec.name
                before = state['__dict__']
                # Attributes set since the lazy module was made win over
                # what executing the module produces.
                changed = {}
                for key, value in namespace.items():
                    if key not in before or before[key] is not value:
                        changed[key] = value
                spec.loader.exec_module(self)
                if original_name in sys.modules:
                    if self is not sys.modules[original_name]:
                        raise ValueError(f'module object for {original_name!r} '
                                         'substituted in sys.modules during a '
                                         'lazy load')
                namespace.update(changed)
                self.__class__ = real_class
        return getattr(self, attr)

    def __delattr__(self, attr):
        """Trigger the load and then perform the deletion."""
        self.__getattribute__(attr)
        delattr(self, attr)


class LazyLoader(Loader):
    """A loader that creates a module which defers loading until attribute
    access."""

    @staticmethod
    def __check_eager_loader(loader):
        if not hasattr(loader, 'exec_module'):
            raise TypeError('loader must define exec_module()')

    @classmethod
    def factory(cls, loader):
        """Construct a callable which returns the eager loader made lazy."""
        cls.__check_eager_loader(loader)
        return lambda *args, **kwargs: cls(loader(*args, **kwargs))

    def __init__(self, loader):
        self.__check_eager_loader(loader)
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        """Make the module load lazily."""
        module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        module.__spec__.loader_state = {
            '__dict__': module.__dict__.copy(),
            '__class__': module.__class__,
            'lock': _new_lock(),
            'is_loading': False,
        }
        module.__class__ = _LazyModule
