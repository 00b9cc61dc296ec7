"""A simple, portable dbm written in Python.

A database is three files: NAME.dat holds the values, each in its own
run of 512-byte blocks; NAME.dir is the index, one line per key giving
the key and the (offset, size) of its value; NAME.bak is the previous
index, kept while a new one is written.  The index lives in memory and is
written back by sync() and close().  Values replaced by larger ones leave
their old blocks unused: the .dat file only grows.
"""

import ast
import collections.abc
import io
import os
import threading

__all__ = ["error", "open"]

_BLOCKSIZE = 512

error = OSError


class _Database(collections.abc.MutableMapping):
    """One open database.  A lock serialises writes, so threads may share
    it; the index dict is only changed under that lock."""

    def __init__(self, filebasename, mode, flag="c"):
        filebasename = os.fsencode(filebasename)
        self._mode = mode
        self._readonly = (flag == "r")
        self._lock = threading.RLock()
        self._dirfile = filebasename + b".dir"
        self._datfile = filebasename + b".dat"
        self._bakfile = filebasename + b".bak"
        # key (bytes) -> (offset, size) in the .dat file; None once closed.
        self._index = None
        self._create(flag)
        self._update(flag)

    def _create(self, flag):
        if flag == "n":
            for filename in (self._datfile, self._bakfile, self._dirfile):
                try:
                    os.remove(filename)
                except OSError:
                    pass
        # The data file must exist, and is made with `mode` when missing.
        try:
            f = io.open(self._datfile, "r", encoding="Latin-1")
        except OSError:
            if flag not in ("c", "n"):
                raise
            with io.open(self._datfile, "w", encoding="Latin-1") as f:
                self._chmod(self._datfile)
        else:
            f.close()

    def _update(self, flag):
        """Read the index from the .dir file."""
        self._modified = False
        self._index = {}
        try:
            f = io.open(self._dirfile, "r", encoding="Latin-1")
        except OSError:
            if flag not in ("c", "n"):
                raise
            self._modified = True
        else:
            with f:
                for line in f:
                    line = line.rstrip()
                    key, pos_and_siz_pair = ast.literal_eval(line)
                    key = key.encode("Latin-1")
                    self._index[key] = pos_and_siz_pair

    def _commit(self):
        """Write the index back: the old one moves to .bak first, so a
        crash leaves one complete index."""
        if self._index is None or not self._modified:
            return
        try:
            os.unlink(self._bakfile)
        except OSError:
            pass
        try:
            os.rename(self._dirfile, self._bakfile)
        except OSError:
            pass
        with io.open(self._dirfile, "w", encoding="Latin-1") as f:
            self._chmod(self._dirfile)
            for key, pos_and_siz_pair in self._index.items():
                entry = "%r, %r\n" % (key.decode("Latin-1"), pos_and_siz_pair)
                f.write(entry)
        self._modified = False

    sync = _commit

    def _verify_open(self):
        if self._index is None:
            raise error("DBM object has already been closed")

    def __getitem__(self, key):
        if isinstance(key, str):
            key = key.encode("utf-8")
        self._verify_open()
        pos, siz = self._index[key]     # may raise KeyError
        with io.open(self._datfile, "rb") as f:
            f.seek(pos)
            dat = f.read(siz)
        return dat

    def _addval(self, val):
        """Append val at the next block boundary of the .dat file;
        returns (offset, size)."""
        with io.open(self._datfile, "rb+") as f:
            f.seek(0, 2)
            pos = int(f.tell())
            npos = ((pos + _BLOCKSIZE - 1) // _BLOCKSIZE) * _BLOCKSIZE
            f.write(b"\0" * (npos - pos))
            pos = npos
            f.write(val)
        return (pos, len(val))

    def _setval(self, pos, val):
        """Overwrite the value at pos in place (it fits its blocks)."""
        with io.open(self._datfile, "rb+") as f:
            f.seek(pos)
            f.write(val)
        return (pos, len(val))

    def _addkey(self, key, pos_and_siz_pair):
        """Record a new key in memory and append it to the index file."""
        self._index[key] = pos_and_siz_pair
        with io.open(self._dirfile, "a", encoding="Latin-1") as f:
            self._chmod(self._dirfile)
            f.write("%r, %r\n" % (key.decode("Latin-1"), pos_and_siz_pair))

    def __setitem__(self, key, val):
        if self._readonly:
            raise error("The database is opened for reading only")
        if isinstance(key, str):
            key = key.encode("utf-8")
        elif not isinstance(key, (bytes, bytearray)):
            raise TypeError("keys must be bytes or strings")
        if isinstance(val, str):
            val = val.encode("utf-8")
        elif not isinstance(val, (bytes, bytearray)):
            raise TypeError("values must be bytes or strings")
        key = bytes(key)
        with self._lock:
            self._verify_open()
            self._modified = True
            if key not in self._index:
                self._addkey(key, self._addval(val))
            else:
                pos, siz = self._index[key]
                oldblocks = (siz + _BLOCKSIZE - 1) // _BLOCKSIZE
                newblocks = (len(val) + _BLOCKSIZE - 1) // _BLOCKSIZE
                if newblocks <= oldblocks:
                    self._index[key] = self._setval(pos, val)
                else:
                    # Too big for its blocks: a new place at the end.
                    self._index[key] = self._addval(val)
            # The .dir file written by _addkey is kept in step on disk
            # only for new keys; changed offsets wait for sync/close.

    def __delitem__(self, key):
        if self._readonly:
            raise error("The database is opened for reading only")
        if isinstance(key, str):
            key = key.encode("utf-8")
        with self._lock:
            self._verify_open()
            self._modified = True
            del self._index[key]
            # The index on disk must not name the key any more.
            self._commit()

    def keys(self):
        try:
            return list(self._index)
        except TypeError:
            raise error("DBM object has already been closed") from None

    def items(self):
        self._verify_open()
        return [(key, self[key]) for key in self._index.keys()]

    def __contains__(self, key):
        if isinstance(key, str):
            key = key.encode("utf-8")
        try:
            return key in self._index
        except TypeError:
            if self._index is None:
                raise error("DBM object has already been closed") from None
            raise

    def iterkeys(self):
        try:
            return iter(self._index)
        except TypeError:
            raise error("DBM object has already been closed") from None

    __iter__ = iterkeys

    def __len__(self):
        try:
            return len(self._index)
        except TypeError:
            raise error("DBM object has already been closed") from None

    def close(self):
        lock = getattr(self, "_lock", None)
        if lock is None:
            return      # __init__ failed before the database was set up
        with lock:
            try:
                self._commit()
            finally:
                self._index = None
                self._datfile = self._dirfile = self._bakfile = None

    __del__ = close

    def reorganize(self):
        """Rewrite the data file without the unused blocks (3.13)."""
        if self._readonly:
            raise error("The database is opened for reading only")
        with self._lock:
            self._verify_open()
            items = [(key, self[key]) for key in self._index]
            with io.open(self._datfile, "wb"):
                pass
            self._index = {}
            for key, value in items:
                self._index[key] = self._addval(value)
            self._modified = True
            self._commit()

    def _chmod(self, file):
        self._os_chmod(file, self._mode)

    _os_chmod = staticmethod(os.chmod)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def open(file, flag="c", mode=0o666):
    """Open the database `file` (the name without .dat/.dir).

    flag: 'r' read only, 'w' read and write, 'c' create when missing
    (the default), 'n' always new.  mode: the permission bits of files
    created, less the process umask.
    """
    # The umask applies, as it does for files os.open creates.
    try:
        um = os.umask(0)
        os.umask(um)
    except AttributeError:
        pass
    else:
        mode = mode & (~um)
    if flag not in ("r", "w", "c", "n"):
        raise ValueError("Flag must be one of 'r', 'w', 'c', or 'n'")
    return _Database(file, mode, flag=flag)
