"""Utilities to support packages."""

import importlib
import importlib.machinery
import importlib.util
import os
import sys

__all__ = [
    'get_importer', 'iter_importers', 'walk_packages', 'iter_modules',
    'get_data', 'extend_path', 'ModuleInfo', 'resolve_name',
]


class ModuleInfo(tuple):
    """A namedtuple with minimal info about a module."""

    __slots__ = ()
    _fields = ('module_finder', 'name', 'ispkg')

    def __new__(cls, module_finder, name, ispkg):
        return tuple.__new__(cls, (module_finder, name, ispkg))

    module_finder = property(lambda self: self[0])
    name = property(lambda self: self[1])
    ispkg = property(lambda self: self[2])

    def __repr__(self):
        return (f'ModuleInfo(module_finder={self[0]!r}, name={self[1]!r}, '
                f'ispkg={self[2]!r})')


def get_importer(path_item):
    """Retrieve a finder for the given path item.

    The returned finder is cached in sys.path_importer_cache if it was
    newly created by a path hook.

    The cache (or part of it) can be cleared manually if a rescan of
    sys.path_hooks is necessary.
    """
    path_item = os.fsdecode(path_item)
    try:
        return sys.path_importer_cache[path_item]
    except KeyError:
        pass
    for path_hook in sys.path_hooks:
        try:
            importer = path_hook(path_item)
        except ImportError:
            continue
        sys.path_importer_cache.setdefault(path_item, importer)
        return importer
    return None


def iter_importers(fullname=''):
    """Yield finders for the given module name.

    If fullname contains a '.', the finders will be for the package
    containing fullname, otherwise they will be all registered top level
    finders (i.e. those on both sys.meta_path and sys.path_hooks).

    If the named module is in a package, that package is imported as a side
    effect of invoking this function.

    If no module name is specified, all top level finders are produced.
    """
    if fullname.startswith('.'):
        raise ImportError(f'Relative module name {fullname!r} not supported')
    if '.' in fullname:
        package_name = fullname.rpartition('.')[0]
        package = importlib.import_module(package_name)
        path = getattr(package, '__path__', None)
        if path is None:
            return
    else:
        yield from sys.meta_path
        path = sys.path
    for item in path:
        yield get_importer(item)


def _module_name(filename):
    """filename without its module suffix (.py, .pyc, .so ...), or None
    when it has none."""
    for suffix in importlib.machinery.all_suffixes():
        if filename.endswith(suffix):
            return filename[:-len(suffix)]
    return None


def _file_finder_modules(finder, prefix=''):
    """(name, ispkg) for the modules a FileFinder's directory holds."""
    if finder.path is None or not os.path.isdir(finder.path):
        return
    try:
        names = sorted(os.listdir(finder.path))
    except OSError:
        return
    seen = set()
    for filename in names:
        modname = _module_name(filename)
        ispkg = False
        if modname is None:
            full = os.path.join(finder.path, filename)
            if '.' in filename or not os.path.isdir(full):
                continue
            try:
                entries = os.listdir(full)
            except OSError:
                continue
            if not any(_module_name(entry) == '__init__'
                       for entry in entries):
                continue
            modname, ispkg = filename, True
        if modname == '__init__' or modname in seen:
            continue
        if not modname.isidentifier():
            continue
        seen.add(modname)
        yield prefix + modname, ispkg


def _zip_finder_modules(importer, prefix=''):
    """(name, ispkg) for the modules at a zipimporter's place in its
    archive: top-level module files and directories with an __init__.
    The archive's table of contents is read from zipimport's shared cache,
    which is only replaced whole, so iterating a snapshot is safe."""
    import zipimport
    entries = zipimport._zip_directory_cache.get(importer.archive, {})
    base = importer.prefix
    seen = set()
    for entry in sorted(entries):
        if not entry.startswith(base):
            continue
        parts = entry[len(base):].split(os.sep)
        if len(parts) == 2 and _module_name(parts[1]) == '__init__':
            modname, ispkg = parts[0], True
        elif len(parts) == 1:
            modname, ispkg = _module_name(parts[0]), False
        else:
            continue
        if (not modname or modname == '__init__' or modname in seen
                or not modname.isidentifier()):
            continue
        seen.add(modname)
        yield prefix + modname, ispkg


def _finder_modules(finder, prefix=''):
    if isinstance(finder, importlib.machinery.FileFinder):
        return _file_finder_modules(finder, prefix)
    import zipimport
    if isinstance(finder, zipimport.zipimporter):
        return _zip_finder_modules(finder, prefix)
    iterator = getattr(finder, 'iter_modules', None)
    if iterator is None:
        return iter(())
    return iterator(prefix)


def iter_modules(path=None, prefix=''):
    """Yields ModuleInfo for all submodules on path,
    or, if path is None, all top-level modules on sys.path.

    'path' should be either None or a list of paths to look for
    modules in.

    'prefix' is a string to output on the front of every module name
    on output.
    """
    if path is None:
        importers = iter_importers()
    elif isinstance(path, str):
        raise ValueError('path must be None or list of paths to look for '
                         'modules in')
    else:
        importers = map(get_importer, path)
    yielded = set()
    for finder in importers:
        if finder is None:
            continue
        for name, ispkg in _finder_modules(finder, prefix):
            if name not in yielded:
                yielded.add(name)
                yield ModuleInfo(finder, name, ispkg)


def walk_packages(path=None, prefix='', onerror=None):
    """Yields ModuleInfo for all modules recursively
    on path, or, if path is None, all accessible modules.

    'path' should be either None or a list of paths to look for
    modules in.

    'prefix' is a string to output on the front of every module name
    on output.

    Note that this function must import all *packages* (NOT all
    modules!) on the given path, in order to access the __path__
    attribute to find submodules.

    'onerror' is a function which gets called with one argument (the
    name of the package which was being imported) if any exception
    occurs while trying to import a package.  If no onerror function is
    supplied, ImportErrors are caught and ignored, while all other
    exceptions are propagated, terminating the search.
    """
    seen_paths = []

    def already_seen(p):
        if p in seen_paths:
            return True
        seen_paths.append(p)
        return False

    for info in iter_modules(path, prefix):
        yield info
        if not info.ispkg:
            continue
        try:
            __import__(info.name)
        except ImportError:
            if onerror is not None:
                onerror(info.name)
            continue
        except Exception:
            if onerror is not None:
                onerror(info.name)
                continue
            raise
        sub_path = getattr(sys.modules[info.name], '__path__', None) or []
        sub_path = [p for p in sub_path if not already_seen(p)]
        yield from walk_packages(sub_path, info.name + '.', onerror)


def get_data(package, resource):
    """Get a resource from a package.

    This is a wrapper round the PEP 302 loader get_data API.  The package
    argument should be the name of a package, in standard module format
    (foo.bar).  The resource argument should be in the form of a relative
    filename, using '/' as the path separator.  The parent directory name
    '..' is not allowed, and nor is a rooted name (starting with a '/').

    The function returns a binary string, which is the contents of the
    specified resource.

    If the package cannot be located or loaded, or it uses a PEP 302
    loader which does not support get_data(), then None is returned.
    """
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    loader = spec.loader
    if loader is None or not hasattr(loader, 'get_data'):
        return None
    module = sys.modules.get(package) or importlib._bootstrap._load(spec)
    if module is None or not hasattr(module, '__file__'):
        return None
    parts = resource.split('/')
    parts.insert(0, os.path.dirname(module.__file__))
    return loader.get_data(os.path.join(*parts))


def extend_path(path, name):
    """Extend a package's path.

    Intended use is to place the following code in a package's
    __init__.py:

        from pkgutil import extend_path
        __path__ = extend_path(__path__, __name__)

    For each directory on sys.path that has a subdirectory that matches
    the package name, add the subdirectory to the package's __path__.
    A file NAME.pkg in such a directory adds its lines to __path__ too.
    """
    if not isinstance(path, list):
        return path
    parent_package, _, final_name = name.rpartition('.')
    if parent_package:
        try:
            search_path = sys.modules[parent_package].__path__
        except (KeyError, AttributeError):
            return path
    else:
        search_path = sys.path
    path = path[:]
    for entry in search_path:
        if not isinstance(entry, str) or not os.path.isdir(entry):
            continue
        finder = get_importer(entry)
        if finder is not None and hasattr(finder, 'find_spec'):
            spec = finder.find_spec(name)
            portions = [] if spec is None else (
                spec.submodule_search_locations or [])
            if spec is not None and spec.loader is not None:
                portions = []
            for portion in portions:
                if portion not in path:
                    path.append(portion)
        subdir = os.path.join(entry, final_name)
        if os.path.isdir(subdir) and subdir not in path:
            init_found = any(os.path.isfile(os.path.join(subdir, '__init__' + s))
                             for s in importlib.machinery.all_suffixes())
            if init_found:
                path.append(subdir)
        path.extend(_pkg_file_lines(os.path.join(entry, name + '.pkg')))
    return path


def _pkg_file_lines(pkgfile):
    """The entries a NAME.pkg file in a path directory adds to the package's
    __path__: one a line, blank lines and '#' comments skipped, not checked
    for existence (as CPython)."""
    if not os.path.isfile(pkgfile):
        return []
    try:
        f = open(pkgfile)
    except OSError as msg:
        sys.stderr.write("Can't open %s: %s\n" % (pkgfile, msg))
        return []
    with f:
        lines = [line.rstrip('\n') for line in f]
    return [line for line in lines if line and not line.startswith('#')]


def resolve_name(name):
    """Resolve a name to an object.

    It is expected that `name` will be a string in one of the following
    formats, where W is shorthand for a valid Python identifier and dot
    stands for a literal period in these pseudo-regexes:

    W(.W)*
    W(.W)*:(W(.W)*)?

    The first form is intended for backward compatibility only. It assumes
    that some part of the dotted name is a package, and the rest is an
    object somewhere within that package, possibly nested inside other
    objects.  Because the place where the package stops and the object
    hierarchy starts can't be inferred by inspection, repeated attempts to
    import must be done with this form.

    In the second form, the caller makes the division point clear through
    the provision of a single colon: the dotted name to the left of the
    colon is a package to be imported, and the dotted name to the right is
    the object hierarchy within that package.  Only one import is needed
    in this form.  If it ends with the colon, then a module object is
    returned.

    The function will return an object (which might be a module), or
    raise one of the following exceptions:

    ValueError - if `name` isn't in a recognised format
    ImportError - if an import failed when it shouldn't have
    AttributeError - if a failure occurred when traversing the object
    hierarchy within the imported package to get to the desired object.
    """
    if not isinstance(name, str):
        raise TypeError(f'expected a str, got {type(name).__name__}')
    if not _valid_name(name):
        raise ValueError(f'invalid format: {name!r}')
    module_part, colon, object_part = name.partition(':')
    if colon:
        obj = importlib.import_module(module_part)
        parts = object_part.split('.') if object_part else []
    else:
        parts = name.split('.')
        modname = parts.pop(0)
        obj = importlib.import_module(modname)
        while parts:
            candidate = modname + '.' + parts[0]
            try:
                obj = importlib.import_module(candidate)
            except ImportError:
                break
            modname = candidate
            parts.pop(0)
    for part in parts:
        obj = getattr(obj, part)
    return obj


def _valid_dotted(text):
    return all(part.isidentifier() for part in text.split('.'))


def _valid_name(name):
    module_part, colon, object_part = name.partition(':')
    if not module_part or not _valid_dotted(module_part):
        return False
    if colon and object_part:
        return ':' not in object_part and _valid_dotted(object_part)
    return True

