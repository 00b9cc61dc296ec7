"""Abstract base classes related to import."""

import sys

from . import _bootstrap_external
from . import machinery
from ._abc import Loader, _Meta

try:
    from abc import abstractmethod
except ImportError:         # abc not available: the decorator is a marker
    def abstractmethod(func):
        func.__isabstractmethod__ = True
        return func

__all__ = [
    'Loader', 'MetaPathFinder', 'PathEntryFinder',
    'ResourceLoader', 'InspectLoader', 'ExecutionLoader',
    'FileLoader', 'SourceLoader',
]


def _register(abstract_cls, *classes):
    if not hasattr(abstract_cls, 'register'):
        return
    for cls in classes:
        abstract_cls.register(cls)


class MetaPathFinder(metaclass=_Meta):
    """Abstract base class for import finders on sys.meta_path."""

    def invalidate_caches(self):
        """An optional method for clearing the finder's cache, if any.
        This method is used by importlib.invalidate_caches().
        """


_register(MetaPathFinder, machinery.BuiltinImporter, machinery.FrozenImporter,
          machinery.PathFinder)


class PathEntryFinder(metaclass=_Meta):
    """Abstract base class for path entry finders used by PathFinder."""

    def invalidate_caches(self):
        """An optional method for clearing the finder's cache, if any.
        This method is used by PathFinder.invalidate_caches().
        """


_register(PathEntryFinder, machinery.FileFinder)


class ResourceLoader(Loader):
    """Abstract base class for loaders which can return data from their
    back-end storage to facilitate reading data to perform an import.

    This ABC represents one of the optional protocols specified by PEP 302.

    For directly loading resources, use TraversableResources instead.
    This class primarily exists for backwards compatibility with other
    ABCs in this module.
    """

    def __init__(self):
        import warnings
        warnings.warn('importlib.abc.ResourceLoader is deprecated in '
                      'favour of supporting resource loading through '
                      'importlib.resources.abc.TraversableResources.',
                      DeprecationWarning, stacklevel=2)
        super().__init__()

    @abstractmethod
    def get_data(self, path):
        """Abstract method which when implemented should return the bytes for
        the specified path.  The path must be a str."""
        raise OSError


class _LoaderBasics:
    """The exec_module()/load_module() pair built on get_code()."""

    def exec_module(self, module):
        """Execute the module."""
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when '
                              'get_code() returns None')
        exec(code, module.__dict__)

    def load_module(self, fullname):
        """This method is deprecated."""
        from ._abc import _load_module_shim
        return _load_module_shim(self, fullname)


class InspectLoader(Loader):
    """Abstract base class for loaders which support inspection about the
    modules they can load.

    This ABC represents one of the optional protocols specified by PEP 302.
    """

    def is_package(self, fullname):
        """Optional method which when implemented should return whether the
        module is a package.  The fullname is a str.  Returns a bool.

        Raises ImportError if the module cannot be found.
        """
        raise ImportError

    def get_code(self, fullname):
        """Method which returns the code object for the module.

        The fullname is a str.  Returns a types.CodeType if possible, else
        returns None if a code object does not make sense
        (e.g. built-in module). Raises ImportError if the module cannot be
        found.
        """
        source = self.get_source(fullname)
        if source is None:
            return None
        return self.source_to_code(source)

    @abstractmethod
    def get_source(self, fullname):
        """Abstract method which should return the source code for the
        module.  The fullname is a str.  Returns a str.

        Raises ImportError if the module cannot be found.
        """
        raise ImportError

    @staticmethod
    def source_to_code(data, path='<string>'):
        """Compile 'data' into a code object.

        The 'data' argument can be anything that compile() can handle. The
        'path' argument should be where the data was retrieved (when
        applicable)."""
        return compile(data, path, 'exec', dont_inherit=True)

    exec_module = _LoaderBasics.exec_module
    load_module = _LoaderBasics.load_module


_register(InspectLoader, machinery.BuiltinImporter, machinery.FrozenImporter,
          machinery.NamespaceLoader)


class ExecutionLoader(InspectLoader):
    """Abstract base class for loaders that wish to support the execution of
    modules as scripts.

    This ABC represents one of the optional protocols specified in PEP 302.
    """

    @abstractmethod
    def get_filename(self, fullname):
        """Abstract method which should return the value that __file__ is to
        be set to.

        Raises ImportError if the module cannot be found.
        """
        raise ImportError

    def get_code(self, fullname):
        """Method to return the code object for fullname.

        Should return None if not applicable (e.g. built-in module).
        Raise ImportError if the module cannot be found.
        """
        source = self.get_source(fullname)
        if source is None:
            return None
        try:
            path = self.get_filename(fullname)
        except ImportError:
            return self.source_to_code(source)
        return self.source_to_code(source, path)


_register(ExecutionLoader, machinery.ExtensionFileLoader)


class FileLoader(_bootstrap_external.FileLoader, ResourceLoader,
                 ExecutionLoader):
    """Abstract base class partially implementing the ResourceLoader and
    ExecutionLoader ABCs."""

    # FileLoader.__init__ takes (fullname, path); ResourceLoader's
    # deprecation warning is for direct ResourceLoader subclasses.
    __init__ = _bootstrap_external.FileLoader.__init__


_register(FileLoader, machinery.SourceFileLoader,
          machinery.SourcelessFileLoader, machinery.ExtensionFileLoader)


def _unpack_uint32(data):
    return int.from_bytes(data, 'little')


class SourceLoader(_LoaderBasics, ResourceLoader, ExecutionLoader):
    """Abstract base class for loading source code (and optionally any
    corresponding bytecode).

    To support loading from source code, the abstractmethods inherited from
    ResourceLoader and ExecutionLoader need to be implemented. To also
    support loading from bytecode, the optional methods specified directly
    by this ABC is required.

    Inherited abstractmethods not implemented in this ABC:

        * ResourceLoader.get_data
        * ExecutionLoader.get_filename
    """

    __init__ = object.__init__

    def path_mtime(self, path):
        """Return the (int) modification time for the path (str)."""
        raise OSError

    def path_stats(self, path):
        """Return a metadata dict for the source pointed to by the path (str).
        Possible keys:
        - 'mtime' (mandatory) is the numeric timestamp of last source
          code modification;
        - 'size' (optional) is the size in bytes of the source code.
        """
        return {'mtime': self.path_mtime(path)}

    def set_data(self, path, data):
        """Write the bytes to the path (if possible).

        Accepts a str path and data as bytes.

        Any needed intermediary directories are to be created. If for some
        reason the file cannot be written because of permissions, fail
        silently.
        """

    def _cache_bytecode(self, source_path, cache_path, data):
        return self.set_data(cache_path, data)

    def is_package(self, fullname):
        """Concrete implementation of InspectLoader.is_package by checking
        if the path returned by get_filename has a filename of
        '__init__.py'."""
        filename = self.get_filename(fullname).rpartition('/')[2]
        filename_base = filename.rsplit('.', 1)[0]
        tail_name = fullname.rpartition('.')[2]
        return filename_base == '__init__' and tail_name != '__init__'

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def get_source(self, fullname):
        """Concrete implementation of InspectLoader.get_source."""
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return _bootstrap_external.decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        """Return the code object compiled from source.

        The 'data' argument can be any object type that compile() supports.
        """
        return compile(data, path, 'exec', dont_inherit=True,
                       optimize=_optimize)

    def _cached_code(self, bytecode_path, stats, fullname):
        """The code object from a valid cache file, else None."""
        try:
            data = self.get_data(bytecode_path)
        except OSError:
            return None
        magic = _bootstrap_external.MAGIC_NUMBER
        if len(data) < 16 or data[:4] != magic:
            return None
        if _unpack_uint32(data[4:8]) != 0:
            return None
        if _unpack_uint32(data[8:12]) != int(stats['mtime']) & 0xFFFFFFFF:
            return None
        size = stats.get('size')
        if size is not None and _unpack_uint32(data[12:16]) != size & 0xFFFFFFFF:
            return None
        try:
            import marshal
            return marshal.loads(data[16:])
        except (ImportError, ValueError, EOFError, TypeError):
            return None

    def _write_cache(self, source_path, bytecode_path, stats, code):
        try:
            import marshal
            body = marshal.dumps(code)
        except (ImportError, ValueError):
            return
        header = bytearray(_bootstrap_external.MAGIC_NUMBER)
        header += (0).to_bytes(4, 'little')
        header += (int(stats['mtime']) & 0xFFFFFFFF).to_bytes(4, 'little')
        header += (stats.get('size', 0) & 0xFFFFFFFF).to_bytes(4, 'little')
        try:
            self._cache_bytecode(source_path, bytecode_path,
                                 bytes(header) + body)
        except NotImplementedError:
            pass

    def get_code(self, fullname):
        """Concrete implementation of InspectLoader.get_code.

        Reading of bytecode requires path_stats to be implemented. To write
        bytecode, set_data must also be implemented.
        """
        source_path = self.get_filename(fullname)
        bytecode_path = stats = None
        try:
            bytecode_path = _bootstrap_external.cache_from_source(source_path)
        except NotImplementedError:
            pass
        if bytecode_path is not None:
            try:
                stats = self.path_stats(source_path)
            except OSError:
                stats = None
            if stats is not None:
                code = self._cached_code(bytecode_path, stats, fullname)
                if code is not None:
                    return code
        source_bytes = self.get_data(source_path)
        code = self.source_to_code(source_bytes, source_path)
        if (stats is not None and bytecode_path is not None
                and not sys.dont_write_bytecode):
            self._write_cache(source_path, bytecode_path, stats, code)
        return code


_register(SourceLoader, machinery.SourceFileLoader)
