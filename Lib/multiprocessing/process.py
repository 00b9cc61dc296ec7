"""BaseProcess, the process-object API shared by every start method, and
the current/parent process bookkeeping."""

__all__ = ['BaseProcess', 'current_process', 'active_children',
           'parent_process']

import itertools
import os
import signal
import sys
import threading

try:
    ORIGINAL_DIR = os.path.abspath(os.getcwd())
except OSError:
    ORIGINAL_DIR = None


def current_process():
    """The Process object of the calling process."""
    return _current_process


def active_children():
    """The live children of this process (joining the finished ones)."""
    _cleanup()
    return list(_children)


def parent_process():
    """The parent's Process object, or None in the main process."""
    return _parent_process


def _cleanup():
    # Reaps children that have ended, so that they leave _children.
    for p in list(_children):
        if (child_popen := p._popen) and child_popen.poll() is not None:
            _children.discard(p)


class BaseProcess(object):
    """A process object: run() in a separate process once start()ed.
    Subclasses of a context give _Popen, the start method."""

    _start_method = None

    def _Popen(self):
        raise NotImplementedError

    def __init__(self, group=None, target=None, name=None, args=(),
                 kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_process_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + \
            ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon
        _dangling.add(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """The work of the process: calls target(*args, **kwargs)."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Starts the process."""
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        self._popen = self._Popen(self)
        self._sentinel = self._popen.sentinel
        # The child has its own copies; the parent needs them no more.
        del self._target, self._args, self._kwargs
        _children.add(self)

    def interrupt(self):
        """Sends SIGINT (a KeyboardInterrupt in the child)."""
        self._check_closed()
        self._popen.interrupt()

    def terminate(self):
        """Sends SIGTERM."""
        self._check_closed()
        self._popen.terminate()

    def kill(self):
        """Sends SIGKILL."""
        self._check_closed()
        self._popen.kill()

    def join(self, timeout=None):
        """Waits until the process ends, or timeout seconds."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        res = self._popen.wait(timeout)
        if res is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the process is running."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        returncode = self._popen.poll()
        if returncode is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Releases the process's resources; it must have ended."""
        if self._popen is not None:
            if self._popen.poll() is None:
                raise ValueError("Cannot close a process while it is still "
                                 "running. You should first call join() or "
                                 "terminate().")
            self._popen.close()
            self._popen = None
            del self._sentinel
            _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        """Whether the process is daemonic: terminated when its parent
        exits, and not allowed children of its own."""
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config['authkey']

    @authkey.setter
    def authkey(self, authkey):
        self._config['authkey'] = AuthenticationString(authkey)

    @property
    def exitcode(self):
        """The exit code: None while running, -N if killed by signal N."""
        self._check_closed()
        if self._popen is None:
            return self._popen
        return self._popen.poll()

    @property
    def ident(self):
        """The process id (None before start)."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen and self._popen.pid

    pid = ident

    @property
    def sentinel(self):
        """A descriptor that becomes ready when the process ends."""
        self._check_closed()
        try:
            return self._sentinel
        except AttributeError:
            raise ValueError("process not started") from None

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._popen.poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen.pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            exitcode = _exitcode_to_name.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self, parent_sentinel=None):
        """Runs in the child: becomes the current process, runs run(),
        and returns the exit code."""
        from . import util, context
        global _current_process, _parent_process, _process_counter, _children
        try:
            if self._start_method is not None:
                context._force_start_method(self._start_method)
            _process_counter = itertools.count(1)
            _children = set()
            util._close_stdin()
            old_process = _current_process
            _current_process = self
            _parent_process = _ParentProcess(
                self._parent_name, self._parent_pid, parent_sentinel)
            main_thread = threading.main_thread()
            if hasattr(main_thread, '_set_native_id'):
                main_thread._set_native_id()
            try:
                self._after_fork()
            finally:
                del old_process
            util.info('child process calling self.run()')
            try:
                self.run()
                exitcode = 0
            finally:
                # Flushes queues and joins non-daemonic children.
                util._exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except:
            exitcode = 1
            import traceback
            sys.stderr.write('Process %s:\n' % self.name)
            traceback.print_exc()
        finally:
            threading._shutdown()
            util.info('process exiting with exitcode %d' % exitcode)
            util._flush_std_streams()
        return exitcode

    @staticmethod
    def _after_fork():
        from . import util
        util._finalizer_registry.clear()
        util._run_after_forkers()


class AuthenticationString(bytes):
    """The authentication key: bytes that refuse to be pickled except to
    start a child process."""

    def __reduce__(self):
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError(
                'Pickling an AuthenticationString object is '
                'disallowed for security reasons')
        return AuthenticationString, (bytes(self),)


class _ParentProcess(BaseProcess):
    """The parent as its child sees it."""

    def __init__(self, name, pid, sentinel):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._sentinel = sentinel
        self._config = {}

    def is_alive(self):
        from multiprocessing.connection import wait
        return not wait([self._sentinel], timeout=0)

    @property
    def ident(self):
        return self._pid

    def join(self, timeout=None):
        """Waits until the parent process ends."""
        from multiprocessing.connection import wait
        wait([self._sentinel], timeout=timeout)

    pid = ident


class _MainProcess(BaseProcess):
    """The process the program started in."""

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': AuthenticationString(os.urandom(32)),
                        'semprefix': '/mp'}

    def close(self):
        pass


# Module state shared by this process's threads.  _children is changed by
# single set operations (add, discard), each atomic in both builds, and
# read through list() copies; _process_counter's next() is atomic too.
# _current_process and _parent_process change only in a child's
# _bootstrap, before it runs any thread of its own.
_parent_process = None
_current_process = _MainProcess()
_process_counter = itertools.count(1)
_children = set()
del _MainProcess

_exitcode_to_name = {}
for _name, _signum in list(signal.__dict__.items()):
    if (_name[:3] == 'SIG' and '_' not in _name
            and isinstance(_signum, int)):
        _exitcode_to_name[-_signum] = f'-{_name}'
del _name, _signum

# Process objects not yet collected (for test suites that check leaks).
import weakref as _weakref
_dangling = _weakref.WeakSet()
