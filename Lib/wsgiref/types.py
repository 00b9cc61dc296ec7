"""Types of the WSGI specification (PEP 3333), for type checkers."""

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

__all__ = [
    "StartResponse",
    "WSGIEnvironment",
    "WSGIApplication",
    "InputStream",
    "ErrorStream",
    "FileWrapper",
]

_ExcInfo = tuple[type[BaseException], BaseException, Any]
_OptExcInfo = _ExcInfo | tuple[None, None, None]


class StartResponse(Protocol):
    """The start_response() callable a server gives an application."""

    def __call__(self, status: str, headers: list[tuple[str, str]],
                 exc_info: _OptExcInfo | None = ..., /) -> Callable[[bytes], object]: ...


WSGIEnvironment = dict[str, Any]
WSGIApplication = Callable[[WSGIEnvironment, StartResponse],
                           Iterable[bytes]]


class InputStream(Protocol):
    """The wsgi.input stream."""

    def read(self, size: int = ..., /) -> bytes: ...
    def readline(self, size: int = ..., /) -> bytes: ...
    def readlines(self, hint: int = ..., /) -> list[bytes]: ...
    def __iter__(self) -> Iterator[bytes]: ...


class ErrorStream(Protocol):
    """The wsgi.errors stream."""

    def flush(self) -> object: ...
    def write(self, s: str, /) -> object: ...
    def writelines(self, seq: list[str], /) -> object: ...


class _Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...
    # close() is optional.


class FileWrapper(Protocol):
    """The wsgi.file_wrapper callable."""

    def __call__(self, file: _Readable,
                 block_size: int = ..., /) -> Iterable[bytes]: ...
