"""Abstract base classes for package resources (importlib.resources.abc).

A loader offers a package's resources through get_resource_reader(),
which returns a ResourceReader; modern readers derive from
TraversableResources and only provide files(), a Traversable (for files
on disk, a pathlib.Path).
"""

import abc
import io
import itertools
import os
from typing import Protocol, runtime_checkable

__all__ = ['ResourceReader', 'Traversable', 'TraversableResources']


class ResourceReader(metaclass=abc.ABCMeta):
    """The resources of one package, by name (the older interface)."""

    @abc.abstractmethod
    def open_resource(self, resource):
        """A binary file object for resource; FileNotFoundError if there
        is none."""
        raise FileNotFoundError

    @abc.abstractmethod
    def resource_path(self, resource):
        """The file system path of resource; FileNotFoundError when it has
        none."""
        raise FileNotFoundError

    @abc.abstractmethod
    def is_resource(self, path):
        """Whether path names a file resource of the package."""
        raise FileNotFoundError

    @abc.abstractmethod
    def contents(self):
        """The names of the package's entries."""
        raise FileNotFoundError


class TraversalError(Exception):
    pass


@runtime_checkable
class Traversable(Protocol):
    """A file or directory of a package's resources, possibly inside an
    archive: the part of pathlib.Path's interface resources need.  A
    runtime-checkable protocol, so pathlib.Path and zipfile.Path are
    instances without registering."""

    @abc.abstractmethod
    def iterdir(self):
        """The Traversables inside this directory."""

    def read_bytes(self):
        with self.open('rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(encoding=encoding, errors=errors) as f:
            return f.read()

    @abc.abstractmethod
    def is_dir(self):
        """Whether this is a directory."""

    @abc.abstractmethod
    def is_file(self):
        """Whether this is a file."""

    def joinpath(self, *descendants):
        """The Traversable at the relative path descendants (names
        separated by '/' or given one by one)."""
        if not descendants:
            return self
        names = itertools.chain.from_iterable(
            str(path).split('/') for path in descendants)
        target = next(names)
        matches = (child for child in self.iterdir() if child.name == target)
        try:
            match = next(matches)
        except StopIteration:
            raise TraversalError('Target not found during traversal.',
                                 target, list(names))
        return match.joinpath(*names)

    def __truediv__(self, child):
        return self.joinpath(child)

    @abc.abstractmethod
    def open(self, mode='r', *args, **kwargs):
        """Open the file: binary for mode 'rb', text (the other arguments
        as for io.TextIOWrapper) for mode 'r'."""

    @property
    @abc.abstractmethod
    def name(self):
        """The last part of the path."""


class TraversableResources(ResourceReader):
    """A ResourceReader whose files() provides everything else."""

    @abc.abstractmethod
    def files(self):
        """The Traversable of the package's directory."""

    def open_resource(self, resource):
        return self.files().joinpath(resource).open('rb')

    def resource_path(self, resource):
        raise FileNotFoundError(resource)

    def is_resource(self, path):
        return self.files().joinpath(path).is_file()

    def contents(self):
        return (item.name for item in self.files().iterdir())
