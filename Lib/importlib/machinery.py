"""The implementations of the import system's finders and loaders."""

from ._bootstrap import ModuleSpec
from ._bootstrap import BuiltinImporter
from ._bootstrap_external import (
    SOURCE_SUFFIXES, BYTECODE_SUFFIXES, EXTENSION_SUFFIXES,
    PathFinder, FileFinder, SourceFileLoader, SourcelessFileLoader,
    ExtensionFileLoader, NamespaceLoader,
)

__all__ = ['BYTECODE_SUFFIXES', 'BuiltinImporter', 'EXTENSION_SUFFIXES',
           'ExtensionFileLoader', 'FileFinder', 'FrozenImporter',
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


def all_suffixes():
    """Returns a list of all recognized module suffixes for this process"""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
