"""Reading a password without echoing it (getpass) and finding the
user's login name (getuser).

GetPassWarning is issued when the echo cannot be turned off, in which
case the password is read as a visible line.
"""

import contextlib
import io
import os
import sys
import warnings

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def _read_hidden(prompt, stream, tty_fd, echo_char):
    """Read a line from the terminal tty_fd with echo off (or echoing
    echo_char per character); None when echo cannot be controlled."""
    try:
        import termios
    except ImportError:
        return None
    try:
        old = termios.tcgetattr(tty_fd)
    except termios.error:
        return None
    new = list(old)
    new[6] = list(old[6])
    new[3] &= ~termios.ECHO
    if echo_char is not None:
        # Characters one at a time, so each can be answered with echo_char.
        new[3] &= ~termios.ICANON
        new[6][termios.VMIN] = 1
        new[6][termios.VTIME] = 0
    try:
        termios.tcsetattr(tty_fd, termios.TCSAFLUSH, new)
    except termios.error:
        return None
    try:
        stream.write(prompt)
        stream.flush()
        if echo_char is None:
            line = _readline_fd(tty_fd)
        else:
            line = _read_echoing(tty_fd, stream, echo_char)
        stream.write("\n")
        stream.flush()
        return line
    finally:
        termios.tcsetattr(tty_fd, termios.TCSAFLUSH, old)


def _readline_fd(fd):
    data = bytearray()
    while True:
        byte = os.read(fd, 1)
        if not byte:
            if not data:
                raise EOFError
            break
        if byte == b"\n":
            break
        data += byte
    return data.decode(sys.stdin.encoding or "utf-8", "replace")


def _read_echoing(fd, stream, echo_char):
    chars = []
    while True:
        byte = os.read(fd, 1)
        if not byte:
            if not chars:
                raise EOFError
            break
        if byte in (b"\n", b"\r"):
            break
        if byte in (b"\x7f", b"\b"):
            if chars:
                chars.pop()
                stream.write("\b \b")
                stream.flush()
            continue
        chars.append(byte.decode("latin-1"))
        stream.write(echo_char)
        stream.flush()
    return "".join(chars)


def unix_getpass(prompt="Password: ", stream=None, *, echo_char=None):
    """Write prompt to stream (default: the controlling terminal, else
    sys.stderr) and read a line from the terminal with echo off, or with
    echo_char (one printable ASCII character) shown per typed character.
    The terminal settings are always restored.  EOFError at end of input;
    without a terminal, warns (GetPassWarning) and reads from stdin.
    """
    _check_echo_char(echo_char)
    with contextlib.ExitStack() as stack:
        try:
            tty_fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
            tty = io.FileIO(tty_fd, "w+")
            stack.enter_context(tty)
            if stream is None:
                stream = io.TextIOWrapper(tty)
                stack.callback(stream.detach)
        except OSError:
            tty_fd = None
        if tty_fd is None:
            try:
                tty_fd = sys.stdin.fileno()
            except (AttributeError, ValueError):
                tty_fd = None
            if tty_fd is not None and not os.isatty(tty_fd):
                tty_fd = None
        if stream is None:
            stream = sys.stderr
        if tty_fd is not None:
            line = _read_hidden(prompt, stream, tty_fd, echo_char)
            if line is not None:
                return line
        return fallback_getpass(prompt, stream)


def _check_echo_char(echo_char):
    if echo_char is None:
        return
    if not isinstance(echo_char, str):
        raise TypeError("'echo_char' must be a str or None, not "
                        f"{type(echo_char).__name__}")
    if len(echo_char) != 1 or not echo_char.isprintable() or not echo_char.isascii():
        raise ValueError("'echo_char' must be a single printable ASCII "
                         f"character, got: {echo_char!r}")


def fallback_getpass(prompt="Password: ", stream=None, *, echo_char=None):
    _check_echo_char(echo_char)
    warnings.warn("Can not control echo on the terminal.", GetPassWarning,
                  stacklevel=2)
    if not stream:
        stream = sys.stderr
    print("Warning: Password input may be echoed.", file=stream)
    return _raw_input(prompt, stream)


def _raw_input(prompt="", stream=None, input=None):
    if not stream:
        stream = sys.stderr
    if not input:
        input = sys.stdin
    prompt = str(prompt)
    if prompt:
        try:
            stream.write(prompt)
        except UnicodeEncodeError:
            prompt = prompt.encode(stream.encoding, "replace")
            prompt = prompt.decode(stream.encoding)
            stream.write(prompt)
        stream.flush()
    line = input.readline()
    if not line:
        raise EOFError
    if line[-1] == "\n":
        line = line[:-1]
    return line


def getuser():
    """The login name: from LOGNAME, USER, LNAME or USERNAME, else from
    the password database; OSError when neither gives one."""
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    try:
        import pwd
        return pwd.getpwuid(os.getuid())[0]
    except (ImportError, KeyError) as e:
        raise OSError("No username set in the environment") from e


getpass = unix_getpass
