"""Persistent dictionaries of arbitrary picklable values.

A shelf maps str keys to any values pickle can store, over a dbm
database (or any mapping from bytes to bytes):

    import shelve
    with shelve.open("spam") as db:
        db["eggs"] = {"count": 3}

Values are pickled when stored and unpickled when read, so changing a
value read from the shelf changes a copy; assign it back to store the
change, or open with writeback=True to have values read kept in memory
and written back on sync() and close().
"""

import collections.abc
from io import BytesIO
from pickle import DEFAULT_PROTOCOL, Pickler, Unpickler

__all__ = ["Shelf", "BsdDbShelf", "DbfilenameShelf", "open"]


class _ClosedDict(collections.abc.MutableMapping):
    """Stands in for the dict of a closed shelf: every use fails."""

    def closed(self, *args):
        raise ValueError("invalid operation on closed shelf")

    __iter__ = __len__ = __getitem__ = __setitem__ = __delitem__ = keys = closed

    def __repr__(self):
        return "<Closed Dictionary>"


class Shelf(collections.abc.MutableMapping):
    """A mapping from str keys to pickled values over `dict`, a mapping
    from bytes to bytes.  Keys are encoded with keyencoding; protocol is
    the pickle protocol (default pickle.DEFAULT_PROTOCOL)."""

    def __init__(self, dict, protocol=None, writeback=False,
                 keyencoding="utf-8"):
        self.dict = dict
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        self._protocol = protocol
        self.writeback = writeback
        # Values read or stored since the last sync (writeback only).
        self.cache = {}
        self.keyencoding = keyencoding

    def __iter__(self):
        for k in self.dict.keys():
            yield k.decode(self.keyencoding)

    def __len__(self):
        return len(self.dict)

    def __contains__(self, key):
        return key.encode(self.keyencoding) in self.dict

    def get(self, key, default=None):
        if key.encode(self.keyencoding) in self.dict:
            return self[key]
        return default

    def __getitem__(self, key):
        try:
            value = self.cache[key]
        except KeyError:
            f = BytesIO(self.dict[key.encode(self.keyencoding)])
            value = Unpickler(f).load()
            if self.writeback:
                self.cache[key] = value
        return value

    def __setitem__(self, key, value):
        if self.writeback:
            self.cache[key] = value
        f = BytesIO()
        p = Pickler(f, self._protocol)
        p.dump(value)
        self.dict[key.encode(self.keyencoding)] = f.getvalue()

    def __delitem__(self, key):
        del self.dict[key.encode(self.keyencoding)]
        try:
            del self.cache[key]
        except KeyError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def close(self):
        if self.dict is None:
            return
        try:
            self.sync()
            try:
                self.dict.close()
            except AttributeError:
                pass
        finally:
            # A closed shelf fails clearly instead of writing to a closed
            # database; _ClosedDict may be gone during interpreter exit.
            try:
                self.dict = _ClosedDict()
            except:
                self.dict = None

    def __del__(self):
        if not hasattr(self, "writeback"):
            # __init__ did not finish.
            return
        self.close()

    def sync(self):
        if self.writeback and self.cache:
            self.writeback = False
            for key, entry in self.cache.items():
                self[key] = entry
            self.writeback = True
            self.cache = {}
        if hasattr(self.dict, "sync"):
            self.dict.sync()


class BsdDbShelf(Shelf):
    """A Shelf over a database with the Berkeley DB cursor methods
    first(), next(), previous(), last() and set_location(), which it
    offers too, returning (key, value) pairs."""

    def __init__(self, dict, protocol=None, writeback=False,
                 keyencoding="utf-8"):
        Shelf.__init__(self, dict, protocol, writeback, keyencoding)

    def _decoded(self, pair):
        key, value = pair
        f = BytesIO(value)
        return (key.decode(self.keyencoding), Unpickler(f).load())

    def set_location(self, key):
        return self._decoded(self.dict.set_location(key))

    def next(self):
        return self._decoded(next(self.dict))

    def previous(self):
        return self._decoded(self.dict.previous())

    def first(self):
        return self._decoded(self.dict.first())

    def last(self):
        return self._decoded(self.dict.last())


class DbfilenameShelf(Shelf):
    """A Shelf over the dbm database `filename`, opened with dbm.open and
    `flag`."""

    def __init__(self, filename, flag="c", protocol=None, writeback=False):
        import dbm
        Shelf.__init__(self, dbm.open(filename, flag), protocol, writeback)

    def clear(self):
        """Remove all items, emptying the database at once where it can."""
        self.cache.clear()
        if hasattr(self.dict, "clear"):
            self.dict.clear()
        else:
            super().clear()


def open(filename, flag="c", protocol=None, writeback=False):
    """Open the shelf `filename` (the dbm database of that name, created
    when flag allows: 'c', the default, or 'n'); see Shelf for protocol
    and writeback."""
    return DbfilenameShelf(filename, flag, protocol, writeback)
