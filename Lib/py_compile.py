"""Compile Python source files to .pyc bytecode files.

A .pyc file is a 16-byte header -- importlib.util.MAGIC_NUMBER, a flags
word, then either the source's modification time and size or an 8-byte
hash of the source -- followed by the code object in marshal format.
"""

import builtins
import importlib.util
import marshal
import os
import sys

__all__ = ["compile", "main", "PyCompileError", "PycInvalidationMode"]


class PyCompileError(Exception):
    """A source file could not be compiled.

    PyCompileError(exc_type, exc_value, file, msg='') records the
    exception the compiler raised: exc_type_name (its class name),
    exc_value (the exception itself), file (the name the source was
    compiled under) and msg, the text to show: msg when given, else the
    SyntaxError formatted as in a traceback, or "Sorry: TYPE: VALUE" for
    any other error.
    """

    def __init__(self, exc_type, exc_value, file, msg=''):
        self.exc_type_name = exc_type.__name__
        self.exc_value = exc_value
        self.file = file
        if not msg:
            if exc_type is SyntaxError:
                msg = _format_syntax_error(exc_value).replace(
                    'File "<string>"', 'File "%s"' % file)
            else:
                msg = "Sorry: %s: %s" % (self.exc_type_name, exc_value)
        self.msg = msg
        super().__init__(msg, self.exc_type_name, exc_value, file)

    def __str__(self):
        return self.msg


def _format_syntax_error(error):
    """The text traceback.format_exception_only gives for a SyntaxError."""
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None:
        return "".join(traceback.format_exception_only(type(error), error))
    lines = []
    if error.filename is not None or error.lineno is not None:
        lines.append('  File "%s", line %s\n'
                     % (error.filename or "<string>", error.lineno))
    if error.text is not None:
        text = error.text.rstrip("\n")
        stripped = text.lstrip()
        lines.append("    %s\n" % stripped)
        if error.offset is not None and error.offset >= 1:
            caret = error.offset - 1 - (len(text) - len(stripped))
            width = 1
            if (error.end_offset is not None
                    and getattr(error, "end_lineno", None) == error.lineno
                    and error.end_offset > error.offset):
                width = error.end_offset - error.offset
            lines.append("    %s%s\n" % (" " * max(caret, 0), "^" * width))
    lines.append("%s: %s\n" % (type(error).__name__, error.msg))
    return "".join(lines)


class _InvalidationMode:
    """A member of PycInvalidationMode (used when the enum module is not
    available): compares by identity, orders nothing, has name and
    value."""

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return "<PycInvalidationMode.%s: %d>" % (self.name, self.value)

    def __str__(self):
        return "PycInvalidationMode." + self.name

    def __reduce__(self):
        return getattr, (PycInvalidationMode, self.name)


def _make_invalidation_mode():
    members = [("TIMESTAMP", 1), ("CHECKED_HASH", 2), ("UNCHECKED_HASH", 3)]
    try:
        import enum
    except ImportError:
        enum = None
    if enum is not None:
        return enum.Enum("PycInvalidationMode", members, module=__name__)

    class PycInvalidationMode:
        """How a pyc file is checked against its source."""

        def __iter__(self):
            return iter(self._members)

        def __call__(self, value):
            for member in self._members:
                if member.value == value or member is value:
                    return member
            raise ValueError("%r is not a valid PycInvalidationMode"
                             % (value,))

        def __getitem__(self, name):
            for member in self._members:
                if member.name == name:
                    return member
            raise KeyError(name)

        def __len__(self):
            return len(self._members)

    namespace = PycInvalidationMode()
    namespace._members = [_InvalidationMode(n, v) for n, v in members]
    for member in namespace._members:
        setattr(namespace, member.name, member)
    return namespace


PycInvalidationMode = _make_invalidation_mode()


_MASK64 = (1 << 64) - 1


def _rotl(x, bits):
    return ((x << bits) | (x >> (64 - bits))) & _MASK64


def _sip_round(v0, v1, v2, v3):
    v0 = (v0 + v1) & _MASK64
    v1 = _rotl(v1, 13) ^ v0
    v0 = _rotl(v0, 32)
    v2 = (v2 + v3) & _MASK64
    v3 = _rotl(v3, 16) ^ v2
    v0 = (v0 + v3) & _MASK64
    v3 = _rotl(v3, 21) ^ v0
    v2 = (v2 + v1) & _MASK64
    v1 = _rotl(v1, 17) ^ v2
    v2 = _rotl(v2, 32)
    return v0, v1, v2, v3


def _siphash13(key, data):
    """SipHash-1-3 keyed (key, 0): what the import system checks
    hash-based pycs with (Python/pyc_cache.c, _imp.source_hash)."""
    v0 = key ^ 0x736f6d6570736575
    v1 = 0x646f72616e646f6d
    v2 = key ^ 0x6c7967656e657261
    v3 = 0x7465646279746573
    whole = len(data) - len(data) % 8
    for i in range(0, whole, 8):
        m = int.from_bytes(data[i:i + 8], 'little')
        v3 ^= m
        v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
        v0 ^= m
    last = ((len(data) & 0xFF) << 56) | int.from_bytes(data[whole:], 'little')
    v3 ^= last
    v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
    v0 ^= last
    v2 ^= 0xFF
    for _ in range(3):
        v0, v1, v2, v3 = _sip_round(v0, v1, v2, v3)
    return v0 ^ v1 ^ v2 ^ v3


def _source_hash(source_bytes):
    """The 8-byte hash recorded in hash-based pycs for source_bytes."""
    source_hash = getattr(importlib.util, 'source_hash', None)
    if source_hash is not None:
        return source_hash(source_bytes)
    key = int.from_bytes(importlib.util.MAGIC_NUMBER, 'little')
    return _siphash13(key, bytes(source_bytes)).to_bytes(8, 'little')


def _get_default_invalidation_mode():
    # Reproducible builds (SOURCE_DATE_EPOCH) must not depend on mtimes.
    if os.environ.get('SOURCE_DATE_EPOCH'):
        return PycInvalidationMode.CHECKED_HASH
    return PycInvalidationMode.TIMESTAMP


def _pyc_header(flags, field1, field2):
    return (importlib.util.MAGIC_NUMBER + flags.to_bytes(4, 'little')
            + field1 + field2)


def _timestamp_pyc(code, mtime, size):
    header = _pyc_header(0, (int(mtime) & 0xFFFFFFFF).to_bytes(4, 'little'),
                         (size & 0xFFFFFFFF).to_bytes(4, 'little'))
    return header + marshal.dumps(code)


def _hash_pyc(code, source_hash, checked):
    if len(source_hash) != 8:
        raise ValueError("source hash must be 8 bytes long")
    flags = 0b01 | (0b10 if checked else 0)
    return _pyc_header(flags, source_hash[:4], source_hash[4:]) + \
        marshal.dumps(code)


def _write_atomic(path, data, mode):
    """Write data to path through a new file renamed over it, so that a
    concurrent reader never sees a partial file."""
    base = "{}.{}".format(path, id(path))
    for attempt in range(100):
        temp = base if attempt == 0 else "{}.{}".format(base, attempt)
        try:
            fd = os.open(temp, os.O_EXCL | os.O_CREAT | os.O_WRONLY,
                         mode & 0o666)
        except FileExistsError:
            continue
        break
    else:
        raise FileExistsError("no free temporary name for %r" % (path,))
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _calc_mode(path):
    """The mode for a pyc: its source's, plus write permission for us."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0o666
    return (mode | 0o200) & 0o777


def compile(file, cfile=None, dfile=None, doraise=False, optimize=-1,
            invalidation_mode=None, quiet=0):
    """Compile the source file `file` and write its bytecode to a .pyc
    file; return the path written, or None when the source did not
    compile and doraise is false.

    cfile: where to write; by default importlib.util.cache_from_source's
        path for the optimization level (the __pycache__ directory).
    dfile: the file name recorded in the code object (shown by
        tracebacks); by default `file`.
    doraise: on a compile error, raise PyCompileError instead of
        writing its message to sys.stderr.
    optimize: the compiler's optimization level (0, 1, 2), or -1 for the
        interpreter's own (-O).
    invalidation_mode: a PycInvalidationMode saying how the import system
        decides that the pyc is out of date: TIMESTAMP (the source's
        mtime and size, the default) or CHECKED_HASH / UNCHECKED_HASH (a
        hash of the source; the default when SOURCE_DATE_EPOCH is set).
    quiet: 2 suppresses the error message even with doraise.

    The file is written through a temporary file renamed into place, so
    a concurrent import never reads a partial pyc.  FileExistsError is
    raised when cfile is a symbolic link or another non-regular file,
    since the rename would replace it with a regular file.
    """
    if invalidation_mode is None:
        invalidation_mode = _get_default_invalidation_mode()
    if cfile is None:
        if optimize >= 0:
            optimization = optimize if optimize >= 1 else ''
            cfile = importlib.util.cache_from_source(file,
                                                     optimization=optimization)
        else:
            cfile = importlib.util.cache_from_source(file)
    if os.path.islink(cfile):
        msg = ('{} is a symlink and will be changed into a regular file if '
               'import writes a byte-compiled file to it')
        raise FileExistsError(msg.format(cfile))
    elif os.path.exists(cfile) and not os.path.isfile(cfile):
        msg = ('{} is a non-regular file and will be changed into a regular '
               'one if import writes a byte-compiled file to it')
        raise FileExistsError(msg.format(cfile))
    with open(file, 'rb') as f:
        source_bytes = f.read()
    try:
        code = builtins.compile(source_bytes, dfile or file, 'exec',
                                dont_inherit=True, optimize=optimize)
    except Exception as err:
        py_exc = PyCompileError(err.__class__, err, dfile or file)
        if quiet < 2:
            if doraise:
                raise py_exc
            else:
                sys.stderr.write(py_exc.msg + '\n')
        return
    try:
        dirname = os.path.dirname(cfile)
        if dirname:
            os.makedirs(dirname)
    except FileExistsError:
        pass
    if invalidation_mode == PycInvalidationMode.TIMESTAMP:
        st = os.stat(file)
        bytecode = _timestamp_pyc(code, st.st_mtime, st.st_size)
    else:
        source_hash = _source_hash(source_bytes)
        bytecode = _hash_pyc(
            code, source_hash,
            invalidation_mode == PycInvalidationMode.CHECKED_HASH)
    _write_atomic(cfile, bytecode, _calc_mode(file))
    return cfile


_USAGE = """\
usage: python -m py_compile [-h] [-q] filenames [filenames ...]

A simple command-line interface for py_compile module.

positional arguments:
  filenames    Files to compile

options:
  -h, --help   show this help message and exit
  -q, --quiet  Suppress error output
"""


def main():
    """Compile the files named on the command line ('-': read the names
    from standard input, one per line).  Exit status 1 on the first
    file that fails, with its error on stderr unless -q is given."""
    quiet = False
    filenames = []
    args = sys.argv[1:]
    only_names = False
    for arg in args:
        if not only_names and arg in ('-h', '--help'):
            sys.stdout.write(_USAGE)
            sys.exit(0)
        elif not only_names and arg in ('-q', '--quiet'):
            quiet = True
        elif not only_names and arg == '--':
            only_names = True
        elif not only_names and arg.startswith('-') and arg != '-':
            sys.stderr.write(_USAGE.split('\n\n')[0] + '\n')
            sys.stderr.write('py_compile: error: unrecognized arguments: %s\n'
                             % arg)
            sys.exit(2)
        else:
            filenames.append(arg)
    if not filenames:
        sys.stderr.write(_USAGE.split('\n\n')[0] + '\n')
        sys.stderr.write('py_compile: error: the following arguments are '
                         'required: filenames\n')
        sys.exit(2)
    if filenames == ['-']:
        filenames = [line.rstrip('\n') for line in sys.stdin.readlines()]
    for filename in filenames:
        try:
            compile(filename, doraise=True)
        except PyCompileError as error:
            if not quiet:
                sys.stderr.write(error.msg)
            sys.exit(1)
        except OSError as error:
            if not quiet:
                sys.stderr.write(str(error))
            sys.exit(1)


if __name__ == "__main__":
    main()
