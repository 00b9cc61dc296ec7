"""Debugger basics: the machinery behind pdb, built on sys.settrace.

Bdb decides *when* to stop (stepping state and breakpoints); a subclass
decides *what to do* when stopped through the user_* methods.
"""

import os
import sys

__all__ = ["BdbQuit", "Bdb", "Breakpoint"]

GENERATOR_AND_COROUTINE_FLAGS = 0x20 | 0x80 | 0x200   # generator, coroutine, async gen


class BdbQuit(Exception):
    """Exception to give up completely."""


def _glob_match(name, pattern):
    """Shell-style match of name against pattern ('*', '?', '[...]')."""
    if not pattern:
        return not name
    head = pattern[0]
    if head == '*':
        return any(_glob_match(name[i:], pattern[1:])
                   for i in range(len(name) + 1))
    if not name:
        return False
    if head == '?':
        return _glob_match(name[1:], pattern[1:])
    if head == '[' and ']' in pattern[2:]:
        close = pattern.index(']', 2)
        chars = pattern[1:close]
        negate = chars[:1] == '!'
        if negate:
            chars = chars[1:]
        found = False
        i = 0
        while i < len(chars):
            if i + 2 < len(chars) and chars[i + 1] == '-':
                found = found or chars[i] <= name[0] <= chars[i + 2]
                i += 3
            else:
                found = found or chars[i] == name[0]
                i += 1
        return found != negate and _glob_match(name[1:], pattern[close + 1:])
    return head == name[0] and _glob_match(name[1:], pattern[1:])


class Bdb:
    """Generic Python debugger base class.

    Stepping state: stopframe/stoplineno say where the next stop may
    happen (stopframe None means "anywhere", stoplineno -1 means "never
    in stopframe"); returnframe is the frame whose return event stops.
    """

    def __init__(self, skip=None, backend='settrace'):
        if backend not in ('settrace', 'monitoring'):
            raise ValueError('Invalid backend: %s' % backend)
        self.skip = set(skip) if skip else None
        self.backend = backend
        self.breaks = {}
        self.fncache = {}
        self.frame_returning = None
        self.botframe = None
        self.quitting = False
        self._set_stopinfo(None, None)

    def canonic(self, filename):
        """Absolute, case-normalised form of a file name ('<...>' kept)."""
        if filename == "<" + filename[1:-1] + ">":
            return filename
        canonic = self.fncache.get(filename)
        if not canonic:
            canonic = os.path.normcase(os.path.abspath(filename))
            self.fncache[filename] = canonic
        return canonic

    def reset(self):
        """Forget the stepping state before a new debugging session."""
        import linecache
        linecache.checkcache()
        self.botframe = None
        self._set_stopinfo(None, None)

    # -- the trace function ------------------------------------------------

    def trace_dispatch(self, frame, event, arg):
        """sys.settrace callback: route the event to a dispatch_* method."""
        if self.quitting:
            return None
        if event == 'line':
            return self.dispatch_line(frame)
        if event == 'call':
            return self.dispatch_call(frame, arg)
        if event == 'return':
            return self.dispatch_return(frame, arg)
        if event == 'exception':
            return self.dispatch_exception(frame, arg)
        if event in ('c_call', 'c_exception', 'c_return', 'opcode'):
            return self.trace_dispatch
        print('bdb.Bdb.dispatch: unknown debugging event:', repr(event))
        return self.trace_dispatch

    def dispatch_line(self, frame):
        if self.stop_here(frame) or self.break_here(frame):
            self.user_line(frame)
            if self.quitting:
                raise BdbQuit
        return self.trace_dispatch

    def dispatch_call(self, frame, arg):
        if self.botframe is None:
            # The first call event is the frame run() started; stop
            # tracing no further out than its caller.
            self.botframe = frame.f_back
            return self.trace_dispatch
        if not (self.stop_here(frame) or self.break_anywhere(frame)):
            return None
        if (self.stopframe and
                frame.f_code.co_flags & GENERATOR_AND_COROUTINE_FLAGS):
            return self.trace_dispatch
        self.user_call(frame, arg)
        if self.quitting:
            raise BdbQuit
        return self.trace_dispatch

    def dispatch_return(self, frame, arg):
        if self.stop_here(frame) or frame is self.returnframe:
            if (self.stopframe and
                    frame.f_code.co_flags & GENERATOR_AND_COROUTINE_FLAGS):
                return self.trace_dispatch
            self.frame_returning = frame
            try:
                self.user_return(frame, arg)
            finally:
                self.frame_returning = None
            if self.quitting:
                raise BdbQuit
            if self.stopframe is frame and self.stoplineno != -1:
                self._set_stopinfo(None, None)
            if self.stoplineno != -1:
                self._trace_caller(frame)
        return self.trace_dispatch

    def _trace_caller(self, frame):
        """A caller entered before tracing began has no f_trace; give it
        one so stepping out of frame stops in it (never in botframe,
        the debugger's own caller)."""
        caller = frame.f_back
        if (caller is not None and caller.f_trace is None
                and caller is not self.botframe):
            caller.f_trace = self.trace_dispatch

    def dispatch_exception(self, frame, arg):
        flags = frame.f_code.co_flags
        if self.stop_here(frame):
            # StopIteration leaving a generator is its normal end.
            if not (flags & GENERATOR_AND_COROUTINE_FLAGS
                    and arg[0] is StopIteration and arg[2] is None):
                self.user_exception(frame, arg)
                if self.quitting:
                    raise BdbQuit
        elif (self.stopframe and frame is not self.stopframe
              and self.stopframe.f_code.co_flags
              & GENERATOR_AND_COROUTINE_FLAGS
              and arg[0] in (StopIteration, GeneratorExit)):
            self.user_exception(frame, arg)
            if self.quitting:
                raise BdbQuit
        return self.trace_dispatch

    # -- decisions ---------------------------------------------------------

    def is_skipped_module(self, module_name):
        """True if module_name matches one of the skip patterns."""
        if module_name is None:
            return False
        return any(_glob_match(module_name, pattern) for pattern in self.skip)

    def stop_here(self, frame):
        """True if the stepping state says to stop at frame."""
        if self.skip and self.is_skipped_module(
                frame.f_globals.get('__name__')):
            return False
        if frame is self.stopframe:
            if self.stoplineno == -1:
                return False
            return frame.f_lineno >= self.stoplineno
        return not self.stopframe

    def break_here(self, frame):
        """True if an effective breakpoint sits on frame's current line."""
        filename = self.canonic(frame.f_code.co_filename)
        lines = self.breaks.get(filename)
        if not lines:
            return False
        lineno = frame.f_lineno
        if lineno not in lines:
            # A function breakpoint is recorded on the def line.
            lineno = frame.f_code.co_firstlineno
            if lineno not in lines:
                return False
        bp, flag = effective(filename, lineno, frame)
        if bp is None:
            return False
        self.currentbp = bp.number
        if flag and bp.temporary:
            self.do_clear(str(bp.number))
        return True

    def do_clear(self, arg):
        """Remove temporary breakpoint arg; subclasses must define it."""
        raise NotImplementedError("subclass of bdb must implement do_clear()")

    def break_anywhere(self, frame):
        """True if frame's file has any breakpoint."""
        return self.canonic(frame.f_code.co_filename) in self.breaks

    # -- hooks for subclasses ------------------------------------------------

    def user_call(self, frame, argument_list):
        """Called when a call may stop in frame."""

    def user_line(self, frame):
        """Called when stopping at a line."""

    def user_return(self, frame, return_value):
        """Called when a return may stop in frame."""

    def user_exception(self, frame, exc_info):
        """Called when an exception may stop in frame."""

    # -- stepping commands -----------------------------------------------------

    def _set_stopinfo(self, stopframe, returnframe, stoplineno=0):
        self.stopframe = stopframe
        self.returnframe = returnframe
        self.quitting = False
        self.stoplineno = stoplineno

    def set_until(self, frame, lineno=None):
        """Stop at a line >= lineno in frame, or when frame returns."""
        if lineno is None:
            lineno = frame.f_lineno + 1
        self._set_stopinfo(frame, frame, lineno)

    def set_step(self):
        """Stop after one line of code, anywhere."""
        self._set_stopinfo(None, None)

    def set_next(self, frame):
        """Stop on the next line in frame or when it returns."""
        self._set_stopinfo(frame, None)

    def set_return(self, frame):
        """Stop when returning from frame."""
        if frame.f_code.co_flags & GENERATOR_AND_COROUTINE_FLAGS:
            self._set_stopinfo(frame, None, -1)
        else:
            self._set_stopinfo(frame.f_back, frame)

    def set_trace(self, frame=None):
        """Start debugging from frame (default: the caller's frame)."""
        if frame is None:
            frame = sys._getframe().f_back
        self.reset()
        while frame is not None:
            frame.f_trace = self.trace_dispatch
            self.botframe = frame
            frame = frame.f_back
        self.set_step()
        sys.settrace(self.trace_dispatch)

    def set_continue(self):
        """Run until a breakpoint; without breakpoints stop tracing."""
        self._set_stopinfo(self.botframe, None, -1)
        if not self.breaks:
            sys.settrace(None)
            frame = sys._getframe().f_back
            while frame is not None and frame is not self.botframe:
                frame.f_trace = None
                frame = frame.f_back

    def set_quit(self):
        """Make the next trace event raise BdbQuit."""
        self.stopframe = self.botframe
        self.returnframe = None
        self.quitting = True
        sys.settrace(None)

    # -- breakpoints -------------------------------------------------------

    def _add_to_breaks(self, filename, lineno):
        lines = self.breaks.setdefault(filename, [])
        if lineno not in lines:
            lines.append(lineno)

    def set_break(self, filename, lineno, temporary=False, cond=None,
                  funcname=None):
        """Set a breakpoint; returns an error message or None."""
        filename = self.canonic(filename)
        import linecache
        if not linecache.getline(filename, lineno):
            return 'Line %s:%d does not exist' % (filename, lineno)
        self._add_to_breaks(filename, lineno)
        Breakpoint(filename, lineno, temporary, cond, funcname)
        return None

    def _load_breaks(self):
        for (filename, lineno) in Breakpoint.bplist:
            self._add_to_breaks(filename, lineno)

    def _prune_breaks(self, filename, lineno):
        if (filename, lineno) not in Breakpoint.bplist:
            self.breaks[filename].remove(lineno)
        if not self.breaks[filename]:
            del self.breaks[filename]

    def clear_break(self, filename, lineno):
        """Delete the breakpoints at filename:lineno; error message or None."""
        filename = self.canonic(filename)
        if filename not in self.breaks:
            return 'There are no breakpoints in %s' % filename
        if lineno not in self.breaks[filename]:
            return 'There is no breakpoint at %s:%d' % (filename, lineno)
        for bp in Breakpoint.bplist[filename, lineno][:]:
            bp.deleteMe()
        self._prune_breaks(filename, lineno)
        return None

    def clear_bpbynumber(self, arg):
        """Delete breakpoint number arg; error message or None."""
        try:
            bp = self.get_bpbynumber(arg)
        except ValueError as err:
            return str(err)
        bp.deleteMe()
        self._prune_breaks(bp.file, bp.line)
        return None

    def clear_all_file_breaks(self, filename):
        filename = self.canonic(filename)
        if filename not in self.breaks:
            return 'There are no breakpoints in %s' % filename
        for line in self.breaks[filename]:
            for bp in Breakpoint.bplist[filename, line][:]:
                bp.deleteMe()
        del self.breaks[filename]
        return None

    def clear_all_breaks(self):
        if not self.breaks:
            return 'There are no breakpoints'
        for bp in Breakpoint.bpbynumber:
            if bp:
                bp.deleteMe()
        self.breaks = {}
        return None

    def get_bpbynumber(self, arg):
        """The Breakpoint numbered arg (a string or int); ValueError if none."""
        if not arg:
            raise ValueError('Breakpoint number expected')
        try:
            number = int(arg)
        except ValueError:
            raise ValueError('Non-numeric breakpoint number %s' % arg) from None
        try:
            bp = Breakpoint.bpbynumber[number]
        except IndexError:
            raise ValueError('Breakpoint number %d out of range'
                             % number) from None
        if bp is None:
            raise ValueError('Breakpoint %d already deleted' % number)
        return bp

    def get_break(self, filename, lineno):
        filename = self.canonic(filename)
        return filename in self.breaks and lineno in self.breaks[filename]

    def get_breaks(self, filename, lineno):
        filename = self.canonic(filename)
        if filename in self.breaks and lineno in self.breaks[filename]:
            return Breakpoint.bplist[filename, lineno]
        return []

    def get_file_breaks(self, filename):
        filename = self.canonic(filename)
        return self.breaks.get(filename, [])

    def get_all_breaks(self):
        return self.breaks

    # -- stack inspection --------------------------------------------------

    def get_stack(self, f, t):
        """([(frame, lineno), ...] from botframe to f then t's frames, index)."""
        stack = []
        if t is not None and t.tb_frame is f:
            t = t.tb_next
        while f is not None:
            stack.append((f, f.f_lineno))
            if f is self.botframe:
                break
            f = f.f_back
        stack.reverse()
        index = max(0, len(stack) - 1)
        while t is not None:
            stack.append((t.tb_frame, t.tb_lineno))
            t = t.tb_next
        if f is None:
            index = max(0, len(stack) - 1)
        return stack, index

    def format_stack_entry(self, frame_lineno, lprefix=': '):
        """'file(line)func()', the return value if any, then the line."""
        import linecache
        frame, lineno = frame_lineno
        filename = self.canonic(frame.f_code.co_filename)
        text = '%s(%r)' % (filename, lineno)
        text += frame.f_code.co_name + '()'
        local_vars = self._frame_locals(frame)
        if '__return__' in local_vars:
            text += '->' + _short_repr(local_vars['__return__'])
        line = linecache.getline(filename, lineno, frame.f_globals)
        if line:
            text += lprefix + line.strip()
        return text

    def _frame_locals(self, frame):
        try:
            return frame.f_locals
        except Exception:
            return {}

    # -- running code under the debugger -------------------------------------

    def run(self, cmd, globals=None, locals=None):
        """Debug a statement (string or code object) run by exec()."""
        if globals is None:
            import __main__
            globals = __main__.__dict__
        if locals is None:
            locals = globals
        self.reset()
        if isinstance(cmd, str):
            cmd = compile(cmd, "<string>", "exec")
        sys.settrace(self.trace_dispatch)
        try:
            exec(cmd, globals, locals)
        except BdbQuit:
            pass
        finally:
            self.quitting = True
            sys.settrace(None)

    def runeval(self, expr, globals=None, locals=None):
        """Debug an expression run by eval(); returns its value."""
        if globals is None:
            import __main__
            globals = __main__.__dict__
        if locals is None:
            locals = globals
        self.reset()
        sys.settrace(self.trace_dispatch)
        try:
            return eval(expr, globals, locals)
        except BdbQuit:
            pass
        finally:
            self.quitting = True
            sys.settrace(None)

    def runctx(self, cmd, globals, locals):
        """Backwards-compatible name for run() with explicit namespaces."""
        self.run(cmd, globals, locals)

    def runcall(self, func, /, *args, **kwds):
        """Debug a single function call; returns its result."""
        self.reset()
        sys.settrace(self.trace_dispatch)
        result = None
        try:
            result = func(*args, **kwds)
        except BdbQuit:
            pass
        finally:
            self.quitting = True
            sys.settrace(None)
        return result


def _short_repr(value, limit=30):
    text = repr(value)
    if len(text) > limit:
        keep = (limit - 3) // 2
        text = text[:keep] + '...' + text[len(text) - (limit - 3 - keep):]
    return text


def set_trace():
    """Start debugging with a plain Bdb from the caller's frame."""
    Bdb().set_trace(sys._getframe().f_back)


class Breakpoint:
    """A breakpoint: file, line, enabled flag, condition, ignore count.

    Class attributes index every live breakpoint: bpbynumber by number
    (None once deleted) and bplist by (file, line).
    """

    next = 1
    bplist = {}
    bpbynumber = [None]

    def __init__(self, file, line, temporary=False, cond=None, funcname=None):
        self.funcname = funcname
        self.func_first_executable_line = None
        self.file = file
        self.line = line
        self.temporary = temporary
        self.cond = cond
        self.enabled = True
        self.ignore = 0
        self.hits = 0
        self.number = Breakpoint.next
        Breakpoint.next += 1
        self.bpbynumber.append(self)
        self.bplist.setdefault((file, line), []).append(self)

    @staticmethod
    def clearBreakpoints():
        Breakpoint.next = 1
        Breakpoint.bplist = {}
        Breakpoint.bpbynumber = [None]

    def deleteMe(self):
        """Remove this breakpoint from both indexes."""
        index = (self.file, self.line)
        self.bpbynumber[self.number] = None
        self.bplist[index].remove(self)
        if not self.bplist[index]:
            del self.bplist[index]

    def enable(self):
        self.enabled = True

    def disable(self):
        self.enabled = False

    def bpprint(self, out=None):
        if out is None:
            out = sys.stdout
        print(self.bpformat(), file=out)

    def bpformat(self):
        """The multi-line description the 'break' listing shows."""
        disp = 'del  ' if self.temporary else 'keep '
        disp += 'yes  ' if self.enabled else 'no   '
        text = '%-4dbreakpoint   %s at %s:%d' % (self.number, disp,
                                                  self.file, self.line)
        if self.cond:
            text += '\n\tstop only if %s' % (self.cond,)
        if self.ignore:
            text += '\n\tignore next %d hits' % (self.ignore,)
        if self.hits:
            plural = 's' if self.hits > 1 else ''
            text += '\n\tbreakpoint already hit %d time%s' % (self.hits,
                                                              plural)
        return text

    def __str__(self):
        return 'breakpoint %s at %s:%s' % (self.number, self.file, self.line)


def checkfuncname(b, frame):
    """True if breakpoint b should fire in frame (function breakpoints
    fire only on the first executed line of the named function)."""
    if not b.funcname:
        return b.line == frame.f_lineno
    if frame.f_code.co_name != b.funcname:
        return False
    if not b.func_first_executable_line:
        b.func_first_executable_line = frame.f_lineno
    return b.func_first_executable_line == frame.f_lineno


def effective(file, line, frame):
    """(breakpoint, delete_temporary) for the first enabled breakpoint at
    file:line whose condition and ignore count let it fire, else
    (None, None).  An error in a condition fires the breakpoint but
    keeps it (flag False)."""
    for b in Breakpoint.bplist.get((file, line), ()):
        if not b.enabled or not checkfuncname(b, frame):
            continue
        b.hits += 1
        if b.cond:
            try:
                fire = eval(b.cond, frame.f_globals, frame.f_locals)
            except Exception:
                return (b, False)
            if not fire:
                continue
        if b.ignore > 0:
            b.ignore -= 1
            continue
        return (b, True)
    return (None, None)
