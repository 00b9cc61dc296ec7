"""Iterate over the lines of several files (or stdin) as one stream.

    import fileinput
    for line in fileinput.input():
        process(line)

input() reads the files named in sys.argv[1:] ('-' or none at all means
standard input); lineno(), filename(), filelineno(), isfirstline() and
isstdin() describe the line just read, nextfile() skips the rest of the
current file and close() ends the iteration.  With inplace=True, output
printed while a file is read replaces that file (keeping the original as
file + backup when backup is given).  openhook(filename, mode) opens the
files; hook_compressed and hook_encoded are ready-made hooks.
"""

import io
import os
import sys
from types import GenericAlias

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno",
           "fileno", "isfirstline", "isstdin", "FileInput", "hook_compressed",
           "hook_encoded"]

# The FileInput behind the module-level functions.
_state = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None,
          encoding=None, errors=None):
    """Start iterating over the lines of files, through a FileInput that
    the other module functions then describe; RuntimeError while a
    previous one is still active."""
    global _state
    if _state and _state._file:
        raise RuntimeError("input() already active")
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def close():
    """Close the active input()."""
    global _state
    state = _state
    _state = None
    if state:
        state.close()


def _active():
    if not _state:
        raise RuntimeError("no active input()")
    return _state


def nextfile():
    """Skip the rest of the current file; the next line read comes from
    the next file."""
    return _active().nextfile()


def filename():
    """The name of the file the last line came from ('<stdin>' for
    standard input), or None before the first line."""
    return _active().filename()


def lineno():
    """The number of lines read so far, over all files."""
    return _active().lineno()


def filelineno():
    """The number of lines read so far from the current file."""
    return _active().filelineno()


def fileno():
    """The file descriptor of the current file, or -1 when none is open."""
    return _active().fileno()


def isfirstline():
    """Whether the last line read was the first of its file."""
    return _active().isfirstline()


def isstdin():
    """Whether the last line read came from standard input."""
    return _active().isstdin()


class FileInput:
    """The lines of a sequence of files (default sys.argv[1:], '-' being
    standard input) as one iterator, with the bookkeeping of the module
    functions as methods.  Usable as a context manager."""

    def __init__(self, files=None, inplace=False, backup="", *,
                 mode="r", openhook=None, encoding=None, errors=None):
        if isinstance(files, str):
            files = (files,)
        elif isinstance(files, os.PathLike):
            files = (os.fspath(files),)
        else:
            if files is None:
                files = sys.argv[1:]
            if not files:
                files = ("-",)
            else:
                files = tuple(files)
        self._files = files
        self._inplace = inplace
        self._backup = backup
        self._savestdout = None
        self._output = None
        self._filename = None
        self._startlineno = 0
        self._filelineno = 0
        self._file = None
        self._isstdin = False
        self._backupfilename = None
        self._encoding = encoding
        self._errors = errors

        # Text mode without an encoding reads with the locale's, which
        # -X warn_default_encoding reports, as for open().
        if (sys.flags.warn_default_encoding and "b" not in mode
                and encoding is None and openhook is None):
            import warnings
            warnings.warn("'encoding' argument not specified.",
                          EncodingWarning, 2)

        if mode not in ("r", "rb"):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        self._mode = mode
        self._write_mode = mode.replace("r", "w")
        if openhook:
            if inplace:
                raise ValueError("FileInput cannot use an opening hook in inplace mode")
            if not callable(openhook):
                raise ValueError("FileInput openhook must be callable")
        self._openhook = openhook

    def __del__(self):
        self.close()

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def nextfile(self):
        savestdout = self._savestdout
        self._savestdout = None
        if savestdout:
            sys.stdout = savestdout

        output = self._output
        self._output = None
        try:
            if output:
                output.close()
        finally:
            file = self._file
            self._file = None
            try:
                del self._readline      # back to the class's _readline
            except AttributeError:
                pass
            try:
                if file and not self._isstdin:
                    file.close()
            finally:
                backupfilename = self._backupfilename
                self._backupfilename = None
                if backupfilename and not self._backup:
                    try:
                        os.unlink(backupfilename)
                    except OSError:
                        pass
                self._isstdin = False

    def readline(self):
        while True:
            line = self._readline()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                return line
            self.nextfile()

    def _readline(self):
        """Open the next file and read its first line; the instance's
        _readline then reads straight from the open file until it ends."""
        if not self._files:
            return b"" if "b" in self._mode else ""
        self._filename = self._files[0]
        self._files = self._files[1:]
        self._startlineno = self.lineno()
        self._filelineno = 0
        self._file = None
        self._isstdin = False
        self._backupfilename = 0

        # Text files opened here use the given encoding, or UTF-8 under
        # UTF-8 Mode like open() itself.
        if "b" not in self._mode:
            encoding = self._encoding or "locale"
        else:
            encoding = None

        if self._filename == "-":
            self._filename = "<stdin>"
            if "b" in self._mode:
                self._file = getattr(sys.stdin, "buffer", sys.stdin)
            else:
                self._file = sys.stdin
            self._isstdin = True
        elif self._inplace:
            self._open_inplace(encoding)
        elif self._openhook:
            if self._encoding is None:
                self._file = self._openhook(self._filename, self._mode)
            else:
                self._file = self._openhook(self._filename, self._mode,
                                            encoding=self._encoding,
                                            errors=self._errors)
        else:
            self._file = open(self._filename, self._mode, encoding=encoding,
                              errors=self._errors)
        self._readline = self._file.readline
        return self._readline()

    def _open_inplace(self, encoding):
        """Move the file aside and send sys.stdout to a new file under its
        name, keeping the original's permission bits."""
        self._backupfilename = (
            os.fspath(self._filename) + (self._backup or ".bak"))
        try:
            os.unlink(self._backupfilename)
        except OSError:
            pass
        os.rename(self._filename, self._backupfilename)
        self._file = open(self._backupfilename, self._mode,
                          encoding=encoding, errors=self._errors)
        try:
            perm = os.fstat(self._file.fileno()).st_mode
        except OSError:
            self._output = open(self._filename, self._write_mode,
                                encoding=encoding, errors=self._errors)
        else:
            mode = os.O_CREAT | os.O_WRONLY | os.O_TRUNC
            fd = os.open(self._filename, mode, perm)
            self._output = os.fdopen(fd, self._write_mode,
                                     encoding=encoding, errors=self._errors)
            try:
                os.chmod(self._filename, perm)
            except OSError:
                pass
        self._savestdout = sys.stdout
        sys.stdout = self._output

    def filename(self):
        return self._filename

    def lineno(self):
        return self._startlineno + self._filelineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        if self._file:
            try:
                return self._file.fileno()
            except ValueError:
                return -1
        return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin

    __class_getitem__ = classmethod(GenericAlias)


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """An openhook that opens .gz and .bz2 files through gzip and bz2 (in
    text mode when mode asks for it) and other files with open()."""
    if encoding is None and "b" not in mode:
        encoding = "locale"
    ext = os.path.splitext(filename)[1]
    if ext == ".gz":
        import gzip
        stream = gzip.open(filename, mode)
    elif ext == ".bz2":
        import bz2
        stream = bz2.BZ2File(filename, mode)
    else:
        return open(filename, mode, encoding=encoding, errors=errors)
    if "b" not in mode:
        stream = io.TextIOWrapper(stream, encoding=encoding, errors=errors)
    return stream


def hook_encoded(encoding, errors=None):
    """An openhook that opens files with the given encoding and errors."""
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook


def _test():
    import getopt
    inplace = False
    backup = False
    opts, args = getopt.getopt(sys.argv[1:], "ib:")
    for o, a in opts:
        if o == "-i":
            inplace = True
        if o == "-b":
            backup = a
    for line in input(args, inplace=inplace, backup=backup):
        if line[-1:] == "\n":
            line = line[:-1]
        if line[-1:] == "\r":
            line = line[:-1]
        print("%d: %s[%d]%s %s" % (lineno(), filename(), filelineno(),
                                   isfirstline() and "*" or "", line))
    print("%d: %s[%d]" % (lineno(), filename(), filelineno()))


if __name__ == "__main__":
    _test()
