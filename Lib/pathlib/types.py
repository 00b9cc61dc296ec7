"""Protocols for implementing path objects (pathlib.types, 3.14)."""

from typing import Protocol, runtime_checkable

__all__ = ['PathInfo']


@runtime_checkable
class PathInfo(Protocol):
    """Protocol for path info objects, which support querying the file type.

    Methods may return cached results.
    """

    def exists(self, *, follow_symlinks=True):
        """Whether the path exists."""
        ...

    def is_dir(self, *, follow_symlinks=True):
        """Whether the path is a directory."""
        ...

    def is_file(self, *, follow_symlinks=True):
        """Whether the path is a regular file."""
        ...

    def is_symlink(self):
        """Whether the path is a symbolic link."""
        ...
