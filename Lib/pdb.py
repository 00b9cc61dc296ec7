"""The Python debugger: an interactive source debugger built on bdb.

Use ``breakpoint()`` or ``pdb.set_trace()`` to stop in running code,
``pdb.run("statement")`` to debug a statement, ``pdb.pm()`` for
post-mortem debugging, or ``python -m pdb script.py``.  Type ``help``
at the ``(Pdb)`` prompt for the list of commands.
"""

import os
import sys
import bdb
import cmd
import linecache

__all__ = ["run", "pm", "Pdb", "runeval", "runctx", "runcall", "set_trace",
           "post_mortem", "help"]


class Restart(Exception):
    """Raised to restart the program being debugged."""


def _format_exc(exc):
    """'Type: message' as the last line of a traceback shows it."""
    name = type(exc).__qualname__
    module = type(exc).__module__
    if module not in ('builtins', '__main__', None):
        name = module + '.' + name
    if isinstance(exc, SyntaxError) and exc.msg:
        return '%s: %s' % (name, exc.msg)
    text = str(exc)
    return '%s: %s' % (name, text) if text else name


def _block_end(lines, start):
    """Index just past the indented block whose header is lines[start]."""
    header = lines[start]
    indent = len(header) - len(header.lstrip())
    end = start + 1
    last_code = start + 1
    while end < len(lines):
        text = lines[end]
        stripped = text.strip()
        if stripped and not stripped.startswith('#'):
            if len(text) - len(text.lstrip()) <= indent:
                break
            last_code = end + 1
        end += 1
    return last_code


def _source_lines(frame):
    """(lines, first line number) of the function or module frame runs."""
    code = frame.f_code
    lines = linecache.getlines(code.co_filename, frame.f_globals)
    if code.co_name == '<module>' or not lines:
        return lines, 1
    start = code.co_firstlineno - 1
    if start >= len(lines):
        return [], code.co_firstlineno
    # Skip decorators so the block measured is the def's own.
    header = start
    while (header < len(lines) - 1
           and lines[header].lstrip().startswith('@')):
        header += 1
    return lines[start:_block_end(lines, header)], code.co_firstlineno


class Pdb(bdb.Bdb, cmd.Cmd):
    """The debugger: a bdb.Bdb driven by a cmd.Cmd command loop."""

    _previous_sigint_handler = None

    def __init__(self, completekey='tab', stdin=None, stdout=None, skip=None,
                 nosigint=False, readrc=True, mode=None, backend=None,
                 colorize=False):
        bdb.Bdb.__init__(self, skip=skip, backend=backend or 'settrace')
        cmd.Cmd.__init__(self, completekey, stdin, stdout)
        if stdout is not None:
            self.use_rawinput = 0
        self.prompt = '(Pdb) '
        self.aliases = {}
        self.displaying = {}
        self.mainpyfile = ''
        self._wait_for_mainpyfile = False
        self._user_requested_quit = False
        self.tb_lineno = {}
        self.nosigint = nosigint
        self.mode = mode
        self.colorize = colorize
        self.lineno = None
        self.stack = []
        self.curindex = 0
        self.curframe = None
        self.rcLines = []
        # `commands`: breakpoint number -> the lines to run when it is hit,
        # whether it is silent, and whether the list ends by resuming.
        self.commands = {}
        self.commands_silent = {}
        self.commands_resume = {}
        self.commands_defining = False
        self.commands_bnum = None
        if readrc:
            self._read_rc_files()

    def _read_rc_files(self):
        paths = [os.path.join(os.path.expanduser('~'), '.pdbrc'), '.pdbrc']
        seen = set()
        for path in paths:
            if path in seen or not os.path.isfile(path):
                continue
            seen.add(path)
            try:
                with open(path, encoding='utf-8') as rc:
                    self.rcLines.extend(rc)
            except OSError:
                pass

    # -- output --------------------------------------------------------------

    def message(self, msg, end='\n'):
        print(msg, end=end, file=self.stdout)

    def error(self, msg):
        print('***', msg, file=self.stdout)

    def _error_exc(self):
        self.error(_format_exc(sys.exception()))

    # -- stopping ------------------------------------------------------------

    def reset(self):
        bdb.Bdb.reset(self)
        self.forget()

    def forget(self):
        self.lineno = None
        self.stack = []
        self.curindex = 0
        self.curframe = None
        self.tb_lineno.clear()

    def setup(self, f, tb):
        self.forget()
        self.stack, self.curindex = self.get_stack(f, tb)
        while tb is not None:
            self.tb_lineno[tb.tb_frame] = tb.tb_lineno
            tb = tb.tb_next
        self.curframe = self.stack[self.curindex][0]
        if self.rcLines:
            self.cmdqueue.extend(line.rstrip('\n') for line in self.rcLines
                                 if line.strip() and
                                 not line.strip().startswith('#'))
            self.rcLines = []

    def set_trace(self, frame=None, *, commands=None):
        """Stop at once in frame (default: the caller's frame)."""
        if frame is None:
            frame = sys._getframe().f_back
        if commands is not None:
            self.cmdqueue.extend(commands)
        bdb.Bdb.set_trace(self, frame)
        # Stop right here, with the global trace function off so the
        # debugger's own calls are not traced; then resume tracing unless
        # the command given was continue (without breakpoints) or quit.
        sys.settrace(None)
        self.user_line(frame)
        if self.quitting:
            raise bdb.BdbQuit
        if self.breaks or self.stoplineno != -1:
            sys.settrace(self.trace_dispatch)

    def user_call(self, frame, argument_list):
        if self._wait_for_mainpyfile:
            return
        if self.stop_here(frame):
            self.message('--Call--')
            self.interaction(frame, None)

    def user_line(self, frame):
        if self._wait_for_mainpyfile:
            if (self.mainpyfile != self.canonic(frame.f_code.co_filename)
                    or frame.f_lineno <= 0):
                return
            self._wait_for_mainpyfile = False
        if self._run_breakpoint_commands(frame):
            self.interaction(frame, None)

    def _run_breakpoint_commands(self, frame):
        """Run the `commands` of the breakpoint just hit; False when they
        resumed execution, so the debugger must not stop here."""
        number = getattr(self, 'currentbp', 0)
        if not number or number not in self.commands:
            return True
        self.currentbp = 0
        self.setup(frame, None)
        for line in self.commands[number]:
            self.onecmd(line)
        if not self.commands_silent[number]:
            self.print_stack_entry(self.stack[self.curindex])
        if self.commands_resume[number]:
            self.forget()
            return False
        self._commands_shown = True
        return True

    def user_return(self, frame, return_value):
        if self._wait_for_mainpyfile:
            return
        self._store_local(frame, '__return__', return_value)
        self.message('--Return--')
        self.interaction(frame, None)

    def user_exception(self, frame, exc_info):
        if self._wait_for_mainpyfile:
            return
        exc_type, exc_value, exc_traceback = exc_info
        self._store_local(frame, '__exception__', (exc_type, exc_value))
        prefix = ''
        if exc_traceback is None and exc_type is StopIteration:
            prefix = 'Internal '
        self.message(prefix + _format_exc(exc_value))
        self.interaction(frame, exc_traceback)

    def _store_local(self, frame, name, value):
        try:
            frame.f_locals[name] = value
        except Exception:
            pass

    def interaction(self, frame, tb_or_exc):
        """Show where we are and read commands until one resumes."""
        if isinstance(tb_or_exc, BaseException):
            tb_or_exc = tb_or_exc.__traceback__
        self.setup(frame, tb_or_exc)
        if getattr(self, '_commands_shown', False):
            self._commands_shown = False    # `commands` printed it already
        else:
            self.print_stack_entry(self.stack[self.curindex])
        self._show_display_changes()
        while True:
            try:
                self.cmdloop()
                break
            except KeyboardInterrupt:
                self.message('--KeyboardInterrupt--')
        self.forget()

    def sigint_handler(self, signum, frame):
        self.message("\nProgram interrupted. (Use 'cont' to resume).")
        self.set_step()
        self.set_trace(frame)

    def _install_sigint(self):
        if self.nosigint:
            return
        try:
            import signal
            import threading
            if threading.current_thread() is not threading.main_thread():
                return
            handler = signal.signal(signal.SIGINT, self.sigint_handler)
        except (ImportError, AttributeError, ValueError):
            return
        if Pdb._previous_sigint_handler is None:
            Pdb._previous_sigint_handler = handler

    # -- command line handling -------------------------------------------------

    # Commands that resume execution: one ends a `commands` list.
    _resuming_commands = frozenset({
        'c', 'cont', 'continue', 's', 'step', 'n', 'next', 'r', 'return',
        'j', 'jump', 'q', 'quit', 'exit', 'unt', 'until'})

    def onecmd(self, line):
        if not self.commands_defining:
            return cmd.Cmd.onecmd(self, line)
        return self._handle_command_def(line)

    def _handle_command_def(self, line):
        """One line typed while defining `commands`; True ends the list."""
        command, arg, line = self.parseline(line)
        if not command:
            return False
        number = self.commands_bnum
        if command == 'end':
            self.commands_defining = False
            self.prompt = '(Pdb) '
            return True
        if command == 'silent':
            self.commands_silent[number] = True
            return False
        self.commands[number].append(line)
        if command in self._resuming_commands:
            self.commands_resume[number] = True
            self.commands_defining = False
            self.prompt = '(Pdb) '
            return True
        return False

    def precmd(self, line):
        """Expand aliases and split 'cmd1 ;; cmd2' into two commands."""
        if not line.strip():
            return line
        words = line.split()
        while words[0] in self.aliases:
            line = self.aliases[words[0]]
            for i, word in enumerate(words[1:], 1):
                line = line.replace('%' + str(i), word)
            line = line.replace('%*', ' '.join(words[1:]))
            words = line.split()
        if words[0] != 'alias':
            marker = line.find(';;')
            if marker >= 0:
                self.cmdqueue.insert(0, line[marker + 2:].lstrip())
                line = line[:marker].rstrip()
        return line

    def default(self, line):
        """Run a line that is not a command as a Python statement."""
        if line[:1] == '!':
            line = line[1:].strip()
        frame = self.curframe
        if frame is None:
            self.error('No frame to run the statement in')
            return
        try:
            code = compile(line + '\n', '<stdin>', 'single')
        except SyntaxError:
            self._error_exc()
            return
        saved = sys.stdin, sys.stdout, sys.displayhook
        try:
            sys.stdin, sys.stdout = self.stdin, self.stdout
            sys.displayhook = self.displayhook
            exec(code, frame.f_globals, frame.f_locals)
        except Exception:
            self._error_exc()
        finally:
            sys.stdin, sys.stdout, sys.displayhook = saved

    def displayhook(self, obj):
        if obj is not None:
            self.message(repr(obj))

    # -- evaluation helpers --------------------------------------------------

    def _getval(self, arg):
        try:
            return eval(arg, self.curframe.f_globals, self.curframe.f_locals)
        except Exception:
            self._error_exc()
            raise

    def _getval_except(self, arg, frame=None):
        frame = frame or self.curframe
        try:
            return eval(arg, frame.f_globals, frame.f_locals)
        except Exception as exc:
            return _ErrorValue('** raised %s **' % _format_exc(exc))

    def _safe_repr(self, obj, expr):
        try:
            return repr(obj)
        except Exception as exc:
            return '*** repr(%s) failed: %s ***' % (expr, _format_exc(exc))

    # -- stack display -------------------------------------------------------

    def print_stack_trace(self, count=None):
        entries = self.stack if count is None else (
            self.stack[-count:] if count > 0 else self.stack[:-count])
        for frame_lineno in entries:
            self.print_stack_entry(frame_lineno)

    def print_stack_entry(self, frame_lineno, prompt_prefix='\n-> '):
        frame = frame_lineno[0]
        prefix = '> ' if frame is self.curframe else '  '
        self.message(prefix + self.format_stack_entry(frame_lineno,
                                                      prompt_prefix))

    def _select_frame(self, number):
        self.curindex = number
        self.curframe = self.stack[number][0]
        self.print_stack_entry(self.stack[number])
        self.lineno = None

    def _show_display_changes(self):
        displaying = self.displaying.get(self.curframe)
        if not displaying:
            return
        for expr, old in list(displaying.items()):
            new = self._getval_except(expr)
            if new is not old and new != old:
                displaying[expr] = new
                self.message('display %s: %s  [old: %s]' % (
                    expr, self._safe_repr(new, expr),
                    self._safe_repr(old, expr)))

    def _print_lines(self, lines, start, breaks=(), frame=None):
        current = frame.f_lineno if frame is not None else -1
        exc_lineno = self.tb_lineno.get(frame, -1)
        for lineno, line in enumerate(lines, start):
            text = str(lineno).rjust(3)
            if len(text) < 4:
                text += ' '
            text += 'B' if lineno in breaks else ' '
            if lineno == current:
                text += '->'
            elif lineno == exc_lineno:
                text += '>>'
            self.message(text + '\t' + line.rstrip())
            self.lineno = lineno

    # -- breakpoints ---------------------------------------------------------

    def _lookup_file(self, filename):
        """An existing file for a name given to break, or None."""
        if os.path.isabs(filename) and os.path.exists(filename):
            return filename
        candidates = []
        if self.mainpyfile:
            candidates.append(os.path.join(os.path.dirname(self.mainpyfile),
                                           filename))
        candidates.append(filename)
        candidates.extend(os.path.join(d or '.', filename) for d in sys.path
                          if isinstance(d, str))
        for path in candidates:
            for name in (path, path + '.py'):
                if os.path.exists(name):
                    return os.path.abspath(name)
        return None

    def checkline(self, filename, lineno):
        """lineno if a breakpoint there makes sense, else 0 (reported)."""
        frame = self.curframe
        line = linecache.getline(filename, lineno,
                                 frame.f_globals if frame else None)
        if not line:
            self.message('End of file')
            return 0
        line = line.strip()
        if (not line or line[0] == '#' or line[:3] == '"""'
                or line[:3] == "'''"):
            self.error('Blank or comment')
            return 0
        return lineno

    def _function_location(self, name):
        """(code object's file, def line, function name) for a name."""
        frame = self.curframe
        try:
            func = eval(name, frame.f_globals, frame.f_locals)
        except Exception:
            return None
        func = getattr(func, '__func__', func)
        code = getattr(func, '__code__', None)
        if code is None:
            return None
        return code.co_filename, code.co_firstlineno, code.co_name

    def do_break(self, arg, temporary=False):
        """b(reak) [ ([filename:]lineno | function) [, condition] ]

        Set a breakpoint at a line of a file or at the first line of a
        function; it stops only when the condition (if any) is true.
        Without argument, list all breakpoints.
        """
        if not arg:
            if self.breaks:
                self.message('Num Type         Disp Enb   Where')
                for bp in bdb.Breakpoint.bpbynumber:
                    if bp:
                        self.message(bp.bpformat())
            return
        cond = None
        comma = arg.find(',')
        if comma > 0:
            cond = arg[comma + 1:].lstrip()
            if cond:
                try:
                    compile(cond, '<string>', 'eval')
                except SyntaxError as exc:
                    self.error('Invalid condition %s: %r' % (cond, exc))
                    return
            arg = arg[:comma].rstrip()
        funcname = None
        colon = arg.rfind(':')
        if colon > 0:
            filename = self._lookup_file(arg[:colon].rstrip())
            if filename is None:
                self.error('%r not found from sys.path' % arg[:colon].rstrip())
                return
            try:
                lineno = int(arg[colon + 1:].lstrip())
            except ValueError:
                self.error('Bad lineno: %s' % arg[colon + 1:].lstrip())
                return
        else:
            try:
                lineno = int(arg)
                filename = self._default_file()
            except ValueError:
                where = self._function_location(arg)
                if where is None:
                    self.error('The specified object %r is not a function '
                               'or was not found along sys.path.' % arg)
                    return
                filename, lineno, funcname = where
        if filename is None:
            self.error('No current file to set a breakpoint in')
            return
        if not self.checkline(filename, lineno):
            return
        err = self.set_break(filename, lineno, temporary, cond, funcname)
        if err:
            self.error(err)
            return
        bp = self.get_breaks(filename, lineno)[-1]
        self.message('Breakpoint %d at %s:%d' % (bp.number, bp.file, bp.line))

    do_b = do_break

    def _default_file(self):
        if self.curframe is not None:
            filename = self.curframe.f_code.co_filename
            if filename == '<string>' and self.mainpyfile:
                return self.mainpyfile
            return filename
        return self.mainpyfile or None

    def do_tbreak(self, arg):
        """tbreak [ ([filename:]lineno | function) [, condition] ]

        Same as break, but the breakpoint is removed when first hit.
        """
        self.do_break(arg, True)

    def do_clear(self, arg):
        """cl(ear) [filename:lineno | bpnumber ...]

        With a space separated list of breakpoint numbers, clear those
        breakpoints.  Without argument, clear all breaks (after asking).
        With a filename:lineno argument, clear the breakpoints there.
        """
        if not arg:
            reply = self._ask('Clear all breaks? ')
            if reply.strip().lower() in ('y', 'yes'):
                deleted = [bp for bp in bdb.Breakpoint.bpbynumber if bp]
                self.clear_all_breaks()
                for bp in deleted:
                    self.message('Deleted %s' % bp)
            return
        if ':' in arg:
            colon = arg.rfind(':')
            filename = arg[:colon]
            try:
                lineno = int(arg[colon + 1:])
            except ValueError:
                self.error('Invalid line number (%s)' % arg[colon + 1:])
                return
            deleted = self.get_breaks(filename, lineno)[:]
            err = self.clear_break(filename, lineno)
            if err:
                self.error(err)
            else:
                for bp in deleted:
                    self.message('Deleted %s' % bp)
            return
        for number in arg.split():
            try:
                bp = self.get_bpbynumber(number)
            except ValueError as err:
                self.error(err)
            else:
                self.clear_bpbynumber(number)
                self.message('Deleted %s' % bp)

    do_cl = do_clear

    def _ask(self, question):
        if self.use_rawinput:
            try:
                return input(question)
            except EOFError:
                return ''
        self.stdout.write(question)
        self.stdout.flush()
        return self.stdin.readline()

    def _each_breakpoint(self, arg):
        for number in arg.split():
            try:
                yield self.get_bpbynumber(number)
            except ValueError as err:
                self.error(err)

    def do_enable(self, arg):
        """enable bpnumber [bpnumber ...]

        Enable the breakpoints given as a space separated list.
        """
        for bp in self._each_breakpoint(arg):
            bp.enable()
            self.message('Enabled %s' % bp)

    def do_disable(self, arg):
        """disable bpnumber [bpnumber ...]

        Disable the breakpoints given as a space separated list; a
        disabled breakpoint stays known but does not stop the program.
        """
        for bp in self._each_breakpoint(arg):
            bp.disable()
            self.message('Disabled %s' % bp)

    def do_condition(self, arg):
        """condition bpnumber [condition]

        Set a new condition for the breakpoint; without a condition the
        breakpoint becomes unconditional.
        """
        number, _, cond = arg.partition(' ')
        cond = cond.strip() or None
        try:
            bp = self.get_bpbynumber(number)
        except ValueError as err:
            self.error(err)
            return
        if cond is not None:
            try:
                compile(cond, '<string>', 'eval')
            except SyntaxError as exc:
                self.error('Invalid condition %s: %r' % (cond, exc))
                return
        bp.cond = cond
        if cond is None:
            self.message('Breakpoint %d is now unconditional.' % bp.number)
        else:
            self.message('New condition set for breakpoint %d.' % bp.number)

    def do_ignore(self, arg):
        """ignore bpnumber [count]

        Ignore the breakpoint for its next count crossings (0 when
        omitted, which makes it active again).
        """
        words = arg.split()
        if not words:
            self.error('Breakpoint number expected')
            return
        try:
            count = int(words[1]) if len(words) > 1 else 0
        except ValueError:
            self.error('Invalid count: %s' % words[1])
            return
        try:
            bp = self.get_bpbynumber(words[0])
        except ValueError as err:
            self.error(err)
            return
        bp.ignore = count
        if count > 0:
            crossings = '1 crossing' if count == 1 else '%d crossings' % count
            self.message('Will ignore next %s of breakpoint %d.'
                         % (crossings, bp.number))
        else:
            self.message('Will stop next time breakpoint %d is reached.'
                         % bp.number)

    # -- moving around the stack -------------------------------------------

    def do_where(self, arg):
        """w(here) [count]

        Print a stack trace, most recent frame at the bottom; an arrow
        marks the current frame.  count limits it to that many frames.
        """
        count = None
        if arg:
            try:
                count = int(arg)
            except ValueError:
                self.error('Invalid count (%s)' % arg)
                return
        self.print_stack_trace(count)

    do_w = do_where
    do_bt = do_where

    def _frame_count(self, arg):
        if not arg:
            return 1
        try:
            return int(arg)
        except ValueError:
            self.error('Invalid frame count (%s)' % arg)
            return None

    def do_up(self, arg):
        """u(p) [count]

        Move the current frame count (default one) levels up the stack
        (to an older frame).
        """
        if self.curindex == 0:
            self.error('Oldest frame')
            return
        count = self._frame_count(arg)
        if count is None:
            return
        target = 0 if count < 0 else max(0, self.curindex - count)
        self._select_frame(target)

    do_u = do_up

    def do_down(self, arg):
        """d(own) [count]

        Move the current frame count (default one) levels down the stack
        (to a newer frame).
        """
        if self.curindex + 1 == len(self.stack):
            self.error('Newest frame')
            return
        count = self._frame_count(arg)
        if count is None:
            return
        last = len(self.stack) - 1
        target = last if count < 0 else min(last, self.curindex + count)
        self._select_frame(target)

    do_d = do_down

    # -- resuming execution --------------------------------------------------

    def do_step(self, arg):
        """s(tep)

        Execute the current line, stop at the first possible occasion
        (in a called function or on the next line).
        """
        self.set_step()
        return 1

    do_s = do_step

    def do_next(self, arg):
        """n(ext)

        Continue until the next line in the current function is reached
        or it returns.
        """
        self.set_next(self.curframe)
        return 1

    do_n = do_next

    def do_until(self, arg):
        """unt(il) [lineno]

        Without argument, continue until a line with a number greater
        than the current one is reached.  With a line number, continue
        until a line with a number greater or equal to it is reached.
        Either way, also stop when the current frame returns.
        """
        lineno = None
        if arg:
            try:
                lineno = int(arg)
            except ValueError:
                self.error('Error in argument: %r' % arg)
                return
            if lineno <= self.curframe.f_lineno:
                self.error('"until" line number is smaller than current '
                           'line number')
                return
        self.set_until(self.curframe, lineno)
        return 1

    do_unt = do_until

    def do_return(self, arg):
        """r(eturn)

        Continue until the current function returns.
        """
        self.set_return(self.curframe)
        return 1

    do_r = do_return

    def do_continue(self, arg):
        """c(ont(inue))

        Continue execution, only stop when a breakpoint is encountered.
        """
        self._install_sigint()
        self.set_continue()
        return 1

    do_c = do_cont = do_continue

    def do_jump(self, arg):
        """j(ump) lineno

        Set the next line that will be executed; only in the bottom
        frame, and not out of or into a block such as a loop.
        """
        if self.curindex + 1 != len(self.stack):
            self.error('You can only jump within the bottom frame')
            return
        try:
            lineno = int(arg)
        except ValueError:
            self.error("The 'jump' command requires a line number")
            return
        try:
            self.curframe.f_lineno = lineno
        except ValueError as exc:
            self.error('Jump failed: %s' % exc)
            return
        self.stack[self.curindex] = self.stack[self.curindex][0], lineno
        self.print_stack_entry(self.stack[self.curindex])

    do_j = do_jump

    def do_quit(self, arg):
        """q(uit) | exit

        Quit from the debugger; the program being executed is aborted.
        """
        self._user_requested_quit = True
        self.set_quit()
        return 1

    do_q = do_quit
    do_exit = do_quit

    def do_run(self, arg):
        """run [args...]

        Restart the debugged Python program.  If args is given, it is
        split with shlex and used as the new sys.argv[1:].  History,
        breakpoints, actions and debugger options are kept.
        "restart" is an alias for "run".
        """
        if self.mode == 'inline':
            self.error('run/restart command is disabled when pdb is running '
                       'in inline mode.\n'
                       'Use the command line interface to enable restarting '
                       'your program\n'
                       'e.g. "python -m pdb myscript.py"')
            return
        if arg:
            try:
                import shlex
                words = shlex.split(arg)
            except ImportError:
                words = arg.split()
            except ValueError as exc:
                self.error('Cannot run %s: %s' % (arg, exc))
                return
            sys.argv[1:] = words
        raise Restart

    do_restart = do_run

    def do_commands(self, arg):
        """(Pdb) commands [bpnumber]
        (com) ...
        (com) end
        (Pdb)

        Specify a list of commands for breakpoint number bpnumber (the
        last breakpoint set when omitted), typed on the following lines
        and ended by "end".  "silent" suppresses the usual message when
        the breakpoint is hit; a command that resumes execution (continue,
        step, next, return, jump, quit) ends the list.  An empty list
        removes the breakpoint's commands.
        """
        if not arg:
            number = len(bdb.Breakpoint.bpbynumber) - 1
        else:
            try:
                number = int(arg)
            except ValueError:
                self.error("Usage: commands [bnum]\n        ...\n        end")
                return
        try:
            self.get_bpbynumber(number)
        except ValueError as exc:
            self.error('cannot set commands: %s' % exc)
            return
        self.commands_bnum = number
        saved = (self.commands.get(number), self.commands_silent.get(number),
                 self.commands_resume.get(number))
        self.commands[number] = []
        self.commands_silent[number] = False
        self.commands_resume[number] = False
        self.prompt = '(com) '
        self.commands_defining = True
        try:
            self.cmdloop()
        except KeyboardInterrupt:
            if saved[0] is None:
                del self.commands[number], self.commands_silent[number]
                del self.commands_resume[number]
            else:
                (self.commands[number], self.commands_silent[number],
                 self.commands_resume[number]) = saved
            self.error('command definition aborted, old commands restored')
        finally:
            self.commands_defining = False
            self.prompt = '(Pdb) '
        if not self.commands[number]:
            del self.commands[number], self.commands_silent[number]
            del self.commands_resume[number]

    def do_EOF(self, arg):
        """EOF

        Handles the receipt of EOF as a command: quit the debugger.
        """
        self.message('')
        return self.do_quit(arg)

    # -- looking at things -----------------------------------------------------

    def do_list(self, arg):
        """l(ist) [first[, last] | .]

        List source code of the current file: 11 lines around the
        current line, or continue the previous listing; 'list .' lists
        around the current line again; with first, around that line;
        with first and last, that range (a last smaller than first is
        a count).
        """
        self.lastcmd = 'list'
        last = None
        if arg and arg != '.':
            try:
                if ',' in arg:
                    first_text, last_text = arg.split(',', 1)
                    first = int(first_text)
                    last = int(last_text)
                    if last < first:
                        last = first + last
                else:
                    first = max(1, int(arg) - 5)
            except ValueError:
                self.error('Error in argument: %r' % arg)
                return
        elif self.lineno is None or arg == '.':
            first = max(1, self.curframe.f_lineno - 5)
        else:
            first = self.lineno + 1
        if last is None:
            last = first + 10
        filename = self.curframe.f_code.co_filename
        breaks = self.get_file_breaks(filename)
        lines = linecache.getlines(filename, self.curframe.f_globals)
        self._print_lines(lines[first - 1:last], first, breaks, self.curframe)
        self.lineno = min(last, len(lines))
        if len(lines) < last:
            self.message('[EOF]')

    do_l = do_list

    def do_longlist(self, arg):
        """ll | longlist

        List the whole source code of the current function or frame.
        """
        filename = self.curframe.f_code.co_filename
        breaks = self.get_file_breaks(filename)
        lines, first = _source_lines(self.curframe)
        if not lines:
            self.error('could not get source code')
            return
        self._print_lines(lines, first, breaks, self.curframe)

    do_ll = do_longlist

    def do_args(self, arg):
        """a(rgs)

        Print the argument list of the current function.
        """
        code = self.curframe.f_code
        count = code.co_argcount + code.co_kwonlyargcount
        if code.co_flags & 0x04:
            count += 1
        if code.co_flags & 0x08:
            count += 1
        local_vars = self.curframe.f_locals
        for name in code.co_varnames[:count]:
            if name in local_vars:
                self.message('%s = %s' % (name,
                                          self._safe_repr(local_vars[name],
                                                          name)))

    do_a = do_args

    def do_retval(self, arg):
        """retval

        Print the return value for the last return of the current function.
        """
        local_vars = self.curframe.f_locals
        if '__return__' in local_vars:
            self.message(self._safe_repr(local_vars['__return__'], 'retval'))
        else:
            self.error('Not yet returned!')

    do_rv = do_retval

    def do_p(self, arg):
        """p expression

        Print the value of the expression.
        """
        if not arg:
            self.error('Argument is required')
            return
        try:
            value = self._getval(arg)
        except Exception:
            return
        self.message(self._safe_repr(value, arg))

    def do_pp(self, arg):
        """pp expression

        Pretty-print the value of the expression.
        """
        if not arg:
            self.error('Argument is required')
            return
        try:
            value = self._getval(arg)
        except Exception:
            return
        try:
            import pprint
            text = pprint.pformat(value)
        except ImportError:
            text = self._safe_repr(value, arg)
        self.message(text)

    def do_whatis(self, arg):
        """whatis expression

        Print the type of the expression.
        """
        try:
            value = self._getval(arg)
        except Exception:
            return
        self.message(str(type(value)))

    def do_display(self, arg):
        """display [expression]

        Display the value of the expression if it changed, each time
        execution stops in the current frame.  Without expression, list
        the display expressions of the current frame.
        """
        if not arg:
            self.message('Currently displaying:')
            for expr, value in self.displaying.get(self.curframe, {}).items():
                self.message('%s: %s' % (expr, self._safe_repr(value, expr)))
            return
        try:
            compile(arg, '<stdin>', 'eval')
        except SyntaxError as exc:
            self.error('Unable to display %s: %s' % (arg, _format_exc(exc)))
            return
        value = self._getval_except(arg)
        self.displaying.setdefault(self.curframe, {})[arg] = value
        self.message('display %s: %s' % (arg, self._safe_repr(value, arg)))

    def do_undisplay(self, arg):
        """undisplay [expression]

        Stop displaying the expression in the current frame; without
        expression, clear all display expressions of the current frame.
        """
        if not arg:
            self.displaying.pop(self.curframe, None)
            return
        try:
            del self.displaying.get(self.curframe, {})[arg]
        except KeyError:
            self.error('not displaying %s' % arg)

    def do_interact(self, arg):
        """interact

        Start an interactive interpreter whose global namespace holds
        all the names found in the current scope.
        """
        import code
        namespace = {**self.curframe.f_globals, **self.curframe.f_locals}
        console = code.InteractiveConsole(namespace)
        console.write = self.stdout.write
        if not self.use_rawinput:
            def read(prompt):
                self.stdout.write(prompt)
                self.stdout.flush()
                line = self.stdin.readline()
                if not line:
                    raise EOFError
                return line.rstrip('\n')
            console.raw_input = read
        saved = sys.stdout
        sys.stdout = self.stdout
        try:
            console.interact(banner='*pdb interact start*',
                             exitmsg='*exit from pdb interact command*')
        finally:
            sys.stdout = saved

    def do_alias(self, arg):
        """alias [name [command]]

        Create an alias called name that executes command; %1, %2 ...
        are replaced by arguments and %* by all of them.  Without
        command, show the alias; without arguments, list all aliases.
        """
        words = arg.split()
        if not words:
            for key in sorted(self.aliases):
                self.message('%s = %s' % (key, self.aliases[key]))
            return
        if len(words) == 1:
            if words[0] in self.aliases:
                self.message('%s = %s' % (words[0], self.aliases[words[0]]))
            else:
                self.error('Unknown alias %r' % words[0])
            return
        self.aliases[words[0]] = ' '.join(words[1:])

    def do_unalias(self, arg):
        """unalias name

        Delete the specified alias.
        """
        words = arg.split()
        if words:
            self.aliases.pop(words[0], None)

    def do_help(self, arg):
        """h(elp)

        Without argument, print the list of available commands.
        With a command name as argument, print help about that command.
        """
        if not arg:
            return cmd.Cmd.do_help(self, arg)
        command = getattr(self, 'do_' + arg, None)
        if command is None or not command.__doc__:
            self.error('No help for %r' % arg)
            return
        lines = command.__doc__.strip().split('\n')
        body = [line.strip() for line in lines]
        self.message(body[0])
        for line in body[1:]:
            if line:
                self.message('        ' + line)

    do_h = do_help


class _ErrorValue:
    """What a display expression evaluated to when it raised."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text

    def __eq__(self, other):
        return isinstance(other, _ErrorValue) and other.text == self.text

    __hash__ = None


# -- module-level entry points ---------------------------------------------

def run(statement, globals=None, locals=None):
    """Debug a statement given as a string or code object."""
    Pdb().run(statement, globals, locals)


def runeval(expression, globals=None, locals=None):
    """Debug an expression; returns its value."""
    return Pdb().runeval(expression, globals, locals)


def runctx(statement, globals, locals):
    run(statement, globals, locals)


def runcall(*args, **kwds):
    """Debug a call of args[0](*args[1:], **kwds); returns its result."""
    return Pdb().runcall(*args, **kwds)


def set_trace(*, header=None, commands=None):
    """Enter the debugger at the calling frame."""
    debugger = Pdb(mode='inline')
    if header is not None:
        debugger.message(header)
    debugger.set_trace(sys._getframe().f_back, commands=commands)


def post_mortem(t=None):
    """Debug a traceback (or exception); default: the one being handled."""
    if isinstance(t, BaseException):
        t = t.__traceback__
    if t is None:
        exc = sys.exception()
        if exc is not None:
            t = exc.__traceback__
    if t is None:
        raise ValueError("A valid traceback must be passed if no "
                         "exception is being handled")
    debugger = Pdb()
    debugger.reset()
    debugger.interaction(None, t)


def pm():
    """Debug the last uncaught exception (sys.last_exc)."""
    exc = getattr(sys, 'last_exc', None)
    if exc is None:
        tb = getattr(sys, 'last_traceback', None)
    else:
        tb = exc.__traceback__
    if tb is None:
        raise RuntimeError("No last traceback to post-mortem debug")
    post_mortem(tb)


def help():
    """Print the module documentation."""
    print(__doc__.strip())


# -- python -m pdb -----------------------------------------------------------

_usage = """\
usage: pdb [-h] [-c command] (-m module | -p pid | pyfile) [args ...]

Debug the Python program given by pyfile. Alternatively,
an executable module or package to debug can be specified using
the -m switch.

Initial commands are read from .pdbrc files in your home directory
and in the current directory, if they exist.  Commands supplied with
-c are executed after commands from .pdbrc files."""


def _parse_args(argv):
    commands = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ('-h', '--help'):
            print(_usage)
            sys.exit(0)
        if arg in ('-c', '--command') and i + 1 < len(argv):
            commands.append(argv[i + 1])
            i += 2
            continue
        if arg == '-m' and i + 1 < len(argv):
            return commands, ('module', argv[i + 1]), argv[i + 2:]
        if arg.startswith('-') and arg != '-':
            print(_usage, file=sys.stderr)
            sys.exit(2)
        return commands, ('script', arg), argv[i + 1:]
    print(_usage, file=sys.stderr)
    sys.exit(2)


def _run_target(debugger, kind, target):
    import __main__
    debugger._user_requested_quit = False
    if kind == 'module':
        import importlib.util
        spec = importlib.util.find_spec(target)
        if spec is None or spec.origin is None:
            raise ImportError('No module named %s' % target)
        filename = spec.origin
    else:
        filename = target
    with open(filename, 'rb') as source_file:
        source = source_file.read()
    code = compile(source, filename, 'exec')
    __main__.__dict__.clear()
    __main__.__dict__.update({'__name__': '__main__', '__file__': filename,
                              '__builtins__': __builtins__})
    debugger._wait_for_mainpyfile = True
    debugger.mainpyfile = debugger.canonic(filename)
    debugger.run(code)


def main():
    commands, (kind, target), rest = _parse_args(sys.argv[1:])
    if kind == 'script':
        if not os.path.exists(target):
            print('Error: %s does not exist' % target, file=sys.stderr)
            sys.exit(1)
        target = os.path.realpath(target)
        sys.path[0] = os.path.dirname(target)
    sys.argv[:] = [target] + rest
    debugger = Pdb(mode='cli')
    debugger.rcLines.extend(commands)
    while True:
        try:
            _run_target(debugger, kind, target)
            if debugger._user_requested_quit:
                break
            print('The program finished and will be restarted')
        except Restart:
            print('Restarting', target, 'with arguments:')
            print('\t' + ' '.join(sys.argv[1:]))
        except SystemExit as exc:
            print('The program exited via sys.exit(). Exit status:', end=' ')
            print(exc)
        except SyntaxError:
            raise
        except BaseException as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            print('Uncaught exception. Entering post mortem debugging')
            print("Running 'cont' or 'step' will restart the program")
            debugger.interaction(None, exc)
            if debugger._user_requested_quit:
                break
            print('Post mortem debugger finished. The ' + target +
                  ' will be restarted')


if __name__ == '__main__':
    import pdb
    pdb.main()
