"""Utilities to compile possibly incomplete Python source code.

compile_command() tells a complete command (compiled to a code object)
from an incomplete one (None: more input is needed) and from an invalid
one (SyntaxError, OverflowError or ValueError), the way the interactive
interpreter decides whether to print the continuation prompt.

The compiler does the deciding, given two flags: with
PyCF_ALLOW_INCOMPLETE_INPUT an error caused only by reaching the end of
the input raises _IncompleteInputError (a SyntaxError), and with
PyCF_DONT_IMPLY_DEDENT a block still open at the end of a source lacking
its final newline stays open instead of being closed.  A source that
fails but compiles once a newline is added is an open block waiting for
its terminating empty line: incomplete too.
"""

import __future__
import warnings

__all__ = ["compile_command", "Compile", "CommandCompiler"]

PyCF_DONT_IMPLY_DEDENT = 0x200
PyCF_ONLY_AST = 0x400
PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000

_features = [getattr(__future__, name)
             for name in __future__.all_feature_names]


def _only_blank_or_comments(source):
    for line in source.split("\n"):
        line = line.strip()
        if line and not line.startswith("#"):
            return False
    return True


def _maybe_compile(compiler, source, filename, symbol, flags=0):
    # A source of blank lines and comments is a complete, empty command.
    if symbol != "eval" and _only_blank_or_comments(source):
        source = "pass"

    # The probes run silently: their warnings would be repeated by the
    # final compilation.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (SyntaxWarning, DeprecationWarning))
        try:
            compiler(source, filename, symbol, flags)
        except SyntaxError:
            try:
                compiler(source + "\n", filename, symbol, flags)
                return None
            except _IncompleteInputError:
                return None
            except SyntaxError:
                pass    # invalid: the final compilation raises the error

    return compiler(source, filename, symbol, flags, incomplete_input=False)


def _compile(source, filename, symbol, flags=0, incomplete_input=True):
    if incomplete_input:
        flags |= PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT
    return compile(source, filename, symbol, flags)


def compile_command(source, filename="<input>", symbol="single", flags=0):
    """Compile source as one command, or tell that it is unfinished.

    filename names the source in messages and tracebacks; symbol is the
    start rule: 'single' (an interactive statement, the default), 'exec'
    or 'eval'; flags are extra compile() flags.  Returns a code object
    for a complete, valid command and None for one that more lines could
    complete; an invalid command raises SyntaxError (or ValueError or
    OverflowError for bad literals).
    """
    return _maybe_compile(_compile, source, filename, symbol, flags)


class Compile:
    """A compile() work-alike that keeps the __future__ features of every
    source it compiled in force for the sources that follow, as an
    interactive session needs."""

    def __init__(self):
        self.flags = PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT

    def __call__(self, source, filename, symbol, flags=0, **kwargs):
        flags |= self.flags
        if kwargs.get("incomplete_input", True) is False:
            flags &= ~(PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT)
        codeob = compile(source, filename, symbol, flags, True)
        for feature in _features:
            if codeob.co_flags & feature.compiler_flag:
                self.flags |= feature.compiler_flag
        return codeob


class CommandCompiler:
    """compile_command() with memory: __future__ statements of earlier
    commands stay in force for later ones."""

    def __init__(self):
        self.compiler = Compile()

    def __call__(self, source, filename="<input>", symbol="single"):
        """A code object, None (incomplete) or an exception (invalid), as
        compile_command() gives."""
        return _maybe_compile(self.compiler, source, filename, symbol)
