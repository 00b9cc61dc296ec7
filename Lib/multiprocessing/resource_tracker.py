"""The resource tracker: a small server process that remembers the named
semaphores and shared-memory segments its clients create, and removes the
ones still registered when every client is gone (all of them hold the
write end of its pipe, so it sees end-of-file then).

Protocol: one line per message, "CMD:name:rtype\\n" with CMD one of
REGISTER, UNREGISTER, PROBE; each line is written with a single write()
shorter than PIPE_BUF, so lines from different processes never mix."""

import os
import signal
import sys
import threading
import warnings

from . import spawn
from . import util

__all__ = ['ensure_running', 'register', 'unregister']

_HAVE_SIGMASK = hasattr(signal, 'pthread_sigmask')
_IGNORED_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _cleanup_semaphore(name):
    import _multiprocessing
    _multiprocessing.sem_unlink(name)


def _cleanup_shared_memory(name):
    import _posixshmem
    _posixshmem.shm_unlink(name)


_CLEANUP_FUNCS = {
    'noop': lambda name: None,
    'semaphore': _cleanup_semaphore,
    'shared_memory': _cleanup_shared_memory,
}


class ResourceTracker(object):
    """The client side: starts the tracker and sends it messages.  _lock
    protects _fd and _pid (reentrant: a finalizer run by the garbage
    collector inside a locked section may unregister a resource)."""

    def __init__(self):
        self._lock = threading.RLock()
        self._fd = None
        self._pid = None
        self._exitcode = None

    def _stop(self):
        with self._lock:
            if self._fd is None:
                return
            if self._pid is None:
                return
            os.close(self._fd)
            self._fd = None
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
            self._exitcode = os.waitstatus_to_exitcode(status)

    def getfd(self):
        self.ensure_running()
        return self._fd

    def ensure_running(self):
        """Starts the tracker unless this process already has one (its
        own, or its parent's, inherited)."""
        with self._lock:
            if self._fd is not None:
                if self._check_alive():
                    return
                # The tracker died: start another.
                os.close(self._fd)
                if self._pid is not None:
                    try:
                        os.waitpid(self._pid, 0)
                    except ChildProcessError:
                        pass
                self._fd = None
                self._pid = None
                warnings.warn('resource_tracker: process died unexpectedly, '
                              'relaunching.  Some resources might leak.')
            fds_to_pass = []
            try:
                fds_to_pass.append(sys.stderr.fileno())
            except Exception:
                pass
            r, w = os.pipe()
            try:
                fds_to_pass.append(r)
                exe = spawn.get_executable()
                args = [exe] + util._args_from_interpreter_flags()
                args += ['-c', 'from multiprocessing.resource_tracker '
                         'import main;main(%d)' % r]
                if _HAVE_SIGMASK:
                    signal.pthread_sigmask(signal.SIG_BLOCK, _IGNORED_SIGNALS)
                try:
                    pid = util.spawnv_passfds(exe, args, fds_to_pass)
                finally:
                    if _HAVE_SIGMASK:
                        signal.pthread_sigmask(signal.SIG_UNBLOCK,
                                               _IGNORED_SIGNALS)
            except BaseException:
                os.close(w)
                raise
            else:
                self._fd = w
                self._pid = pid
            finally:
                os.close(r)

    def _check_alive(self):
        try:
            os.write(self._fd, b'PROBE:0:noop\n')
        except OSError:
            return False
        return True

    def register(self, name, rtype):
        """Tells the tracker about a resource to remove at the end."""
        self._send('REGISTER', name, rtype)

    def unregister(self, name, rtype):
        """Tells the tracker a resource was removed (or handed over)."""
        self._send('UNREGISTER', name, rtype)

    def _send(self, cmd, name, rtype):
        self.ensure_running()
        msg = '{0}:{1}:{2}\n'.format(cmd, name, rtype).encode('ascii')
        if len(msg) > 512:
            raise ValueError('msg too long')
        nbytes = os.write(self._fd, msg)
        assert nbytes == len(msg), \
            "nbytes {0:n} but len(msg) {1:n}".format(nbytes, len(msg))


_resource_tracker = ResourceTracker()


def _fresh_lock(tracker):
    # Another thread may have held the lock when this child was forked.
    tracker._lock = threading.RLock()


util.register_after_fork(_resource_tracker, _fresh_lock)
ensure_running = _resource_tracker.ensure_running
register = _resource_tracker.register
unregister = _resource_tracker.unregister
getfd = _resource_tracker.getfd


def main(fd):
    """The tracker process: reads messages from fd until every writer is
    gone, then removes what is still registered."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if _HAVE_SIGMASK:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _IGNORED_SIGNALS)
    for f in (sys.stdin, sys.stdout):
        try:
            f.close()
        except Exception:
            pass
    cache = {rtype: set() for rtype in _CLEANUP_FUNCS}
    try:
        with open(fd, 'rb') as f:
            for line in f:
                try:
                    cmd, name, rtype = line.strip().decode('ascii').split(':')
                    cleanup_func = _CLEANUP_FUNCS.get(rtype, None)
                    if cleanup_func is None:
                        raise ValueError(
                            f'Cannot register {name} for automatic cleanup: '
                            f'unknown resource type {rtype}')
                    if cmd == 'REGISTER':
                        cache[rtype].add(name)
                    elif cmd == 'UNREGISTER':
                        cache[rtype].discard(name)
                    elif cmd == 'PROBE':
                        pass
                    else:
                        raise RuntimeError('unrecognized command %r' % cmd)
                except Exception:
                    try:
                        sys.excepthook(*sys.exc_info())
                    except BaseException:
                        pass
    finally:
        for rtype, rtype_cache in cache.items():
            if rtype_cache:
                try:
                    warnings.warn(
                        f'resource_tracker: There appear to be '
                        f'{len(rtype_cache)} leaked {rtype} objects to '
                        f'clean up at shutdown: {sorted(rtype_cache)}',
                        UserWarning)
                except Exception:
                    pass
            for name in rtype_cache:
                try:
                    _CLEANUP_FUNCS[rtype](name)
                except Exception as e:
                    try:
                        warnings.warn('resource_tracker: %r: %s' % (name, e))
                    except Exception:
                        pass
