"""Cache lines from Python source files.

This is intended to read lines from modules imported -- hence if a
filename is not found, it will look down the module search path for a
file by that name.
"""

import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# filename -> (size, mtime, lines, fullname), or, for a module whose
# source a loader will provide on demand, filename -> (get_source,).
cache = {}
# Sources registered for interactive input and exec'd strings
# (filename -> lines), never checked against the file system.
_interactive_cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    if filename in _interactive_cache:
        return _interactive_cache[filename]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _stat(path):
    """(size, mtime) of path, or None when it cannot be examined."""
    try:
        import os
    except ImportError:
        return _probe(path)
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_size, st.st_mtime


def _probe(path):
    # Without os: a file that opens exists; its size stands in for both.
    try:
        with open(path, "rb") as f:
            size = len(f.read())
    except (OSError, ValueError):
        return None
    return size, None


def checkcache(filename=None):
    """Discard cache entries that are out of date.
    (This is not checked upon each call!)"""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for name in filenames:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            # Lazy entries are not backed by a file we could check.
            continue
        size, mtime, _, fullname = entry
        if mtime is None:
            # Registered without a file (e.g. by a loader): keep it.
            continue
        if _stat(fullname) != (size, mtime):
            cache.pop(name, None)


def _is_pseudo_name(filename):
    return not filename or (filename.startswith("<")
                            and filename.endswith(">"))


def _decode_source(data):
    """Decode Python source bytes per PEP 263 (UTF-8 by default)."""
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    else:
        for line in data.split(b"\n", 2)[:2]:
            stripped = line.lstrip()
            if not stripped.startswith(b"#"):
                if stripped:
                    break
                continue
            at = stripped.find(b"coding")
            if at >= 0 and stripped[at + 6:at + 7] in (b":", b"="):
                name = stripped[at + 7:].lstrip()
                end = 0
                while end < len(name) and (chr(name[end]).isalnum()
                                           or name[end] in b"-_."):
                    end += 1
                if end:
                    encoding = name[:end].decode("ascii")
                break
    # A strict decode: like tokenize.open, undecodable source (or an
    # unknown declared encoding) is an error the caller turns into [].
    return data.decode(encoding)


def _split_lines(text):
    """Lines of text ending at \\n only, each with its \\n (the last gets one)."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return [line + "\n" for line in lines]


def _source_from_loader(filename, module_globals):
    """Lines that module_globals' loader provides for filename, or None."""
    if not module_globals or not isinstance(module_globals, dict):
        return None
    spec = module_globals.get("__spec__")
    name = getattr(spec, "name", None) or module_globals.get("__name__")
    loader = getattr(spec, "loader", None) or module_globals.get("__loader__")
    get_source = getattr(loader, "get_source", None)
    if name is None or get_source is None:
        return None
    try:
        data = get_source(name)
    except (ImportError, OSError):
        return None
    if data is None:
        return None
    return _split_lines(data)


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines.
    If something's wrong, print a message, discard the cache entry,
    and return an empty list."""
    entry = cache.pop(filename, None)
    if _is_pseudo_name(filename):
        return []
    if entry is not None and len(entry) == 1:
        # A lazycache() entry: ask the loader now.
        try:
            data = entry[0]()
        except (ImportError, OSError):
            data = None
        if data is not None:
            lines = _split_lines(data)
            cache[filename] = (len(data), None, lines, filename)
            return lines
    candidates = [filename]
    if not filename.startswith("/"):
        candidates += [_join(directory, filename) for directory in sys.path
                       if isinstance(directory, str)]
    for fullname in candidates:
        stat = _stat(fullname)
        if stat is None:
            continue
        try:
            with open(fullname, "rb") as f:
                data = f.read()
        except (OSError, ValueError):
            continue
        try:
            text = _decode_source(data)
        except (UnicodeDecodeError, LookupError):
            return []
        # Universal newlines, as a text file reads: only \n, \r and
        # \r\n end a line (str.splitlines would also split at \f etc).
        lines = _split_lines(text.replace("\r\n", "\n").replace("\r", "\n"))
        if not lines:
            # An empty file reads as one empty line (as CPython), so that
            # its cache entry is not mistaken for a failed read.
            lines = ['\n']
        cache[filename] = stat[0], stat[1], lines, fullname
        return lines
    lines = _source_from_loader(filename, module_globals)
    if lines is not None:
        cache[filename] = (len(lines), None, lines, filename)
        return lines
    return []


def _join(directory, name):
    if not directory:
        return name
    return directory + name if directory.endswith("/") else \
        directory + "/" + name


def lazycache(filename, module_globals):
    """Seed the cache for filename with module_globals.

    The module loader will be asked for the source only when getlines is
    called, not immediately.

    If there is an entry in the cache already, it is not altered.

    :return: True if a lazy load is registered in the cache,
        otherwise False. To register such a load a module loader with a
        get_source method must be found, the filename must be a cacheable
        filename, and the filename must not be already cached.
    """
    if filename in cache:
        return len(cache[filename]) == 1
    if _is_pseudo_name(filename):
        return False
    if not module_globals or not isinstance(module_globals, dict):
        return False
    spec = module_globals.get("__spec__")
    name = getattr(spec, "name", None) or module_globals.get("__name__")
    loader = getattr(spec, "loader", None) or module_globals.get("__loader__")
    get_source = getattr(loader, "get_source", None)
    if name is None or get_source is None:
        return False

    def fetch():
        return get_source(name)

    cache[filename] = (fetch,)
    return True


def _register_code(code, string, name):
    """Remember the source of interactive input or exec'd text.  As in
    CPython 3.13 the entry is also cache[code] (the REPL passes its file
    name "<stdin>-N" as code, so inspect.getsourcefile() finds it there);
    _interactive_cache keeps it across clearcache()."""
    lines = _split_lines(string)
    cache[code] = (len(string), None, lines, name)
    _interactive_cache[name] = lines
