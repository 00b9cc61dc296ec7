"""Lends descriptors to other processes: DupFd(fd) pickles as an address
and a key; unpickling connects to this process's sharer thread, which
sends a duplicate of the descriptor once and forgets it."""

import os
import signal
import socket
import sys
import threading

from . import process
from .context import reduction
from . import util

__all__ = ['stop']


class DupFd(object):
    """A duplicate of fd that another process can fetch once."""

    def __init__(self, fd):
        new_fd = os.dup(fd)

        def send(conn, pid):
            reduction.send_handle(conn, new_fd, pid)

        def close():
            os.close(new_fd)
        self._id = _resource_sharer.register(send, close)

    def detach(self):
        """Fetches the descriptor from the lending process."""
        with _resource_sharer.get_connection(self._id) as conn:
            return reduction.recv_handle(conn)


class _ResourceSharer(object):
    """The sharer thread and its registry.  _lock protects _cache, _key,
    _listener and _thread: registration runs in any thread."""

    def __init__(self):
        self._key = 0
        self._cache = {}
        self._lock = threading.Lock()
        self._listener = None
        self._address = None
        self._thread = None
        util.register_after_fork(self, _ResourceSharer._afterfork)

    def register(self, send, close):
        """Registers a resource; returns its (address, key)."""
        with self._lock:
            if self._address is None:
                self._start()
            self._key += 1
            self._cache[self._key] = (send, close)
            return (self._address, self._key)

    @staticmethod
    def get_connection(ident):
        """A connection to the process lending ident, ready to receive."""
        from .connection import Client
        address, key = ident
        c = Client(address, authkey=process.current_process().authkey)
        c.send((key, os.getpid()))
        return c

    def stop(self, timeout=None):
        """Stops the sharer thread and closes what was never fetched."""
        from .connection import Client
        with self._lock:
            if self._address is not None:
                c = Client(self._address,
                           authkey=process.current_process().authkey)
                c.send(None)
                c.close()
                self._thread.join(timeout)
                self._listener.close()
                self._thread = None
                self._address = None
                self._listener = None
                for key, (send, close) in self._cache.items():
                    close()
                self._cache.clear()

    def _afterfork(self):
        for key, (send, close) in self._cache.items():
            close()
        self._cache.clear()
        self._lock._at_fork_reinit()
        if self._listener is not None:
            self._listener.close()
        self._listener = None
        self._address = None
        self._thread = None

    def _start(self):
        from .connection import Listener
        assert self._listener is None, "Already have Listener"
        self._listener = Listener(authkey=process.current_process().authkey,
                                  backlog=128)
        self._address = self._listener.address
        t = threading.Thread(target=self._serve, daemon=True)
        t.start()
        self._thread = t

    def _serve(self):
        if hasattr(signal, 'pthread_sigmask'):
            signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        while True:
            try:
                with self._listener.accept() as conn:
                    msg = conn.recv()
                    if msg is None:
                        break
                    key, destination_pid = msg
                    with self._lock:
                        send, close = self._cache.pop(key)
                    try:
                        send(conn, destination_pid)
                    finally:
                        close()
            except Exception:
                if not util.is_exiting():
                    sys.excepthook(*sys.exc_info())


_resource_sharer = _ResourceSharer()
stop = _resource_sharer.stop
