"""The import system's Python interface.

The machinery itself (specs, finders, loaders and the import algorithm)
is written in C and lives in the built-in modules _frozen_importlib and
_frozen_importlib_external, which this package exposes under their
CPython names, importlib._bootstrap and importlib._bootstrap_external.
"""

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

import sys

import _frozen_importlib as _bootstrap
import _frozen_importlib_external as _bootstrap_external

sys.modules.setdefault('importlib._bootstrap', _bootstrap)
sys.modules.setdefault('importlib._bootstrap_external', _bootstrap_external)

__import__ = __import__

# Modules being reloaded, so a module that reloads itself while it runs
# gets the module object back instead of looping.
_RELOADING = {}


def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    parts = package.rsplit('.', level - 1)
    if len(parts) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = parts[0]
    return f'{base}.{name}' if name else base


def _sanity_check(name, package, level):
    """Verify arguments are "sane"."""
    if not isinstance(name, str):
        raise TypeError(f'module name must be str, not {type(name)}')
    if level < 0:
        raise ValueError('level must be >= 0')
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        if not package:
            raise ImportError('attempted relative import with no known parent '
                              'package')
    if not name and level == 0:
        raise ValueError('Empty module name')


def _gcd_import(name, package=None, level=0):
    """Import and return the module based on its name, the package the
    call is being made from, and the level adjustment."""
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _bootstrap._find_and_load(name)


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import.
    It specifies the package to use as the anchor point from which to
    resolve the relative import to an absolute import.
    """
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        level = len(name) - len(name.lstrip('.'))
    return _gcd_import(name[level:], package, level)


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored
    in sys.meta_path (where implemented)."""
    for finder in sys.meta_path:
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


def _module_name(module):
    try:
        return module.__spec__.name
    except AttributeError:
        pass
    try:
        return module.__name__
    except AttributeError:
        raise TypeError('reload() argument must be a module') from None


def reload(module):
    """Reload the module and return it.

    The module must have been successfully imported before.
    """
    name = _module_name(module)
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name} not in sys.modules', name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition('.')[0]
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError(f'parent {parent_name!r} not in sys.modules',
                                  name=parent_name) from None
            search_path = parent.__path__
        else:
            search_path = None
        spec = module.__spec__ = _bootstrap._find_spec(name, search_path,
                                                       module)
        if spec is None:
            raise ModuleNotFoundError(
                f'spec not found for the module {name!r}', name=name)
        _bootstrap._exec(spec, module)
        return sys.modules[name]
    finally:
        _RELOADING.pop(name, None)
