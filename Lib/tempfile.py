"""Temporary files and directories, created securely.

TemporaryFile, NamedTemporaryFile, SpooledTemporaryFile and
TemporaryDirectory clean up after themselves (on close, or at the end of
a with block); mkstemp and mkdtemp are the lower-level functions whose
results the caller removes.  Names are made of random characters and
created with O_EXCL (or mkdir), so two processes or threads never get
the same file.

gettempdir() is the directory used when none is given: $TMPDIR, $TEMP,
$TMP, then the platform's usual places, the first one that is writable.
Setting the module variable tempdir overrides it.
"""

__all__ = [
    "NamedTemporaryFile", "TemporaryFile",   # high level safe interfaces
    "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp",                    # low level safe interfaces
    "mktemp",                                # deprecated unsafe interface
    "TMP_MAX", "gettempprefix",              # constants
    "tempdir", "gettempdir",
    "gettempprefixb", "gettempdirb",
]

import errno as _errno
import functools as _functools
import io as _io
import os as _os
import types as _types
import warnings as _warnings
import weakref as _weakref
import _thread

_allocate_lock = _thread.allocate_lock

_text_openflags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL
if hasattr(_os, 'O_NOFOLLOW'):
    _text_openflags |= _os.O_NOFOLLOW
_bin_openflags = _text_openflags
if hasattr(_os, 'O_BINARY'):
    _bin_openflags |= _os.O_BINARY

TMP_MAX = getattr(_os, 'TMP_MAX', 10000)

# The default prefix of the names (str; gettempprefixb() gives bytes).
template = "tmp"

# Guards the lazy initialisation of tempdir and of the name generator.
_once_lock = _allocate_lock()


def _exists(fn):
    try:
        _os.lstat(fn)
    except OSError:
        return False
    return True


def _infer_return_type(*args):
    """str or bytes, whichever the non-None arguments are (str when all
    are None); mixing the two is an error."""
    return_type = None
    for arg in args:
        if arg is None:
            continue
        if isinstance(arg, _os.PathLike):
            arg = _os.fspath(arg)
        if isinstance(arg, bytes):
            if return_type is str:
                raise TypeError("Can't mix bytes and non-bytes in "
                                "path components.")
            return_type = bytes
        else:
            if return_type is bytes:
                raise TypeError("Can't mix bytes and non-bytes in "
                                "path components.")
            return_type = str
    if return_type is None:
        if tempdir is None or isinstance(tempdir, str):
            return str
        # tempdir set to bytes by the user: follow it.
        return bytes
    return return_type


def _sanitize_params(prefix, suffix, dir):
    """Fill in the defaults of prefix, suffix and dir, all of one type;
    return them and that type."""
    output_type = _infer_return_type(prefix, suffix, dir)
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else _os.fsencode(template)
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, dir, output_type


class _RandomNameSequence:
    """An endless iterator of random 8-character names from
    [a-z0-9_].  The randomness comes from os.urandom, which is safe to
    share between threads and is never inherited across fork, so two
    processes or threads do not walk the same sequence."""

    characters = "abcdefghijklmnopqrstuvwxyz0123456789_"

    def __iter__(self):
        return self

    def __next__(self):
        chars = self.characters
        count = len(chars)
        # Bytes >= limit are dropped so that every character is equally
        # likely.
        limit = 256 - 256 % count
        name = []
        while len(name) < 8:
            for byte in _os.urandom(16):
                if byte < limit:
                    name.append(chars[byte % count])
                    if len(name) == 8:
                        break
        return ''.join(name)


def _candidate_tempdir_list():
    """The directories gettempdir() tries, in order."""
    dirlist = []
    for envname in 'TMPDIR', 'TEMP', 'TMP':
        dirname = _os.getenv(envname)
        if dirname:
            dirlist.append(dirname)
    dirlist.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirlist.append(_os.getcwd())
    except (AttributeError, OSError):
        dirlist.append(_os.curdir)
    return dirlist


def _get_default_tempdir():
    """The first candidate directory in which a file can really be
    created and written (permissions alone do not tell)."""
    namer = _RandomNameSequence()
    dirlist = _candidate_tempdir_list()
    for dir in dirlist:
        if dir != _os.curdir:
            dir = _os.path.abspath(dir)
        for attempt in range(100):
            name = next(namer)
            filename = _os.path.join(dir, name)
            try:
                fd = _os.open(filename, _bin_openflags, 0o600)
                try:
                    _os.write(fd, b'blat')
                finally:
                    _os.close(fd)
                    _os.unlink(filename)
                return dir
            except FileExistsError:
                pass
            except OSError:
                break   # not writable (or not a directory): next one
    raise FileNotFoundError(_errno.ENOENT,
                            "No usable temporary directory found in %s"
                            % dirlist)


_name_sequence = None


def _get_candidate_names():
    """The module's shared _RandomNameSequence."""
    global _name_sequence
    if _name_sequence is None:
        with _once_lock:
            if _name_sequence is None:
                _name_sequence = _RandomNameSequence()
    return _name_sequence


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    """mkstemp without the argument checks."""
    dir = _os.path.abspath(dir)
    names = _get_candidate_names()
    if output_type is bytes:
        names = map(_os.fsencode, names)
    for attempt in range(TMP_MAX):
        name = next(names)
        file = _os.path.join(dir, pre + name + suf)
        _os._audit("tempfile.mkstemp", file)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, file
    raise FileExistsError(_errno.EEXIST, "No usable temporary file name found")


def _dont_follow_symlinks(func, path, *args):
    # os.chmod(follow_symlinks=False) is not supported everywhere.
    if func in _os.supports_follow_symlinks:
        func(path, *args, follow_symlinks=False)
    elif not _os.path.islink(path):
        func(path, *args)


def _resetperms(path):
    try:
        chflags = _os.chflags
    except AttributeError:
        pass
    else:
        _dont_follow_symlinks(chflags, path, 0)
    _dont_follow_symlinks(_os.chmod, path, 0o700)


# ---- public functions ---------------------------------------------------------

def gettempprefix():
    """The default prefix of temporary names, as str."""
    return _os.fsdecode(template)


def gettempprefixb():
    """The default prefix of temporary names, as bytes."""
    return _os.fsencode(template)


# The directory for temporary files; None until gettempdir() picks one.
tempdir = None


def _gettempdir():
    global tempdir
    if tempdir is None:
        with _once_lock:
            if tempdir is None:
                tempdir = _get_default_tempdir()
    return tempdir


def gettempdir():
    """The default directory for temporary files, as str."""
    return _os.fsdecode(_gettempdir())


def gettempdirb():
    """The default directory for temporary files, as bytes."""
    return _os.fsencode(_gettempdir())


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a new file, readable and writable only by its owner, and
    return (fd, absolute path).  The caller closes and removes it.

    The name is prefix + random characters + suffix, in dir
    (gettempdir() by default).  All three are str or all bytes; the path
    has the same type.  text=True opens in text mode where that differs
    from binary (never on POSIX)."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _text_openflags if text else _bin_openflags
    return _mkstemp_inner(dir, prefix, suffix, flags, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory, accessible only by its owner, and return
    its absolute path; the caller removes it.  Arguments as mkstemp's."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    names = _get_candidate_names()
    if output_type is bytes:
        names = map(_os.fsencode, names)
    for attempt in range(TMP_MAX):
        name = next(names)
        file = _os.path.join(dir, prefix + name + suffix)
        _os._audit("tempfile.mkdtemp", file)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(file)
    raise FileExistsError(_errno.EEXIST,
                          "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """Return a path that did not exist a moment ago, without creating
    it.  Deprecated: another process may create it before you do; use
    mkstemp or mkdtemp."""
    if dir is None:
        dir = gettempdir()
    names = _get_candidate_names()
    for attempt in range(TMP_MAX):
        name = next(names)
        file = _os.path.join(dir, prefix + name + suffix)
        if not _exists(file):
            return file
    raise FileExistsError(_errno.EEXIST, "No usable temporary filename found")


# ---- NamedTemporaryFile -------------------------------------------------------

class _TemporaryFileCloser:
    """Closes the file and removes it by name (once) when asked to or
    when garbage-collected; kept apart from the wrapper so that methods
    bound to the file keep the deletion pending."""

    cleanup_called = False
    close_called = False

    def __init__(self, file, name, delete=True, delete_on_close=True,
                 warn_message="Implicitly cleaning up unknown file"):
        self.file = file
        self.name = name
        self.delete = delete
        self.delete_on_close = delete_on_close
        self.warn_message = warn_message

    def cleanup(self, unlink=_os.unlink):
        if not self.cleanup_called:
            self.cleanup_called = True
            try:
                if not self.close_called:
                    self.close_called = True
                    self.file.close()
            finally:
                if self.delete:
                    try:
                        unlink(self.name)
                    except FileNotFoundError:
                        pass

    def close(self):
        if not self.close_called:
            self.close_called = True
            try:
                self.file.close()
            finally:
                if self.delete and self.delete_on_close:
                    self.cleanup()

    def __del__(self):
        # A file never closed by its user is a leak worth a warning,
        # as for any unclosed file.
        leaked = not self.close_called
        self.cleanup()
        if leaked:
            _warnings.warn(self.warn_message, ResourceWarning)


def _keep_alive_wrapper(func, closer):
    @_functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper._closer = closer
    return wrapper


class _TemporaryFileWrapper:
    """The object NamedTemporaryFile returns: the file's attributes and
    methods, plus name and delete, and removal of the file on close
    (or at the end of the with block when delete_on_close is false)."""

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self._closer = _TemporaryFileCloser(
            file, name, delete, delete_on_close,
            warn_message=f"Implicitly cleaning up {self!r}")

    def __getattr__(self, name):
        file = self.__dict__['file']
        attr = getattr(file, name)
        if callable(attr):
            # A method of the file must keep the closer, and so the
            # pending deletion, alive while the method is in use.
            attr = _keep_alive_wrapper(attr, self._closer)
        # Cache what does not change (methods, name, mode); flags such
        # as closed are bools, so ints are always read afresh.
        if not isinstance(attr, int):
            setattr(self, name, attr)
        return attr

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._closer.cleanup()
        return result

    def close(self):
        """Close the file, removing it if delete and delete_on_close."""
        self._closer.close()

    def __iter__(self):
        # Iterating through the wrapper keeps it, and the file, alive.
        for line in self.file:
            yield line


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None,
                       delete_on_close=True):
    """A temporary file with a visible name (its .name attribute),
    opened with mode, buffering, encoding, newline and errors as by
    open(); suffix, prefix and dir as for mkstemp.

    With delete true (the default) the file is removed when closed, or,
    if delete_on_close is false, at the end of the with block (or when
    the object is garbage-collected)."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _bin_openflags
    if "b" not in mode:
        encoding = _io.text_encoding(encoding)

    name = None

    def opener(*args):
        nonlocal name
        fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
        return fd

    try:
        file = _io.open(dir, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors, opener=opener)
        try:
            raw = getattr(file, 'buffer', file)
            raw = getattr(raw, 'raw', raw)
            raw.name = name
            return _TemporaryFileWrapper(file, name, delete, delete_on_close)
        except:
            file.close()
            raise
    except:
        if name is not None:
            _os.unlink(name)
        raise


# ---- TemporaryFile -------------------------------------------------------------

# Whether O_TMPFILE (an unnamed file in a directory) works; cleared the
# first time the kernel or file system refuses it.  A benign race: two
# threads may both try it once.
_O_TMPFILE_WORKS = hasattr(_os, 'O_TMPFILE')


def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                  newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """A temporary file with no name in the file system (it is unlinked
    at once, or never linked), removed when closed.  Arguments as for
    NamedTemporaryFile; the file's name attribute is its descriptor."""
    global _O_TMPFILE_WORKS

    if "b" not in mode:
        encoding = _io.text_encoding(encoding)
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _bin_openflags

    if _O_TMPFILE_WORKS:
        fd = None

        def opener(*args):
            nonlocal fd
            tmp_flags = (flags | _os.O_TMPFILE) & ~_os.O_CREAT
            fd = _os.open(dir, tmp_flags, 0o600)
            return fd
        try:
            file = _io.open(dir, mode, buffering=buffering, newline=newline,
                            encoding=encoding, errors=errors, opener=opener)
            raw = getattr(file, 'buffer', file)
            raw = getattr(raw, 'raw', raw)
            raw.name = fd
            return file
        except IsADirectoryError:
            # Linux before 3.11 takes O_TMPFILE for O_DIRECTORY.
            _O_TMPFILE_WORKS = False
        except OSError:
            # The file system may not support O_TMPFILE: fall back
            # this time only.
            pass

    fd = None

    def opener(*args):
        nonlocal fd
        fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
        try:
            _os.unlink(name)
        except BaseException:
            _os.close(fd)
            raise
        return fd
    file = _io.open(dir, mode, buffering=buffering, newline=newline,
                    encoding=encoding, errors=errors, opener=opener)
    raw = getattr(file, 'buffer', file)
    raw = getattr(raw, 'raw', raw)
    raw.name = fd
    return file


# ---- SpooledTemporaryFile -------------------------------------------------------

class SpooledTemporaryFile(_io.IOBase):
    """A temporary file kept in memory (BytesIO, or a text wrapper over
    one) until it grows beyond max_size bytes or fileno() is called;
    then its contents move to a TemporaryFile (rollover())."""

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1,
                 encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = _io.BytesIO()
        else:
            encoding = _io.text_encoding(encoding)
            self._file = _io.TextIOWrapper(_io.BytesIO(),
                                           encoding=encoding, errors=errors,
                                           newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering,
                                   'suffix': suffix, 'prefix': prefix,
                                   'encoding': encoding, 'newline': newline,
                                   'dir': dir, 'errors': errors}

    __class_getitem__ = classmethod(_types.GenericAlias)

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        """Move the contents to a real temporary file (once)."""
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs

        pos = file.tell()
        if hasattr(newfile, 'buffer'):
            newfile.buffer.write(file.detach().getvalue())
        else:
            newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    # The file protocol, delegated to the current file.

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def __del__(self):
        if not self.closed:
            _warnings.warn(
                "Unclosed file {!r}".format(self),
                ResourceWarning,
                stacklevel=2,
                source=self
            )
            self.close()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs['mode']

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def readable(self):
        return self._file.readable()

    def read(self, *args):
        return self._file.read(*args)

    def read1(self, *args):
        return self._file.read1(*args)

    def readinto(self, b):
        return self._file.readinto(b)

    def readinto1(self, b):
        return self._file.readinto1(b)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seekable(self):
        return self._file.seekable()

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def writable(self):
        return self._file.writable()

    def write(self, s):
        file = self._file
        result = file.write(s)
        self._check(file)
        return result

    def writelines(self, iterable):
        if self._max_size == 0 or self._rolled:
            return self._file.writelines(iterable)
        # Check after each line, so that a long iterable cannot keep
        # everything in memory.
        for line in iterable:
            self.write(line)

    def detach(self):
        return self._file.detach()


# ---- TemporaryDirectory ------------------------------------------------------------

class TemporaryDirectory:
    """A temporary directory (made by mkdtemp) removed with all its
    contents by cleanup(), at the end of a with block (whose target is
    the directory's name) or when garbage-collected, which warns with a
    ResourceWarning.

    ignore_cleanup_errors=True ignores errors of the removal; with
    delete=False the with block leaves the directory in place."""

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False, *, delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._delete = delete
        self._finalizer = _weakref.finalize(
            self, self._cleanup, self.name,
            warn_message="Implicitly cleaning up {!r}".format(self),
            ignore_errors=self._ignore_cleanup_errors, delete=self._delete)

    @classmethod
    def _rmtree(cls, name, ignore_errors=False, repeated=False):
        import shutil

        def onexc(func, path, exc):
            if isinstance(exc, PermissionError):
                # A read-only directory (or file) inside: make it
                # writable and try again.
                if repeated and path == name:
                    if ignore_errors:
                        return
                    raise
                try:
                    if path != name:
                        _resetperms(_os.path.dirname(path))
                    _resetperms(path)
                    try:
                        _os.unlink(path)
                    except IsADirectoryError:
                        cls._rmtree(path, ignore_errors=ignore_errors)
                    except PermissionError:
                        # unlink() of a directory gives EPERM on some
                        # systems.
                        if not _os.path.isdir(path) or _os.path.islink(path):
                            raise
                        cls._rmtree(path, ignore_errors=ignore_errors)
                except FileNotFoundError:
                    pass
            elif isinstance(exc, FileNotFoundError):
                pass
            elif not ignore_errors:
                raise

        shutil.rmtree(name, onexc=onexc)

    @classmethod
    def _cleanup(cls, name, warn_message, ignore_errors=False, delete=True):
        if delete:
            cls._rmtree(name, ignore_errors=ignore_errors)
            _warnings.warn(warn_message, ResourceWarning)

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        """Remove the directory and its contents (again, if it was
        recreated)."""
        if self._finalizer.detach() or _os.path.exists(self.name):
            self._rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    __class_getitem__ = classmethod(_types.GenericAlias)
