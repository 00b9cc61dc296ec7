"""Run programs in child processes and talk to them through pipes.

The central class is Popen, which starts a program and gives access to
its standard streams, its pid and its exit status.  run() covers the
common case: start a program, feed it input, collect its output and exit
status into a CompletedProcess, with an optional timeout and an optional
check that it succeeded.  call(), check_call(), check_output(),
getoutput() and getstatusoutput() are older conveniences on top of it.

PIPE, STDOUT and DEVNULL are special values for Popen's stdin, stdout
and stderr arguments.  This implementation is for POSIX systems; the
child is started by _posixsubprocess.fork_exec.
"""

import builtins
import errno
import io
import os
import signal
import sys
import threading
import time
import types
import warnings

import _posixsubprocess
import selectors
from _posixsubprocess import fork_exec as _fork_exec

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

_mswindows = False
# This implementation always forks; the flags exist because tests and
# other modules look at them.
_USE_POSIX_SPAWN = False
_USE_VFORK = False

# communicate() multiplexes the pipes with this selector class (a
# module attribute so that it can be swapped, e.g. for SelectSelector).
if hasattr(selectors, 'PollSelector'):
    _PopenSelector = selectors.PollSelector
else:
    _PopenSelector = selectors.SelectSelector

PIPE = -1
STDOUT = -2
DEVNULL = -3

# Bytes written to a child's stdin at a time by communicate(): at most
# PIPE_BUF (select.PIPE_BUF where known), so that a write to a pipe the
# selector reported writable never blocks.
_PIPE_BUF = 512

_time = time.monotonic


# ---- exceptions and results -------------------------------------------------

class SubprocessError(Exception):
    """Base class for the errors of this module."""


class CalledProcessError(SubprocessError):
    """A process run by check_call(), check_output() or run(check=True)
    exited with a non-zero status.

    returncode is the exit status (negative: killed by that signal), cmd
    the command, output (also stdout) and stderr what was captured."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (
                    self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output, mirroring stderr."""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """The timeout expired while waiting for a child process.

    cmd and timeout describe the call; output (also stdout) and stderr
    hold what the child had written so far, or None."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (
            self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess(object):
    """What run() returns: the args, the returncode and the captured
    stdout and stderr (None when not captured) of a finished process."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        fields = ['args={!r}'.format(self.args),
                  'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            fields.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            fields.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(fields))

    __class_getitem__ = classmethod(types.GenericAlias)

    def check_returncode(self):
        """Raise CalledProcessError if the exit status is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args,
                                     self.stdout, self.stderr)


# ---- the convenience functions ----------------------------------------------

def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it and return its exit status.  The
    arguments are Popen's, plus timeout."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            # __exit__ waits for the killed child.
            raise


def check_call(*popenargs, **kwargs):
    """Run a command and wait for it; return 0, or raise
    CalledProcessError if its exit status is non-zero."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its standard output; raise
    CalledProcessError if its exit status is non-zero.  The arguments
    are run()'s, except stdout and check, which are set here."""
    for name in ('stdout', 'check'):
        if name in kwargs:
            raise ValueError(f'{name} argument not allowed, '
                             'it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        # input=None has always meant "empty input" here.
        wants_text = (kwargs.get('universal_newlines') or kwargs.get('text')
                      or kwargs.get('encoding') or kwargs.get('errors'))
        kwargs['input'] = '' if wants_text else b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    """Run a command, wait for it to finish and return a
    CompletedProcess.

    input is sent to the child's stdin; capture_output=True captures
    stdout and stderr; timeout (seconds) kills the child and raises
    TimeoutExpired when exceeded; check=True raises CalledProcessError
    for a non-zero exit status.  Other arguments are Popen's."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE

    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            # communicate() already stored the output read so far in
            # the exception.
            process.kill()
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """Run cmd in a shell; return (exitcode, output), output being its
    stdout and stderr together, as text, without a final newline."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """Run cmd in a shell and return its output (stdout and stderr) as
    text, without a final newline."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """Join a sequence of arguments into one command line quoted by the
    rules of the Microsoft C runtime: arguments are separated by spaces;
    an argument with a space or tab, or an empty one, is put in double
    quotes; a double quote is escaped with a backslash; backslashes are
    literal unless they precede a double quote, in which case they are
    doubled."""
    parts = []
    for arg in map(os.fsdecode, seq):
        quote = not arg or ' ' in arg or '\t' in arg
        out = []
        backslashes = 0
        for ch in arg:
            if ch == '\\':
                backslashes += 1
                continue
            if ch == '"':
                out.append('\\' * (2 * backslashes) + '\\"')
            else:
                out.append('\\' * backslashes + ch)
            backslashes = 0
        # Trailing backslashes double only when a closing quote follows.
        out.append('\\' * (backslashes * 2 if quote else backslashes))
        text = ''.join(out)
        parts.append('"' + text + '"' if quote else text)
    return ' '.join(parts)


# ---- helpers for other standard modules ------------------------------------

def _optim_args_from_interpreter_flags():
    """The -O options reproducing sys.flags.optimize."""
    value = sys.flags.optimize
    return ['-' + 'O' * value] if value > 0 else []


def _args_from_interpreter_flags():
    """Return a list of command-line arguments reproducing the current
    settings in sys.flags, sys.warnoptions and sys._xoptions."""
    flag_options = {
        'debug': 'd',
        'dont_write_bytecode': 'B',
        'no_site': 'S',
        'verbose': 'v',
        'bytes_warning': 'b',
        'quiet': 'q',
    }
    args = _optim_args_from_interpreter_flags()
    for flag, option in flag_options.items():
        value = getattr(sys.flags, flag, 0)
        if value > 0:
            args.append('-' + option * value)
    if getattr(sys.flags, 'isolated', 0):
        args.append('-I')
    else:
        if getattr(sys.flags, 'ignore_environment', 0):
            args.append('-E')
        if getattr(sys.flags, 'no_user_site', 0):
            args.append('-s')
        if getattr(sys.flags, 'safe_path', False):
            args.append('-P')
    warnopts = list(sys.warnoptions)
    xoptions = getattr(sys, '_xoptions', {})
    bytes_warning = getattr(sys.flags, 'bytes_warning', 0)
    dev_mode = getattr(sys.flags, 'dev_mode', False)
    # -b, -bb and -X dev add their own warnings filters: do not repeat them.
    if bytes_warning > 1:
        warnopts = [w for w in warnopts if w != "error::BytesWarning"]
    elif bytes_warning:
        warnopts = [w for w in warnopts if w != "default::BytesWarning"]
    if dev_mode:
        warnopts = [w for w in warnopts if w != 'default']
    for opt in warnopts:
        args.append('-W' + opt)
    if dev_mode:
        args.extend(('-X', 'dev'))
    for opt in ('faulthandler', 'tracemalloc', 'importtime',
                'frozen_modules', 'showrefcount', 'utf8', 'gil'):
        if opt in xoptions:
            value = xoptions[opt]
            args.append('-X' + (opt if value is True else f'{opt}={value}'))
    return args


# ---- Popen ------------------------------------------------------------------

# Popen objects garbage-collected while their child was still running:
# polled (and dropped once reaped) whenever a new Popen is created, so
# no zombie outlives the next Popen.  list.append/remove are atomic.
_active = []


def _cleanup():
    for inst in _active[:]:
        if inst._internal_poll(_deadstate=sys.maxsize) is not None:
            try:
                _active.remove(inst)
            except ValueError:
                pass


def _text_encoding():
    """The encoding of text-mode pipes when none is given: the locale's
    (UTF-8 in UTF-8 mode)."""
    if sys.flags.warn_default_encoding:
        # Blame the first caller outside this module, however many of
        # its functions (run, check_output, Popen) are in between.
        frame = sys._getframe(1)
        stacklevel = 2
        while frame.f_back is not None and frame.f_code.co_filename == __file__:
            frame = frame.f_back
            stacklevel += 1
        warnings.warn("'encoding' argument not specified.",
                      EncodingWarning, stacklevel=stacklevel)
    if sys.flags.utf8_mode:
        return "utf-8"
    try:
        import locale
        return locale.getencoding()
    except (ImportError, AttributeError):
        return "utf-8"


def _group_id(group):
    if isinstance(group, str):
        try:
            import grp
        except ImportError:
            raise ValueError("The group parameter cannot be a string "
                             "on systems without the grp module") from None
        gid = grp.getgrnam(group).gr_gid
    elif isinstance(group, int):
        gid = group
    else:
        raise TypeError("Group must be a string or an integer, not {}"
                        .format(type(group)))
    if gid < 0:
        raise ValueError(f"Group ID cannot be negative, got {gid}")
    return gid


def _extra_group_ids(extra_groups):
    gids = []
    for group in extra_groups:
        if isinstance(group, str):
            try:
                import grp
            except ImportError:
                raise ValueError("Items in extra_groups cannot be strings on "
                                 "systems without the grp module") from None
            gids.append(grp.getgrnam(group).gr_gid)
        elif isinstance(group, int):
            gids.append(group)
        else:
            raise TypeError("Items in extra_groups must be a string or "
                            "integer, not {}".format(type(group)))
    for gid in gids:
        if gid < 0:
            raise ValueError(f"Group ID cannot be negative, got {gid}")
    return gids


def _user_id(user):
    if isinstance(user, str):
        try:
            import pwd
        except ImportError:
            raise ValueError("The user parameter cannot be a string "
                             "on systems without the pwd module") from None
        uid = pwd.getpwnam(user).pw_uid
    elif isinstance(user, int):
        uid = user
    else:
        raise TypeError("User must be a string or an integer")
    if uid < 0:
        raise ValueError(f"User ID cannot be negative, got {uid}")
    return uid


class Popen:
    """Execute a child program in a new process.

    args is a sequence of program arguments or, with shell=True, a
    command string for /bin/sh.  stdin, stdout and stderr may each be
    PIPE, DEVNULL, an existing descriptor, a file object or None
    (inherit); stderr may also be STDOUT.  With text=True (or encoding,
    errors, universal_newlines) the pipes are text files.  See the
    library documentation for the other arguments.

    Several Popen objects may be used from several threads at once; one
    Popen object's wait()/poll() may also be called from several threads
    (reaping the child is serialised by a lock)."""

    _child_created = False   # __del__ may run on a half-made object

    def __init__(self, args, bufsize=-1, executable=None,
                 stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1, pipesize=-1,
                 process_group=None):
        _cleanup()
        # Serialises waitpid() on this child between threads: two
        # concurrent waitpid calls could reap it twice.
        self._waitpid_lock = threading.Lock()
        self._input = None
        self._communication_started = False
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if pipesize is None:
            pipesize = -1
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows "
                             "platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows "
                             "platforms")
        if pass_fds and not close_fds:
            warnings.warn("pass_fds overriding close_fds.", RuntimeWarning)
            close_fds = True

        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize

        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            self.encoding = encoding = _text_encoding()

        # Half a second to let a child handle a SIGINT that also reached
        # the parent before re-raising KeyboardInterrupt (see wait()).
        self._sigint_wait_secs = 0.25

        gid = None if group is None else _group_id(group)
        gids = None if extra_groups is None else _extra_group_ids(extra_groups)
        uid = None if user is None else _user_id(user)
        if process_group is None:
            process_group = -1

        (p2cread, p2cwrite,
         c2pread, c2pwrite,
         errread, errwrite) = self._get_handles(stdin, stdout, stderr)

        if self.text_mode:
            line_buffering = bufsize == 1
            if line_buffering:
                bufsize = -1
        else:
            line_buffering = False
            if bufsize == 1:
                warnings.warn("line buffering (buffering=1) isn't supported "
                              "in binary mode, the default buffer size will "
                              "be used", RuntimeWarning)

        self._closed_child_pipe_fds = False
        try:
            if p2cwrite != -1:
                self.stdin = io.open(p2cwrite, 'wb', bufsize)
                if self.text_mode:
                    self.stdin = io.TextIOWrapper(
                        self.stdin, write_through=True,
                        line_buffering=line_buffering,
                        encoding=encoding, errors=errors)
            if c2pread != -1:
                self.stdout = io.open(c2pread, 'rb', bufsize)
                if self.text_mode:
                    self.stdout = io.TextIOWrapper(
                        self.stdout, encoding=encoding, errors=errors)
            if errread != -1:
                self.stderr = io.open(errread, 'rb', bufsize)
                if self.text_mode:
                    self.stderr = io.TextIOWrapper(
                        self.stderr, encoding=encoding, errors=errors)

            self._execute_child(args, executable, preexec_fn, close_fds,
                                pass_fds, cwd, env, shell,
                                p2cread, p2cwrite, c2pread, c2pwrite,
                                errread, errwrite, restore_signals,
                                gid, gids, uid, umask,
                                start_new_session, process_group)
        except:
            for f in (self.stdin, self.stdout, self.stderr):
                if f is not None:
                    try:
                        f.close()
                    except OSError:
                        pass
            if not self._closed_child_pipe_fds:
                leftovers = []
                if stdin == PIPE:
                    leftovers.append(p2cread)
                if stdout == PIPE:
                    leftovers.append(c2pwrite)
                if stderr == PIPE:
                    leftovers.append(errwrite)
                if hasattr(self, '_devnull'):
                    leftovers.append(self._devnull)
                for fd in leftovers:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            raise

    def __repr__(self):
        text = (f"<{self.__class__.__name__}: "
                f"returncode: {self.returncode} args: {self.args!r}>")
        if len(text) > 80:
            text = text[:76] + "...>"
        return text

    __class_getitem__ = classmethod(types.GenericAlias)

    @property
    def universal_newlines(self):
        """Old name of text_mode."""
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, universal_newlines):
        self.text_mode = bool(universal_newlines)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            if exc_type == KeyboardInterrupt:
                # The child most likely got the same SIGINT: give it a
                # moment to end, but do not block the user's ^C.
                if self._sigint_wait_secs > 0:
                    try:
                        self._wait(timeout=self._sigint_wait_secs)
                    except TimeoutExpired:
                        pass
                self._sigint_wait_secs = 0
            else:
                self.wait()

    def __del__(self, _maxsize=sys.maxsize, _warn=warnings.warn):
        if not self._child_created:
            return
        if self.returncode is None:
            _warn("subprocess %s is still running" % self.pid,
                  ResourceWarning, source=self)
        # Reap it if it is done; otherwise _cleanup() will, later.
        self._internal_poll(_deadstate=_maxsize)
        if self.returncode is None and _active is not None:
            _active.append(self)

    # ---- standard streams ----

    def _get_devnull(self):
        if not hasattr(self, '_devnull'):
            self._devnull = os.open(os.devnull, os.O_RDWR)
        return self._devnull

    def _make_pipe(self):
        read_fd, write_fd = os.pipe()
        if self.pipesize > 0:
            try:
                _posixsubprocess.set_pipe_size(write_fd, self.pipesize)
            except BaseException:
                os.close(read_fd)
                os.close(write_fd)
                raise
        return read_fd, write_fd

    def _get_handles(self, stdin, stdout, stderr):
        """The six descriptors (p2cread, p2cwrite, c2pread, c2pwrite,
        errread, errwrite) for the child's standard streams; -1 where
        a stream is inherited or the parent keeps no end."""
        p2cread = p2cwrite = -1
        c2pread = c2pwrite = -1
        errread = errwrite = -1

        if stdin is None:
            pass
        elif stdin == PIPE:
            p2cread, p2cwrite = self._make_pipe()
        elif stdin == DEVNULL:
            p2cread = self._get_devnull()
        elif isinstance(stdin, int):
            p2cread = stdin
        else:
            p2cread = stdin.fileno()

        if stdout is None:
            pass
        elif stdout == PIPE:
            c2pread, c2pwrite = self._make_pipe()
        elif stdout == DEVNULL:
            c2pwrite = self._get_devnull()
        elif isinstance(stdout, int):
            c2pwrite = stdout
        else:
            c2pwrite = stdout.fileno()

        if stderr is None:
            pass
        elif stderr == PIPE:
            errread, errwrite = self._make_pipe()
        elif stderr == STDOUT:
            if c2pwrite != -1:
                errwrite = c2pwrite
            else:
                errwrite = sys.__stdout__.fileno()
        elif stderr == DEVNULL:
            errwrite = self._get_devnull()
        elif isinstance(stderr, int):
            errwrite = stderr
        else:
            errwrite = stderr.fileno()

        return (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _close_pipe_fds(self, p2cread, p2cwrite, c2pread, c2pwrite,
                        errread, errwrite):
        """Close the child's ends of the pipes we made (and /dev/null)
        in the parent; descriptors the caller passed in stay open."""
        devnull_fd = getattr(self, '_devnull', None)
        to_close = []
        if p2cread != -1 and p2cwrite != -1 and p2cread != devnull_fd:
            to_close.append(p2cread)
        if c2pwrite != -1 and c2pread != -1 and c2pwrite != devnull_fd:
            to_close.append(c2pwrite)
        if errwrite != -1 and errread != -1 and errwrite != devnull_fd:
            to_close.append(errwrite)
        if devnull_fd is not None:
            to_close.append(devnull_fd)
        first_error = None
        for fd in to_close:
            try:
                os.close(fd)
            except OSError as exc:
                if first_error is None:
                    first_error = exc
        self._closed_child_pipe_fds = True
        if first_error is not None:
            raise first_error

    # ---- starting the child ----

    def _execute_child(self, args, executable, preexec_fn, close_fds,
                       pass_fds, cwd, env, shell,
                       p2cread, p2cwrite, c2pread, c2pwrite,
                       errread, errwrite, restore_signals,
                       gid, gids, uid, umask,
                       start_new_session, process_group):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when '
                                'shell is true')
            args = [args]
        else:
            args = list(args)

        if shell:
            args = ['/bin/sh', '-c'] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]

        os._audit("subprocess.Popen", executable, args, cwd, env)

        orig_executable = executable
        # The child reports a failed exec on this pipe; it must not be
        # one of the descriptors 0-2 the child is about to replace.
        errpipe_read, errpipe_write = os.pipe()
        low_fds = []
        while errpipe_write < 3:
            low_fds.append(errpipe_write)
            errpipe_write = os.dup(errpipe_write)
        for fd in low_fds:
            os.close(fd)
        try:
            try:
                if env is not None:
                    env_list = []
                    for key, value in env.items():
                        key = os.fsencode(key)
                        if b'=' in key:
                            raise ValueError("illegal environment variable "
                                             "name")
                        env_list.append(key + b'=' + os.fsencode(value))
                else:
                    env_list = None
                executable = os.fsencode(executable)
                if os.path.dirname(executable):
                    executable_list = (executable,)
                else:
                    # The PATH search happens here: the child may not
                    # allocate, so it only tries the candidates in order.
                    executable_list = tuple(
                        os.path.join(os.fsencode(directory), executable)
                        for directory in os.get_exec_path(env))
                fds_to_keep = set(pass_fds)
                fds_to_keep.add(errpipe_write)
                self.pid = _fork_exec(
                    args, executable_list, close_fds,
                    tuple(sorted(map(int, fds_to_keep))),
                    cwd, env_list,
                    p2cread, p2cwrite, c2pread, c2pwrite,
                    errread, errwrite, errpipe_read, errpipe_write,
                    restore_signals, start_new_session, process_group,
                    gid, gids, uid, umask, preexec_fn)
                self._child_created = True
            finally:
                os.close(errpipe_write)

            self._close_pipe_fds(p2cread, p2cwrite, c2pread, c2pwrite,
                                 errread, errwrite)

            # EOF without data: exec succeeded (the pipe was close-on-exec).
            errpipe_data = bytearray()
            while True:
                part = os.read(errpipe_read, 50000)
                errpipe_data += part
                if not part or len(errpipe_data) > 50000:
                    break
        finally:
            os.close(errpipe_read)

        if errpipe_data:
            self._raise_child_error(errpipe_data, cwd, orig_executable)

    def _raise_child_error(self, errpipe_data, cwd, orig_executable):
        """Reap the child that failed to start, then raise the error it
        reported."""
        try:
            pid, sts = os.waitpid(self.pid, 0)
            if pid == self.pid:
                self._handle_exitstatus(sts)
            else:
                self.returncode = sys.maxsize
        except ChildProcessError:
            pass
        try:
            exception_name, hex_errno, err_msg = errpipe_data.split(b':', 2)
            err_msg = err_msg.decode()
            exc_type = getattr(builtins, exception_name.decode('ascii'),
                               SubprocessError)
        except (ValueError, UnicodeDecodeError):
            exc_type = SubprocessError
            hex_errno = b'0'
            err_msg = ('Bad exception data from child: {!r}'
                       .format(bytes(errpipe_data)))
        if not (isinstance(exc_type, type)
                and issubclass(exc_type, BaseException)):
            exc_type = SubprocessError
        if issubclass(exc_type, OSError) and hex_errno:
            errno_num = int(hex_errno, 16)
            if err_msg == "noexec:chdir":
                err_filename = cwd
            elif err_msg == "noexec":
                err_filename = None
            else:
                err_filename = orig_executable
            err_msg = os.strerror(errno_num) if errno_num != 0 else ""
            if err_filename is not None:
                raise exc_type(errno_num, err_msg, err_filename)
            raise exc_type(errno_num, err_msg)
        raise exc_type(err_msg)

    # ---- waiting ----

    def _handle_exitstatus(self, sts):
        """Set returncode from a wait status: -signal when killed or
        stopped, the exit code otherwise."""
        if os.WIFSTOPPED(sts):
            self.returncode = -os.WSTOPSIG(sts)
        else:
            self.returncode = os.waitstatus_to_exitcode(sts)

    def _internal_poll(self, _deadstate=None):
        """Reap the child if it has exited, without blocking.  If another
        thread is waiting for it, leave it to that thread."""
        if self.returncode is None:
            if not self._waitpid_lock.acquire(False):
                return None
            try:
                if self.returncode is not None:
                    return self.returncode
                pid, sts = os.waitpid(self.pid, os.WNOHANG)
                if pid == self.pid:
                    self._handle_exitstatus(sts)
            except OSError as e:
                if _deadstate is not None:
                    self.returncode = _deadstate
                elif e.errno == errno.ECHILD:
                    # Someone else reaped it (SIGCHLD set to SIG_IGN,
                    # for instance): its status is lost.
                    self.returncode = 0
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def poll(self):
        """Return the exit status if the child has ended, else None."""
        return self._internal_poll()

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - _time()

    def _try_wait(self, wait_flags):
        try:
            pid, sts = os.waitpid(self.pid, wait_flags)
        except ChildProcessError:
            # Reaped elsewhere: the status is lost.
            pid = self.pid
            sts = 0
        return (pid, sts)

    def _wait(self, timeout):
        if self.returncode is not None:
            return self.returncode
        if timeout is not None:
            endtime = _time() + timeout
            # Poll with a delay growing from 0.5 ms to 50 ms: waitpid
            # itself has no timeout.
            delay = 0.0005
            while True:
                if self._waitpid_lock.acquire(False):
                    try:
                        if self.returncode is not None:
                            break
                        pid, sts = self._try_wait(os.WNOHANG)
                        if pid == self.pid:
                            self._handle_exitstatus(sts)
                            break
                    finally:
                        self._waitpid_lock.release()
                remaining = self._remaining_time(endtime)
                if remaining <= 0:
                    raise TimeoutExpired(self.args, timeout)
                delay = min(delay * 2, remaining, .05)
                time.sleep(delay)
        else:
            while self.returncode is None:
                with self._waitpid_lock:
                    if self.returncode is not None:
                        break
                    pid, sts = self._try_wait(0)
                    if pid == self.pid:
                        self._handle_exitstatus(sts)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the child to end and return its exit status; raise
        TimeoutExpired after timeout seconds."""
        if timeout is not None:
            endtime = _time() + timeout
        try:
            return self._wait(timeout=timeout)
        except KeyboardInterrupt:
            # Give the child, which probably got the SIGINT too, a short
            # moment to exit so it is reaped; then re-raise.
            if timeout is not None:
                sigint_timeout = min(self._sigint_wait_secs,
                                     self._remaining_time(endtime))
            else:
                sigint_timeout = self._sigint_wait_secs
            self._sigint_wait_secs = 0
            try:
                self._wait(timeout=sigint_timeout)
            except TimeoutExpired:
                pass
            raise

    # ---- signals ----

    def send_signal(self, sig):
        """Send signal sig to the child, unless it has been reaped (its
        pid might belong to another process by now)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        """Send SIGTERM to the child."""
        self.send_signal(signal.SIGTERM)

    def kill(self):
        """Send SIGKILL to the child."""
        self.send_signal(signal.SIGKILL)

    # ---- communicate ----

    def communicate(self, input=None, timeout=None):
        """Send input to the child's stdin (then close it), read its
        stdout and stderr until EOF, wait for it to end; return
        (stdout_data, stderr_data), None for streams not piped.

        After TimeoutExpired, the call may be repeated: no output is
        lost."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")

        if (timeout is None and not self._communication_started
                and [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            # One pipe at most: plain blocking I/O on it is enough.
            stdout = None
            stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return (stdout, stderr)

        endtime = None if timeout is None else _time() + timeout
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        except KeyboardInterrupt:
            if timeout is not None:
                sigint_timeout = min(self._sigint_wait_secs,
                                     self._remaining_time(endtime))
            else:
                sigint_timeout = self._sigint_wait_secs
            self._sigint_wait_secs = 0
            try:
                self._wait(timeout=sigint_timeout)
            except TimeoutExpired:
                pass
            raise
        finally:
            self._communication_started = True
        self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _stdin_write(self, input):
        # A child that exits without reading its input is no error:
        # EPIPE (and EINVAL, which some systems give) are ignored.
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
            except OSError as exc:
                if exc.errno != errno.EINVAL:
                    raise
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass
        except OSError as exc:
            if exc.errno != errno.EINVAL:
                raise

    def _save_input(self, input):
        if self.stdin and self._input is None:
            self._input_offset = 0
            self._input = input
            if input is not None and self.text_mode:
                self._input = self._input.encode(self.stdin.encoding,
                                                 self.stdin.errors)

    def _check_timeout(self, endtime, orig_timeout, stdout_seq, stderr_seq,
                       skip_check_and_raise=False):
        if endtime is None:
            return
        if skip_check_and_raise or _time() > endtime:
            raise TimeoutExpired(
                self.args, orig_timeout,
                output=b''.join(stdout_seq) if stdout_seq else None,
                stderr=b''.join(stderr_seq) if stderr_seq else None)

    def _translate_newlines(self, data, encoding, errors):
        data = data.decode(encoding, errors)
        return data.replace("\r\n", "\n").replace("\r", "\n")

    def _communicate(self, input, endtime, orig_timeout):
        if self.stdin and not self._communication_started:
            # Data already written to a buffered stdin goes first.
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass

        if not self._communication_started:
            # Output collected so far, kept across a TimeoutExpired.
            self._fileobj2output = {}
            if self.stdout:
                self._fileobj2output[self.stdout] = []
            if self.stderr:
                self._fileobj2output[self.stderr] = []
        stdout = self._fileobj2output[self.stdout] if self.stdout else None
        stderr = self._fileobj2output[self.stderr] if self.stderr else None

        self._save_input(input)
        self._exchange_with_selector(endtime, orig_timeout, stdout, stderr)

        try:
            self.wait(timeout=self._remaining_time(endtime))
        except TimeoutExpired as exc:
            exc.timeout = orig_timeout
            raise

        if stdout is not None:
            stdout = b''.join(stdout)
        if stderr is not None:
            stderr = b''.join(stderr)
        if self.text_mode:
            if stdout is not None:
                stdout = self._translate_newlines(stdout, self.stdout.encoding,
                                                  self.stdout.errors)
            if stderr is not None:
                stderr = self._translate_newlines(stderr, self.stderr.encoding,
                                                  self.stderr.errors)
        return (stdout, stderr)

    def _exchange_with_selector(self, endtime, orig_timeout, stdout, stderr):
        """Write the pending input and read stdout and stderr to EOF,
        multiplexed on one thread."""
        if self._input:
            input_view = memoryview(self._input)
        import select
        pipe_buf = getattr(select, 'PIPE_BUF', _PIPE_BUF)
        with _PopenSelector() as selector:
            if self.stdin and not self.stdin.closed and self._input:
                selector.register(self.stdin, selectors.EVENT_WRITE)
            if self.stdout and not self.stdout.closed:
                selector.register(self.stdout, selectors.EVENT_READ)
            if self.stderr and not self.stderr.closed:
                selector.register(self.stderr, selectors.EVENT_READ)

            while selector.get_map():
                timeout = self._remaining_time(endtime)
                if timeout is not None and timeout < 0:
                    self._check_timeout(endtime, orig_timeout, stdout, stderr,
                                        skip_check_and_raise=True)
                ready = selector.select(timeout)
                self._check_timeout(endtime, orig_timeout, stdout, stderr)
                for key, events in ready:
                    if key.fileobj is self.stdin:
                        chunk = input_view[self._input_offset:
                                           self._input_offset + pipe_buf]
                        try:
                            self._input_offset += os.write(key.fd, chunk)
                        except BrokenPipeError:
                            selector.unregister(key.fileobj)
                            key.fileobj.close()
                        else:
                            if self._input_offset >= len(self._input):
                                selector.unregister(key.fileobj)
                                key.fileobj.close()
                    else:
                        data = os.read(key.fd, 32768)
                        if not data:
                            selector.unregister(key.fileobj)
                            key.fileobj.close()
                        self._fileobj2output[key.fileobj].append(data)
