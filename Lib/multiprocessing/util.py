"""Helpers shared by the multiprocessing modules: logging, finalizers run
at exit, hooks run in a child after fork, the temporary directory, and
starting a fresh interpreter with chosen descriptors."""

import atexit
import itertools
import os
import sys
import threading
import weakref

from . import process

__all__ = [
    'sub_debug', 'debug', 'info', 'sub_warning', 'get_logger',
    'log_to_stderr', 'get_temp_dir', 'register_after_fork',
    'is_exiting', 'Finalize', 'ForkAwareThreadLock', 'ForkAwareLocal',
    'close_all_fds_except', 'SUBDEBUG', 'SUBWARNING',
]

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25
WARNING = 30

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

_logger = None
_log_to_stderr = False


def sub_debug(msg, *args):
    if _logger:
        _logger.log(SUBDEBUG, msg, *args, stacklevel=2)


def debug(msg, *args):
    if _logger:
        _logger.log(DEBUG, msg, *args, stacklevel=2)


def info(msg, *args):
    if _logger:
        _logger.log(INFO, msg, *args, stacklevel=2)


def warn(msg, *args):
    if _logger:
        _logger.log(WARNING, msg, *args, stacklevel=2)


def sub_warning(msg, *args):
    if _logger:
        _logger.log(SUBWARNING, msg, *args, stacklevel=2)


def get_logger():
    """The 'multiprocessing' logger, created on first use."""
    global _logger
    import logging
    with logging._lock:
        if not _logger:
            _logger = logging.getLogger(LOGGER_NAME)
            _logger.propagate = False
            logging.addLevelName(SUBDEBUG, 'SUBDEBUG')
            logging.addLevelName(SUBWARNING, 'SUBWARNING')
            # Exit handlers that log must run before logging's own.
            atexit.unregister(_exit_function)
            atexit.register(_exit_function)
    return _logger


def log_to_stderr(level=None):
    """Turns on logging to stderr; returns the logger."""
    global _log_to_stderr
    import logging
    logger = get_logger()
    formatter = logging.Formatter(DEFAULT_LOGGING_FORMAT)
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    _log_to_stderr = True
    return _logger


# ---- temporary directory ---------------------------------------------

def _remove_temp_dir(rmtree, tempdir):
    rmtree(tempdir, ignore_errors=True)
    # Finalizers also run before exit (_run_finalizers() by tests and
    # pool shutdowns): forget the directory so get_temp_dir() makes anew.
    current = process.current_process()
    if current is not None and current._config.get('tempdir') == tempdir:
        current._config['tempdir'] = None


def get_temp_dir():
    """A private directory for this process's sockets and arenas, removed
    at exit (or when the finalizers run).  The process's config holds it
    while it exists."""
    tempdir = process.current_process()._config.get('tempdir')
    if tempdir is None:
        import shutil
        import tempfile
        tempdir = tempfile.mkdtemp(prefix='pymp-')
        info('created temp directory %s', tempdir)
        Finalize(None, _remove_temp_dir, args=(shutil.rmtree, tempdir),
                 exitpriority=-100)
        process.current_process()._config['tempdir'] = tempdir
    return tempdir


# ---- after-fork hooks --------------------------------------------------

# (counter, id(obj), func) -> obj; the counter keeps registration order.
_afterfork_registry = weakref.WeakValueDictionary()
_afterfork_counter = itertools.count()


def _run_after_forkers():
    items = list(_afterfork_registry.items())
    items.sort()
    for (index, ident, func), obj in items:
        try:
            func(obj)
        except Exception as e:
            pass


def register_after_fork(obj, func):
    """Calls func(obj) in a child made by fork, while obj is alive."""
    _afterfork_registry[(next(_afterfork_counter), id(obj), func)] = obj


# ---- finalizers --------------------------------------------------------

# key (exitpriority, counter) -> Finalize.  Dict operations are atomic in
# both builds; _run_finalizers copies the keys before acting on them.
_finalizer_registry = {}
_finalizer_counter = itertools.count()


class Finalize(object):
    """Calls callback(*args, **kwargs) once: when obj is collected, when
    the Finalize object is called, or at exit if exitpriority is not None
    (higher priorities first, then latest registered first)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if exitpriority is not None and not isinstance(exitpriority, int):
            raise TypeError(
                "Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                    exitpriority, type(exitpriority)))
        if obj is not None:
            self._weakref = weakref.ref(obj, self)
        elif exitpriority is None:
            raise ValueError("Without object, exitpriority cannot be None")
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        """Runs the callback unless it already ran or was cancelled."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            return None
        if self._pid != os.getpid():
            # A forked child must not finalize its parent's resources.
            res = None
        else:
            res = self._callback(*self._args, **self._kwargs)
        self._weakref = self._callback = self._args = \
            self._kwargs = self._key = None
        return res

    def cancel(self):
        """Forgets the callback without calling it."""
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._weakref = self._callback = self._args = \
                self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry

    def __repr__(self):
        try:
            obj = self._weakref()
        except (AttributeError, TypeError):
            obj = None
        if obj is None:
            return '<%s object, dead>' % self.__class__.__name__
        x = '<%s object, callback=%s' % (
            self.__class__.__name__,
            getattr(self._callback, '__name__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    """Runs the pending finalizers whose priority is at least minpriority
    (all with a priority when minpriority is None), highest first."""
    if _finalizer_registry is None:
        return
    if minpriority is None:
        def wanted(p):
            return p[0] is not None
    else:
        def wanted(p):
            return p[0] is not None and p[0] >= minpriority
    keys = [key for key in list(_finalizer_registry) if wanted(key)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is None:
            continue
        try:
            finalizer()
        except Exception:
            import traceback
            traceback.print_exc()
    if minpriority is None:
        _finalizer_registry.clear()


_exiting = False


def is_exiting():
    """Whether this process is running its exit handlers."""
    return _exiting or _exiting is None


def _exit_function(info=info, debug=debug, _run_finalizers=_run_finalizers,
                   active_children=process.active_children,
                   current_process=process.current_process):
    # Runs at interpreter exit, and at the end of a child's _bootstrap.
    global _exiting
    if _exiting:
        return
    _exiting = True
    info('process shutting down')
    _run_finalizers(0)
    if current_process() is not None:
        for p in active_children():
            if p.daemon:
                p._popen.terminate()
        for p in active_children():
            p.join()
    _run_finalizers()


atexit.register(_exit_function)


# ---- fork-aware helpers -------------------------------------------------

class ForkAwareThreadLock(object):
    """A threading.Lock that a forked child gets back unlocked."""

    def __init__(self):
        self._lock = threading.Lock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        register_after_fork(self, ForkAwareThreadLock._at_fork_reinit)

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class ForkAwareLocal(threading.local):
    """A threading.local whose contents a forked child drops."""

    def __init__(self):
        register_after_fork(self, lambda obj: obj.__dict__.clear())

    def __reduce__(self):
        return type(self), ()


# ---- descriptors and child interpreters -----------------------------------

try:
    MAXFD = os.sysconf("SC_OPEN_MAX")
except Exception:
    MAXFD = 256


def close_all_fds_except(fds):
    """Closes every descriptor but those in fds."""
    fds = sorted(set(fds) | {-1, MAXFD})
    for lo, hi in zip(fds, fds[1:]):
        os.closerange(lo + 1, hi)


def close_fds(*fds):
    """Closes each descriptor."""
    for fd in fds:
        os.close(fd)


def _close_stdin():
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        fd = os.open(os.devnull, os.O_RDONLY)
        try:
            sys.stdin = open(fd, encoding="utf-8", closefd=False)
        except BaseException:
            os.close(fd)
            raise
    except (OSError, ValueError):
        pass


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _args_from_interpreter_flags():
    import subprocess
    return subprocess._args_from_interpreter_flags()


def spawnv_passfds(path, args, passfds):
    """Starts path with argv args in a new process that keeps only the
    descriptors passfds (and 0-2) open; returns its pid."""
    import _posixsubprocess
    passfds = tuple(sorted(map(int, passfds)))
    errpipe_read, errpipe_write = os.pipe()
    try:
        pid = _posixsubprocess.fork_exec(
            args, [os.fsencode(path)], True,
            tuple(sorted(set(passfds) | {errpipe_write})),
            None, None, -1, -1, -1, -1, -1, -1,
            errpipe_read, errpipe_write, False, False, -1,
            None, None, None, -1, None)
    finally:
        os.close(errpipe_write)
    try:
        data = b''
        while True:
            part = os.read(errpipe_read, 512)
            if not part:
                break
            data += part
    finally:
        os.close(errpipe_read)
    if data:
        os.waitpid(pid, 0)
        code = data.split(b':')
        errno = int(code[1], 16) if len(code) > 1 and code[1] else 0
        raise OSError(errno, os.strerror(errno), path)
    return pid


def _cleanup_tests():
    """Used by tests: forget the resource tracker and forkserver state a
    test started, stopping both."""
    from . import forkserver, resource_tracker
    forkserver._forkserver._stop()
    resource_tracker._resource_tracker._stop()
    _run_finalizers()


def is_abstract_socket_namespace(address):
    """Whether address names a Linux abstract socket (leading NUL)."""
    if not address:
        return False
    if isinstance(address, bytes):
        return address[0] == 0
    elif isinstance(address, str):
        return address[0] == "\0"
    raise TypeError(f'address type of {address!r} unrecognized')


abstract_sockets_supported = sys.platform == 'linux'
