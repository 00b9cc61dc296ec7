"""High-level I/O multiplexing on top of the select module.

A selector watches a set of file objects (anything with a fileno() method,
or a plain file descriptor) for readiness to read or write.  register()
attaches opaque data to each one; select() waits and reports which are
ready as (SelectorKey, events) pairs.  DefaultSelector is the most
efficient implementation available on this platform.
"""

import math
import select
from abc import ABCMeta, abstractmethod
from collections import namedtuple
from collections.abc import Mapping

__all__ = [
    "EVENT_READ", "EVENT_WRITE", "SelectorKey", "BaseSelector",
    "SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector",
    "KqueueSelector", "DefaultSelector",
]

EVENT_READ = 1 << 0
EVENT_WRITE = 1 << 1

_ALL_EVENTS = EVENT_READ | EVENT_WRITE


def _fileobj_to_fd(fileobj):
    """The file descriptor of fileobj: an int, or what its fileno() returns.

    ValueError if it has none or it is negative.
    """
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError(f"Invalid file object: {fileobj!r}") from None
    if fd < 0:
        raise ValueError(f"Invalid file descriptor: {fd}")
    return fd


SelectorKey = namedtuple("SelectorKey", ["fileobj", "fd", "events", "data"])
SelectorKey.__doc__ = """SelectorKey(fileobj, fd, events, data)

    Object used to associate a file object to its backing
    file descriptor, selected event mask, and attached data.
"""
SelectorKey.fileobj.__doc__ = "File object registered."
SelectorKey.fd.__doc__ = "Underlying file descriptor."
SelectorKey.events.__doc__ = "Events that must be waited for on this file object."
SelectorKey.data.__doc__ = ("Optional opaque data associated to this file object.\n"
                            "For example, this could be used to store a per-client session ID.")


class _SelectorMapping(Mapping):
    """Read-only view from file objects to their keys, for get_map()."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._fd_to_key)

    def get(self, fileobj, default=None):
        fd = self._selector._fileobj_lookup(fileobj)
        return self._selector._fd_to_key.get(fd, default)

    def __getitem__(self, fileobj):
        fd = self._selector._fileobj_lookup(fileobj)
        key = self._selector._fd_to_key.get(fd)
        if key is None:
            raise KeyError(f"{fileobj!r} is not registered")
        return key

    def __iter__(self):
        return iter(self._selector._fd_to_key)


class BaseSelector(metaclass=ABCMeta):
    """Abstract selector.

    A selector supports registering file objects to be monitored for
    specific I/O events.  Subclasses must implement register(),
    unregister(), select() and get_map(); modify() and get_key() have
    default implementations built on those.
    """

    @abstractmethod
    def register(self, fileobj, events, data=None):
        """Register a file object.

        fileobj is a file object or a file descriptor, events a mask of
        EVENT_READ and EVENT_WRITE, data any object.  Returns the new
        SelectorKey.  ValueError for a bad mask or file object, KeyError
        if it is already registered.
        """
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        """Unregister a file object and return its SelectorKey.

        KeyError if it is not registered.  A file object that was closed
        must be unregistered before it is closed.
        """
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        """Change a registered file object's events or data; return the new key."""
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    @abstractmethod
    def select(self, timeout=None):
        """Wait until some registered file objects become ready.

        timeout None waits without limit; a number <= 0 polls without
        blocking.  Returns a list of (key, events) for the ready file
        objects, events being the subset of key.events that is ready.
        """
        raise NotImplementedError

    def close(self):
        """Close the selector and free its resources."""
        pass

    def get_key(self, fileobj):
        """Return the SelectorKey of a registered file object.

        KeyError if it is not registered, RuntimeError once closed.
        """
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError("Selector is closed")
        try:
            return mapping[fileobj]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    @abstractmethod
    def get_map(self):
        """Return a mapping of file objects to selector keys."""
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _BaseSelectorImpl(BaseSelector):
    """The bookkeeping shared by the concrete selectors: keys by fd."""

    def __init__(self):
        self._fd_to_key = {}
        self._map = _SelectorMapping(self)

    def _fileobj_lookup(self, fileobj):
        """The fd of fileobj; for a file object that no longer has one
        (closed), the fd it was registered under."""
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            for key in self._fd_to_key.values():
                if key.fileobj is fileobj:
                    return key.fd
            raise

    def register(self, fileobj, events, data=None):
        if not events or events & ~_ALL_EVENTS:
            raise ValueError(f"Invalid events: {events!r}")
        key = SelectorKey(fileobj, self._fileobj_lookup(fileobj), events, data)
        if key.fd in self._fd_to_key:
            raise KeyError(f"{fileobj!r} (FD {key.fd}) is already registered")
        self._fd_to_key[key.fd] = key
        return key

    def unregister(self, fileobj):
        try:
            return self._fd_to_key.pop(self._fileobj_lookup(fileobj))
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None
        if events != key.events:
            self.unregister(fileobj)
            key = self.register(fileobj, events, data)
        elif data != key.data:
            key = key._replace(data=data)
            self._fd_to_key[key.fd] = key
        return key

    def close(self):
        self._fd_to_key.clear()
        self._map = None

    def get_map(self):
        return self._map

    def _key_from_fd(self, fd):
        """The key registered for fd, or None."""
        return self._fd_to_key.get(fd)


class SelectSelector(_BaseSelectorImpl):
    """Selector based on select.select()."""

    def __init__(self):
        super().__init__()
        self._readers = set()
        self._writers = set()

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        if events & EVENT_READ:
            self._readers.add(key.fd)
        if events & EVENT_WRITE:
            self._writers.add(key.fd)
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        self._readers.discard(key.fd)
        self._writers.discard(key.fd)
        return key

    def select(self, timeout=None):
        timeout = None if timeout is None else max(timeout, 0)
        try:
            readable, writable, _ = select.select(self._readers, self._writers,
                                                  [], timeout)
        except InterruptedError:
            return []
        readable = set(readable)
        writable = set(writable)
        ready = []
        for fd in readable | writable:
            key = self._key_from_fd(fd)
            if key is None:
                continue
            events = ((EVENT_READ if fd in readable else 0)
                      | (EVENT_WRITE if fd in writable else 0))
            ready.append((key, events & key.events))
        return ready

    def close(self):
        self._readers.clear()
        self._writers.clear()
        super().close()


class _PollLikeSelector(_BaseSelectorImpl):
    """Shared by the poll and epoll selectors: a poller object with
    register/modify/unregister/poll, and its READ and WRITE bits."""

    _selector_cls = None
    _EVENT_READ = None
    _EVENT_WRITE = None

    def __init__(self):
        super().__init__()
        self._selector = self._selector_cls()

    def _poller_mask(self, events):
        mask = 0
        if events & EVENT_READ:
            mask |= self._EVENT_READ
        if events & EVENT_WRITE:
            mask |= self._EVENT_WRITE
        return mask

    def register(self, fileobj, events, data=None):
        key = super().register(fileobj, events, data)
        try:
            self._selector.register(key.fd, self._poller_mask(events))
        except:
            super().unregister(fileobj)
            raise
        return key

    def unregister(self, fileobj):
        key = super().unregister(fileobj)
        try:
            self._selector.unregister(key.fd)
        except OSError:
            # The fd may have been closed already; the key is gone anyway.
            pass
        return key

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError(f"{fileobj!r} is not registered") from None
        if not events or events & ~_ALL_EVENTS:
            raise ValueError(f"Invalid events: {events!r}")
        changed = False
        if events != key.events:
            try:
                self._selector.modify(key.fd, self._poller_mask(events))
            except:
                super().unregister(fileobj)
                raise
            changed = True
        if data != key.data:
            changed = True
        if changed:
            key = key._replace(events=events, data=data)
            self._fd_to_key[key.fd] = key
        return key

    def _poll_timeout(self, timeout):
        """The poller's timeout argument for a selector timeout."""
        if timeout is None:
            return None
        if timeout <= 0:
            return 0
        # poll() counts milliseconds: round up so we never wake early.
        return math.ceil(timeout * 1e3)

    def _poll(self, timeout):
        return self._selector.poll(self._poll_timeout(timeout))

    def select(self, timeout=None):
        try:
            fd_events = self._poll(timeout)
        except InterruptedError:
            return []
        ready = []
        for fd, event in fd_events:
            events = 0
            if event & ~self._EVENT_READ:
                events |= EVENT_WRITE
            if event & ~self._EVENT_WRITE:
                events |= EVENT_READ
            key = self._key_from_fd(fd)
            if key is not None:
                ready.append((key, events & key.events))
        return ready


if hasattr(select, "poll"):

    class PollSelector(_PollLikeSelector):
        """Selector based on select.poll()."""

        _selector_cls = select.poll
        _EVENT_READ = select.POLLIN
        _EVENT_WRITE = select.POLLOUT


if hasattr(select, "epoll"):

    class EpollSelector(_PollLikeSelector):
        """Selector based on select.epoll()."""

        _selector_cls = select.epoll
        _EVENT_READ = select.EPOLLIN
        _EVENT_WRITE = select.EPOLLOUT

        def fileno(self):
            return self._selector.fileno()

        def _poll(self, timeout):
            if timeout is None:
                timeout = -1
            elif timeout <= 0:
                timeout = 0
            else:
                # epoll_wait() counts milliseconds: round up to a whole one.
                timeout = math.ceil(timeout * 1e3) * 1e-3
            # Asking for at least one event: epoll rejects maxevents=0.
            max_events = max(len(self._fd_to_key), 1)
            return self._selector.poll(timeout, max_events)

        def close(self):
            self._selector.close()
            super().close()


if hasattr(select, "devpoll"):

    class DevpollSelector(_PollLikeSelector):
        """Selector based on select.devpoll()."""

        _selector_cls = select.devpoll
        _EVENT_READ = select.POLLIN
        _EVENT_WRITE = select.POLLOUT

        def fileno(self):
            return self._selector.fileno()

        def close(self):
            self._selector.close()
            super().close()


if hasattr(select, "kqueue"):

    class KqueueSelector(_BaseSelectorImpl):
        """Selector based on select.kqueue()."""

        def __init__(self):
            super().__init__()
            self._selector = select.kqueue()
            self._max_events = 0

        def fileno(self):
            return self._selector.fileno()

        def _control(self, fd, flt, flags):
            kev = select.kevent(fd, flt, flags)
            self._selector.control([kev], 0, 0)

        def register(self, fileobj, events, data=None):
            key = super().register(fileobj, events, data)
            try:
                if events & EVENT_READ:
                    self._control(key.fd, select.KQ_FILTER_READ, select.KQ_EV_ADD)
                    self._max_events += 1
                if events & EVENT_WRITE:
                    self._control(key.fd, select.KQ_FILTER_WRITE, select.KQ_EV_ADD)
                    self._max_events += 1
            except:
                super().unregister(fileobj)
                raise
            return key

        def unregister(self, fileobj):
            key = super().unregister(fileobj)
            for flag, flt in ((EVENT_READ, select.KQ_FILTER_READ),
                              (EVENT_WRITE, select.KQ_FILTER_WRITE)):
                if key.events & flag:
                    self._max_events -= 1
                    try:
                        self._control(key.fd, flt, select.KQ_EV_DELETE)
                    except OSError:
                        pass
            return key

        def select(self, timeout=None):
            timeout = None if timeout is None else max(timeout, 0)
            max_events = max(self._max_events, 1)
            try:
                kevents = self._selector.control(None, max_events, timeout)
            except InterruptedError:
                return []
            ready = []
            for kev in kevents:
                events = 0
                if kev.filter == select.KQ_FILTER_READ:
                    events |= EVENT_READ
                if kev.filter == select.KQ_FILTER_WRITE:
                    events |= EVENT_WRITE
                key = self._key_from_fd(kev.ident)
                if key is not None:
                    ready.append((key, events & key.events))
            return ready

        def close(self):
            self._selector.close()
            super().close()


def _can_use(method):
    """Whether select.<method> exists and works on this system."""
    factory = getattr(select, method, None)
    if factory is None:
        return False
    try:
        poller = factory()
        if method == "poll":
            poller.poll(0)
        else:
            poller.close()
        return True
    except OSError:
        return False


# The most efficient implementation available on this platform.
if _can_use("kqueue"):
    DefaultSelector = KqueueSelector
elif _can_use("epoll"):
    DefaultSelector = EpollSelector
elif _can_use("devpoll"):
    DefaultSelector = DevpollSelector
elif _can_use("poll"):
    DefaultSelector = PollSelector
else:
    DefaultSelector = SelectSelector

