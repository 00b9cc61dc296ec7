"""The implementations of the import system's finders and loaders."""

from ._bootstrap import ModuleSpec
from ._bootstrap import BuiltinImporter
from ._bootstrap_external import (
    SOURCE_SUFFIXES, BYTECODE_SUFFIXES, EXTENSION_SUFFIXES,
    PathFinder, FileFinder, SourceFileLoader, SourcelessFileLoader,
    ExtensionFileLoader, NamespaceLoader,
)

__all__ = ['AppleFrameworkLoader', 'BYTECODE_SUFFIXES', 'BuiltinImporter',
           'EXTENSION_SUFFIXES', 'ExtensionFileLoader', 'FileFinder',
           'FrozenImporter',
           'ModuleSpec', 'NamespaceLoader', 'PathFinder', 'SOURCE_SUFFIXES',
           'SourceFileLoader', 'SourcelessFileLoader', 'all_suffixes']


class FrozenImporter:
    """Meta path import for frozen modules.

    This interpreter has no frozen modules, so the finder never finds one;
    it exists so code that names it keeps working.
    """

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        raise ImportError(f'No such frozen object named {module.__name__!r}',
                          name=module.__name__)

    @classmethod
    def is_package(cls, fullname):
        return False

    @classmethod
    def get_code(cls, fullname):
        raise ImportError(f'No such frozen object named {fullname!r}',
                          name=fullname)

    @classmethod
    def get_source(cls, fullname):
        return None


class AppleFrameworkLoader(ExtensionFileLoader):
    """A loader for extension modules packaged as Apple frameworks (iOS
    App Store rules): the module's ".fwork" file names the binary, relative
    to the directory of the executable, and the binary's ".origin" file
    names the ".fwork" file, which stays the module's __file__.  Weft
    builds no such packages, but the loader works wherever they exist."""

    def create_module(self, spec):
        import _imp
        if spec.origin.endswith(".fwork"):
            spec.origin = _bundle_path(_read_text(spec.origin))
        if self.path.endswith(".fwork"):
            path = self.path
        else:
            path = _bundle_path(_read_text(self.path + ".origin"))
        module = _imp.create_dynamic(spec)
        module.__file__ = path
        return module


def _read_text(path):
    """The stripped UTF-8 text of a small marker file."""
    with open(path, "rb") as file:
        return file.read().decode().strip()


def _bundle_path(relative):
    """relative, under the directory of the running executable."""
    import os
    import sys
    return os.path.join(os.path.dirname(sys.executable), relative)


def all_suffixes():
    """Returns a list of all recognized module suffixes for this process"""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
