"""Operations on POSIX path names: the module behind os.path here.

Import os and use os.path rather than importing this module directly.
Every function accepts str, bytes or os.PathLike paths and answers in
the same type.  The pure string operations (join, split, normpath...)
also suit the path part of URLs.
"""

# Path syntax.  os.py re-exports these.
curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

import os
import sys
import stat
import genericpath
from genericpath import *

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split",
           "splitext", "basename", "dirname", "commonprefix", "getsize",
           "getmtime", "getatime", "getctime", "islink", "exists", "lexists",
           "isdir", "isfile", "ismount", "expanduser", "expandvars",
           "normpath", "abspath", "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep",
           "extsep", "devnull", "realpath", "supports_unicode_filenames",
           "relpath", "commonpath", "isjunction", "isdevdrive",
           "ALLOW_MISSING"]


def _get_sep(path):
    return b'/' if isinstance(path, bytes) else '/'


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return os.fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = os.fspath(s)
    return s.startswith(_get_sep(s))


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed.
    If any component is an absolute path, all previous path components
    will be discarded.  An empty last part will result in a path that
    ends with a separator."""
    a = os.fspath(a)
    sep = _get_sep(a)
    path = a
    try:
        for b in map(os.fspath, p):
            if b.startswith(sep) or not path:
                path = b
            elif path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """Split a pathname.  Returns tuple "(head, tail)" where "tail" is
    everything after the final slash.  Either part may be empty."""
    p = os.fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """Split the extension from a pathname.

    Extension is everything from the last dot to the end, ignoring
    leading dots.  Returns "(root, ext)"; ext may be empty."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'/', None, b'.')
    return genericpath._splitext(p, '/', None, '.')


splitext.__doc__ = genericpath._splitext.__doc__


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always
    empty."""
    p = os.fspath(p)
    return p[:0], p


def splitroot(p):
    """Split a pathname into drive, root and tail.

    The tail contains anything after the root."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        sep = b'/'
        empty = b''
    else:
        sep = '/'
        empty = ''
    if not p.startswith(sep):
        return empty, empty, p
    # POSIX gives exactly two leading slashes an implementation-defined
    # meaning, so they form the root together; one or three and more
    # slashes mean the plain root.
    if p[1:2] == sep and p[2:3] != sep:
        return empty, p[:2], p[2:]
    return empty, sep, p[1:]


def basename(p):
    """Returns the final component of a pathname"""
    p = os.fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = os.fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def ismount(path):
    """Test whether a path is a mount point"""
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if stat.S_ISLNK(s1.st_mode):
        # Mount points are directories, never links.
        return False

    path = os.fspath(path)
    if isinstance(path, bytes):
        parent = join(path, b'..')
    else:
        parent = join(path, '..')
    try:
        s2 = os.lstat(parent)
    except OSError:
        parent = realpath(parent)
        try:
            s2 = os.lstat(parent)
        except OSError:
            return False

    # A different device than the parent's, or the same inode as the
    # parent (the root), marks a mount point.
    if s1.st_dev != s2.st_dev:
        return True
    if s1.st_ino == s2.st_ino:
        return True
    return False


def expanduser(path):
    """Expand ~ and ~user constructions.  If user or $HOME is unknown,
    do nothing."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        tilde = b'~'
    else:
        tilde = '~'
    if not path.startswith(tilde):
        return path
    sep = _get_sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if 'HOME' not in os.environ:
            # No $HOME: ask the password database, and leave the path
            # alone when there is none or it does not know us.
            try:
                import pwd
                userhome = pwd.getpwuid(os.getuid()).pw_dir
            except (ImportError, KeyError):
                return path
        else:
            userhome = os.environ['HOME']
    else:
        try:
            import pwd
        except ImportError:
            return path
        name = path[1:i]
        if isinstance(name, bytes):
            name = os.fsdecode(name)
        try:
            pwent = pwd.getpwnam(name)
        except KeyError:
            # The user does not exist: leave the path alone.
            return path
        userhome = pwent.pw_dir
    if isinstance(path, bytes):
        userhome = os.fsencode(userhome)
    userhome = userhome.rstrip(sep)
    return (userhome + path[i:]) or sep


_NAME_CHARS = frozenset('abcdefghijklmnopqrstuvwxyz'
                        'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')


def _next_variable(path, i, dollar, lbrace, rbrace):
    """The next $name or ${name} at or after index i, as (start, end,
    name), or None.  Names are ASCII letters, digits and '_'; a brace
    form runs to the first '}'."""
    while True:
        start = path.find(dollar, i)
        if start < 0:
            return None
        pos = start + 1
        if path[pos:pos + 1] == lbrace:
            close = path.find(rbrace, pos + 1)
            if close >= 0:
                return start, close + 1, path[pos + 1:close]
        else:
            end = pos
            while end < len(path) and _is_name_char(path[end:end + 1]):
                end += 1
            if end > pos:
                return start, end, path[pos:end]
        i = start + 1


def _is_name_char(c):
    if isinstance(c, bytes):
        c = chr(c[0])
    return c in _NAME_CHARS


def expandvars(path):
    """Expand shell variables of form $var and ${var}.  Unknown variables
    are left unchanged."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        if b'$' not in path:
            return path
        dollar, lbrace, rbrace = b'$', b'{', b'}'

        def lookup(name):
            if hasattr(os, 'environb'):
                return os.environb[name]
            return os.fsencode(os.environ[os.fsdecode(name)])
    else:
        if '$' not in path:
            return path
        dollar, lbrace, rbrace = '$', '{', '}'

        def lookup(name):
            return os.environ[name]
    i = 0
    while True:
        found = _next_variable(path, i, dollar, lbrace, rbrace)
        if found is None:
            return path
        start, end, name = found
        try:
            value = lookup(name)
        except KeyError:
            i = end
            continue
        path = path[:start] + value + path[end:]
        i = start + len(value)


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep = b'/'
        dot = b'.'
        dotdot = b'..'
        empty = b''
    else:
        sep = '/'
        dot = '.'
        dotdot = '..'
        empty = ''
    if path == empty:
        return dot
    _, initial_slashes, path = splitroot(path)
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = initial_slashes + sep.join(new_comps)
    return path or dot


def abspath(path):
    """Return an absolute path."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        if not path.startswith(b'/'):
            path = join(os.getcwdb(), path)
    else:
        if not path.startswith('/'):
            path = join(os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Return the canonical path of the specified filename, eliminating any
symbolic links encountered in the path."""
    filename = os.fspath(filename)
    if isinstance(filename, bytes):
        sep, here, up = b'/', b'.', b'..'
        getcwd = os.getcwdb
    else:
        sep, here, up = '/', '.', '..'
        getcwd = os.getcwd
    if strict is ALLOW_MISSING:
        tolerated = (FileNotFoundError,)
    elif strict:
        tolerated = ()
    else:
        tolerated = (OSError,)

    resolved = sep if filename.startswith(sep) else getcwd()
    # Components still to visit, next one last.  A tuple (link,) is a
    # marker: everything pushed after it was the target of `link`, so
    # when it comes up again `resolved` is that link's final value.
    pending = filename.split(sep)[::-1]
    # Symlink path -> its resolved value; None while being resolved, so
    # meeting it again then means a loop.
    links = {}
    while pending:
        part = pending.pop()
        if isinstance(part, tuple):
            links[part[0]] = resolved
            continue
        if not part or part == here:
            continue
        if part == up:
            resolved = resolved[:resolved.rindex(sep)] or sep
            continue
        candidate = resolved + part if resolved == sep else resolved + sep + part
        if candidate in links:
            known = links[candidate]
            if known is not None:
                resolved = known
                continue
            if strict:
                raise OSError(_ELOOP, os.strerror(_ELOOP), candidate)
            # Non-strict: a looping link stays as written.
            resolved = candidate
            continue
        try:
            is_link = stat.S_ISLNK(os.lstat(candidate).st_mode)
            target = os.readlink(candidate) if is_link else None
        except tolerated:
            # Missing (or, non-strict, unreadable): keep the name as is.
            resolved = candidate
            continue
        if target is None:
            resolved = candidate
            continue
        links[candidate] = None
        if target.startswith(sep):
            resolved = sep
        pending.append((candidate,))
        pending.extend(target.split(sep)[::-1])
    return resolved


_ELOOP = 40

supports_unicode_filenames = (sys.platform == 'darwin')


def relpath(path, start=None):
    """Return a relative version of a path"""
    path = os.fspath(path)
    if not path:
        raise ValueError("no path specified")
    if isinstance(path, bytes):
        curdir = b'.'
        sep = b'/'
        pardir = b'..'
    else:
        curdir = '.'
        sep = '/'
        pardir = '..'

    if start is None:
        start = curdir
    else:
        start = os.fspath(start)

    try:
        start_tail = abspath(start).lstrip(sep)
        path_tail = abspath(path).lstrip(sep)
        start_list = start_tail.split(sep) if start_tail else []
        path_list = path_tail.split(sep) if path_tail else []
        i = len(commonprefix([start_list, path_list]))

        rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir
        return sep.join(rel_list)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    paths = tuple(map(os.fspath, paths))

    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')

    if isinstance(paths[0], bytes):
        sep = b'/'
        curdir = b'.'
    else:
        sep = '/'
        curdir = '.'

    try:
        split_paths = [path.split(sep) for path in paths]

        try:
            isabs, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None

        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break

        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
