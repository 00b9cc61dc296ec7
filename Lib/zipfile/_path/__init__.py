"""zipfile.Path: the members of a ZIP archive seen as a pathlib-like
tree.  Directories that only appear inside member names ('a/b.txt'
implies 'a/') are part of the tree too."""

import contextlib
import io
import pathlib
import posixpath
import re
import stat
import zipfile

__all__ = ['Path']


def _parent_dirs(name):
    """Every directory *name* lies in, deepest first, each ending in '/'.

    >>> list(_parent_dirs('a/b/c.txt'))
    ['a/b/', 'a/']
    """
    path = name.rstrip('/')
    while True:
        # A name made only of slashes ('/' is its own dirname) has no
        # parent: stopping there keeps '/x' from looping for ever.
        path = posixpath.dirname(path).rstrip('/')
        if not path:
            return
        yield path + '/'


class CompleteDirs(zipfile.ZipFile):
    """A ZipFile whose namelist() also lists the implied directories.

    It pickles as the arguments it was opened with, so that a pickled
    Path reopens its archive; one made from an open ZipFile (make()
    changes that object's class) has no such arguments.
    """

    def __init__(self, *args, **kwargs):
        self._open_args = args, kwargs
        super().__init__(*args, **kwargs)

    def __getstate__(self):
        try:
            return self._open_args
        except AttributeError:
            raise TypeError(
                f"cannot pickle {type(self).__name__!r} object made from "
                f"an open ZipFile") from None

    def __setstate__(self, state):
        args, kwargs = state
        self.__init__(*args, **kwargs)

    @staticmethod
    def _implied_dirs(names):
        present = set(names)
        implied = {}
        for name in names:
            for parent in _parent_dirs(name):
                if parent not in present:
                    implied[parent] = None
        return list(implied)

    def namelist(self):
        names = super().namelist()
        return names + self._implied_dirs(names)

    def _name_set(self):
        return set(self.namelist())

    def resolve_dir(self, name):
        """*name* with a '/' appended when that names a directory."""
        names = self._name_set()
        dirname = name + '/'
        if name not in names and dirname in names:
            return dirname
        return name

    def getinfo(self, name):
        """A ZipInfo for *name*, made up for an implied directory."""
        try:
            return super().getinfo(name)
        except KeyError:
            if not name.endswith('/') or name not in self._name_set():
                raise
            return zipfile.ZipInfo(filename=name)

    @classmethod
    def make(cls, source):
        """A CompleteDirs for *source* (a ZipFile, path or file)."""
        if isinstance(source, CompleteDirs):
            return source
        if not isinstance(source, zipfile.ZipFile):
            return cls(source)
        # An archive open for writing changes: don't cache its names.
        if 'r' not in source.mode:
            cls = CompleteDirs
        source.__class__ = cls
        return source

    @classmethod
    def inject(cls, zf):
        """Add the implied directories to *zf* as real members."""
        for name in cls._implied_dirs(zf.namelist()):
            zf.writestr(name, b"")
        return zf


class FastLookup(CompleteDirs):
    """CompleteDirs for an archive opened for reading: the names never
    change, so they are computed once."""

    def namelist(self):
        with contextlib.suppress(AttributeError):
            return self.__names
        self.__names = super().namelist()
        return self.__names

    def _name_set(self):
        with contextlib.suppress(AttributeError):
            return self.__lookup
        self.__lookup = super()._name_set()
        return self.__lookup


def _glob_regex(pattern):
    """A regex matching archive names for a glob pattern ('**' spans
    directories, '*' and '?' stay within one)."""
    parts = []
    for segment in re.split(r'(\*\*/?|\*|\?|\[[^\]]*\])', pattern):
        if not segment:
            continue
        if segment in ('**', '**/'):
            parts.append('.*')
        elif segment == '*':
            parts.append('[^/]*')
        elif segment == '?':
            parts.append('[^/]')
        elif segment.startswith('[') and segment.endswith(']'):
            body = segment[1:-1]
            if body.startswith('!'):
                body = '^' + body[1:]
            parts.append('[' + body + ']')
        else:
            parts.append(re.escape(segment))
    return re.compile(''.join(parts) + r'/?\Z', re.DOTALL)


class Path:
    """A pathlib-style path inside a ZIP archive.

    Path(root, at='') takes a ZipFile (or anything ZipFile accepts) and
    a position inside it; directories end with '/'.
    """

    __repr = "{self.__class__.__name__}({self.root.filename!r}, {self.at!r})"

    def __init__(self, root, at=""):
        self.root = FastLookup.make(root)
        self.at = at

    def __eq__(self, other):
        if self.__class__ is not other.__class__:
            return NotImplemented
        return (self.root, self.at) == (other.root, other.at)

    def __hash__(self):
        return hash((self.root, self.at))

    def open(self, mode='r', *args, pwd=None, **kwargs):
        """Open this member; 'r'/'w' give text (encoding arguments as for
        io.TextIOWrapper), 'rb'/'wb' bytes."""
        if self.is_dir():
            raise IsADirectoryError(self)
        zip_mode = mode[0]
        if zip_mode == 'r' and not self.exists():
            raise FileNotFoundError(self)
        stream = self.root.open(self.at, zip_mode, pwd=pwd)
        if 'b' in mode:
            if args or kwargs:
                raise ValueError("encoding args invalid for binary operation")
            return stream
        encoding, args, kwargs = _extract_text_encoding(*args, **kwargs)
        return io.TextIOWrapper(stream, encoding, *args, **kwargs)

    def _base(self):
        return pathlib.PurePosixPath(self.at or self.root.filename)

    @property
    def name(self):
        return self._base().name

    @property
    def suffix(self):
        return self._base().suffix

    @property
    def suffixes(self):
        return self._base().suffixes

    @property
    def stem(self):
        return self._base().stem

    @property
    def filename(self):
        return pathlib.Path(self.root.filename).joinpath(self.at)

    def read_text(self, *args, **kwargs):
        encoding, args, kwargs = _extract_text_encoding(*args, **kwargs)
        with self.open('r', encoding, *args, **kwargs) as strm:
            return strm.read()

    def read_bytes(self):
        with self.open('rb') as strm:
            return strm.read()

    def _is_child(self, path):
        return posixpath.dirname(path.at.rstrip("/")) == self.at.rstrip("/")

    def _next(self, at):
        return self.__class__(self.root, at)

    def is_dir(self):
        return not self.at or self.at.endswith("/")

    def is_file(self):
        return self.exists() and not self.is_dir()

    def exists(self):
        return self.at in self.root._name_set()

    def iterdir(self):
        if not self.is_dir():
            raise ValueError("Can't listdir a file")
        subs = map(self._next, self.root.namelist())
        return filter(self._is_child, subs)

    def match(self, path_pattern):
        return pathlib.PurePosixPath(self.at).match(path_pattern)

    def is_symlink(self):
        """Whether the member's Unix mode says it is a symbolic link."""
        info = self.root.getinfo(self.at)
        mode = info.external_attr >> 16
        return stat.S_ISLNK(mode)

    def glob(self, pattern):
        if not pattern:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        matches = _glob_regex(pattern).match
        names = (name for name in self.root.namelist()
                 if name.startswith(self.at)
                 and matches(name[len(self.at):]))
        return map(self._next, names)

    def rglob(self, pattern):
        return self.glob(f'**/{pattern}')

    def relative_to(self, other, *extra):
        return posixpath.relpath(str(self), str(other.joinpath(*extra)))

    def __str__(self):
        return posixpath.join(self.root.filename, self.at)

    def __repr__(self):
        return self.__repr.format(self=self)

    def joinpath(self, *other):
        next = posixpath.join(self.at, *other)
        return self._next(self.root.resolve_dir(next))

    __truediv__ = joinpath

    @property
    def parent(self):
        if not self.at:
            return self.filename.parent
        parent_at = posixpath.dirname(self.at.rstrip('/'))
        if parent_at:
            parent_at += '/'
        return self._next(parent_at)


def _extract_text_encoding(encoding=None, *args, **kwargs):
    # The encoding may come positionally or by keyword; io.text_encoding
    # applies the default (and its EncodingWarning).
    return io.text_encoding(encoding, 3), args, kwargs
