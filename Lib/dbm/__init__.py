"""A common interface to the "dbm" key-value databases.

open(file, flag='r', mode=0o666) opens an existing database with the
module that created it (see whichdb()), or creates one with the first
available of dbm.sqlite3 and dbm.dumb.  Keys and values are bytes (str
is encoded as UTF-8).  flag is 'r' (read only), 'w' (read and write),
'c' (create if missing) or 'n' (always a new, empty database).
"""

import io
import os
import struct
import sys

__all__ = ["open", "whichdb", "error"]


class error(Exception):
    pass


# The modules open() may create a database with, in order of preference.
_names = ["dbm.sqlite3", "dbm.gnu", "dbm.ndbm", "dbm.dumb"]
_defaultmod = None
_modules = {}

# Every module's error class, so `except dbm.error` catches them all.
error = (error, OSError)


def _load_modules():
    global _defaultmod
    for name in _names:
        try:
            module = __import__(name, fromlist=["open"])
        except ImportError:
            continue
        if not _defaultmod:
            _defaultmod = module
        _modules[name] = module
    if not _defaultmod:
        raise ImportError("no dbm clone found; tried %s" % _names)


def open(file, flag="r", mode=0o666):
    """Open the database file: with the module that created it when it
    exists, else (flag 'c' or 'n') with the default module."""
    if _defaultmod is None:
        _load_modules()
    # 'n' always makes a new database, so the existing file's kind does
    # not matter.
    result = whichdb(file) if "n" not in flag else None
    if result is None:
        if "c" in flag or "n" in flag:
            module = _defaultmod
        else:
            raise error[0]("db file doesn't exist; "
                           "use 'c' or 'n' flag to create a new db")
    elif result == "":
        raise error[0]("db type could not be determined")
    elif result not in _modules:
        raise error[0]("db type is {0}, but the module is not "
                       "available".format(result))
    else:
        module = _modules[result]
    return module.open(file, flag, mode)


def whichdb(filename):
    """Which module made the database `filename`: "dbm.sqlite3",
    "dbm.dumb", "dbm.gnu" or "dbm.ndbm"; "" when the file exists but its
    kind is unknown; None when there is no such database."""
    filename = os.fsencode(filename)

    # dbm.ndbm: a .pag/.dir pair, or a Berkeley DB .db file.
    try:
        with io.open(filename + b".pag", "rb"):
            pass
        with io.open(filename + b".dir", "rb"):
            pass
        return "dbm.ndbm"
    except OSError:
        pass

    # dbm.dumb: a .dat file beside a .dir file (possibly empty).
    try:
        os.stat(filename + b".dat")
        size = os.stat(filename + b".dir").st_size
        if size == 0:
            return "dbm.dumb"
        with io.open(filename + b".dir", "rb") as f:
            if f.read(1) in (b"'", b'"'):
                return "dbm.dumb"
    except OSError:
        pass

    # The file itself, by its first bytes.
    try:
        f = io.open(filename, "rb")
    except OSError:
        return None
    with f:
        s16 = f.read(16)
    s = s16[0:4]
    if s16 == b"SQLite format 3\0":
        return "dbm.sqlite3"
    if len(s) != 4:
        return ""
    try:
        (magic,) = struct.unpack("=l", s)
    except struct.error:
        return ""
    if magic in (0x13579ace, 0x13579acd, 0x13579acf):
        return "dbm.gnu"
    return ""


if __name__ == "__main__":
    for filename in sys.argv[1:]:
        print(whichdb(filename) or "UNKNOWN", filename)
