"""Filename globbing: the paths matching a shell-style pattern.

'*', '?' and '[seq]' match within one path component (see fnmatch);
names starting with '.' are matched only by patterns starting with '.'
unless include_hidden is true; with recursive=True, '**' as a whole
component matches any number of directory levels.
"""

import fnmatch
import itertools
import os
import re
import stat
import sys

__all__ = ["glob", "iglob", "escape", "translate"]


def _audit(event, *args):
    hook = getattr(sys, "audit", None)
    if hook is not None:
        hook(event, *args)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """Return a list of the paths matching pathname, in arbitrary order.

    root_dir (a path) or dir_fd (a directory descriptor) is where a
    relative pathname is looked up; the results are then relative to
    it.  recursive makes '**' match any depth of directories;
    include_hidden lets wildcards match names starting with '.'."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """Return an iterator of the paths glob() would return."""
    _audit("glob.glob", pathname, recursive)
    _audit("glob.glob/2", pathname, recursive, root_dir, dir_fd)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, dir_fd, recursive, False,
                include_hidden=include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # A leading '**' (or an empty pattern) first yields the empty
        # path, which is not a result.
        try:
            first = next(it)
        except StopIteration:
            pass
        else:
            if first:
                it = itertools.chain((first,), it)
    return it


def _iglob(pathname, root_dir, dir_fd, recursive, dironly,
           include_hidden=False):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname), dir_fd):
                yield pathname
        elif _isdir(_join(root_dir, dirname), dir_fd):
            # A pattern ending with a separator matches directories only.
            yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dir_fd, dironly,
                              include_hidden=include_hidden)
        else:
            yield from _glob1(root_dir, basename, dir_fd, dironly,
                              include_hidden=include_hidden)
        return
    # split() returns a drive or root unchanged as dirname: do not
    # recurse on it forever.
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, dir_fd, recursive, True,
                      include_hidden=include_hidden)
    else:
        dirs = [dirname]
    if has_magic(basename):
        if recursive and _isrecursive(basename):
            glob_in_dir = _glob2
        else:
            glob_in_dir = _glob1
    else:
        glob_in_dir = _glob0
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dir_fd,
                                dironly, include_hidden=include_hidden):
            yield os.path.join(dirname, name)


def _glob1(dirname, pattern, dir_fd, dironly, include_hidden=False):
    """The names in dirname matching the wildcard pattern."""
    names = _listdir(dirname, dir_fd, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = (x for x in names if not _ishidden(x))
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dir_fd, dironly, include_hidden=False):
    """[basename] if it exists in dirname (a pattern without magic)."""
    if basename:
        if _lexists(_join(dirname, basename), dir_fd):
            return [basename]
    elif _isdir(dirname, dir_fd):
        return [basename]
    return []


def _glob2(dirname, pattern, dir_fd, dironly, include_hidden=False):
    """'**': the empty path and every path below dirname."""
    if not dirname or _isdir(dirname, dir_fd):
        yield pattern[:0]
    yield from _rlistdir(dirname, dir_fd, dironly,
                         include_hidden=include_hidden)


def _iterdir(dirname, dir_fd, dironly):
    """The names in dirname (directories only if dironly); nothing if it
    cannot be read.  Names are bytes when dirname is."""
    try:
        fd = None
        fsencode = None
        if dir_fd is not None:
            if dirname:
                fd = arg = os.open(dirname, _dir_open_flags, dir_fd=dir_fd)
            else:
                arg = dir_fd
            if isinstance(dirname, bytes):
                # scandir(fd) gives str names.
                fsencode = os.fsencode
        elif dirname:
            arg = dirname
        elif isinstance(dirname, bytes):
            arg = bytes(os.curdir, 'ASCII')
        else:
            arg = os.curdir
        try:
            with os.scandir(arg) as it:
                for entry in it:
                    try:
                        if not dironly or entry.is_dir():
                            name = entry.name
                            yield fsencode(name) if fsencode else name
                    except OSError:
                        pass
        finally:
            if fd is not None:
                os.close(fd)
    except OSError:
        return


def _listdir(dirname, dir_fd, dironly):
    it = _iterdir(dirname, dir_fd, dironly)
    try:
        return list(it)
    finally:
        it.close()


def _rlistdir(dirname, dir_fd, dironly, include_hidden=False):
    """Every path below dirname, relative to it, parents first; symbolic
    links to directories are followed."""
    names = _listdir(dirname, dir_fd, dironly)
    for x in names:
        if include_hidden or not _ishidden(x):
            yield x
            path = _join(dirname, x) if dirname else x
            for y in _rlistdir(path, dir_fd, dironly,
                               include_hidden=include_hidden):
                yield _join(x, y)


def _lexists(pathname, dir_fd):
    if dir_fd is None:
        return os.path.lexists(pathname)
    try:
        os.lstat(pathname, dir_fd=dir_fd)
    except (OSError, ValueError):
        return False
    return True


def _isdir(pathname, dir_fd):
    if dir_fd is None:
        return os.path.isdir(pathname)
    try:
        st = os.stat(pathname, dir_fd=dir_fd)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(st.st_mode)


def _join(dirname, basename):
    # An empty part adds no separator.
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


magic_check = re.compile('([*?[])')
magic_check_bytes = re.compile(b'([*?[])')


def has_magic(s):
    """Whether s contains a wildcard character."""
    if isinstance(s, bytes):
        return magic_check_bytes.search(s) is not None
    return magic_check.search(s) is not None


def _ishidden(path):
    return path[0] in ('.', b'.'[0])


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b'**'
    return pattern == '**'


def escape(pathname):
    """Escape the wildcard characters of pathname (each in brackets), so
    that it matches only itself.  A drive or UNC prefix is left as is."""
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        pathname = magic_check_bytes.sub(br'[\1]', pathname)
    else:
        pathname = magic_check.sub(r'[\1]', pathname)
    return drive + pathname


_dir_open_flags = os.O_RDONLY | getattr(os, 'O_DIRECTORY', 0)


def translate(pat, *, recursive=False, include_hidden=False, seps=None):
    """Translate a pathname pattern to a regular expression for
    re.match().

    Unlike fnmatch.translate, wildcards do not match separators (seps,
    by default os.path.sep and os.path.altsep); with recursive=True a
    '**' component matches any number of components; without
    include_hidden, wildcards do not match a leading '.'."""
    if not seps:
        seps = (os.path.sep, os.path.altsep) if os.path.altsep else os.path.sep
    escaped_seps = ''.join(map(re.escape, seps))
    any_sep = f'[{escaped_seps}]' if len(seps) > 1 else escaped_seps
    not_sep = f'[^{escaped_seps}]'
    if include_hidden:
        one_last_segment = f'{not_sep}+'
        one_segment = f'{one_last_segment}{any_sep}'
        any_segments = f'(?:.+{any_sep})?'
        any_last_segments = '.*'
    else:
        one_last_segment = f'[^{escaped_seps}.]{not_sep}*'
        one_segment = f'{one_last_segment}{any_sep}'
        any_segments = f'(?:{one_segment})*'
        any_last_segments = f'{any_segments}(?:{one_last_segment})?'

    results = []
    parts = re.split(any_sep, pat)
    last_part_idx = len(parts) - 1
    for idx, part in enumerate(parts):
        if part == '*':
            results.append(one_segment if idx < last_part_idx
                           else one_last_segment)
        elif recursive and part == '**':
            if idx < last_part_idx:
                # '**/**' is the same as '**'.
                if parts[idx + 1] != '**':
                    results.append(any_segments)
            else:
                results.append(any_last_segments)
        else:
            if part:
                if not include_hidden and part[0] in '*?':
                    results.append(r'(?!\.)')
                results.extend(fnmatch._translate(part, f'{not_sep}*',
                                                  not_sep)[0])
            if idx < last_part_idx:
                results.append(any_sep)
    res = ''.join(results)
    return fr'(?s:{res})\z'
