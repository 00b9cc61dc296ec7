"""A dbm database stored in SQLite (the default dbm module since 3.13).

The file holds one table, Dict, of BLOB keys and values: the layout
CPython uses, so either can read the other's files.  Keys and values are
stored as bytes; str goes in as UTF-8 and other values (such as int)
through SQLite's CAST to BLOB.
"""

import os
import sqlite3
from collections.abc import MutableMapping
from pathlib import Path

__all__ = ["error", "open"]


class error(OSError):
    pass


_SCHEMA = ("CREATE TABLE IF NOT EXISTS Dict ("
           " key BLOB UNIQUE NOT NULL, value BLOB NOT NULL)")
_AS_BLOB = "CAST(? AS BLOB)"
_SQL_COUNT = "SELECT COUNT(key) FROM Dict"
_SQL_GET = "SELECT value FROM Dict WHERE key = " + _AS_BLOB
_SQL_PUT = ("REPLACE INTO Dict (key, value) VALUES (%s, %s)"
            % (_AS_BLOB, _AS_BLOB))
_SQL_DELETE = "DELETE FROM Dict WHERE key = " + _AS_BLOB
_SQL_KEYS = "SELECT key FROM Dict"

# flag -> (SQLite open mode, whether the file is created or truncated).
_MODES = {"r": ("ro", None), "w": ("rw", None),
          "c": ("rwc", "create"), "n": ("rwc", "truncate")}


def _file_uri(path, sqlite_mode):
    """The file: URI SQLite opens path with; as_uri() escapes the
    characters that would start a query or a fragment."""
    uri = Path(path).absolute().as_uri() + "?mode=" + sqlite_mode
    if sqlite_mode == "ro":
        # Read only: nothing may change the file, so SQLite need not
        # lock it either.
        uri += "&immutable=1"
    return uri


class _Database(MutableMapping):
    """An open database.  The sqlite3 connection serialises its users, so
    one object may be shared by threads."""

    def __init__(self, path, /, *, flag, mode):
        if getattr(self, "_connection", None) is not None:
            raise error("DBM object does not support reinitialization")
        self._connection = None
        try:
            sqlite_mode, file_action = _MODES[flag]
        except (KeyError, TypeError):
            raise ValueError("Flag must be one of 'r', 'w', 'c', or 'n', "
                             f"not {flag!r}") from None
        path = os.fsdecode(path)
        if file_action == "truncate":
            Path(path).unlink(missing_ok=True)
        if file_action is not None:
            Path(path).touch(mode=mode, exist_ok=True)
        try:
            self._connection = sqlite3.connect(
                _file_uri(path, sqlite_mode), uri=True, autocommit=True,
                check_same_thread=False)
        except sqlite3.Error as exc:
            raise error(str(exc)) from None
        if sqlite_mode != "ro":
            self._run(_SCHEMA)

    def _run(self, sql, parameters=()):
        """The rows of sql (a list); sqlite3 errors become dbm errors."""
        if self._connection is None:
            raise error("DBM object has already been closed")
        try:
            cursor = self._connection.execute(sql, parameters)
            try:
                rows = cursor.fetchall()
                self._rowcount = cursor.rowcount
            finally:
                cursor.close()
        except sqlite3.Error as exc:
            raise error(str(exc)) from None
        return rows

    def __len__(self):
        return self._run(_SQL_COUNT)[0][0]

    def __getitem__(self, key):
        rows = self._run(_SQL_GET, (key,))
        if not rows:
            raise KeyError(key)
        return rows[0][0]

    def __setitem__(self, key, value):
        self._run(_SQL_PUT, (key, value))

    def __delitem__(self, key):
        self._run(_SQL_DELETE, (key,))
        if not self._rowcount:
            raise KeyError(key)

    def __iter__(self):
        # A snapshot of the keys: the table may change while iterating.
        for (key,) in self._run(_SQL_KEYS):
            yield key

    def keys(self):
        return [key for (key,) in self._run(_SQL_KEYS)]

    def close(self):
        connection = self._connection
        self._connection = None
        if connection is not None:
            connection.close()

    def reorganize(self):
        """Give the space of deleted items back to the file system."""
        self._run("VACUUM")

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def open(filename, /, flag="r", mode=0o666):
    """Open the SQLite dbm database `filename`: flag 'r' (the default)
    read only, 'w' read and write, 'c' created when missing, 'n' always new
    and empty; mode: the permission bits of a file created."""
    return _Database(filename, flag=flag, mode=mode)
