"""Utilities to compile possibly incomplete Python source code.

compile_command() tells a complete command (compiled to a code object)
from an incomplete one (None, more input is needed) and from an invalid
one (SyntaxError, OverflowError or ValueError), the way the interactive
interpreter decides whether to print the continuation prompt.
"""

import warnings

__all__ = ["compile_command", "Compile", "CommandCompiler"]

PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000

_COMPILER_FLAG_NAMES = ('nested_scopes', 'generators', 'division',
                        'absolute_import', 'with_statement',
                        'print_function', 'unicode_literals',
                        'barry_as_FLUFL', 'generator_stop', 'annotations')

_BLOCK_KEYWORDS = frozenset(('if', 'for', 'while', 'def', 'class', 'with',
                             'try', 'async', 'match'))


def _only_blank_or_comments(source):
    for line in source.split("\n"):
        line = line.strip()
        if line and line[0] != '#':
            return False
    return True


def _open_block(source, symbol):
    """True if source in 'single' mode starts a compound statement that no
    final newline has closed yet: the interactive prompt keeps reading
    until an empty line ends the block."""
    if symbol != 'single' or source.endswith('\n'):
        return False
    for line in source.split('\n'):
        stripped = line.strip()
        if not stripped or stripped.startswith('#'):
            continue
        if stripped.startswith('@'):
            return True
        word = stripped.split(None, 1)[0].split(':', 1)[0].split('(', 1)[0]
        if word == 'match':     # a soft keyword: also a plain name
            return stripped.endswith(':')
        return word in _BLOCK_KEYWORDS
    return False


def _maybe_compile(compiler, source, filename, symbol, flags=0):
    if _only_blank_or_comments(source) and symbol != "eval":
        source = "pass"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (SyntaxWarning, DeprecationWarning))
        try:
            code = compiler(source, filename, symbol, flags)
        except SyntaxError:
            try:
                compiler(source + "\n", filename, symbol, flags)
                return None
            except _IncompleteInputError:
                return None
            except SyntaxError:
                pass
        else:
            if _open_block(source, symbol):
                return None
            return code
    # Compile again, warnings enabled, to raise the real error.
    return compiler(source, filename, symbol, flags, incomplete_input=False)


try:
    _IncompleteInputError = _IncompleteInputError
except NameError:
    import builtins as _builtins
    _IncompleteInputError = getattr(_builtins, '_IncompleteInputError',
                                    SyntaxError)
    if _IncompleteInputError is SyntaxError:
        class _IncompleteInputError(SyntaxError):
            """Never raised: this interpreter reports incomplete input as
            a SyntaxError whose message says so."""
    del _builtins


def _is_incomplete(exc):
    return isinstance(exc, _IncompleteInputError) or (
        type(exc) is SyntaxError and exc.msg == 'incomplete input')


def _compile(source, filename, symbol, flags=0, incomplete_input=True):
    flags |= PyCF_DONT_IMPLY_DEDENT
    if incomplete_input:
        flags |= PyCF_ALLOW_INCOMPLETE_INPUT
    try:
        return compile(source, filename, symbol, flags, True)
    except SyntaxError as exc:
        if incomplete_input and _is_incomplete(exc) \
                and not isinstance(exc, _IncompleteInputError):
            raise _IncompleteInputError(exc.msg) from None
        raise


def compile_command(source, filename="<input>", symbol="single", flags=0):
    """Compile source if it is a complete command.

    Returns a code object if the command is complete and valid, None if
    it is incomplete; raises SyntaxError, ValueError or OverflowError if
    it is invalid.  symbol is 'single' (default), 'exec' or 'eval'.
    """
    return _maybe_compile(_compile, source, filename, symbol, flags)


class Compile:
    """Like compile(), but remembers the __future__ statements it has
    compiled and compiles later sources with them in force."""

    def __init__(self):
        self.flags = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

    def __call__(self, source, filename, symbol, flags=0, **kwargs):
        flags |= self.flags
        if kwargs.get('incomplete_input', True) is False:
            flags &= ~PyCF_DONT_IMPLY_DEDENT
            flags &= ~PyCF_ALLOW_INCOMPLETE_INPUT
        try:
            codeob = compile(source, filename, symbol, flags, True)
        except SyntaxError as exc:
            if (flags & PyCF_ALLOW_INCOMPLETE_INPUT) and _is_incomplete(exc) \
                    and not isinstance(exc, _IncompleteInputError):
                raise _IncompleteInputError(exc.msg) from None
            raise
        self._remember_future(codeob)
        return codeob

    def _remember_future(self, codeob):
        import __future__
        for name in _COMPILER_FLAG_NAMES:
            feature = getattr(__future__, name, None)
            if feature is None:
                continue
            if codeob.co_flags & feature.compiler_flag:
                self.flags |= feature.compiler_flag


class CommandCompiler:
    """Like compile_command(), but remembers __future__ statements."""

    def __init__(self):
        self.compiler = Compile()

    def __call__(self, source, filename="<input>", symbol="single"):
        """Code object, None (incomplete) or raises (invalid); see
        compile_command()."""
        return _maybe_compile(self.compiler, source, filename, symbol)
