"""Utilities needed to emulate Python's interactive interpreter."""

import sys
import builtins
from codeop import CommandCompiler, compile_command

__all__ = ["InteractiveInterpreter", "InteractiveConsole", "interact",
           "compile_command"]


def _exception_lines(exc_type, value, tb):
    """Formatted traceback lines, through the traceback module when the
    interpreter has one, otherwise by a plain formatter of our own."""
    try:
        import traceback
        return traceback.format_exception(exc_type, value, tb)
    except (ImportError, AttributeError):
        pass
    import linecache
    lines = []
    if tb is not None:
        lines.append('Traceback (most recent call last):\n')
    while tb is not None:
        code = tb.tb_frame.f_code
        lines.append('  File "%s", line %d, in %s\n'
                     % (code.co_filename, tb.tb_lineno, code.co_name))
        source = linecache.getline(code.co_filename, tb.tb_lineno)
        if source.strip():
            lines.append('    %s\n' % source.strip())
        tb = tb.tb_next
    if isinstance(value, SyntaxError):
        lines.extend(_syntax_error_lines(value))
    name = exc_type.__qualname__
    if exc_type.__module__ not in ('builtins', '__main__'):
        name = exc_type.__module__ + '.' + name
    message = value.msg if isinstance(value, SyntaxError) else str(value)
    lines.append('%s: %s\n' % (name, message) if message else name + '\n')
    return lines


def _syntax_error_lines(err):
    lines = ['  File "%s", line %s\n' % (err.filename or '<string>',
                                        err.lineno)]
    text = err.text
    if text:
        text = text.rstrip('\n')
        stripped = text.lstrip()
        lines.append('    %s\n' % stripped)
        if err.offset:
            column = max(0, err.offset - 1 - (len(text) - len(stripped)))
            end = getattr(err, 'end_offset', None) or err.offset + 1
            width = max(1, min(end - err.offset, len(stripped) - column))
            if err.end_lineno not in (None, err.lineno):
                width = max(1, len(stripped) - column)
            lines.append('    %s%s\n' % (' ' * column, '^' * width))
    return lines


class InteractiveInterpreter:
    """Compiles and runs source in a namespace; keeps no input buffer."""

    def __init__(self, locals=None):
        if locals is None:
            locals = {"__name__": "__console__", "__doc__": None}
        self.locals = locals
        self.compile = CommandCompiler()

    def runsource(self, source, filename="<input>", symbol="single"):
        """Compile and run source.  Returns True when more input is
        needed (the command is incomplete), False otherwise (it ran, or
        a syntax error was reported)."""
        try:
            code = self.compile(source, filename, symbol)
        except (OverflowError, SyntaxError, ValueError):
            self.showsyntaxerror(filename, source=source)
            return False
        if code is None:
            return True
        self.runcode(code)
        return False

    def runcode(self, code):
        """Run a code object; exceptions other than SystemExit are shown."""
        try:
            exec(code, self.locals)
        except SystemExit:
            raise
        except BaseException:
            self.showtraceback()

    def showsyntaxerror(self, filename=None, **kwargs):
        """Report the syntax error just raised (no stack trace)."""
        exc_type, value, tb = sys.exc_info()
        if filename and issubclass(exc_type, SyntaxError):
            value.filename = filename
        self._report(exc_type, value, None)

    def showtraceback(self):
        """Report the exception just raised, minus the runcode frame."""
        exc_type, value, tb = sys.exc_info()
        self._report(exc_type, value, tb.tb_next if tb else None)

    def _report(self, exc_type, value, tb):
        sys.last_type, sys.last_value, sys.last_traceback = exc_type, value, tb
        sys.last_exc = value
        if value is not None:
            value.__traceback__ = tb
        if sys.excepthook is sys.__excepthook__:
            self.write(''.join(_exception_lines(exc_type, value, tb)))
        else:
            sys.excepthook(exc_type, value, tb)

    def write(self, data):
        """Write data to sys.stderr; override to send output elsewhere."""
        sys.stderr.write(data)


class _LocalQuitter:
    """exit()/quit() that end only the console they were installed by."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Use %s() or Ctrl-D (i.e. EOF) to exit' % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


class InteractiveConsole(InteractiveInterpreter):
    """Reads lines, buffers incomplete commands and runs complete ones,
    like the interactive prompt."""

    def __init__(self, locals=None, filename="<console>", *,
                 local_exit=False):
        InteractiveInterpreter.__init__(self, locals)
        self.filename = filename
        self.local_exit = local_exit
        self.resetbuffer()

    def resetbuffer(self):
        self.buffer = []

    def interact(self, banner=None, exitmsg=None):
        """Read-eval-print loop until EOF (or exit() with local_exit)."""
        ps1 = getattr(sys, 'ps1', '>>> ')
        ps2 = getattr(sys, 'ps2', '... ')
        if banner is None:
            self.write('Python %s on %s\nType "help", "copyright", "credits" '
                       'or "license" for more information.\n(%s)\n'
                       % (sys.version, sys.platform, type(self).__name__))
        elif banner:
            self.write('%s\n' % str(banner))
        saved_quitters = self._install_quitters()
        try:
            self._loop(ps1, ps2)
        finally:
            self._restore_quitters(saved_quitters)
        if exitmsg is None:
            self.write('now exiting %s...\n' % type(self).__name__)
        elif exitmsg != '':
            self.write('%s\n' % exitmsg)

    def _loop(self, ps1, ps2):
        more = False
        while True:
            try:
                try:
                    line = self.raw_input(str(ps2 if more else ps1))
                except EOFError:
                    self.write('\n')
                    return
                more = self.push(line)
            except KeyboardInterrupt:
                self.write('\nKeyboardInterrupt\n')
                self.resetbuffer()
                more = False
            except SystemExit:
                if self.local_exit:
                    return
                raise

    def _install_quitters(self):
        if not self.local_exit:
            return None
        saved = {}
        for name in ('exit', 'quit'):
            saved[name] = getattr(builtins, name, None)
            setattr(builtins, name, _LocalQuitter(name))
        return saved

    def _restore_quitters(self, saved):
        if saved is None:
            return
        for name, value in saved.items():
            if value is None:
                delattr(builtins, name)
            else:
                setattr(builtins, name, value)

    def push(self, line, filename=None, _symbol="single"):
        """Add a line to the buffer and try to run it all; returns True
        while the buffered command is incomplete."""
        self.buffer.append(line)
        source = "\n".join(self.buffer)
        if filename is None:
            filename = self.filename
        more = self.runsource(source, filename, symbol=_symbol)
        if not more:
            self.resetbuffer()
        return more

    def raw_input(self, prompt=""):
        """Read one line (without its newline); EOFError at end of input."""
        return input(prompt)


def interact(banner=None, readfunc=None, local=None, exitmsg=None,
             local_exit=False):
    """Run an InteractiveConsole on local (a namespace) until EOF."""
    console = InteractiveConsole(local, local_exit=local_exit)
    if readfunc is not None:
        console.raw_input = readfunc
    else:
        try:
            import readline  # noqa: F401  (line editing for input())
        except ImportError:
            pass
    console.interact(banner, exitmsg)
