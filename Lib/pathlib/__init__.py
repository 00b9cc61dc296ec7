"""Object-oriented filesystem paths.

Pure path classes (PurePath, PurePosixPath, PureWindowsPath) do lexical work
only; concrete classes (Path, PosixPath, WindowsPath) add file system I/O.
"""

import io
import os
import posixpath
import stat as _stat
import sys
from _collections_abc import Sequence

__all__ = [
    "UnsupportedOperation",
    "PurePath", "PurePosixPath", "PureWindowsPath",
    "Path", "PosixPath", "WindowsPath",
]


class UnsupportedOperation(NotImplementedError):
    """Raised when an unsupported operation is called on a path object."""


# ---------------------------------------------------------------------------
# Windows flavour.  ntpath may not exist here, so PureWindowsPath carries its
# own small parser with the pieces of ntpath that pathlib relies on.

class _WindowsParser:
    sep = '\\'
    altsep = '/'
    __name__ = 'ntpath'

    @staticmethod
    def normcase(s):
        return os.fspath(s).replace('/', '\\').lower()

    @staticmethod
    def splitroot(p):
        p = os.fspath(p).replace('/', '\\')
        if p[:1] == '\\':
            if p[1:2] != '\\':
                return '', '\\', p[1:]
            start = 8 if p[:8].upper() == '\\\\?\\UNC\\' else 2
            first = p.find('\\', start)
            if first == -1:
                return p, '', ''
            second = p.find('\\', first + 1)
            if second == -1:
                return p, '', ''
            return p[:second], '\\', p[second + 1:]
        if p[1:2] == ':':
            if p[2:3] == '\\':
                return p[:2], '\\', p[3:]
            return p[:2], '', p[2:]
        return '', '', p

    @classmethod
    def splitdrive(cls, p):
        drive, root, tail = cls.splitroot(p)
        return drive, root + tail

    @classmethod
    def isabs(cls, p):
        drive, root, _ = cls.splitroot(p)
        return bool(drive and root) or drive.startswith('\\\\')

    @classmethod
    def join(cls, path, *paths):
        return str(PureWindowsPath(path, *paths))


try:
    import ntpath as _ntpath
except ImportError:
    _ntpath = _WindowsParser()


def _windows_splitroot(p):
    return _WindowsParser.splitroot(p)


def _posix_splitroot(p):
    if p[:1] != '/':
        return '', '', p
    if p[1:2] != '/' or p[2:3] == '/':
        return '', '/', p.lstrip('/')
    return '', '//', p[2:]


def _type_error(obj):
    return TypeError(
        "argument should be a str or an os.PathLike object where "
        f"__fspath__ returns a str, not {type(obj).__name__!r}")


# ---------------------------------------------------------------------------
# Pure paths

class _PathParents(Sequence):
    """Immutable sequence of a path's logical ancestors."""

    __slots__ = ('_path', '_drv', '_root', '_tail')

    def __init__(self, path):
        self._path = path
        self._drv = path.drive
        self._root = path.root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parts(self._drv, self._root,
                                      self._tail[:-idx - 1])

    def __repr__(self):
        return f"<{type(self._path).__name__}.parents>"


class PurePath:
    """Base class for manipulating paths without I/O.

    Instantiating PurePath returns the pure class of the running system.
    """

    parser = posixpath
    _sep = '/'
    _altsep = None
    _case_sensitive = True

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == 'nt' else PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        raw = []
        for arg in args:
            if isinstance(arg, PurePath):
                text = str(arg)
                if arg._sep == '\\' and self._sep == '/':
                    text = text.replace('\\', '/')
                raw.append(text)
                continue
            try:
                text = os.fspath(arg)
            except TypeError:
                text = arg
            if not isinstance(text, str):
                raise _type_error(text)
            raw.append(text)
        self._raw_paths = raw

    def with_segments(self, *pathsegments):
        """Construct a new path object from path-like segments.

        Subclasses may override this to pass extra state to derived paths.
        """
        return type(self)(*pathsegments)

    # -- parsing (lazy, cached on the instance) ----------------------------

    @classmethod
    def _split(cls, text):
        if cls._altsep:
            text = text.replace(cls._altsep, cls._sep)
        if cls._sep == '\\':
            drv, root, rest = _windows_splitroot(text)
            if drv and not root and drv[:2] == '\\\\' \
                    and not drv.endswith(':'):
                # A UNC share is always absolute.
                root = '\\'
        else:
            drv, root, rest = _posix_splitroot(text)
        tail = [part for part in rest.split(cls._sep) if part and part != '.']
        return drv, root, tail

    def _load_parts(self):
        drv, root, tail = '', '', []
        for text in self._raw_paths:
            p_drv, p_root, p_tail = self._split(text)
            if p_root:
                if p_drv or not drv:
                    drv = p_drv
                root, tail = p_root, list(p_tail)
                continue
            if p_drv and p_drv != drv:
                if p_drv.lower() != drv.lower():
                    drv, root, tail = p_drv, p_root, list(p_tail)
                    continue
                drv = p_drv
            tail.extend(p_tail)
        self._drv, self._root, self._tail_cached = drv, root, tail

    @property
    def _tail(self):
        try:
            return self._tail_cached
        except AttributeError:
            self._load_parts()
            return self._tail_cached

    @property
    def drive(self):
        """The drive prefix (letter or UNC path), if any."""
        try:
            return self._drv
        except AttributeError:
            self._load_parts()
            return self._drv

    @property
    def root(self):
        """The root of the path, if any."""
        try:
            return self._root
        except AttributeError:
            self._load_parts()
            return self._root

    @property
    def anchor(self):
        """The concatenation of the drive and root, or ''."""
        return self.drive + self.root

    @classmethod
    def _format(cls, drv, root, tail):
        if drv or root:
            return drv + root + cls._sep.join(tail)
        if tail and cls._sep == '\\' and ':' in tail[0]:
            # Keep a first segment like 'c:' from turning into a drive.
            drive_like, _, _ = _windows_splitroot(tail[0])
            if drive_like:
                tail = ['.'] + tail
        return cls._sep.join(tail) or '.'

    def _from_parts(self, drv, root, tail):
        text = self._format(drv, root, tail)
        path = self.with_segments(text)
        path._str = text
        path._drv, path._root, path._tail_cached = drv, root, list(tail)
        return path

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            self._str = self._format(self.drive, self.root, self._tail)
            return self._str

    def __fspath__(self):
        return str(self)

    def __vfspath__(self):
        return str(self)

    def as_posix(self):
        """Return the string representation with forward slashes."""
        return str(self).replace(self._sep, '/')

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return f"{type(self).__name__}({self.as_posix()!r})"

    def __reduce__(self):
        return type(self), tuple(self._raw_paths)

    # -- comparison ---------------------------------------------------------

    @property
    def _str_normcase(self):
        try:
            return self._str_normcase_cached
        except AttributeError:
            text = str(self)
            if not self._case_sensitive:
                text = text.lower()
            self._str_normcase_cached = text
            return text

    @property
    def _parts_normcase(self):
        return self._str_normcase.split(self._sep)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return (self._str_normcase == other._str_normcase
                and self.parser is other.parser)

    def __hash__(self):
        return hash(self._str_normcase)

    def _comparable(self, other):
        return isinstance(other, PurePath) and self.parser is other.parser

    def __lt__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return self._parts_normcase < other._parts_normcase

    def __le__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return self._parts_normcase <= other._parts_normcase

    def __gt__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return self._parts_normcase > other._parts_normcase

    def __ge__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return self._parts_normcase >= other._parts_normcase

    # -- joining ------------------------------------------------------------

    def joinpath(self, *pathsegments):
        """Combine this path with one or more segments."""
        return self.with_segments(self, *pathsegments)

    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    # -- components ---------------------------------------------------------

    @property
    def parts(self):
        """The path's components as a tuple; the anchor comes first."""
        if self.drive or self.root:
            return (self.drive + self.root,) + tuple(self._tail)
        return tuple(self._tail)

    @property
    def parent(self):
        """The logical parent of the path."""
        tail = self._tail
        if not tail:
            return self
        return self._from_parts(self.drive, self.root, tail[:-1])

    @property
    def parents(self):
        """A sequence of this path's logical ancestors."""
        return _PathParents(self)

    @property
    def name(self):
        """The final path component, if any."""
        tail = self._tail
        return tail[-1] if tail else ''

    @property
    def suffix(self):
        """The final component's last suffix, including its dot, or ''."""
        name = self.name.lstrip('.')
        dot = name.rfind('.')
        return name[dot:] if dot != -1 else ''

    @property
    def suffixes(self):
        """A list of the final component's suffixes."""
        name = self.name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        """The final path component, minus its last suffix."""
        name = self.name
        suffix = self.suffix
        return name[:len(name) - len(suffix)] if suffix else name

    def with_name(self, name):
        """Return a new path with the file name changed."""
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        bad = (not name or self._sep in name
               or (self._altsep and self._altsep in name) or name == '.')
        if not bad and self._sep == '\\':
            drv, _, _ = _windows_splitroot(name)
            bad = bool(drv)
        if bad:
            raise ValueError(f"Invalid name {name!r}")
        return self._from_parts(self.drive, self.root,
                                self._tail[:-1] + [name])

    def with_stem(self, stem):
        """Return a new path with the stem changed."""
        suffix = self.suffix
        if not suffix:
            return self.with_name(stem)
        if not stem:
            raise ValueError(f"{self!r} has a non-empty suffix")
        return self.with_name(stem + suffix)

    def with_suffix(self, suffix):
        """Return a new path with the suffix changed (or removed if '')."""
        stem = self.stem
        if not stem:
            raise ValueError(f"{self!r} has an empty name")
        if suffix and not suffix.startswith('.'):
            raise ValueError(f"Invalid suffix {suffix!r}")
        return self.with_name(stem + suffix)

    # -- queries ------------------------------------------------------------

    def is_absolute(self):
        """True if the path has both a root and (on Windows) a drive."""
        if self._sep == '/':
            return bool(self.root)
        return bool(self.drive and self.root)

    def _coerce(self, other):
        if isinstance(other, PurePath) and other.parser is self.parser:
            return other
        return self.with_segments(other)

    def relative_to(self, other, *, walk_up=False):
        """Return the relative path from other to this path.

        With walk_up, '..' entries are added where other is not an ancestor.
        """
        other = self._coerce(other)
        ancestors = [other] + list(other.parents)
        own_parents = set(self.parents)
        for step, base in enumerate(ancestors):
            if base == self or base in own_parents:
                break
            if not walk_up:
                raise ValueError(
                    f"{str(self)!r} is not in the subpath of {str(other)!r}")
            if base.name == '..':
                raise ValueError(
                    f"'..' segment in {str(other)!r} cannot be walked")
        else:
            raise ValueError(
                f"{str(self)!r} and {str(other)!r} have different anchors")
        tail = ['..'] * step + self._tail[len(base._tail):]
        return self._from_parts('', '', tail)

    def is_relative_to(self, other):
        """True if this path is relative to the other path."""
        other = self._coerce(other)
        return other == self or other in self.parents

    def as_uri(self):
        """Deprecated: return the path as a 'file' URI."""
        import warnings
        warnings.warn(
            "pathlib.PurePath.as_uri() is deprecated and scheduled for "
            "removal in Python 3.19. Use pathlib.Path.as_uri().",
            DeprecationWarning, stacklevel=2)
        return self._as_uri()

    def _as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        if self._sep == '/':
            return 'file://' + _quote(os.fsencode(str(self)))
        drive = self.drive
        posix = self.as_posix()
        if len(drive) == 2 and drive[1] == ':':
            return 'file:///' + drive + _quote(posix[2:].encode('utf-8'))
        return 'file:' + _quote(posix.encode('utf-8'))

    # -- pattern matching ---------------------------------------------------

    def _default_case(self, case_sensitive):
        return self._case_sensitive if case_sensitive is None \
            else case_sensitive

    def full_match(self, pattern, *, case_sensitive=None):
        """Match this path against the provided glob-style pattern.

        '**' matches any number of segments; the whole path must match.
        """
        pattern = self._coerce(pattern)
        regex = _compile_full(str(pattern), self._sep,
                              self._default_case(case_sensitive))
        return regex.match(str(self)) is not None

    def match(self, path_pattern, *, case_sensitive=None):
        """Match this path against a glob-style pattern, from the right.

        '**' acts like '*'.  An anchored pattern must match the whole path.
        """
        pattern = self._coerce(path_pattern)
        case_sensitive = self._default_case(case_sensitive)
        pattern_parts = pattern.parts[::-1]
        if not pattern_parts:
            raise ValueError("empty pattern")
        path_parts = self.parts[::-1]
        if len(path_parts) < len(pattern_parts):
            return False
        if len(path_parts) > len(pattern_parts) and pattern.anchor:
            return False
        for part, pat in zip(path_parts, pattern_parts):
            if _compile_segment(pat, case_sensitive).match(part) is None:
                return False
        return True


_SAFE_URI_BYTES = frozenset(
    b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/')


def _quote(data):
    return ''.join(chr(b) if b in _SAFE_URI_BYTES else '%%%02X' % b
                   for b in data)


def _unquote_to_bytes(text):
    data = text.encode('utf-8')
    out = bytearray()
    i = 0
    hexdigits = b'0123456789abcdefABCDEF'
    while i < len(data):
        b = data[i]
        if (b == 0x25 and i + 2 < len(data) and data[i + 1] in hexdigits
                and data[i + 2] in hexdigits):
            out.append(int(data[i + 1:i + 3], 16))
            i += 3
        else:
            out.append(b)
            i += 1
    return bytes(out)


# Compiled-pattern caches.  They are only ever read, set and cleared as a
# whole; a racing thread at worst compiles a pattern twice, so they need no
# lock in the free-threaded build.
_segment_cache = {}
_full_cache = {}


def _compile_segment(pat, case_sensitive):
    key = (pat, case_sensitive)
    regex = _segment_cache.get(key)
    if regex is None:
        import fnmatch
        import re
        flags = 0 if case_sensitive else re.IGNORECASE
        regex = re.compile(fnmatch.translate(pat), flags)
        if len(_segment_cache) > 512:
            _segment_cache.clear()
        _segment_cache[key] = regex
    return regex


def _compile_full(pat, sep, case_sensitive):
    key = (pat, sep, case_sensitive)
    regex = _full_cache.get(key)
    if regex is None:
        import glob
        import re
        flags = 0 if case_sensitive else re.IGNORECASE
        text = glob.translate(pat, recursive=True, include_hidden=True,
                              seps=sep)
        regex = re.compile(text, flags)
        if len(_full_cache) > 256:
            _full_cache.clear()
        _full_cache[key] = regex
    return regex


class PurePosixPath(PurePath):
    """PurePath for non-Windows systems; no I/O."""
    parser = posixpath
    _sep = '/'
    _altsep = None
    _case_sensitive = True


class PureWindowsPath(PurePath):
    """PurePath for Windows systems; no I/O."""
    parser = _ntpath
    _sep = '\\'
    _altsep = '/'
    _case_sensitive = False


# ---------------------------------------------------------------------------
# Cached file-type information (Path.info)

class _StatInfo:
    """PathInfo that queries the file system lazily and caches the answers."""

    __slots__ = ('_path', '_stat', '_lstat')

    def __init__(self, path):
        self._path = path

    def __repr__(self):
        return f"<{type(self).__name__} {self._path!r}>"

    def _get(self, follow_symlinks):
        attr = '_stat' if follow_symlinks else '_lstat'
        try:
            return getattr(self, attr)
        except AttributeError:
            pass
        try:
            st = os.stat(self._path, follow_symlinks=follow_symlinks)
        except (OSError, ValueError):
            st = None
        setattr(self, attr, st)
        return st

    def exists(self, *, follow_symlinks=True):
        return self._get(follow_symlinks) is not None

    def is_dir(self, *, follow_symlinks=True):
        st = self._get(follow_symlinks)
        return st is not None and _stat.S_ISDIR(st.st_mode)

    def is_file(self, *, follow_symlinks=True):
        st = self._get(follow_symlinks)
        return st is not None and _stat.S_ISREG(st.st_mode)

    def is_symlink(self):
        st = self._get(False)
        return st is not None and _stat.S_ISLNK(st.st_mode)


class _DirEntryInfo(_StatInfo):
    """PathInfo primed from an os.DirEntry gathered while scanning."""

    __slots__ = ('_entry',)

    def __init__(self, entry):
        super().__init__(entry.path)
        self._entry = entry

    def exists(self, *, follow_symlinks=True):
        if not follow_symlinks:
            return True
        return super().exists()

    def is_dir(self, *, follow_symlinks=True):
        try:
            return self._entry.is_dir(follow_symlinks=follow_symlinks)
        except OSError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return self._entry.is_file(follow_symlinks=follow_symlinks)
        except OSError:
            return False

    def is_symlink(self):
        try:
            return self._entry.is_symlink()
        except OSError:
            return False


# ---------------------------------------------------------------------------
# Concrete paths

class Path(PurePath):
    """PurePath subclass that can make system calls.

    Instantiating Path returns the concrete class of the running system.
    """

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        return object.__new__(cls)

    def _child(self, name, entry=None):
        text = str(self)
        if text == '.':
            text = name
        elif text.endswith(self._sep):
            text = text + name
        else:
            text = text + self._sep + name
        path = self.with_segments(text)
        path._str = text
        if entry is not None:
            path._info = _DirEntryInfo(entry)
        return path

    def _unsupported(self, what):
        return UnsupportedOperation(
            f"{type(self).__name__}.{what} is unsupported on this system")

    @property
    def info(self):
        """A PathInfo object caching this path's file type."""
        try:
            return self._info
        except AttributeError:
            self._info = _StatInfo(str(self))
            return self._info

    # -- status -------------------------------------------------------------

    def stat(self, *, follow_symlinks=True):
        """Return the result of os.stat() on this path."""
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        """Like stat(), but do not follow a final symlink."""
        return os.lstat(self)

    def _mode(self, follow_symlinks=True):
        try:
            return os.stat(self, follow_symlinks=follow_symlinks).st_mode
        except (OSError, ValueError):
            return None

    def exists(self, *, follow_symlinks=True):
        """True if the path points to an existing file or directory."""
        return self._mode(follow_symlinks) is not None

    def _test(self, check, follow_symlinks=True):
        mode = self._mode(follow_symlinks)
        return mode is not None and check(mode)

    def is_dir(self, *, follow_symlinks=True):
        """True if the path is a directory."""
        return self._test(_stat.S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        """True if the path is a regular file."""
        return self._test(_stat.S_ISREG, follow_symlinks)

    def is_symlink(self):
        """True if the path is a symbolic link."""
        return self._test(_stat.S_ISLNK, False)

    def is_socket(self):
        """True if the path is a socket."""
        return self._test(_stat.S_ISSOCK)

    def is_fifo(self):
        """True if the path is a FIFO."""
        return self._test(_stat.S_ISFIFO)

    def is_block_device(self):
        """True if the path is a block device."""
        return self._test(_stat.S_ISBLK)

    def is_char_device(self):
        """True if the path is a character device."""
        return self._test(_stat.S_ISCHR)

    def is_junction(self):
        """True if the path is a junction (always False off Windows)."""
        return os.path.isjunction(self)

    def is_mount(self):
        """True if the path is a mount point."""
        return os.path.ismount(self)

    def samefile(self, other_path):
        """True if other_path refers to the same file as this path."""
        st = self.stat()
        if not hasattr(other_path, 'stat'):
            other_path = self.with_segments(other_path)
        return os.path.samestat(st, other_path.stat())

    # -- file content -------------------------------------------------------

    def open(self, mode='r', buffering=-1, encoding=None, errors=None,
             newline=None):
        """Open the file this path points to, like the built-in open()."""
        if 'b' not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        """Return the file's contents as bytes."""
        with self.open(mode='rb', buffering=0) as f:
            return f.read()

    def read_text(self, encoding=None, errors=None, newline=None):
        """Return the file's contents as a str."""
        encoding = io.text_encoding(encoding)
        with self.open(mode='r', encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.read()

    def write_bytes(self, data):
        """Write bytes-like data to the file; return the count written."""
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        """Write str data to the file; return the count written."""
        if not isinstance(data, str):
            raise TypeError(
                f"data must be str, not {type(data).__name__}")
        encoding = io.text_encoding(encoding)
        with self.open(mode='w', encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.write(data)

    # -- directory listing --------------------------------------------------

    def iterdir(self):
        """Yield path objects of the directory's contents ('.' and '..'
        excluded).  The directory is read when iterdir() is called."""
        with os.scandir(self) as entries:
            children = [self._child(e.name, e) for e in entries]
        return iter(children)

    def _scan(self, path):
        try:
            with os.scandir(path) as entries:
                return list(entries)
        except OSError:
            return []

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Iterate over this subtree and yield all existing files (of any
        kind, including directories) matching the given relative pattern."""
        sys.audit("pathlib.Path.glob", self, pattern)
        pattern_path = self._coerce(pattern)
        if pattern_path.anchor:
            raise NotImplementedError("Non-relative patterns are unsupported")
        text = str(pattern) if isinstance(pattern, PurePath) \
            else os.fspath(pattern)
        if not pattern_path._tail:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        parts = list(pattern_path._tail)
        if text.endswith(self._sep) or (self._altsep
                                        and text.endswith(self._altsep)):
            parts.append('')
        case_sensitive = self._default_case(case_sensitive)
        return self._select(self, parts, 0, case_sensitive, recurse_symlinks)

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Like glob(), with '**/' added in front of the pattern."""
        sys.audit("pathlib.Path.rglob", self, pattern)
        text = str(pattern) if isinstance(pattern, PurePath) \
            else os.fspath(pattern)
        return self.glob('**/' + text,
                         case_sensitive=case_sensitive,
                         recurse_symlinks=recurse_symlinks)

    def _select(self, path, parts, i, case_sensitive, recurse_symlinks):
        # parts[-1] == '' marks a pattern ending in a separator: only
        # directories match.  Consecutive '**' behave as one.
        if i == len(parts):
            if path._exists_for_glob():
                yield path
            return
        part = parts[i]
        if part == '':
            if path.is_dir():
                yield path
            return
        last = i == len(parts) - 1
        if part == '**':
            while i + 1 < len(parts) and parts[i + 1] == '**':
                i += 1
            yield from self._select_recursive(path, parts, i + 1,
                                              case_sensitive,
                                              recurse_symlinks)
            return
        if part == '..' or (case_sensitive and not _has_magic(part)):
            child = path._child(part)
            if last:
                if os.path.lexists(child):
                    yield child
            else:
                yield from self._select(child, parts, i + 1, case_sensitive,
                                        recurse_symlinks)
            return
        regex = _compile_segment(part, case_sensitive)
        for entry in self._scan(path):
            if regex.match(entry.name) is None:
                continue
            if not last:
                try:
                    if not entry.is_dir():
                        continue
                except OSError:
                    continue
            child = path._child(entry.name, entry)
            if last:
                yield child
            else:
                yield from self._select(child, parts, i + 1, case_sensitive,
                                        recurse_symlinks)

    def _select_recursive(self, path, parts, rest, case_sensitive,
                          recurse_symlinks):
        if not path.is_dir():
            return
        dir_only = rest < len(parts) and parts[rest] == ''
        if rest == len(parts) or dir_only:
            # A trailing '**' matches the directory itself and everything
            # under it ('**/' only the directories).
            yield path
            for child, is_dir in self._descendants(path, recurse_symlinks):
                if is_dir or not dir_only:
                    yield child
            return
        yield from self._select(path, parts, rest, case_sensitive,
                                recurse_symlinks)
        for child, is_dir in self._descendants(path, recurse_symlinks):
            if is_dir:
                yield from self._select(child, parts, rest, case_sensitive,
                                        recurse_symlinks)

    def _descendants(self, path, recurse_symlinks):
        # Yields (child, is_dir) in pre-order; symlinked directories are
        # entered only with recurse_symlinks.
        stack = [path]
        while stack:
            top = stack.pop()
            children = []
            for entry in self._scan(top):
                try:
                    is_dir = entry.is_dir(follow_symlinks=recurse_symlinks)
                except OSError:
                    is_dir = False
                child = top._child(entry.name, entry)
                yield child, is_dir
                if is_dir:
                    children.append(child)
            stack.extend(reversed(children))

    def _exists_for_glob(self):
        return os.path.lexists(self)

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        """Walk the directory tree from this directory, like os.walk()."""
        sys.audit("pathlib.Path.walk", self, on_error, follow_symlinks)
        stack = [self]
        while stack:
            top = stack.pop()
            if isinstance(top, tuple):
                yield top
                continue
            try:
                with os.scandir(top) as it:
                    entries = list(it)
            except OSError as error:
                if on_error is not None:
                    on_error(error)
                continue
            dirnames, filenames = [], []
            for entry in entries:
                try:
                    is_dir = entry.is_dir(follow_symlinks=follow_symlinks)
                except OSError:
                    is_dir = False
                (dirnames if is_dir else filenames).append(entry.name)
            if top_down:
                yield top, dirnames, filenames
            else:
                stack.append((top, dirnames, filenames))
            stack.extend(top._child(d) for d in reversed(dirnames))

    # -- path transformations ----------------------------------------------

    def absolute(self):
        """Return an absolute version of this path without resolving
        symlinks or '..'."""
        if self.is_absolute():
            return self
        cwd = os.getcwd()
        if not self._tail:
            return self.with_segments(cwd)
        return self.with_segments(cwd, self)

    @classmethod
    def cwd(cls):
        """Return a new path pointing to the current working directory."""
        return cls().absolute()

    @classmethod
    def home(cls):
        """Return a new path pointing to the user's home directory."""
        return cls('~').expanduser()

    def resolve(self, strict=False):
        """Make the path absolute, resolving symlinks and '..'."""
        return self.with_segments(os.path.realpath(self, strict=strict))

    def expanduser(self):
        """Return a new path with an expanded ~ or ~user construct."""
        tail = self._tail
        if not (self.drive or self.root) and tail and tail[0][:1] == '~':
            home = os.path.expanduser(tail[0])
            if home[:1] == '~':
                raise RuntimeError("Could not determine home directory.")
            expanded = self.with_segments(home)
            return expanded._from_parts(expanded.drive, expanded.root,
                                        expanded._tail + tail[1:])
        return self

    def readlink(self):
        """Return the path the symbolic link points to."""
        return self.with_segments(os.readlink(self))

    def as_uri(self):
        """Return the path as a 'file' URI; the path must be absolute."""
        if not self.is_absolute():
            raise ValueError("relative paths can't be expressed as file URIs")
        return self._as_uri()

    @classmethod
    def from_uri(cls, uri):
        """Return a new path from the given 'file' URI."""
        if uri[:5].lower() != 'file:':
            raise ValueError("URL is missing a 'file:' scheme")
        text = uri[5:]
        if text[:2] == '//':
            authority, slash, rest = text[2:].partition('/')
            if authority.lower() in ('', 'localhost'):
                text = slash + rest
            elif cls._sep == '\\':
                text = '//' + text[2:]
            else:
                raise ValueError(
                    "file:// scheme is supported only on localhost")
        if cls._sep == '\\':
            # Windows drive forms: '/c:/x', '/c|/x', 'c|/x'.
            if text[:1] == '/' and text[2:3] in (':', '|'):
                text = text[1:]
            if text[1:2] == '|':
                text = text[:1] + ':' + text[2:]
        path = cls(os.fsdecode(_unquote_to_bytes(text)))
        if not path.is_absolute():
            raise ValueError(f"URI is not absolute: {uri!r}")
        return path

    # -- ownership and permissions -----------------------------------------

    def owner(self, *, follow_symlinks=True):
        """Return the login name of the file owner."""
        try:
            import pwd
        except ImportError:
            raise self._unsupported('owner()') from None
        uid = self.stat(follow_symlinks=follow_symlinks).st_uid
        return pwd.getpwuid(uid).pw_name

    def group(self, *, follow_symlinks=True):
        """Return the group name of the file gid."""
        try:
            import grp
        except ImportError:
            raise self._unsupported('group()') from None
        gid = self.stat(follow_symlinks=follow_symlinks).st_gid
        return grp.getgrgid(gid).gr_name

    def chmod(self, mode, *, follow_symlinks=True):
        """Change the permissions of the path, like os.chmod()."""
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        """Like chmod(), but change a symlink's own permissions."""
        self.chmod(mode, follow_symlinks=False)

    # -- creation and removal ----------------------------------------------

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Create a new directory at this path."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            # A race with another creator is fine if the result is a dir.
            if not exist_ok or not self.is_dir():
                raise

    def touch(self, mode=0o666, exist_ok=True):
        """Create the file, or update its modification time."""
        if exist_ok:
            try:
                os.utime(self, None)
                return
            except OSError:
                pass
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        os.close(os.open(self, flags, mode))

    def unlink(self, missing_ok=False):
        """Remove this file or symbolic link."""
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        """Remove this (empty) directory."""
        os.rmdir(self)

    def rename(self, target):
        """Rename this path to target and return the new path."""
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        """Rename this path to target, overwriting it; return the new path."""
        os.replace(self, target)
        return self.with_segments(target)

    def _coerce_target(self, target):
        if isinstance(target, Path):
            return target
        return self.with_segments(target)

    def symlink_to(self, target, target_is_directory=False):
        """Make this path a symlink pointing to target."""
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        """Make this path a hard link to the same file as target."""
        os.link(target, self)

    # -- copying and moving (3.14) -------------------------------------------

    def copy(self, target, *, follow_symlinks=True, preserve_metadata=False):
        """Copy this file or directory tree to target; return the new path."""
        target = self._coerce_target(target)
        self._check_copy_target(target)
        self._copy_any(target, follow_symlinks, preserve_metadata)
        return target

    def copy_into(self, target_dir, *, follow_symlinks=True,
                  preserve_metadata=False):
        """Copy this file or directory tree into target_dir."""
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        target_dir = self._coerce_target(target_dir)
        return self.copy(target_dir / name, follow_symlinks=follow_symlinks,
                         preserve_metadata=preserve_metadata)

    def _check_copy_target(self, target, verb='copy'):
        source = self.absolute()
        dest = target.absolute()
        try:
            same = os.path.samefile(source, dest)
        except (OSError, ValueError):
            same = False
        if same or source == dest:
            raise OSError(f"{str(self)!r} and {str(target)!r} are the same "
                          "file")
        if source in dest.parents and self.is_dir():
            raise OSError(f"Cannot {verb} {str(self)!r} inside itself: "
                          f"{str(target)!r}")

    def _copy_any(self, target, follow_symlinks, preserve_metadata):
        import shutil
        if not follow_symlinks and self.is_symlink():
            os.symlink(os.readlink(self), target)
            if preserve_metadata:
                shutil.copystat(self, target, follow_symlinks=False)
            return
        if self.is_dir():
            os.mkdir(target)
            with os.scandir(self) as it:
                names = [e.name for e in it]
            for name in names:
                self._child(name)._copy_any(target / name, follow_symlinks,
                                            preserve_metadata)
            if preserve_metadata:
                shutil.copystat(self, target)
            return
        if preserve_metadata:
            shutil.copy2(self, target)
        else:
            shutil.copyfile(self, target)

    def move(self, target):
        """Move this file or directory tree to target; return the new path."""
        target = self._coerce_target(target)
        self._check_copy_target(target, 'move')
        try:
            os.replace(self, target)
            return target
        except OSError as error:
            import errno
            if error.errno != errno.EXDEV:
                raise
        self._copy_any(target, False, True)
        if self.is_dir() and not self.is_symlink():
            import shutil
            shutil.rmtree(self)
        else:
            self.unlink()
        return target

    def move_into(self, target_dir):
        """Move this file or directory tree into target_dir."""
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        target_dir = self._coerce_target(target_dir)
        return self.move(target_dir / name)


def _has_magic(part):
    return '*' in part or '?' in part or '[' in part


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""

    if os.name == 'nt':
        def __new__(cls, *args, **kwargs):
            raise UnsupportedOperation(
                f"cannot instantiate {cls.__name__!r} on your system")


class WindowsPath(Path, PureWindowsPath):
    """Path subclass for Windows systems."""

    if os.name != 'nt':
        def __new__(cls, *args, **kwargs):
            raise UnsupportedOperation(
                f"cannot instantiate {cls.__name__!r} on your system")
