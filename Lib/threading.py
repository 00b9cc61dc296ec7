"""Thread objects and the synchronisation primitives built on _thread.

Thread, Lock, RLock, Condition, Semaphore, BoundedSemaphore, Event,
Barrier, Timer and local, as the threading module of Python 3.15
documents them.
"""

import sys as _sys
import _thread

from time import monotonic as _time
from _weakrefset import WeakSet as _WeakSet

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace',
           'setprofile_all_threads', 'settrace_all_threads',
           'serialize_iterator', 'synchronized_iterator', 'concurrent_tee']

_start_joinable_thread = _thread.start_joinable_thread
_daemon_threads_allowed = _thread.daemon_threads_allowed
_allocate_lock = _thread.allocate_lock
_LockType = _thread.LockType
_ThreadHandle = _thread._ThreadHandle
_make_thread_handle = _thread._make_thread_handle
_get_main_thread_ident = _thread._get_main_thread_ident
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _LockType
_CRLock = _thread.RLock
_local = _thread._local
_thread_after_fork_child = _thread._after_fork_child
del _thread

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for all threads started from now on."""
    global _profile_hook
    _profile_hook = func


def setprofile_all_threads(func):
    """Set a profile function for all threads, running or not."""
    setprofile(func)
    _sys._setprofileallthreads(func)


def getprofile():
    """The profile function set with setprofile(), or None."""
    return _profile_hook


def settrace(func):
    """Set a trace function for all threads started from now on."""
    global _trace_hook
    _trace_hook = func


def settrace_all_threads(func):
    """Set a trace function for all threads, running or not."""
    settrace(func)
    _sys._settraceallthreads(func)


def gettrace():
    """The trace function set with settrace(), or None."""
    return _trace_hook


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may acquire it again."""
    if args or kwargs:
        raise TypeError("RLock() takes no arguments")
    return _CRLock()


class _RLock:
    """The reentrant lock written in Python over a plain lock: the same
    behaviour as _thread.RLock, kept for code that wants to subclass or
    study it.  The owner and count are written only by the holder."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__, self.__class__.__qualname__,
            owner, self._count, hex(id(self)))

    def _at_fork_reinit(self):
        self._block._at_fork_reinit()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        """Acquire one level; return whether the lock is held."""
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        if not self._block.acquire(blocking, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    __enter__ = acquire

    def release(self):
        """Release one level; the lock is free once every level is."""
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, *exc_info):
        self.release()

    def locked(self):
        """Whether some thread holds the lock."""
        return self._block.locked()

    # Condition.wait releases every level and restores them afterwards.
    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _is_owned(self):
        return self._owner == get_ident()

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0


_PyRLock = _RLock


class Condition:
    """A condition variable: threads wait on it until another notifies.

    It is always associated with a lock (an RLock unless one is given),
    which must be held to wait or notify.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            method = getattr(lock, name, None)
            if method is not None:
                setattr(self, name, method)
        if hasattr(lock, '_at_fork_reinit'):
            self._at_fork_reinit_lock = lock._at_fork_reinit
        self._waiters = []

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: held and not acquirable means "owned".
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, wait until notified or the timeout expires,
        take the lock again; return False if the timeout expired."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true or the timeout expires; return the
        last value of predicate()."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up at most n threads waiting on this condition."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters.pop(0)
            try:
                waiter.release()
            except RuntimeError:
                # A waiter that timed out concurrently: skip it.
                continue
            n -= 1

    def notify_all(self):
        """Wake up every thread waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        import warnings
        warnings.warn('notifyAll() is deprecated, use notify_all() instead',
                      DeprecationWarning, stacklevel=2)
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements, blocking at zero, and release()
    increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        """Decrement the counter, waiting while it is zero; return whether
        it was decremented."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Increment the counter by n and wake waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose counter may not exceed its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        """Increment the counter by n; ValueError if that would exceed the
        initial value."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads can wait to become true."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        """Whether the flag is true."""
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        import warnings
        warnings.warn('isSet() is deprecated, use is_set() instead',
                      DeprecationWarning, stacklevel=2)
        return self.is_set()

    def set(self):
        """Make the flag true and wake every waiting thread."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Make the flag false."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Wait until the flag is true or the timeout expires; return the
        flag."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Makes a fixed number of threads wait until all of them arrive."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0      # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait until all parties have called wait(); return this thread's
        arrival index, from parties - 1 down to 0."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Return the barrier to its empty state; waiting threads get
        BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Put the barrier into the broken state."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        """The number of threads needed to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads waiting at the barrier."""
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        """Whether the barrier is broken."""
        return self._state == -2


# ---- sharing iterators between threads --------------------------------------
# Generators raise ValueError when two threads advance them at once, and most
# other iterators give no guarantee; these wrappers make the calls one at a time.

class serialize_iterator:
    """Wrap an iterator so that threads may share it safely.

    Calls to __next__ (and to send, throw and close when the wrapped
    iterator has them, as generators do) are made one at a time under a
    lock: each item goes to exactly one caller, none is duplicated or
    skipped, and nothing is buffered.
    """

    __slots__ = ('_iterator', '_lock', '__weakref__')

    def __init__(self, iterable):
        self._iterator = iter(iterable)
        self._lock = Lock()

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            return next(self._iterator)

    def _forward(self, name, *args):
        method = getattr(self._iterator, name, None)
        if method is None:
            raise AttributeError(
                f"{type(self._iterator).__name__!r} object has no attribute {name!r}")
        with self._lock:
            return method(*args)

    def send(self, value):
        return self._forward('send', value)

    def throw(self, *args):
        return self._forward('throw', *args)

    def close(self):
        return self._forward('close')

    def __repr__(self):
        return f"{type(self).__name__}({self._iterator!r})"


def synchronized_iterator(function):
    """Decorate a function returning iterators (such as a generator
    function) so that every iterator it returns is a serialize_iterator."""
    import functools

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return serialize_iterator(function(*args, **kwargs))
    return wrapper


class _ConcurrentTeeLink:
    """One value of a concurrent_tee stream and the link to the next one."""

    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _ConcurrentTeeSource:
    """The shared upstream iterator of a concurrent_tee, read under a lock."""

    __slots__ = ('iterator', 'lock')

    def __init__(self, iterator):
        self.iterator = iterator
        self.lock = Lock()


class _concurrent_tee:
    """One independent view of a concurrent_tee stream.  Each view keeps
    its place in a shared linked list of values; the list is extended from
    the upstream iterator under the source's lock, so views may be consumed
    by different threads.  A view itself belongs to one thread."""

    __slots__ = ('_source', '_link', '__weakref__')

    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        with self._source.lock:
            if link.next is None:
                value = next(self._source.iterator)
                link.value = value
                link.next = _ConcurrentTeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _concurrent_tee(self._source, self._link)


def concurrent_tee(iterable, n=2):
    """Like itertools.tee(), but the upstream iterator may be advanced on
    behalf of views consumed by different threads: return n independent
    iterators over the same values.  Each returned iterator must itself
    be consumed by one thread at a time (wrap it with serialize_iterator
    to share it)."""
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("n must be >= 0")
    source = _ConcurrentTeeSource(iter(iterable))
    start = _ConcurrentTeeLink()
    return tuple(_concurrent_tee(source, start) for _ in range(n))


# ---- threads ---------------------------------------------------------------

_counter_lock = _allocate_lock()
_counter_value = 0


def _newname(name_template):
    global _counter_value
    with _counter_lock:
        _counter_value += 1
        return name_template % _counter_value


# Threads that have started and not yet ended, by identity, and those
# being started; both guarded by _active_limbo_lock.
_active_limbo_lock = RLock()
_active = {}
_limbo = {}
# Non-daemon threads' handles, joined at shutdown.
_shutdown_locks_lock = _allocate_lock()
_shutdown_handles = set()
# Every Thread object still alive, as CPython keeps it: test helpers
# (test.support.threading_helper) read it to find threads a test leaked.
# WeakSet is safe to use from several threads.
_dangling = _WeakSet()


class Thread:
    """A thread of control: run() executes in a separate thread once
    start() is called."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None, context=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            if daemon and not _daemon_threads_allowed():
                raise RuntimeError('daemon threads are disabled in this '
                                   '(sub)interpreter')
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._context = context
        self._ident = None
        self._native_id = None
        self._handle = None
        self._started = Event()
        self._initialized = True
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()
        _dangling.add(self)

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._handle is not None and self._handle.is_done():
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{self.__class__.__name__}({self._name}, {status})>"

    def start(self):
        """Start the thread's activity: run() in a new thread.  At most once
        per Thread object."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        if self._context is None:
            # No explicit context: sys.flags.thread_inherit_context says
            # whether the thread starts in a copy of the caller's context
            # (the free-threaded build's default) or in an empty one.
            import _contextvars
            if _sys.flags.thread_inherit_context:
                self._context = _contextvars.copy_context()
            else:
                self._context = _contextvars.Context()
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            self._handle = _start_joinable_thread(self._bootstrap,
                                                  daemon=self._daemonic)
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        if not self._daemonic:
            with _shutdown_locks_lock:
                _shutdown_handles.add(self._handle)
        self._started.wait()

    def run(self):
        """The thread's activity: calls the target with the arguments given
        to the constructor.  Subclasses may override it."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Break reference cycles through the arguments.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_native_id()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()
            if _trace_hook:
                _sys.settrace(_trace_hook)
            if _profile_hook:
                _sys.setprofile(_profile_hook)
            try:
                if self._context is not None:
                    self._context.run(self.run)
                else:
                    self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _delete(self):
        with _active_limbo_lock:
            _active.pop(get_ident(), None)
        if not self._daemonic:
            with _shutdown_locks_lock:
                _shutdown_handles.discard(self._handle)

    def join(self, timeout=None):
        """Wait until the thread ends or the timeout (seconds) expires."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is not None:
            timeout = max(timeout, 0)
        self._handle.join(timeout)

    @property
    def name(self):
        """A string used for identification only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """The thread's identity (get_ident()) once started, else None."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """The kernel's id for the thread once started, else None."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Whether the thread is running: from just before run() starts
        until just after it ends."""
        assert self._initialized, "Thread.__init__() not called"
        return (self._started.is_set() and self._handle is not None
                and not self._handle.is_done())

    @property
    def daemon(self):
        """Whether the thread is a daemon thread: the program exits without
        waiting for daemon threads."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if daemonic and not _daemon_threads_allowed():
            raise RuntimeError('daemon threads are disabled in this interpreter')
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Deprecated getter of daemon."""
        import warnings
        warnings.warn('isDaemon() is deprecated, get the daemon attribute '
                      'instead', DeprecationWarning, stacklevel=2)
        return self.daemon

    def setDaemon(self, daemonic):
        """Deprecated setter of daemon."""
        import warnings
        warnings.warn('setDaemon() is deprecated, set the daemon attribute '
                      'instead', DeprecationWarning, stacklevel=2)
        self.daemon = daemonic

    def getName(self):
        """Deprecated getter of name."""
        import warnings
        warnings.warn('getName() is deprecated, get the name attribute '
                      'instead', DeprecationWarning, stacklevel=2)
        return self.name

    def setName(self, name):
        """Deprecated setter of name."""
        import warnings
        warnings.warn('setName() is deprecated, set the name attribute '
                      'instead', DeprecationWarning, stacklevel=2)
        self.name = name


# ---- excepthook ------------------------------------------------------------

class ExceptHookArgs(tuple):
    """The argument of threading.excepthook: exc_type, exc_value,
    exc_traceback and thread."""

    __slots__ = ()
    n_fields = n_sequence_fields = 4
    n_unnamed_fields = 0

    def __new__(cls, args):
        args = tuple(args)
        if len(args) != 4:
            raise TypeError(f"threading.ExceptHookArgs() takes a 4-sequence "
                            f"({len(args)}-sequence given)")
        return super().__new__(cls, args)

    exc_type = property(lambda self: self[0], doc="Exception type")
    exc_value = property(lambda self: self[1], doc="Exception value")
    exc_traceback = property(lambda self: self[2], doc="Exception traceback")
    thread = property(lambda self: self[3], doc="Thread")

    def __repr__(self):
        return ("threading.ExceptHookArgs(exc_type={!r}, exc_value={!r}, "
                "exc_traceback={!r}, thread={!r})".format(*self))


def excepthook(args, /):
    """Report an exception raised by Thread.run() on sys.stderr."""
    if args.exc_type == SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None:
        if args.thread is None:
            return
        stderr = args.thread._stderr
        if stderr is None:
            return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    _print_exception(args.exc_type, args.exc_value, args.exc_traceback,
                     stderr)
    stderr.flush()


def _print_exception(exc_type, exc_value, exc_tb, file):
    try:
        import traceback
    except ImportError:
        # Without the traceback module, the interpreter's own report.
        saved = _sys.stderr
        try:
            _sys.stderr = file
            _sys.__excepthook__(exc_type, exc_value, exc_tb)
        finally:
            _sys.stderr = saved
        return
    traceback.print_exception(exc_type, exc_value, exc_tb, file=file)


__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Captured now: at interpreter shutdown module globals may be gone.
    old_excepthook = excepthook
    old_sys_excepthook = _sys.excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if old_sys_excepthook is None:
        raise RuntimeError("sys.excepthook is None")
    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        global excepthook
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            local_print("Exception in threading.excepthook:",
                        file=stderr, flush=True)
            if local_sys is not None and local_sys.excepthook is not None:
                sys_excepthook = local_sys.excepthook
            else:
                sys_excepthook = old_sys_excepthook
            sys_excepthook(*sys_exc_info())
        finally:
            args = None
    return invoke_excepthook


# ---- Timer -----------------------------------------------------------------

class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after interval
    seconds unless cancel() is called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ---- the main thread and threads not started here ---------------------------

class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = _get_main_thread_ident()
        self._handle = _make_thread_handle(self._ident)
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return not self._handle.is_done()


class _DummyThread(Thread):
    """A thread started outside this module (e.g. by _thread directly):
    alive, daemonic, and never joinable."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._handle = _make_thread_handle(self._ident)
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        # A dummy thread is only ever seen by itself while it runs, so an
        # answer other than True means its state is broken (as CPython).
        if not self._handle.is_done() and self._started.is_set():
            return True
        raise RuntimeError("thread is not alive")

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


def current_thread():
    """The Thread object of the calling thread (a dummy one for a thread
    not started through this module)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Deprecated alias of current_thread()."""
    import warnings
    warnings.warn('currentThread() is deprecated, use current_thread() '
                  'instead', DeprecationWarning, stacklevel=2)
    return current_thread()


def active_count():
    """The number of Thread objects currently alive."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Deprecated alias of active_count()."""
    import warnings
    warnings.warn('activeCount() is deprecated, use active_count() instead',
                  DeprecationWarning, stacklevel=2)
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """The Thread objects currently alive, including daemonic threads,
    dummy threads and the main thread."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_main_thread = _MainThread()


def main_thread():
    """The main Thread object: the thread the interpreter started in."""
    return _main_thread


# ---- thread-local data ---------------------------------------------------------

# The C type (_thread._local): per-thread attribute dicts, released when
# the thread ends.  _threading_local keeps the pure-Python version.
local = _local


# ---- shutdown ---------------------------------------------------------------

_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) at shutdown, after the non-daemon threads
    are joined and before atexit handlers run."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Wait for every non-daemon thread; called by the interpreter at exit."""
    global _SHUTTING_DOWN
    if _main_thread._handle.is_done() and _SHUTTING_DOWN:
        return
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        _main_thread._handle._set_done()
    while True:
        with _shutdown_locks_lock:
            handles = list(_shutdown_handles)
            _shutdown_handles.clear()
        if not handles:
            break
        for handle in handles:
            handle.join()


# ---- fork --------------------------------------------------------------------

def _after_fork():
    """In a forked child only the forking thread exists: it becomes the
    main thread, the parent's other threads are marked finished (joining
    them returns at once, and shutdown no longer waits for them), and the
    module's locks, which they may have held, are made anew.

    Runs in the child before any other thread can exist, so nothing else
    touches the module's state meanwhile."""
    global _main_thread, _SHUTTING_DOWN
    # Also the threads that left _active but had not finished ending.
    _thread_after_fork_child()
    _active_limbo_lock._at_fork_reinit()
    _shutdown_locks_lock._at_fork_reinit()
    ident = get_ident()
    current = _active.get(ident) or _limbo.get(ident)
    if current is None:
        # Forked from a thread this module did not start.
        current = _main_thread
    for thread in list(_active.values()) + list(_limbo.values()):
        if thread is not current and thread._handle is not None:
            thread._handle._set_done()
    if current is not _main_thread:
        current._handle = _make_thread_handle(ident)
        _main_thread = current
    _active.clear()
    _limbo.clear()
    _active[ident] = current
    _shutdown_handles.clear()
    _SHUTTING_DOWN = False


try:
    from posix import register_at_fork as _register_at_fork
except ImportError:
    pass
else:
    _register_at_fork(after_in_child=_after_fork)
