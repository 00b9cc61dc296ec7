"""The Loader base class, shared by importlib.abc and importlib.util."""

from . import _bootstrap

try:
    import abc as _abc_module
    _Meta = _abc_module.ABCMeta
except ImportError:         # abc not available: plain classes still work
    _Meta = type


class Loader(metaclass=_Meta):
    """Abstract base class for import loaders."""

    def create_module(self, spec):
        """Return a module to initialize and into which to load.

        This method should raise ImportError if anything prevents it
        from creating a new module.  It may return None to indicate
        that the spec should create the new module.
        """
        return None

    def load_module(self, fullname):
        """Return the loaded module.

        The module must be added to sys.modules and have import-related
        attributes set properly.  The fullname is a str.

        ImportError is raised on failure.

        This method is deprecated in favor of loader.exec_module().
        """
        if not hasattr(self, 'exec_module'):
            raise ImportError
        return _load_module_shim(self, fullname)


def _load_module_shim(loader, fullname):
    """Load fullname with loader through the spec machinery (the
    deprecated load_module() protocol)."""
    import sys
    from . import util
    spec = util.spec_from_loader(fullname, loader)
    module = sys.modules.get(fullname)
    if module is not None:
        _bootstrap._exec(spec, module)
        return sys.modules[fullname]
    return _bootstrap._load(spec)
