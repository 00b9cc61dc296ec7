"""High-level file operations: copying files and trees with their
metadata, removing and moving trees, finding programs on PATH, disk
usage, terminal size, and making and unpacking archives (through
tarfile and zipfile, imported when used)."""

import collections
import errno
import os
import stat
import sys

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2",
           "copytree", "move", "rmtree", "Error", "SpecialFileError",
           "ExecError", "make_archive", "get_archive_formats",
           "register_archive_format", "unregister_archive_format",
           "get_unpack_formats", "register_unpack_format",
           "unregister_unpack_format", "unpack_archive",
           "ignore_patterns", "chown", "which", "get_terminal_size",
           "SameFileError", "disk_usage"]

_WINDOWS = os.name == 'nt'
# Buffer size of copyfileobj and of copyfile's fallback loop.
COPY_BUFSIZE = 64 * 1024
# copyfile uses os.sendfile between two regular files when it can.
_USE_CP_SENDFILE = hasattr(os, "sendfile") and sys.platform.startswith("linux")


def _optional_module_exists(name):
    """Whether module name can be imported, without importing it (the
    archive modules are large and needed only by the archive functions)."""
    if name in sys.modules:
        return True
    try:
        import importlib.util
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


_TARFILE_SUPPORTED = _optional_module_exists('tarfile')
_ZIPFILE_SUPPORTED = _optional_module_exists('zipfile')
_ZLIB_SUPPORTED = _optional_module_exists('zlib')
_BZ2_SUPPORTED = _optional_module_exists('bz2')
_LZMA_SUPPORTED = _optional_module_exists('lzma')
_ZSTD_SUPPORTED = _optional_module_exists('compression.zstd')


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which is
    not supported on a special file (e.g. a named pipe)"""


class ExecError(OSError):
    """Raised when a command could not be executed"""


class ReadError(OSError):
    """Raised when an archive cannot be read"""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving
    and unpacking registries fails"""


class _GiveupOnFastCopy(Exception):
    """The fast copy path cannot handle these files: use the read/write
    loop (nothing was written yet)."""


def _audit(event, *args):
    hook = getattr(sys, "audit", None)
    if hook is not None:
        hook(event, *args)


# ---- copying file contents --------------------------------------------------

def copyfileobj(fsrc, fdst, length=0):
    """Copy the data of file-like object fsrc to file-like object fdst,
    length bytes at a time (COPY_BUFSIZE by default)."""
    if not length:
        length = COPY_BUFSIZE
    fsrc_read = fsrc.read
    fdst_write = fdst.write
    while True:
        buf = fsrc_read(length)
        if not buf:
            break
        fdst_write(buf)


def _fastcopy_sendfile(fsrc, fdst):
    """Copy between two open regular files inside the kernel."""
    global _USE_CP_SENDFILE
    try:
        infd = fsrc.fileno()
        outfd = fdst.fileno()
    except Exception as err:
        raise _GiveupOnFastCopy(err)
    try:
        # Chunks of the file size (at least 8 MiB) keep calls few.
        blocksize = max(os.fstat(infd).st_size, 2 ** 23)
    except OSError:
        blocksize = 2 ** 27
    blocksize = min(blocksize, 2 ** 30)

    offset = 0
    while True:
        try:
            sent = os.sendfile(outfd, infd, offset, blocksize)
        except OSError as err:
            err.filename = fsrc.name
            err.filename2 = fdst.name
            if err.errno == errno.ENOTSOCK:
                # This kernel's sendfile() only writes to sockets: stop
                # trying it for every later copy too.
                _USE_CP_SENDFILE = False
                raise _GiveupOnFastCopy(err)
            if err.errno == errno.EINVAL and offset == 0:
                raise _GiveupOnFastCopy(err)
            if err.errno == errno.ENOSPC:
                raise err from None
            if offset == 0 and os.lseek(outfd, 0, os.SEEK_CUR) == 0:
                raise _GiveupOnFastCopy(err)
            raise err
        if sent == 0:
            break
        offset += sent


def _samefile(src, dst):
    if isinstance(src, os.DirEntry):
        try:
            return os.path.samestat(src.stat(), os.stat(dst))
        except OSError:
            return False
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def _stat(fn):
    return fn.stat() if isinstance(fn, os.DirEntry) else os.stat(fn)


def _islink(fn):
    return fn.is_symlink() if isinstance(fn, os.DirEntry) else os.path.islink(fn)


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents (no metadata) of file src to file dst and return
    dst.  With follow_symlinks false a symbolic link src is recreated as
    a link instead."""
    _audit("shutil.copyfile", src, dst)

    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))

    for fn in (src, dst):
        try:
            st = _stat(fn)
        except OSError:
            # The file does not exist (yet): nothing to check.
            continue
        if stat.S_ISFIFO(st.st_mode):
            fn = fn.path if isinstance(fn, os.DirEntry) else fn
            raise SpecialFileError("`%s` is a named pipe" % fn)

    if not follow_symlinks and _islink(src):
        os.symlink(os.readlink(src), dst)
        return dst

    with open(src, 'rb') as fsrc:
        try:
            with open(dst, 'wb') as fdst:
                if _USE_CP_SENDFILE:
                    try:
                        _fastcopy_sendfile(fsrc, fdst)
                        return dst
                    except _GiveupOnFastCopy:
                        pass
                copyfileobj(fsrc, fdst)
        except IsADirectoryError as e:
            if not os.path.exists(dst):
                raise FileNotFoundError(f'Directory does not exist: {dst}') from e
            raise
    return dst


# ---- copying metadata -----------------------------------------------------------

def copymode(src, dst, *, follow_symlinks=True):
    """Copy the permission bits of src to dst.  With follow_symlinks
    false and both being links, the links' own modes (where the system
    has lchmod; otherwise nothing is done)."""
    _audit("shutil.copymode", src, dst)

    if not follow_symlinks and _islink(src) and os.path.islink(dst):
        if not hasattr(os, 'lchmod'):
            return
        st = os.lstat(src)
        os.lchmod(dst, stat.S_IMODE(st.st_mode))
        return
    st = _stat(src)
    os.chmod(dst, stat.S_IMODE(st.st_mode))


def _copyxattr(src, dst, *, follow_symlinks=True):
    """Copy the extended attributes of src to dst, where supported."""
    if not hasattr(os, 'listxattr'):
        return
    try:
        names = os.listxattr(src, follow_symlinks=follow_symlinks)
    except OSError as e:
        if e.errno not in (errno.ENOTSUP, errno.ENODATA, errno.EINVAL):
            raise
        return
    for name in names:
        try:
            value = os.getxattr(src, name, follow_symlinks=follow_symlinks)
            os.setxattr(dst, name, value, follow_symlinks=follow_symlinks)
        except OSError as e:
            if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.ENODATA,
                               errno.EINVAL, errno.EACCES):
                raise


def copystat(src, dst, *, follow_symlinks=True):
    """Copy the permission bits, times, flags and extended attributes of
    src to dst (not owner or group).  With follow_symlinks false and
    both being links, the links' own metadata, as far as the system can
    set it."""
    _audit("shutil.copystat", src, dst)

    def _nop(*args, ns=None, follow_symlinks=None):
        pass

    follow = follow_symlinks or not (_islink(src) and os.path.islink(dst))
    if follow:
        def lookup(name):
            return getattr(os, name, _nop)
    else:
        # Only functions that can act on the link itself.
        def lookup(name):
            fn = getattr(os, name, _nop)
            if fn in os.supports_follow_symlinks:
                return fn
            return _nop

    if isinstance(src, os.DirEntry):
        st = src.stat(follow_symlinks=follow)
    else:
        st = lookup("stat")(src, follow_symlinks=follow)
    mode = stat.S_IMODE(st.st_mode)
    lookup("utime")(dst, ns=(st.st_atime_ns, st.st_mtime_ns),
                    follow_symlinks=follow)
    # xattrs first: setting them may need write permission that the
    # mode copied below would take away.
    _copyxattr(src, dst, follow_symlinks=follow)
    try:
        lookup("chmod")(dst, mode, follow_symlinks=follow)
    except NotImplementedError:
        pass
    if hasattr(st, 'st_flags'):
        try:
            lookup("chflags")(dst, st.st_flags, follow_symlinks=follow)
        except OSError as why:
            if why.errno not in (errno.EOPNOTSUPP, errno.ENOTSUP):
                raise


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and permission bits of src to dst (a file, or a
    directory to copy into); return the destination path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Copy data and all metadata copystat() copies of src to dst (a
    file, or a directory to copy into); return the destination path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


# ---- copytree ---------------------------------------------------------------

def ignore_patterns(*patterns):
    """An ignore function for copytree(): it ignores the names matching
    any of the glob-style patterns."""
    def _ignore_patterns(path, names):
        import fnmatch   # needs re: imported when first used
        ignored = set()
        for pattern in patterns:
            ignored.update(fnmatch.filter(names, pattern))
        return ignored
    return _ignore_patterns


def _copytree(entries, src, dst, symlinks, ignore, copy_function,
              ignore_dangling_symlinks, dirs_exist_ok=False):
    if ignore is not None:
        ignored_names = ignore(os.fspath(src), [x.name for x in entries])
    else:
        ignored_names = set()

    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    # copy and copy2 accept the DirEntry, saving a stat per file.
    use_srcentry = copy_function is copy2 or copy_function is copy

    for srcentry in entries:
        if srcentry.name in ignored_names:
            continue
        srcname = os.path.join(src, srcentry.name)
        dstname = os.path.join(dst, srcentry.name)
        srcobj = srcentry if use_srcentry else srcname
        try:
            if srcentry.is_symlink():
                linkto = os.readlink(srcname)
                if symlinks:
                    os.symlink(linkto, dstname)
                    copystat(srcobj, dstname, follow_symlinks=not symlinks)
                else:
                    if not os.path.exists(linkto) and ignore_dangling_symlinks:
                        continue
                    if srcentry.is_dir():
                        copytree(srcobj, dstname, symlinks, ignore,
                                 copy_function, ignore_dangling_symlinks,
                                 dirs_exist_ok)
                    else:
                        copy_function(srcobj, dstname)
            elif srcentry.is_dir():
                copytree(srcobj, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcobj, dstname)
        # A failing subtree's errors join ours; copying goes on.
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy the directory tree src to dst and return dst.

    symlinks: copy links as links (else the files they point to);
    ignore(dir, names) returns the names to skip in each directory;
    copy_function copies each file; ignore_dangling_symlinks skips
    broken links when symlinks is false; dirs_exist_ok allows dst and
    its subdirectories to exist already.  Errors are collected and
    raised together at the end as Error([(src, dst, reason), ...])."""
    _audit("shutil.copytree", src, dst)
    with os.scandir(src) as itr:
        entries = list(itr)
    return _copytree(entries=entries, src=src, dst=dst, symlinks=symlinks,
                     ignore=ignore, copy_function=copy_function,
                     ignore_dangling_symlinks=ignore_dangling_symlinks,
                     dirs_exist_ok=dirs_exist_ok)


# ---- rmtree -------------------------------------------------------------------

# The fd-based walk opens each directory relative to its parent's open
# descriptor and checks that it is the directory it lstat()ed, so a
# directory swapped for a symlink during the walk is never followed.
_use_fd_functions = (
    {os.open, os.stat, os.unlink, os.rmdir} <= os.supports_dir_fd
    and os.scandir in os.supports_fd
    and os.stat in os.supports_follow_symlinks)


def _symlink_error(onexc, path):
    try:
        raise OSError("Cannot call rmtree on a symbolic link")
    except OSError as err:
        onexc(os.path.islink, path, err)


def _scan_fd(fd, path, onexc):
    """The entries of the open directory fd (named path); none, after
    reporting, if it cannot be read."""
    try:
        with os.scandir(fd) as scandir_it:
            return list(scandir_it)
    except OSError as err:
        err.filename = path
        onexc(os.scandir, path, err)
        return []


def _open_subdir(entry, parent_fd, fullname, onexc):
    """An open descriptor for the subdirectory entry of parent_fd; False
    if lstat() shows it is not a directory after all (remove it as a
    file); None (after reporting) if it cannot be opened or is no longer
    the directory lstat() saw (replaced by a link: left alone)."""
    try:
        orig_st = entry.stat(follow_symlinks=False)
    except OSError as err:
        onexc(os.lstat, fullname, err)
        return None
    if not stat.S_ISDIR(orig_st.st_mode):
        return False
    try:
        fd = os.open(entry.name, os.O_RDONLY | os.O_NONBLOCK, dir_fd=parent_fd)
    except OSError as err:
        onexc(os.open, fullname, err)
        return None
    try:
        same = os.path.samestat(orig_st, os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    if not same:
        _close_dir(fd, fullname, onexc)
        _symlink_error(onexc, fullname)
        return None
    return fd


def _close_dir(fd, path, onexc):
    try:
        os.close(fd)
    except OSError as err:
        onexc(os.close, path, err)


class _RmtreeFrame:
    """One open directory of the walk: its descriptor, path, name in (and
    descriptor of) its parent, and the entries still to remove."""
    __slots__ = ("fd", "path", "name", "parent_fd", "entries")

    def __init__(self, fd, path, name, parent_fd, onexc):
        self.fd = fd
        self.path = path
        self.name = name
        self.parent_fd = parent_fd
        self.entries = iter(_scan_fd(fd, path, onexc))


def _rmtree_walk(stack, onexc):
    """Empty and remove the directories on stack, deepest first, with an
    explicit stack rather than recursion: any depth works, and only one
    descriptor per level is open.  A finished frame is popped before its
    descriptor is closed, so the caller's cleanup never closes it twice."""
    while stack:
        frame = stack[-1]
        entry = next(frame.entries, None)
        if entry is None:
            stack.pop()
            _close_dir(frame.fd, frame.path, onexc)
            try:
                os.rmdir(frame.name, dir_fd=frame.parent_fd)
            except OSError as err:
                onexc(os.rmdir, frame.path, err)
            continue
        fullname = os.path.join(frame.path, entry.name)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        subfd = _open_subdir(entry, frame.fd, fullname, onexc) \
            if is_dir else False
        if subfd is None:
            continue
        if subfd is False:
            try:
                os.unlink(entry.name, dir_fd=frame.fd)
            except OSError as err:
                onexc(os.unlink, fullname, err)
            continue
        try:
            stack.append(_RmtreeFrame(subfd, fullname, entry.name, frame.fd,
                                      onexc))
        except BaseException:
            os.close(subfd)
            raise


def _rmtree_safe_fd(path, dir_fd, onexc):
    try:
        orig_st = os.lstat(path, dir_fd=dir_fd)
    except OSError as err:
        onexc(os.lstat, path, err)
        return
    if stat.S_ISLNK(orig_st.st_mode):
        _symlink_error(onexc, path)
        return
    try:
        topfd = os.open(path, os.O_RDONLY | os.O_NONBLOCK, dir_fd=dir_fd)
    except OSError as err:
        onexc(os.open, path, err)
        return
    stack = []
    try:
        if not os.path.samestat(orig_st, os.fstat(topfd)):
            stack = None
        else:
            stack.append(_RmtreeFrame(topfd, path, path, dir_fd, onexc))
    except BaseException:
        os.close(topfd)
        raise
    if stack is None:
        _close_dir(topfd, path, onexc)
        _symlink_error(onexc, path)
        return
    try:
        _rmtree_walk(stack, onexc)
    finally:
        # An error handler raised: close what is still open, quietly (the
        # handler's exception is the one that matters).
        for frame in reversed(stack):
            try:
                os.close(frame.fd)
            except OSError:
                pass


def _rmtree_unsafe(path, onexc):
    """The path-based walk, for systems without the *at() functions."""
    try:
        if os.path.islink(path):
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError as err:
        onexc(os.path.islink, path, err)
        return
    try:
        with os.scandir(path) as scandir_it:
            entries = list(scandir_it)
    except OSError as err:
        onexc(os.scandir, path, err)
        entries = []
    for entry in entries:
        fullname = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _rmtree_unsafe(fullname, onexc)
        else:
            try:
                os.unlink(fullname)
            except OSError as err:
                onexc(os.unlink, fullname, err)
    try:
        os.rmdir(path)
    except OSError as err:
        onexc(os.rmdir, path, err)


def rmtree(path, ignore_errors=False, onerror=None, *, onexc=None, dir_fd=None):
    """Recursively delete a directory tree.

    With ignore_errors true, errors are ignored; otherwise each error
    calls onexc(function, path, exception), which may raise, or, if
    neither handler is given, is raised.  onerror is the deprecated
    form of onexc, called with sys.exc_info()-style triples.  dir_fd
    makes path relative to that directory descriptor."""
    _audit("shutil.rmtree", path, dir_fd)
    if onerror is not None:
        import warnings
        warnings.warn("onerror argument is deprecated, use onexc instead",
                      DeprecationWarning, stacklevel=2)
    if ignore_errors:
        def onexc(*args):
            pass
    elif onexc is None:
        if onerror is None:
            def onexc(*args):
                raise
        else:
            def onexc(func, path, exc):
                return onerror(func, path, (type(exc), exc, exc.__traceback__))

    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if _use_fd_functions:
        _rmtree_safe_fd(os.fspath(path), dir_fd, onexc)
        return
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")
    _rmtree_unsafe(os.fspath(path), onexc)


# Whether rmtree is safe against symlink attacks.
rmtree.avoids_symlink_attacks = _use_fd_functions


# ---- move -------------------------------------------------------------------

def _basename(path):
    """basename without ignoring a trailing separator: the name of the
    directory 'a/b/' is 'b'."""
    path = os.fspath(path)
    sep = os.path.sep + (os.path.altsep or '')
    return os.path.basename(path.rstrip(sep))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.path.sep):
        src += os.path.sep
    if not dst.endswith(os.path.sep):
        dst += os.path.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Move a file or directory tree to dst and return the destination.

    If dst is a directory, src moves into it.  os.rename is used when
    possible; otherwise src is copied (links as links, files with
    copy_function) and then removed."""
    _audit("shutil.move", src, dst)
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst) and not os.path.islink(src):
            # Renaming within one directory on a case-insensitive system.
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(src))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.islink(src):
            linkto = os.readlink(src)
            os.symlink(linkto, real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself"
                            " '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function,
                     symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


# ---- system information -------------------------------------------------------

_ntuple_diskusage = collections.namedtuple('usage', 'total used free')


def disk_usage(path):
    """Return (total, used, free) of the file system holding path, in
    bytes, as a named tuple; free is what an unprivileged user may use."""
    st = os.statvfs(path)
    free = st.f_bavail * st.f_frsize
    total = st.f_blocks * st.f_frsize
    used = (st.f_blocks - st.f_bfree) * st.f_frsize
    return _ntuple_diskusage(total, used, free)


def _get_gid(name):
    """The gid of group name (None when unknown or without grp)."""
    if name is None:
        return None
    try:
        from grp import getgrnam
    except ImportError:
        return None
    try:
        result = getgrnam(name)
    except KeyError:
        result = None
    return result[2] if result is not None else None


def _get_uid(name):
    """The uid of user name (None when unknown or without pwd)."""
    if name is None:
        return None
    try:
        from pwd import getpwnam
    except ImportError:
        return None
    try:
        result = getpwnam(name)
    except KeyError:
        result = None
    return result[2] if result is not None else None


def chown(path, user=None, group=None, *, dir_fd=None, follow_symlinks=True):
    """Change the owner user and/or group of path; each may be a name
    or an id."""
    _audit('shutil.chown', path, user, group)
    if user is None and group is None:
        raise ValueError("user and/or group must be set")

    _user = user
    _group = group
    if user is None:
        _user = -1
    elif isinstance(user, str):
        _user = _get_uid(user)
        if _user is None:
            raise LookupError("no such user: {!r}".format(user))
    if group is None:
        _group = -1
    elif not isinstance(group, int):
        _group = _get_gid(group)
        if _group is None:
            raise LookupError("no such group: {!r}".format(group))
    os.chown(path, _user, _group, dir_fd=dir_fd,
             follow_symlinks=follow_symlinks)


def get_terminal_size(fallback=(80, 24)):
    """The terminal's size as os.terminal_size(columns, lines): the
    COLUMNS and LINES environment variables when set to positive
    integers, else what the terminal on sys.__stdout__ reports, else
    fallback."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0

    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            # No stdout, a closed or detached one, or not a terminal.
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))


def _access_check(fn, mode):
    return os.path.exists(fn) and os.access(fn, mode) and not os.path.isdir(fn)


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """Return the path of the file that running cmd would run: cmd
    itself if it has a directory part, else the first match in path
    (default: $PATH, else os.confstr('CS_PATH'), else os.defpath) that
    exists, is not a directory and allows mode.  None if there is none.
    The result is bytes when cmd is."""
    if os.path.dirname(cmd):
        if _access_check(cmd, mode):
            return cmd
        return None

    use_bytes = isinstance(cmd, bytes)
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            try:
                path = os.confstr("CS_PATH")
            except (AttributeError, ValueError):
                path = os.defpath
    # An empty PATH means no directory at all (not the current one).
    if not path:
        return None

    if use_bytes:
        path = os.fsencode(path)
        dirs = path.split(os.fsencode(os.pathsep))
    else:
        path = os.fsdecode(path)
        dirs = path.split(os.pathsep)

    seen = set()
    for dir in dirs:
        normdir = os.path.normcase(dir)
        if normdir in seen:
            continue
        seen.add(normdir)
        name = os.path.join(dir, cmd)
        if _access_check(name, mode):
            return name
    return None


# ---- archives ---------------------------------------------------------------

def _make_tarball(base_name, base_dir, compress="gzip", verbose=0, dry_run=0,
                  owner=None, group=None, logger=None, root_dir=None):
    """Create a tar archive of base_dir, named base_name + '.tar' plus
    the compression's extension; return its name."""
    if compress is None:
        tar_compression = ''
    elif _ZLIB_SUPPORTED and compress == 'gzip':
        tar_compression = 'gz'
    elif _BZ2_SUPPORTED and compress == 'bzip2':
        tar_compression = 'bz2'
    elif _LZMA_SUPPORTED and compress == 'xz':
        tar_compression = 'xz'
    elif _ZSTD_SUPPORTED and compress == 'zst':
        tar_compression = 'zst'
    else:
        raise ValueError("bad value for 'compress', or compression format not "
                         "supported : {0}".format(compress))

    import tarfile

    compress_ext = '.' + tar_compression if compress else ''
    archive_name = base_name + '.tar' + compress_ext
    archive_dir = os.path.dirname(archive_name)

    if archive_dir and not os.path.exists(archive_dir):
        if logger is not None:
            logger.info("creating %s", archive_dir)
        if not dry_run:
            os.makedirs(archive_dir)

    if logger is not None:
        logger.info('Creating tar archive')

    uid = _get_uid(owner)
    gid = _get_gid(group)

    def _set_uid_gid(tarinfo):
        if gid is not None:
            tarinfo.gid = gid
            tarinfo.gname = group
        if uid is not None:
            tarinfo.uid = uid
            tarinfo.uname = owner
        return tarinfo

    if not dry_run:
        tar = tarfile.open(archive_name, 'w|%s' % tar_compression)
        arcname = base_dir
        if root_dir is not None:
            base_dir = os.path.join(root_dir, base_dir)
        try:
            tar.add(base_dir, arcname, filter=_set_uid_gid)
        finally:
            tar.close()

    if root_dir is not None:
        archive_name = os.path.abspath(archive_name)
    return archive_name


def _make_zipfile(base_name, base_dir, verbose=0, dry_run=0,
                  logger=None, owner=None, group=None, root_dir=None):
    """Create a zip file of base_dir named base_name + '.zip'; return
    its name."""
    import zipfile

    zip_filename = base_name + ".zip"
    archive_dir = os.path.dirname(base_name)

    if archive_dir and not os.path.exists(archive_dir):
        if logger is not None:
            logger.info("creating %s", archive_dir)
        if not dry_run:
            os.makedirs(archive_dir)

    if logger is not None:
        logger.info("creating '%s' and adding '%s' to it",
                    zip_filename, base_dir)

    if not dry_run:
        compression = zipfile.ZIP_DEFLATED if _ZLIB_SUPPORTED else zipfile.ZIP_STORED
        with zipfile.ZipFile(zip_filename, "w", compression=compression) as zf:
            arcname = os.path.normpath(base_dir)
            if root_dir is not None:
                base_dir = os.path.join(root_dir, base_dir)
            base_dir = os.path.normpath(base_dir)
            if arcname != os.curdir:
                zf.write(base_dir, arcname)
                if logger is not None:
                    logger.info("adding '%s'", base_dir)
            for dirpath, dirnames, filenames in os.walk(base_dir):
                arcdirpath = dirpath
                if root_dir is not None:
                    arcdirpath = os.path.relpath(arcdirpath, root_dir)
                arcdirpath = os.path.normpath(arcdirpath)
                for name in sorted(dirnames):
                    path = os.path.join(dirpath, name)
                    zf.write(path, os.path.join(arcdirpath, name))
                    if logger is not None:
                        logger.info("adding '%s'", path)
                for name in filenames:
                    path = os.path.normpath(os.path.join(dirpath, name))
                    if os.path.isfile(path):
                        zf.write(path, os.path.join(arcdirpath, name))
                        if logger is not None:
                            logger.info("adding '%s'", path)

    if root_dir is not None:
        zip_filename = os.path.abspath(zip_filename)
    return zip_filename


_make_tarball.supports_root_dir = True
_make_zipfile.supports_root_dir = True

# name -> (function, [(keyword, value)], description); formats whose
# modules are missing are not listed.
_ARCHIVE_FORMATS = {}
if _TARFILE_SUPPORTED:
    _ARCHIVE_FORMATS['tar'] = (_make_tarball, [('compress', None)],
                               "uncompressed tar file")
    if _ZLIB_SUPPORTED:
        _ARCHIVE_FORMATS['gztar'] = (_make_tarball, [('compress', 'gzip')],
                                     "gzip'ed tar-file")
    if _BZ2_SUPPORTED:
        _ARCHIVE_FORMATS['bztar'] = (_make_tarball, [('compress', 'bzip2')],
                                     "bzip2'ed tar-file")
    if _LZMA_SUPPORTED:
        _ARCHIVE_FORMATS['xztar'] = (_make_tarball, [('compress', 'xz')],
                                     "xz'ed tar-file")
    if _ZSTD_SUPPORTED:
        _ARCHIVE_FORMATS['zstdtar'] = (_make_tarball, [('compress', 'zst')],
                                       "zstd'ed tar-file")
if _ZIPFILE_SUPPORTED and _ZLIB_SUPPORTED:
    _ARCHIVE_FORMATS['zip'] = (_make_zipfile, [], "ZIP file")


def get_archive_formats():
    """Return a sorted list of (name, description) of the formats
    make_archive() supports."""
    formats = [(name, registry[2]) for name, registry in
               _ARCHIVE_FORMATS.items()]
    formats.sort()
    return formats


def register_archive_format(name, function, extra_args=None, description=''):
    """Register an archive format for make_archive(): function is called
    as function(base_name, base_dir, **kwargs) with the (name, value)
    pairs of extra_args among the keywords."""
    if extra_args is None:
        extra_args = []
    if not callable(function):
        raise TypeError('The %s object is not callable' % function)
    if not isinstance(extra_args, (tuple, list)):
        raise TypeError('extra_args needs to be a sequence')
    for element in extra_args:
        if not isinstance(element, (tuple, list)) or len(element) != 2:
            raise TypeError('extra_args elements are : (arg_name, value)')
    _ARCHIVE_FORMATS[name] = (function, extra_args, description)


def unregister_archive_format(name):
    del _ARCHIVE_FORMATS[name]


def make_archive(base_name, format, root_dir=None, base_dir=None, verbose=0,
                 dry_run=0, owner=None, group=None, logger=None):
    """Create an archive file (zip, tar, ...) and return its name.

    base_name is the file name without the format's extension; root_dir
    is the directory the archive's paths are relative to, base_dir the
    directory (under root_dir) that is archived; owner and group apply
    to tar members; logger receives progress messages."""
    _audit("shutil.make_archive", base_name, format, root_dir, base_dir)
    try:
        format_info = _ARCHIVE_FORMATS[format]
    except KeyError:
        raise ValueError("unknown archive format '%s'" % format) from None

    kwargs = {'dry_run': dry_run, 'logger': logger,
              'owner': owner, 'group': group}
    func = format_info[0]
    for arg, val in format_info[1]:
        kwargs[arg] = val

    if base_dir is None:
        base_dir = os.curdir

    supports_root_dir = getattr(func, 'supports_root_dir', False)
    save_cwd = None
    if root_dir is not None:
        stmd = os.stat(root_dir).st_mode
        if not stat.S_ISDIR(stmd):
            raise NotADirectoryError(errno.ENOTDIR, 'Not a directory', root_dir)
        if supports_root_dir:
            base_name = os.fspath(base_name)
            kwargs['root_dir'] = root_dir
        else:
            # A registered function without root_dir support runs in
            # root_dir (changing the process-wide cwd, as CPython does).
            save_cwd = os.getcwd()
            if logger is not None:
                logger.debug("changing into '%s'", root_dir)
            base_name = os.path.abspath(base_name)
            if not dry_run:
                os.chdir(root_dir)
    try:
        filename = func(base_name, base_dir, **kwargs)
    finally:
        if save_cwd is not None:
            if logger is not None:
                logger.debug("changing back to '%s'", save_cwd)
            os.chdir(save_cwd)
    return filename


def get_unpack_formats():
    """Return a sorted list of (name, extensions, description) of the
    formats unpack_archive() supports."""
    formats = [(name, info[0], info[3]) for name, info in
               _UNPACK_FORMATS.items()]
    formats.sort()
    return formats


def _check_unpack_options(extensions, function, extra_args):
    existing_extensions = {}
    for name, info in _UNPACK_FORMATS.items():
        for ext in info[0]:
            existing_extensions[ext] = name
    for extension in extensions:
        if extension in existing_extensions:
            msg = '%s is already registered for "%s"'
            raise RegistryError(msg % (extension,
                                       existing_extensions[extension]))
    if not callable(function):
        raise TypeError('The registered function must be a callable')


def register_unpack_format(name, extensions, function, extra_args=None,
                           description=''):
    """Register an unpack format: files ending with one of extensions
    are unpacked by function(filename, extract_dir, **extra_args)."""
    if extra_args is None:
        extra_args = []
    _check_unpack_options(extensions, function, extra_args)
    _UNPACK_FORMATS[name] = extensions, function, extra_args, description


def unregister_unpack_format(name):
    del _UNPACK_FORMATS[name]


def _ensure_directory(path):
    dirname = os.path.dirname(path)
    if not os.path.isdir(dirname):
        os.makedirs(dirname)


def _unpack_zipfile(filename, extract_dir):
    import zipfile
    if not zipfile.is_zipfile(filename):
        raise ReadError("%s is not a zip file" % filename)
    with zipfile.ZipFile(filename) as zf:
        for info in zf.infolist():
            name = info.filename
            # Members that would land outside extract_dir are skipped.
            if name.startswith('/') or '..' in name:
                continue
            targetpath = os.path.join(extract_dir, *name.split('/'))
            if not targetpath:
                continue
            _ensure_directory(targetpath)
            if not name.endswith('/'):
                with zf.open(name, 'r') as source, \
                        open(targetpath, 'wb') as target:
                    copyfileobj(source, target)


def _unpack_tarfile(filename, extract_dir, *, filter=None):
    import tarfile
    try:
        tarobj = tarfile.open(filename)
    except tarfile.TarError:
        raise ReadError(
            "%s is not a compressed or uncompressed tar file" % filename)
    try:
        tarobj.extractall(extract_dir, filter=filter)
    finally:
        tarobj.close()


# name -> (extensions, function, [(keyword, value)], description)
_UNPACK_FORMATS = {}
if _TARFILE_SUPPORTED:
    _UNPACK_FORMATS['tar'] = (['.tar'], _unpack_tarfile, [],
                              "uncompressed tar file")
    if _ZLIB_SUPPORTED:
        _UNPACK_FORMATS['gztar'] = (['.tar.gz', '.tgz'], _unpack_tarfile, [],
                                    "gzip'ed tar-file")
    if _BZ2_SUPPORTED:
        _UNPACK_FORMATS['bztar'] = (['.tar.bz2', '.tbz2'], _unpack_tarfile, [],
                                    "bzip2'ed tar-file")
    if _LZMA_SUPPORTED:
        _UNPACK_FORMATS['xztar'] = (['.tar.xz', '.txz'], _unpack_tarfile, [],
                                    "xz'ed tar-file")
    if _ZSTD_SUPPORTED:
        _UNPACK_FORMATS['zstdtar'] = (['.tar.zst', '.tzst'], _unpack_tarfile,
                                      [], "zstd'ed tar-file")
if _ZIPFILE_SUPPORTED and _ZLIB_SUPPORTED:
    _UNPACK_FORMATS['zip'] = (['.zip'], _unpack_zipfile, [], "ZIP file")


def _find_unpack_format(filename):
    for name, info in _UNPACK_FORMATS.items():
        for extension in info[0]:
            if filename.endswith(extension):
                return name
    return None


def unpack_archive(filename, extract_dir=None, format=None, *, filter=None):
    """Unpack an archive into extract_dir (default: the current
    directory).  format is one of get_unpack_formats()'s names, or None
    to guess it from the file name's extension; filter is passed to
    tarfile's extraction."""
    _audit("shutil.unpack_archive", filename, extract_dir, format)

    if extract_dir is None:
        extract_dir = os.getcwd()
    extract_dir = os.fspath(extract_dir)
    filename = os.fspath(filename)

    filter_kwargs = {} if filter is None else {'filter': filter}
    if format is not None:
        try:
            format_info = _UNPACK_FORMATS[format]
        except KeyError:
            raise ValueError("Unknown unpack format '{0}'".format(format)) from None
        func = format_info[1]
        func(filename, extract_dir, **dict(format_info[2]), **filter_kwargs)
    else:
        format = _find_unpack_format(filename)
        if format is None:
            raise ReadError("Unknown archive format '{0}'".format(filename))
        func = _UNPACK_FORMATS[format][1]
        kwargs = dict(_UNPACK_FORMATS[format][2]) | filter_kwargs
        func(filename, extract_dir, **kwargs)
