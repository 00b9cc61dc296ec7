"""The search path for time zone files and key validation."""

import os
import threading

# Replaced as a whole (never mutated) by reset_tzpath(), so readers always
# see a consistent tuple.
TZPATH = ()

_lock = threading.Lock()    # serializes reset_tzpath()


class InvalidTZPathWarning(RuntimeWarning):
    """PYTHONTZPATH named a relative path, which is ignored."""


def _relative_paths_message(paths):
    relative = [p for p in paths if not os.path.isabs(p)]
    indent = "\n    "
    return ("Paths should be absolute but found the following relative "
            "paths:" + indent + indent.join(relative))


def _parse_env_tzpath(value, stacklevel):
    if not value:
        return ()
    raw = value.split(os.pathsep)
    absolute = tuple(p for p in raw if os.path.isabs(p))
    if len(absolute) != len(raw):
        import warnings
        warnings.warn("Invalid paths specified in PYTHONTZPATH environment "
                      "variable. " + _relative_paths_message(raw),
                      InvalidTZPathWarning, stacklevel=stacklevel)
    return absolute


def _default_tzpath():
    try:
        import sysconfig
        configured = sysconfig.get_config_var("TZPATH")
    except Exception:
        configured = None
    if configured is None:
        configured = os.pathsep.join(("/usr/share/zoneinfo",
                                      "/usr/lib/zoneinfo",
                                      "/usr/share/lib/zoneinfo",
                                      "/etc/zoneinfo"))
    return _parse_env_tzpath(configured, 4)


def reset_tzpath(to=None, stacklevel=3):
    """Set TZPATH to 'to', or (when None) to PYTHONTZPATH or the
    compile-time default.  A relative path in PYTHONTZPATH is warned about
    stacklevel frames up from _parse_env_tzpath: 3 is this function's
    caller (zoneinfo's import passes 4, its importer)."""
    global TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError(f"tzpaths must be a list or tuple, not "
                            f"{type(to)}: {to!r}")
        paths = tuple(to)
        if not all(os.path.isabs(p) for p in paths):
            raise ValueError(_relative_paths_message(paths))
    else:
        env = os.environ.get("PYTHONTZPATH")
        if env is not None:
            paths = _parse_env_tzpath(env, stacklevel)
        else:
            paths = _default_tzpath()
    with _lock:
        TZPATH = paths


def _validate_key(key):
    if os.path.isabs(key):
        raise ValueError(f"ZoneInfo keys may not be absolute paths, got: "
                         f"{key}")
    normalized = os.path.normpath(key)
    if len(normalized) != len(key):
        raise ValueError(f"ZoneInfo keys must be normalized relative paths, "
                         f"got: {key}")
    # Resolve against a dummy root to catch keys that climb out of it.
    base = os.path.join(os.sep, "tzbase")
    resolved = os.path.normpath(os.path.join(base, key))
    if not resolved.startswith(base + os.sep):
        raise ValueError(f"ZoneInfo keys must refer to subdirectories of "
                         f"TZPATH, got: {key}")


def find_tzfile(key):
    """The path of the file for key on TZPATH, or None."""
    _validate_key(key)
    for directory in TZPATH:
        path = os.path.join(directory, key)
        if os.path.isfile(path):
            return path
    return None


def _is_tzif(path):
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"TZif"
    except OSError:
        return False


def available_timezones():
    """The set of keys of every valid TZif file found on TZPATH.

    This walks the directories each call, so it can be slow.
    """
    keys = set()
    try:
        # The 'tzdata' package, when installed, lists its zones in a file.
        import importlib.resources as resources
        with resources.files("tzdata").joinpath("zones").open("r") as f:
            keys.update(line.strip() for line in f if line.strip())
    except (ImportError, FileNotFoundError):
        pass
    for root in TZPATH:
        if not os.path.isdir(root):
            continue
        for directory, subdirs, files in os.walk(root):
            if directory == root:
                # 'right' (leap seconds) and 'posix' duplicate the zones.
                for skipped in ("right", "posix"):
                    if skipped in subdirs:
                        subdirs.remove(skipped)
            for name in files:
                path = os.path.join(directory, name)
                key = os.path.relpath(path, root)
                if os.sep != "/":
                    key = key.replace(os.sep, "/")
                if key in keys:
                    continue
                if _is_tzif(path):
                    keys.add(key)
    keys.discard("posixrules")
    return keys
