"""Operations on Windows path names, usable on every platform.

On Windows this module is os.path; elsewhere it serves programs (and
pathlib.PureWindowsPath) that must take Windows paths apart.  Both '\\'
and '/' separate components; a path may start with a drive ('C:'), a
UNC share ('\\\\server\\share') or a device ('\\\\?\\C:' or '\\\\.\\pipe').
Every function accepts str, bytes or os.PathLike paths and answers in
the same type.
"""

curdir = '.'
pardir = '..'
extsep = '.'
sep = '\\'
pathsep = ';'
altsep = '/'
defpath = '.;C:\\bin'
devnull = 'nul'

import os
import sys
import genericpath
from genericpath import *

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split",
           "splitext", "basename", "dirname", "commonprefix", "getsize",
           "getmtime", "getatime", "getctime", "islink", "exists", "lexists",
           "isdir", "isfile", "ismount", "isreserved", "expanduser",
           "expandvars", "normpath", "abspath", "curdir", "pardir", "sep",
           "pathsep", "defpath", "altsep", "extsep", "devnull", "realpath",
           "supports_unicode_filenames", "relpath", "samefile",
           "sameopenfile", "samestat", "commonpath", "isjunction",
           "isdevdrive", "ALLOW_MISSING"]


class _Syntax:
    """The separators and markers of one string type (str or bytes)."""
    __slots__ = ('sep', 'altsep', 'seps', 'colon', 'curdir', 'pardir',
                 'empty', 'unc_prefix', 'dollar', 'percent', 'quote',
                 'lbrace', 'rbrace', 'tilde', 'special_prefixes')

    def __init__(self, convert):
        self.sep = convert('\\')
        self.altsep = convert('/')
        self.seps = convert('\\/')
        self.colon = convert(':')
        self.curdir = convert('.')
        self.pardir = convert('..')
        self.empty = convert('')
        self.unc_prefix = convert('\\\\?\\UNC\\')
        self.dollar = convert('$')
        self.percent = convert('%')
        self.quote = convert("'")
        self.lbrace = convert('{')
        self.rbrace = convert('}')
        self.tilde = convert('~')
        self.special_prefixes = (convert('\\\\.\\'), convert('\\\\?\\'))


_STR = _Syntax(str)
_BYTES = _Syntax(lambda s: s.encode('ascii'))


def _syntax(path):
    return _BYTES if isinstance(path, bytes) else _STR


def normcase(s):
    """Normalize case of pathname.

    Makes all characters lowercase and all slashes into backslashes."""
    s = os.fspath(s)
    if isinstance(s, bytes):
        return os.fsencode(os.fsdecode(s).replace('/', '\\').lower())
    if not isinstance(s, str):
        raise TypeError("normcase() argument must be str or bytes, "
                        f"not {type(s).__name__!r}")
    return s.replace('/', '\\').lower()


def isabs(s):
    """Test whether a path is absolute: it has a drive and a root, or is a
    UNC or device path."""
    s = os.fspath(s)
    syn = _syntax(s)
    head = s[:3].replace(syn.altsep, syn.sep)
    if head[:2] == syn.sep * 2:
        return True
    return head[1:3] == syn.colon + syn.sep


def join(path, *paths):
    """Join two or more pathname components, inserting '\\' as needed.

    A component with a root discards what came before it (except the drive
    when it has none); a component with a different drive discards
    everything before it."""
    path = os.fspath(path)
    syn = _syntax(path)
    try:
        drive, root, tail = splitroot(path)
        for part in map(os.fspath, paths):
            p_drive, p_root, p_tail = splitroot(part)
            if p_root:
                if p_drive or not drive:
                    drive = p_drive
                root, tail = p_root, p_tail
                continue
            if p_drive and p_drive != drive:
                if p_drive.lower() != drive.lower():
                    drive, root, tail = p_drive, p_root, p_tail
                    continue
                # The same drive spelled in another case: the later wins.
                drive = p_drive
            if tail and tail[-1:] not in syn.seps:
                tail += syn.sep
            tail += p_tail
        # A UNC drive needs a separator before a relative tail.
        if (tail and not root and drive
                and drive[-1:] not in syn.colon + syn.seps):
            return drive + syn.sep + tail
        return drive + root + tail
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', path, *paths)
        raise


def splitdrive(p):
    """Split a pathname into drive/UNC sharepoint and relative path.

    Returns a 2-tuple (drive, path); either part may be empty, and
    drive + path == p."""
    drive, root, tail = splitroot(p)
    return drive, root + tail


def splitroot(p):
    """Split a pathname into drive, root and tail.

    The drive is a letter and colon, a UNC share or a device path; the root
    is one separator or empty; drive + root + tail == p.  For example
    'C:\\Users\\Barney' -> ('C:', '\\', 'Users\\Barney') and
    '//Server/Share/x' -> ('//Server/Share', '/', 'x')."""
    p = os.fspath(p)
    syn = _syntax(p)
    # Search a copy with one kind of separator; slice the original.
    norm = p.replace(syn.altsep, syn.sep)
    if norm[:1] == syn.sep:
        if norm[1:2] != syn.sep:
            return syn.empty, p[:1], p[1:]
        # UNC share (\\server\share, \\?\UNC\server\share) or device
        # (\\.\device, \\?\device): the drive runs to the second separator
        # after the prefix.
        start = 8 if norm[:8].upper() == syn.unc_prefix else 2
        first = norm.find(syn.sep, start)
        if first == -1:
            return p, syn.empty, syn.empty
        second = norm.find(syn.sep, first + 1)
        if second == -1:
            return p, syn.empty, syn.empty
        return p[:second], p[second:second + 1], p[second + 1:]
    if norm[1:2] == syn.colon:
        if norm[2:3] == syn.sep:
            return p[:2], p[2:3], p[3:]
        return p[:2], syn.empty, p[2:]
    return syn.empty, syn.empty, p


def split(p):
    """Split a pathname into (head, tail): tail is everything after the
    final separator, head everything before it (trailing separators
    removed unless head is the drive and root)."""
    p = os.fspath(p)
    syn = _syntax(p)
    drive, root, tail = splitroot(p)
    i = len(tail)
    while i and tail[i - 1:i] not in syn.seps:
        i -= 1
    head = tail[:i].rstrip(syn.seps)
    return drive + root + head, tail[i:]


def splitext(p):
    """Split the extension from a pathname: (root, ext), ext may be empty."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'\\', b'/', b'.')
    return genericpath._splitext(p, '\\', '/', '.')


splitext.__doc__ = genericpath._splitext.__doc__


def basename(p):
    """Return the final component of a pathname."""
    return split(p)[1]


def dirname(p):
    """Return the directory component of a pathname."""
    return split(p)[0]


def ismount(path):
    """Test whether a path is a mount point: a drive root, a UNC share or
    its root."""
    path = os.fspath(path)
    syn = _syntax(path)
    path = abspath(path)
    drive, root, rest = splitroot(path)
    if drive and drive[:1] in syn.seps:
        return not rest
    return bool(root and not rest)


_reserved_chars = frozenset(
    {chr(i) for i in range(32)} | set('"*:<>?|/\\'))

_reserved_names = frozenset(
    {'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'}
    | {f'COM{c}' for c in '123456789\xb9\xb2\xb3'}
    | {f'LPT{c}' for c in '123456789\xb9\xb2\xb3'})


def isreserved(path):
    """Return true if the pathname is reserved by the system: a component
    names a DOS device, ends in a dot or space, or holds a character
    Windows forbids in file names."""
    tail = os.fsdecode(splitroot(path)[2]).replace('/', '\\')
    return any(_is_reserved_name(name) for name in reversed(tail.split('\\')))


def _is_reserved_name(name):
    if name[-1:] in ('.', ' '):
        return name not in ('.', '..')
    if _reserved_chars.intersection(name):
        return True
    # Device names stay reserved with an extension or trailing spaces
    # ('nul .txt'); the rules vary between Windows versions, so err on the
    # side of calling a name reserved.
    return name.partition('.')[0].rstrip(' ').upper() in _reserved_names


def expanduser(path):
    """Expand ~ and ~user constructions.

    The home directory is USERPROFILE, else HOMEDRIVE + HOMEPATH; another
    user's home is guessed as a sibling of it.  The path is returned
    unchanged when it does not start with ~ or no home is known."""
    path = os.fspath(path)
    syn = _syntax(path)
    if not path.startswith(syn.tilde):
        return path
    i = 1
    while i < len(path) and path[i:i + 1] not in syn.seps:
        i += 1
    environ = os.environ
    if 'USERPROFILE' in environ:
        home = environ['USERPROFILE']
    elif 'HOMEPATH' in environ:
        home = join(environ.get('HOMEDRIVE', ''), environ['HOMEPATH'])
    else:
        return path
    if i != 1:
        user = path[1:i]
        if isinstance(user, bytes):
            user = os.fsdecode(user)
        current = environ.get('USERNAME')
        if user != current:
            if current != basename(home):
                return path
            home = join(dirname(home), user)
    if isinstance(path, bytes):
        home = os.fsencode(home)
    return home + path[i:]


_varchars = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
                      '0123456789_-')


def expandvars(path):
    """Expand shell variables of the forms $var, ${var} and %var%.

    Unknown variables are left unchanged; text in single quotes is copied
    as is; '$$' and '%%' stand for one '$' or '%'."""
    path = os.fspath(path)
    syn = _syntax(path)
    if syn.dollar not in path and syn.percent not in path:
        return path
    if isinstance(path, bytes):
        environ = getattr(os, 'environb', None)
        if environ is None:
            environ = {os.fsencode(k): os.fsencode(v)
                       for k, v in os.environ.items()}
        is_name = lambda ch: chr(ch[0]) in _varchars
    else:
        environ = os.environ
        is_name = lambda ch: ch in _varchars
    out = []
    i, n = 0, len(path)
    while i < n:
        ch = path[i:i + 1]
        if ch == syn.quote:
            end = path.find(syn.quote, i + 1)
            end = n if end == -1 else end + 1
            out.append(path[i:end])
            i = end
        elif ch == syn.percent:
            if path[i + 1:i + 2] == syn.percent:
                out.append(ch)
                i += 2
                continue
            end = path.find(syn.percent, i + 1)
            if end == -1:
                out.append(path[i:])
                break
            name = path[i + 1:end]
            out.append(environ[name] if name in environ else path[i:end + 1])
            i = end + 1
        elif ch == syn.dollar:
            nxt = path[i + 1:i + 2]
            if nxt == syn.dollar:
                out.append(ch)
                i += 2
            elif nxt == syn.lbrace:
                end = path.find(syn.rbrace, i + 2)
                if end == -1:
                    out.append(path[i:])
                    break
                name = path[i + 2:end]
                out.append(environ[name] if name in environ
                           else path[i:end + 1])
                i = end + 1
            else:
                end = i + 1
                while end < n and is_name(path[end:end + 1]):
                    end += 1
                name = path[i + 1:end]
                if name and name in environ:
                    out.append(environ[name])
                else:
                    out.append(path[i:end])
                i = end
        else:
            out.append(ch)
            i += 1
    return syn.empty.join(out)


def normpath(path):
    """Normalize path, eliminating double slashes, '.' and resolvable '..'
    components, and turning '/' into '\\'."""
    path = os.fspath(path)
    syn = _syntax(path)
    # Device and literal paths (\\.\ and \\?\) are taken as written.
    if path[:4] in syn.special_prefixes:
        return path
    path = path.replace(syn.altsep, syn.sep)
    drive, root, tail = splitroot(path)
    comps = []
    for comp in tail.split(syn.sep):
        if not comp or comp == syn.curdir:
            continue
        if comp == syn.pardir:
            if comps and comps[-1] != syn.pardir:
                comps.pop()
                continue
            if not comps and root:
                # '..' at the root stays at the root.
                continue
        comps.append(comp)
    if not drive and not root and not comps:
        return syn.curdir
    return drive + root + syn.sep.join(comps)


def abspath(path):
    """Return the absolute version of a path: joined to the current
    directory when relative, then normalized."""
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(path, *, strict=False):
    """Return the canonical path of the specified filename.

    Away from Windows there are no Windows links to resolve: this is
    abspath()."""
    return abspath(path)


supports_unicode_filenames = sys.platform == 'win32'


def relpath(path, start=None):
    """Return a relative version of a path, from start (default: the
    current directory).  Both must be on the same drive."""
    path = os.fspath(path)
    if not path:
        raise ValueError("no path specified")
    syn = _syntax(path)
    start = syn.curdir if start is None else os.fspath(start)
    try:
        start_drive, _, start_rest = splitroot(abspath(start))
        path_drive, _, path_rest = splitroot(abspath(path))
        if normcase(start_drive) != normcase(path_drive):
            raise ValueError(f"path is on mount {path_drive!r}, "
                             f"start on mount {start_drive!r}")
        start_list = start_rest.split(syn.sep) if start_rest else []
        path_list = path_rest.split(syn.sep) if path_rest else []
        common = 0
        for a, b in zip(start_list, path_list):
            if normcase(a) != normcase(b):
                break
            common += 1
        rel = [syn.pardir] * (len(start_list) - common) + path_list[common:]
        if not rel:
            return syn.curdir
        return syn.sep.join(rel)
    except (TypeError, ValueError, AttributeError, BytesWarning,
            DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given an iterable of path names, return the longest common
    sub-path.  Comparison ignores case; the answer keeps the spelling of
    the first path."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty iterable')
    syn = _syntax(paths[0])
    try:
        folded = [splitroot(p.replace(syn.altsep, syn.sep).lower())
                  for p in paths]
        if len({drive for drive, _, _ in folded}) != 1:
            raise ValueError("Paths don't have the same drive")
        drive, root, tail = splitroot(paths[0].replace(syn.altsep, syn.sep))
        if len({r for _, r, _ in folded}) != 1:
            if drive:
                raise ValueError("Can't mix absolute and relative paths")
            raise ValueError("Can't mix rooted and not-rooted paths")

        def parts(text):
            return [c for c in text.split(syn.sep) if c and c != syn.curdir]

        common = parts(tail)
        split_paths = [parts(t) for _, _, t in folded]
        lowest, highest = min(split_paths), max(split_paths)
        length = len(lowest)
        for i, comp in enumerate(lowest):
            if comp != highest[i]:
                length = i
                break
        return drive + root + syn.sep.join(common[:length])
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
