"""Read resources (data files) shipped inside Python packages.

files(anchor) gives a Traversable for a package's directory (a
pathlib.Path for packages on disk, the loader's reader otherwise, e.g.
for a package in a ZIP archive); as_file() gives a real file system path
for any Traversable, copying to a temporary location when needed.  The
functional helpers (read_text, open_binary, path, ...) take the anchor
and the resource's path as separate names.
"""

import contextlib
import functools
import inspect
import io
import itertools
import os
import pathlib
import sys
import tempfile
import types
import warnings
from importlib import import_module
from .abc import ResourceReader, Traversable, TraversableResources

__all__ = [
    'Anchor', 'Package', 'ResourceReader', 'as_file', 'contents', 'files',
    'is_resource', 'open_binary', 'open_text', 'path', 'read_binary',
    'read_text',
]

Anchor = types.ModuleType | str
Package = Anchor


# ---- files() -------------------------------------------------------------

def _caller_module():
    # The module of the code that called files() (two frames up: files,
    # then the caller), as the anchor's default.
    frame = sys._getframe(2)
    return frame.f_globals.get('__name__')


def _resolve(anchor):
    if isinstance(anchor, str):
        return import_module(anchor)
    if isinstance(anchor, types.ModuleType):
        return anchor
    raise TypeError(f'{anchor!r} is not a module or a module name')


class MultiplexedPath(Traversable):
    """The union of several directories (a namespace package's portions),
    presented as one."""

    def __init__(self, *paths):
        self._paths = [pathlib.Path(p) for p in paths]
        if not self._paths:
            raise FileNotFoundError('MultiplexedPath must contain at least '
                                    'one path')
        if not all(path.is_dir() for path in self._paths):
            raise NotADirectoryError('MultiplexedPath only supports '
                                     'directories')

    def iterdir(self):
        seen = set()
        for path in self._paths:
            for child in path.iterdir():
                if child.name not in seen:
                    seen.add(child.name)
                    yield child

    def read_bytes(self):
        raise FileNotFoundError(f'{self} is not a file')

    def read_text(self, *args, **kwargs):
        raise FileNotFoundError(f'{self} is not a file')

    def is_dir(self):
        return True

    def is_file(self):
        return False

    def joinpath(self, *descendants):
        for path in self._paths:
            candidate = path.joinpath(*descendants)
            if candidate.exists():
                return candidate
        return self._paths[0].joinpath(*descendants)

    def open(self, *args, **kwargs):
        raise FileNotFoundError(f'{self} is not a file')

    @property
    def name(self):
        return self._paths[0].name

    def __repr__(self):
        paths = ', '.join(f"'{path}'" for path in self._paths)
        return f'MultiplexedPath({paths})'


def _reader_files(module):
    spec = module.__spec__
    loader = getattr(spec, 'loader', None)
    get_reader = getattr(loader, 'get_resource_reader', None)
    if get_reader is None:
        return None
    reader = get_reader(spec.name)
    if reader is None or not hasattr(reader, 'files'):
        return None
    return reader.files()


def files(anchor=None):
    """The Traversable for anchor: a package (its directory) or a module
    (the directory holding it), given as a module or its name; the
    calling module when omitted."""
    if anchor is None:
        anchor = _caller_module()
    module = _resolve(anchor)
    spec = module.__spec__
    if spec is None:
        raise ValueError(f'{module.__name__!r} has no __spec__')
    traversable = _reader_files(module)
    if traversable is not None:
        return traversable
    locations = spec.submodule_search_locations
    if spec.origin is None or spec.origin == 'namespace':
        if locations:
            return MultiplexedPath(*locations)
        raise ValueError(f'cannot find the resources of {spec.name!r}')
    return pathlib.Path(spec.origin).parent


# ---- as_file() -------------------------------------------------------------

def _copy_to(traversable, target):
    if traversable.is_dir():
        os.mkdir(target)
        for child in traversable.iterdir():
            _copy_to(child, os.path.join(target, child.name))
    else:
        with open(target, 'wb') as f:
            f.write(traversable.read_bytes())


@functools.singledispatch
def as_file(path):
    """A context manager giving a pathlib.Path for the Traversable path:
    itself when it is on disk, otherwise a temporary copy (of the file or
    the whole directory) removed on exit."""
    return _temporary_copy(path)


@contextlib.contextmanager
def _temporary_copy(traversable):
    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, traversable.name or 'resource')
        _copy_to(traversable, target)
        yield pathlib.Path(target)


@as_file.register(pathlib.Path)
@contextlib.contextmanager
def _(path):
    yield path


# ---- the functional API ----------------------------------------------------

def _get(anchor, path_names):
    """The Traversable at path_names under anchor (anchor itself when no
    names are given)."""
    if anchor is None:
        raise TypeError('anchor must be module or string, got None')
    return files(anchor).joinpath(*path_names)


def open_binary(anchor, *path_names):
    """A binary file object for the resource at path_names in anchor."""
    return _get(anchor, path_names).open('rb')


def open_text(anchor, *path_names, encoding='utf-8', errors='strict'):
    """A text file object for the resource at path_names in anchor.
    (CPython 3.13 and 3.14 want encoding= with several path names, for
    callers of the 3.11 signature; as planned for 3.15, they need not.)"""
    return _get(anchor, path_names).open('r', encoding=encoding,
                                         errors=errors)


def read_binary(anchor, *path_names):
    """The bytes of the resource at path_names in anchor."""
    return _get(anchor, path_names).read_bytes()


def read_text(anchor, *path_names, encoding='utf-8', errors='strict'):
    """The text of the resource at path_names in anchor."""
    return _get(anchor, path_names).read_text(encoding=encoding,
                                              errors=errors)


def path(anchor, *path_names):
    """A context manager giving a file system path for the resource at
    path_names in anchor (see as_file())."""
    return as_file(_get(anchor, path_names))


def is_resource(anchor, *path_names):
    """Whether path_names in anchor names a file."""
    return _get(anchor, path_names).is_file()


def contents(anchor, *path_names):
    """The names of the entries of the directory path_names in anchor
    (deprecated: use files(anchor).iterdir())."""
    warnings.warn('importlib.resources.contents is deprecated. Use '
                  'files(anchor).iterdir() instead.', DeprecationWarning,
                  stacklevel=2)
    return (child.name for child in _get(anchor, path_names).iterdir())
