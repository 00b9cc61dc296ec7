r"""OS routines for POSIX systems.

This module re-exports everything from the built-in ``posix`` module and
adds the portable layer on top of it:

  - os.path is the module posixpath, also importable as os.path;
  - os.name is 'posix';
  - os.curdir, os.pardir, os.sep, os.extsep, os.altsep, os.pathsep,
    os.linesep, os.defpath and os.devnull describe path syntax;
  - os.environ and os.environb are mappings over the process environment;
  - walk, fwalk, makedirs, removedirs, renames, the exec*p* and spawn*
    families, fsencode/fsdecode, PathLike and popen/fdopen are written
    here in Python.

Programs that import and use 'os' stand a better chance of being
portable between different platforms.
"""

import abc
import sys
import stat as st

from _collections_abc import _check_methods

GenericAlias = type(list[int])

_names = sys.builtin_module_names

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "fdopen",
           "extsep"]


def _exists(name):
    return name in globals()


def _get_exports_list(module):
    try:
        return list(module.__all__)
    except AttributeError:
        return [n for n in dir(module) if n[0] != '_']


if 'posix' not in _names:
    raise ImportError('no os specific module found')

name = 'posix'
linesep = '\n'

from posix import *
try:
    from posix import _exit
    __all__.append('_exit')
except ImportError:
    pass

import posixpath as path

try:
    from posix import _have_functions
except ImportError:
    _have_functions = []

import posix
__all__.extend(_get_exports_list(posix))
del posix

sys.modules['os.path'] = path
from os.path import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
                     devnull)

del _names


# ---- which functions accept dir_fd, fd, follow_symlinks ------------------

if _exists("_have_functions"):
    _globals = globals()

    def _add(feature, func_name):
        if func_name in _globals and feature in _have_functions:
            _set.add(_globals[func_name])

    _set = set()
    _add("HAVE_FACCESSAT", "access")
    _add("HAVE_FCHMODAT", "chmod")
    _add("HAVE_FCHOWNAT", "chown")
    _add("HAVE_FSTATAT", "stat")
    _add("HAVE_LINKAT", "link")
    _add("HAVE_MKDIRAT", "mkdir")
    _add("HAVE_MKFIFOAT", "mkfifo")
    _add("HAVE_OPENAT", "open")
    _add("HAVE_READLINKAT", "readlink")
    _add("HAVE_RENAMEAT", "rename")
    _add("HAVE_SYMLINKAT", "symlink")
    _add("HAVE_UNLINKAT", "unlink")
    _add("HAVE_UNLINKAT", "rmdir")
    _add("HAVE_UTIMENSAT", "utime")
    supports_dir_fd = _set

    _set = set()
    _add("HAVE_FACCESSAT", "access")
    supports_effective_ids = _set

    _set = set()
    _add("HAVE_FCHDIR", "chdir")
    _add("HAVE_FCHMOD", "chmod")
    _add("HAVE_FCHOWN", "chown")
    _add("HAVE_FDOPENDIR", "listdir")
    _add("HAVE_FDOPENDIR", "scandir")
    _add("HAVE_FEXECVE", "execve")
    _set.add(stat)
    _add("HAVE_FTRUNCATE", "truncate")
    _add("HAVE_FUTIMENS", "utime")
    _add("HAVE_FPATHCONF", "pathconf")
    _add("HAVE_FSTATVFS", "statvfs")
    supports_fd = _set

    _set = set()
    _add("HAVE_FACCESSAT", "access")
    _add("HAVE_FCHOWNAT", "chown")
    _add("HAVE_FSTATAT", "stat")
    _add("HAVE_LINKAT", "link")
    _add("HAVE_UTIMENSAT", "utime")
    supports_follow_symlinks = _set

    del _set, _globals, _add

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


# ---- directory trees ----------------------------------------------------

def _audit(event, *args):
    # sys.audit when the runtime has audit hooks.
    hook = getattr(sys, "audit", None)
    if hook is not None:
        hook(event, *args)


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Create directory name and any missing parent directories (parents get
    the default mode).  An existing target directory raises
    FileExistsError unless exist_ok is true.
    """
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Another process created it in the meantime.
            pass
        here = curdir
        if isinstance(tail, bytes):
            here = bytes(curdir, 'ASCII')
        if tail == here:
            return
    try:
        mkdir(name, mode)
    except OSError:
        # Only a directory that already exists is acceptable with exist_ok.
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """removedirs(name)

    Remove directory name, then each of its parent directories named in
    the path for as long as they can be removed (are empty).  Only the
    removal of name itself may raise.
    """
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """renames(old, new)

    Rename old to new, first creating the directories new needs, then
    removing the directories of old that the move left empty (as
    removedirs does).
    """
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


__all__.extend(["makedirs", "removedirs", "renames"])


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Generate (dirpath, dirnames, filenames) for every directory of the
    tree rooted at top, top included.

    dirnames and filenames are the names (not paths) of the directory's
    subdirectories and other entries.  With topdown true (the default) a
    directory comes before its subdirectories and the caller may edit
    dirnames in place to choose which are visited and in what order;
    otherwise it comes after them.  Listing errors are passed to onerror
    when it is given, else ignored.  Links to directories are only
    descended into when followlinks is true.
    """
    _audit("os.walk", top, topdown, onerror, followlinks)
    # The stack holds paths still to visit and, bottom-up, the finished
    # triples waiting for their subdirectories (tuples).
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            entries = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with entries:
            while True:
                try:
                    entry = next(entries)
                except StopIteration:
                    break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    # Bottom-up needs the link test now, while the entry's
                    # cached information is at hand.
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            walk_into = not entry.is_symlink()
                        except OSError:
                            walk_into = False
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            # The caller may have edited dirs; visit them in order.
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


__all__.append("walk")


if {open, stat} <= supports_dir_fd and {scandir, stat} <= supports_fd:

    def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False,
              dir_fd=None):
        """Like walk(), but generate (dirpath, dirnames, filenames, dirfd)
        where dirfd is an open descriptor of dirpath, valid until the
        next step of the iteration.

        top is taken relative to dir_fd when that is given.  Symbolic
        links, top included, are only followed with follow_symlinks=True.
        """
        _audit("os.fwalk", top, topdown, onerror, follow_symlinks, dir_fd)
        top = fspath(top)
        stack = [(_fwalk_walk, (True, dir_fd, top, top, None))]
        isbytes = isinstance(top, bytes)
        try:
            while stack:
                yield from _fwalk(stack, isbytes, topdown, onerror,
                                  follow_symlinks)
        finally:
            # Close every descriptor still open if the caller stopped early.
            while stack:
                action, value = stack.pop()
                if action == _fwalk_close:
                    close(value)

    _fwalk_walk = 0
    _fwalk_yield = 1
    _fwalk_close = 2

    def _fwalk(stack, isbytes, topdown, onerror, follow_symlinks):
        action, value = stack.pop()
        if action == _fwalk_close:
            close(value)
            return
        elif action == _fwalk_yield:
            yield value
            return
        isroot, dirfd, toppath, topname, entry = value
        try:
            if not follow_symlinks:
                # Compare before and after opening to defeat a swap for a
                # symlink in between.
                if entry is None:
                    orig_st = stat(topname, follow_symlinks=False,
                                   dir_fd=dirfd)
                else:
                    orig_st = entry.stat(follow_symlinks=False)
            topfd = open(topname, O_RDONLY | O_NONBLOCK, dir_fd=dirfd)
        except OSError as err:
            if isroot:
                raise
            if onerror is not None:
                onerror(err)
            return
        stack.append((_fwalk_close, topfd))
        if not follow_symlinks:
            if isroot and not st.S_ISDIR(orig_st.st_mode):
                return
            if not path.samestat(orig_st, stat(topfd)):
                return

        scandir_it = scandir(topfd)
        dirs = []
        nondirs = []
        entries = None if topdown or follow_symlinks else []
        for entry in scandir_it:
            name = entry.name
            if isbytes:
                name = fsencode(name)
            try:
                if entry.is_dir():
                    dirs.append(name)
                    if entries is not None:
                        entries.append(entry)
                else:
                    nondirs.append(name)
            except OSError:
                try:
                    # A broken symlink: list it as a file.
                    if entry.is_symlink():
                        nondirs.append(name)
                except OSError:
                    pass

        if topdown:
            yield toppath, dirs, nondirs, topfd
        else:
            stack.append((_fwalk_yield, (toppath, dirs, nondirs, topfd)))

        toppath = path.join(toppath, toppath[:0])
        if entries is None:
            stack.extend(
                (_fwalk_walk, (False, topfd, toppath + name, name, None))
                for name in dirs[::-1])
        else:
            stack.extend(
                (_fwalk_walk, (False, topfd, toppath + name, name, entry))
                for name, entry in zip(dirs[::-1], entries[::-1]))

    __all__.append("fwalk")


# ---- exec and spawn -----------------------------------------------------

def execl(file, *args):
    """execl(file, *args)

    Replace the current process with the program file run with arguments args."""
    execv(file, args)


def execle(file, *args):
    """execle(file, *args, env)

    Like execl, with the environment given as the last argument."""
    env = args[-1]
    execve(file, args[:-1], env)


def execlp(file, *args):
    """execlp(file, *args)

    Like execl, looking file up along $PATH."""
    execvp(file, args)


def execlpe(file, *args):
    """execlpe(file, *args, env)

    Like execle, looking file up along $PATH."""
    env = args[-1]
    execvpe(file, args[:-1], env)


def execvp(file, args):
    """execvp(file, args)

    Like execv, looking file up along $PATH; args is a list or tuple."""
    _execvpe(file, args)


def execvpe(file, args, env):
    """execvpe(file, args, env)

    Like execve, looking file up along $PATH; args is a list or tuple."""
    _execvpe(file, args, env)


__all__.extend(["execl", "execle", "execlp", "execlpe", "execvp", "execvpe"])


def _execvpe(file, args, env=None):
    if env is not None:
        exec_func = execve
        argrest = (args, env)
    else:
        exec_func = execv
        argrest = (args,)
        env = environ

    if path.dirname(file):
        exec_func(file, *argrest)
        return
    saved_exc = None
    path_list = get_exec_path(env)
    if name != 'nt':
        # POSIX exec takes bytes: join encoded parts, whatever was given.
        file = fsencode(file)
        path_list = map(fsencode, path_list)
    for dir in path_list:
        fullname = path.join(dir, file)
        try:
            exec_func(fullname, *argrest)
        except (FileNotFoundError, NotADirectoryError) as e:
            last_exc = e
        except OSError as e:
            last_exc = e
            if saved_exc is None:
                saved_exc = e
    if saved_exc is not None:
        raise saved_exc
    raise last_exc


def get_exec_path(env=None):
    """The list of directories searched for a program by the exec*p*
    functions: PATH from env (os.environ when env is None), else
    os.defpath."""
    if env is None:
        env = environ

    path_list = None
    try:
        path_list = env.get('PATH')
    except TypeError:
        path_list = None
    if supports_bytes_environ:
        try:
            path_listb = env[b'PATH']
        except (KeyError, TypeError):
            pass
        else:
            if path_list is not None:
                raise ValueError(
                    "env cannot contain 'PATH' and b'PATH' keys")
            path_list = path_listb
        if path_list is not None and isinstance(path_list, bytes):
            path_list = fsdecode(path_list)

    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---- the environment ----------------------------------------------------

from _collections_abc import MutableMapping, Mapping


class _Environ(MutableMapping):
    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            # The key as the caller gave it, not its encoded form.
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        # A copy, so that changes while iterating do not break the loop.
        keys = list(self._data)
        for key in keys:
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        formatted_items = ", ".join(
            f"{self.decodekey(key)!r}: {self.decodevalue(value)!r}"
            for key, value in self._data.items()
        )
        return f"environ({{{formatted_items}}})"

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        new = dict(other)
        new.update(self)
        return new


def _create_environ_mapping():
    encoding = sys.getfilesystemencoding()

    def encode(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value.encode(encoding, 'surrogateescape')

    def decode(value):
        return value.decode(encoding, 'surrogateescape')

    data = environ
    return _Environ(data, encode, decode, encode, decode)


environ = _create_environ_mapping()
del _create_environ_mapping


def getenv(key, default=None):
    """The value of environment variable key (a str), or default."""
    return environ.get(key, default)


supports_bytes_environ = True
__all__.extend(("getenv", "supports_bytes_environ"))


def _check_bytes(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


# environb shares environ's data: both see every change.
environb = _Environ(environ._data,
                    _check_bytes, bytes,
                    _check_bytes, bytes)
del _check_bytes


def reload_environ():
    """Update os.environ and os.environb from the process environment.

    They are a cache of the environment taken at start-up and kept in step
    with changes made through them; putenv(), unsetenv() and C code change
    the environment behind their back.  Not thread-safe: another thread
    reading os.environ meanwhile may see it half updated."""
    from posix import _create_environ
    data = _create_environ()
    environ._data.clear()
    environ._data.update(data)


__all__.append("reload_environ")


def getenvb(key, default=None):
    """The value of environment variable key (bytes), or default."""
    return environb.get(key, default)


__all__.extend(("environb", "getenvb"))


# ---- file system encoding -----------------------------------------------

def _fscodec():
    encoding = sys.getfilesystemencoding()
    errors = sys.getfilesystemencodeerrors()

    def fsencode(filename):
        """Encode a path (str, bytes or os.PathLike) to bytes with the file
        system encoding and error handler; bytes come back unchanged."""
        filename = fspath(filename)
        if isinstance(filename, str):
            return filename.encode(encoding, errors)
        return filename

    def fsdecode(filename):
        """Decode a path (str, bytes or os.PathLike) to str with the file
        system encoding and error handler; str comes back unchanged."""
        filename = fspath(filename)
        if isinstance(filename, bytes):
            return filename.decode(encoding, errors)
        return filename

    return fsencode, fsdecode


fsencode, fsdecode = _fscodec()
del _fscodec


# ---- spawn ----------------------------------------------------------------

if _exists("fork") and not _exists("spawnv") and _exists("execv"):

    P_WAIT = 0
    P_NOWAIT = P_NOWAITO = 1

    __all__.extend(["P_WAIT", "P_NOWAIT", "P_NOWAITO"])

    def _spawnvef(mode, file, args, env, func):
        if not isinstance(args, (tuple, list)):
            raise TypeError('argv must be a tuple or a list')
        if not args or not args[0]:
            raise ValueError('argv first element cannot be empty')
        pid = fork()
        if not pid:
            # Child: never return into the caller's code.
            try:
                if env is None:
                    func(file, args)
                else:
                    func(file, args, env)
            except:
                _exit(127)
        else:
            if mode == P_NOWAIT:
                return pid
            while True:
                wpid, sts = waitpid(pid, 0)
                if WIFSTOPPED(sts):
                    continue
                return waitstatus_to_exitcode(sts)

    def spawnv(mode, file, args):
        """Run file with arguments args in a new process: with P_NOWAIT
        return its pid, with P_WAIT its exit code (-signal if killed)."""
        return _spawnvef(mode, file, args, None, execv)

    def spawnve(mode, file, args, env):
        """spawnv with the environment env."""
        return _spawnvef(mode, file, args, env, execve)

    def spawnvp(mode, file, args):
        """spawnv looking file up along $PATH."""
        return _spawnvef(mode, file, args, None, execvp)

    def spawnvpe(mode, file, args, env):
        """spawnve looking file up along $PATH."""
        return _spawnvef(mode, file, args, env, execvpe)

    __all__.extend(["spawnv", "spawnve", "spawnvp", "spawnvpe"])

    def spawnl(mode, file, *args):
        """spawnv with the arguments given one by one."""
        return spawnv(mode, file, args)

    def spawnle(mode, file, *args):
        """spawnve with the arguments given one by one, env last."""
        env = args[-1]
        return spawnve(mode, file, args[:-1], env)

    def spawnlp(mode, file, *args):
        """spawnvp with the arguments given one by one."""
        return spawnvp(mode, file, args)

    def spawnlpe(mode, file, *args):
        """spawnvpe with the arguments given one by one, env last."""
        env = args[-1]
        return spawnvpe(mode, file, args[:-1], env)

    __all__.extend(["spawnl", "spawnle", "spawnlp", "spawnlpe"])


# ---- popen and fdopen ---------------------------------------------------

def popen(cmd, mode="r", buffering=-1):
    """Open a pipe to or from command cmd: a file object whose read or
    write end is connected to the command's standard output or input.
    Closing it waits for the command and returns its exit status
    (None if it succeeded)."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, text=True,
                                stdout=subprocess.PIPE,
                                bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    else:
        proc = subprocess.Popen(cmd, shell=True, text=True,
                                stdin=subprocess.PIPE,
                                bufsize=buffering)
        return _wrap_close(proc.stdin, proc)


class _wrap_close:
    """A file object from popen that waits for the process on close."""

    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8  # the shape of a wait() status

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


__all__.append("popen")


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """Return an open file object connected to the file descriptor fd
    (io.open with the descriptor as its file)."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding)
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


# ---- os.PathLike ----------------------------------------------------------

def _fspath(path):
    """str and bytes as they are; for other objects the result of their
    type's __fspath__, which must be str or bytes."""
    if isinstance(path, (str, bytes)):
        return path

    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, "
                        "not " + path_type.__name__)
    except TypeError:
        # __fspath__ = None opts the class out of the protocol.
        if path_type.__fspath__ is None:
            raise TypeError("expected str, bytes or os.PathLike object, "
                            "not " + path_type.__name__) from None
        raise
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, "
                    "not {}".format(path_type.__name__,
                                    type(path_repr).__name__))


if not _exists('fspath'):
    fspath = _fspath
    fspath.__name__ = "fspath"


class PathLike(abc.ABC):

    """Abstract base class for implementing the file system path protocol."""

    __slots__ = ()

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return _check_methods(subclass, '__fspath__')
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


__all__.append("PathLike")
