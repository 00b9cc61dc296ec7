"""The forkserver start method.

A server process, started once (as a fresh interpreter, which may
preload modules, '__main__' by default), forks every child.  A client
connects to the server's Unix socket (mode 0600 in a private directory),
both sides prove they know the server's key, and the client sends the
child's two pipe ends, the server's liveness pipe and the resource
tracker's pipe.  The server forks, writes the child's pid to the status
pipe, and later the child's exit code; the client's end of that pipe is
its sentinel.

The child then reads its preparation data and process object from its
pipe exactly as a spawned child does (spawn._main)."""

import errno
import os
import selectors
import signal
import socket
import struct
import sys
import threading
import warnings

from . import connection
from . import process
from .context import reduction
from . import resource_tracker
from . import spawn
from . import util

__all__ = ['ensure_running', 'get_inherited_fds', 'connect_to_new_process',
           'set_forkserver_preload']

MAXFDS_TO_SEND = 256
SIGNED_STRUCT = struct.Struct('q')     # large enough for pid_t


class ForkServer(object):
    """The client side.  _lock protects every field: processes are
    started from any thread."""

    def __init__(self):
        self._forkserver_authkey = None
        self._forkserver_address = None
        self._forkserver_alive_fd = None
        self._forkserver_pid = None
        self._inherited_fds = None
        self._lock = threading.Lock()
        self._preload_modules = ['__main__']

    def _stop(self):
        with self._lock:
            self._stop_unlocked()

    def _stop_unlocked(self):
        if self._forkserver_pid is None:
            return
        # Closing the liveness pipe tells the server to exit.
        os.close(self._forkserver_alive_fd)
        self._forkserver_alive_fd = None
        os.waitpid(self._forkserver_pid, 0)
        self._forkserver_pid = None
        if not util.is_abstract_socket_namespace(self._forkserver_address):
            try:
                os.unlink(self._forkserver_address)
            except FileNotFoundError:
                pass
        self._forkserver_address = None
        self._forkserver_authkey = None

    def _after_fork(self):
        # A child made by fork has no server of its own yet.
        self._lock = threading.Lock()
        self._forkserver_pid = None
        self._forkserver_alive_fd = None
        self._forkserver_address = None
        self._forkserver_authkey = None

    def set_forkserver_preload(self, modules_names):
        """The modules the fork server imports before forking children."""
        if not all(type(mod) is str for mod in modules_names):
            raise TypeError('module_names must be a list of strings')
        self._preload_modules = modules_names

    def get_inherited_fds(self):
        """The descriptors a forkserver child inherited (beyond its own)."""
        return self._inherited_fds

    def connect_to_new_process(self, fds):
        """Asks the server for a child; returns (connection to the
        server, the child's pid).  fds are the child's pipe ends."""
        self.ensure_running()
        assert self._forkserver_authkey
        if len(fds) + 4 >= MAXFDS_TO_SEND:
            raise ValueError('too many fds')
        with socket.socket(socket.AF_UNIX) as client:
            client.connect(self._forkserver_address)
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            allfds = [child_r, child_w, self._forkserver_alive_fd,
                      resource_tracker.getfd()]
            allfds += fds
            try:
                wrapped = connection.Connection(client.fileno())
                try:
                    connection.answer_challenge(wrapped,
                                                self._forkserver_authkey)
                    connection.deliver_challenge(wrapped,
                                                 self._forkserver_authkey)
                finally:
                    wrapped._handle = None   # the socket keeps its fd
                reduction.sendfds(client, allfds)
                return parent_r, parent_w
            except:
                os.close(parent_r)
                os.close(parent_w)
                raise
            finally:
                os.close(child_r)
                os.close(child_w)

    def ensure_running(self):
        """Starts the server unless it is running."""
        with self._lock:
            resource_tracker.ensure_running()
            if self._forkserver_pid is not None:
                try:
                    pid, status = os.waitpid(self._forkserver_pid,
                                             os.WNOHANG)
                except ChildProcessError:
                    pid = self._forkserver_pid
                if not pid:
                    return
                # The server died: start another.
                os.close(self._forkserver_alive_fd)
                self._forkserver_address = None
                self._forkserver_alive_fd = None
                self._forkserver_pid = None

            main_path = sys_path = None
            if self._preload_modules:
                data = spawn.get_preparation_data('ignore')
                main_path = data.get('init_main_from_path')
                sys_path = data.get('sys_path')

            with socket.socket(socket.AF_UNIX) as listener:
                address = connection.arbitrary_address('AF_UNIX')
                listener.bind(address)
                if not util.is_abstract_socket_namespace(address):
                    os.chmod(address, 0o600)
                listener.listen()
                authkey = os.urandom(32)
                alive_r, alive_w = os.pipe()
                # The key reaches the server on a pipe, not its argv.
                key_r, key_w = os.pipe()
                try:
                    fds_to_pass = [listener.fileno(), alive_r, key_r]
                    cmd = ('from multiprocessing.forkserver import main; '
                           'main(%d, %d, %d, %r, %r, %r)'
                           % (listener.fileno(), alive_r, key_r,
                              self._preload_modules, main_path, sys_path))
                    exe = spawn.get_executable()
                    args = [exe] + util._args_from_interpreter_flags()
                    args += ['-c', cmd]
                    pid = util.spawnv_passfds(exe, args, fds_to_pass)
                    os.write(key_w, authkey)
                except:
                    os.close(alive_w)
                    raise
                finally:
                    os.close(alive_r)
                    os.close(key_r)
                    os.close(key_w)
                self._forkserver_address = address
                self._forkserver_alive_fd = alive_w
                self._forkserver_pid = pid
                self._forkserver_authkey = authkey


def main(listener_fd, alive_r, authkey_r, preload, main_path=None,
         sys_path=None):
    """The server: runs until alive_r reaches end-of-file."""
    authkey = b''
    while len(authkey) < 32:
        part = os.read(authkey_r, 32 - len(authkey))
        if not part:
            break
        authkey += part
    os.close(authkey_r)
    if preload:
        if sys_path is not None:
            sys.path[:] = sys_path
        if '__main__' in preload and main_path is not None:
            process.current_process()._inheriting = True
            try:
                spawn.import_main_path(main_path)
            except Exception:
                pass
            finally:
                del process.current_process()._inheriting
        for modname in preload:
            if modname == '__main__':
                continue
            try:
                __import__(modname)
            except ImportError:
                pass

    util._close_stdin()

    sig_r, sig_w = os.pipe()
    os.set_blocking(sig_r, False)
    os.set_blocking(sig_w, False)

    def sigchld_handler(*_unused):
        # The wakeup fd does the work: the main loop reaps children.
        pass

    handlers = {
        # Ctrl-C in the terminal reaches the whole process group: the
        # server itself ignores it, its children get the default.
        signal.SIGCHLD: sigchld_handler,
        signal.SIGINT: signal.SIG_IGN,
    }
    old_handlers = {sig: signal.signal(sig, val)
                    for (sig, val) in handlers.items()}
    os.set_blocking(sig_w, False)
    old_wakeup = signal.set_wakeup_fd(sig_w)

    # pid -> the client connection waiting for its exit code.
    pid_to_fd = {}

    with socket.socket(socket.AF_UNIX, fileno=listener_fd) as listener, \
            selectors.DefaultSelector() as selector:
        _forkserver._forkserver_address = listener.getsockname()
        selector.register(listener, selectors.EVENT_READ)
        selector.register(alive_r, selectors.EVENT_READ)
        selector.register(sig_r, selectors.EVENT_READ)

        while True:
            try:
                while True:
                    rfds = [key.fileobj for (key, events) in selector.select()]
                    if rfds:
                        break

                if alive_r in rfds:
                    # Every client is gone.
                    assert os.read(alive_r, 1) == b'', "Not at EOF?"
                    raise SystemExit

                if sig_r in rfds:
                    try:
                        os.read(sig_r, 65536)
                    except BlockingIOError:
                        pass
                    _reap(pid_to_fd)

                if listener in rfds:
                    with listener.accept()[0] as s:
                        try:
                            _serve_client(s, authkey, listener, alive_r,
                                          sig_r, sig_w, pid_to_fd,
                                          old_handlers, old_wakeup)
                        except _ChildExit as e:
                            os._exit(e.code)
            except OSError as e:
                if e.errno != errno.ECONNABORTED:
                    raise


class _ChildExit(BaseException):
    def __init__(self, code):
        self.code = code


def _reap(pid_to_fd):
    while True:
        try:
            pid, sts = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            break
        child_w = pid_to_fd.pop(pid, None)
        if child_w is not None:
            returncode = os.waitstatus_to_exitcode(sts)
            try:
                write_signed(child_w, returncode)
            except (BrokenPipeError, ConnectionResetError):
                pass
            os.close(child_w)
        else:
            warnings.warn('forkserver: waitpid returned '
                          'unexpected pid %d' % pid)


def _serve_client(s, authkey, listener, alive_r, sig_r, sig_w, pid_to_fd,
                  old_handlers, old_wakeup):
    # Runs in the server for one request; in the forked child it raises
    # _ChildExit instead of returning.
    wrapped = connection.Connection(s.fileno())
    try:
        connection.deliver_challenge(wrapped, authkey)
        connection.answer_challenge(wrapped, authkey)
    except (EOFError, OSError, connection.AuthenticationError):
        return
    finally:
        wrapped._handle = None
    try:
        fds = reduction.recvfds(s, MAXFDS_TO_SEND + 1)
    except (EOFError, RuntimeError):
        return
    if len(fds) > MAXFDS_TO_SEND:
        raise RuntimeError(
            "Too many ({0:n}) fds to send".format(len(fds)))
    child_r, child_w, *fds = fds
    s.close()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            listener.close()
            for fd in ((alive_r, child_w, sig_r, sig_w)
                       + tuple(pid_to_fd.values())):
                os.close(fd)
            signal.set_wakeup_fd(old_wakeup)
            for sig, val in old_handlers.items():
                signal.signal(sig, val)
            code = _serve_one(child_r, fds)
        except Exception:
            sys.excepthook(*sys.exc_info())
            sys.stderr.flush()
        finally:
            raise _ChildExit(code)
    else:
        try:
            write_signed(child_w, pid)
        except BrokenPipeError:
            pass
        pid_to_fd[pid] = child_w
        os.close(child_r)
        for fd in fds:
            os.close(fd)


def _serve_one(child_r, fds):
    # The forked child: fds are the client's end of the server's liveness
    # pipe (closed: it would keep the server alive while this child
    # runs), the tracker's pipe, then the client's extra descriptors.
    unused_alive, tracker_fd = fds[:2]
    os.close(unused_alive)
    _forkserver._forkserver_alive_fd = None
    _forkserver._inherited_fds = fds[2:]
    resource_tracker._resource_tracker._fd = tracker_fd
    parent_sentinel = os.dup(child_r)
    code = spawn._main(child_r, parent_sentinel)
    return code


def read_signed(fd):
    data = b''
    length = SIGNED_STRUCT.size
    while len(data) < length:
        s = os.read(fd, length - len(data))
        if not s:
            raise EOFError('unexpected EOF')
        data += s
    return SIGNED_STRUCT.unpack(data)[0]


def write_signed(fd, n):
    msg = SIGNED_STRUCT.pack(n)
    while msg:
        nbytes = os.write(fd, msg)
        if nbytes == 0:
            raise RuntimeError('should not get here')
        msg = msg[nbytes:]


_forkserver = ForkServer()
ensure_running = _forkserver.ensure_running
get_inherited_fds = _forkserver.get_inherited_fds
connect_to_new_process = _forkserver.connect_to_new_process
set_forkserver_preload = _forkserver.set_forkserver_preload
util.register_after_fork(_forkserver, ForkServer._after_fork)
