"""A generic class to build line-oriented command interpreters.

A subclass defines ``do_<name>`` methods; a line ``name args`` calls
``do_name("args")``.  ``help_<name>`` methods and docstrings feed the
``help`` command, ``complete_<name>`` methods feed tab completion.
"""

import sys

__all__ = ["Cmd"]

PROMPT = '(Cmd) '
IDENTCHARS = ('abcdefghijklmnopqrstuvwxyz'
              'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
              '0123456789_')


class Cmd:
    """Base class for simple line-oriented command interpreters."""

    prompt = PROMPT
    identchars = IDENTCHARS
    ruler = '='
    lastcmd = ''
    intro = None
    doc_leader = ""
    doc_header = "Documented commands (type help <topic>):"
    misc_header = "Miscellaneous help topics:"
    undoc_header = "Undocumented commands:"
    nohelp = "*** No help on %s"
    use_rawinput = 1

    def __init__(self, completekey='tab', stdin=None, stdout=None):
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.cmdqueue = []
        self.completekey = completekey

    # -- the loop ---------------------------------------------------------

    def cmdloop(self, intro=None):
        """Read lines, dispatch them with onecmd() until one returns true."""
        self.preloop()
        saved_completer = self._install_completer()
        try:
            if intro is not None:
                self.intro = intro
            if self.intro:
                self.stdout.write(str(self.intro) + "\n")
            stop = None
            while not stop:
                line = self._next_line()
                line = self.precmd(line)
                stop = self.onecmd(line)
                stop = self.postcmd(stop, line)
            self.postloop()
        finally:
            self._restore_completer(saved_completer)

    def _next_line(self):
        if self.cmdqueue:
            return self.cmdqueue.pop(0)
        if self.use_rawinput:
            try:
                return input(self.prompt)
            except EOFError:
                return 'EOF'
        self.stdout.write(self.prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return 'EOF'
        return line.rstrip('\r\n')

    def _install_completer(self):
        if not (self.use_rawinput and self.completekey):
            return None
        try:
            import readline
        except ImportError:
            return None
        try:
            old = readline.get_completer()
            readline.set_completer(self.complete)
            readline.parse_and_bind(self.completekey + ": complete")
        except (AttributeError, ValueError):
            return None
        return (readline, old)

    def _restore_completer(self, saved):
        if saved is not None:
            readline, old = saved
            try:
                readline.set_completer(old)
            except (AttributeError, ValueError):
                pass

    # -- hooks ------------------------------------------------------------

    def precmd(self, line):
        """Hook run before a line is interpreted; returns the line to run."""
        return line

    def postcmd(self, stop, line):
        """Hook run after a command; its result decides whether to stop."""
        return stop

    def preloop(self):
        """Hook run once when cmdloop() starts."""

    def postloop(self):
        """Hook run once when cmdloop() is about to return."""

    # -- parsing and dispatch --------------------------------------------

    def parseline(self, line):
        """Split a line into (command, argument, line).

        '?' stands for 'help' and '!' for 'shell' (when do_shell exists).
        """
        line = line.strip()
        if not line:
            return None, None, line
        if line[0] == '?':
            line = 'help ' + line[1:]
        elif line[0] == '!':
            if not hasattr(self, 'do_shell'):
                return None, None, line
            line = 'shell ' + line[1:]
        end = 0
        while end < len(line) and line[end] in self.identchars:
            end += 1
        return line[:end], line[end:].strip(), line

    def onecmd(self, line):
        """Interpret one line; the return value is the stop flag."""
        cmd, arg, line = self.parseline(line)
        if not line:
            return self.emptyline()
        if cmd is None:
            return self.default(line)
        self.lastcmd = line
        if line == 'EOF':
            self.lastcmd = ''
        if cmd == '':
            return self.default(line)
        func = getattr(self, 'do_' + cmd, None)
        if func is None:
            return self.default(line)
        return func(arg)

    def emptyline(self):
        """An empty line repeats the last command."""
        if self.lastcmd:
            return self.onecmd(self.lastcmd)

    def default(self, line):
        """Called for a line whose command is not recognised."""
        self.stdout.write('*** Unknown syntax: %s\n' % line)

    # -- completion -------------------------------------------------------

    def completedefault(self, *ignored):
        """Completion for commands without a complete_* method."""
        return []

    def completenames(self, text, *ignored):
        prefix = 'do_' + text
        return [name[3:] for name in self.get_names()
                if name.startswith(prefix)]

    def complete(self, text, state):
        """readline completer: the state-th completion of text."""
        if state == 0:
            import readline
            whole = readline.get_line_buffer()
            stripped = whole.lstrip()
            offset = len(whole) - len(stripped)
            begidx = readline.get_begidx() - offset
            endidx = readline.get_endidx() - offset
            if begidx > 0:
                cmd, args, _ = self.parseline(stripped)
                if cmd == '':
                    compfunc = self.completedefault
                else:
                    compfunc = getattr(self, 'complete_' + cmd,
                                       self.completedefault)
            else:
                compfunc = self.completenames
            self.completion_matches = compfunc(text, stripped, begidx, endidx)
        try:
            return self.completion_matches[state]
        except IndexError:
            return None

    def get_names(self):
        """Attribute names of the class (instance attributes excluded)."""
        return dir(self.__class__)

    def complete_help(self, *args):
        commands = set(self.completenames(*args))
        topics = set(name[5:] for name in self.get_names()
                     if name.startswith('help_' + args[0]))
        return list(commands | topics)

    # -- help -------------------------------------------------------------

    def do_help(self, arg):
        'List available commands with "help" or detailed help with "help cmd".'
        if arg:
            self._help_on(arg)
            return
        names = self.get_names()
        help_topics = {name[5:] for name in names if name.startswith('help_')}
        documented, undocumented = [], []
        previous = None
        for name in sorted(names):
            if not name.startswith('do_') or name == previous:
                continue
            previous = name
            command = name[3:]
            if command in help_topics:
                help_topics.discard(command)
                documented.append(command)
            elif getattr(self, name).__doc__:
                documented.append(command)
            else:
                undocumented.append(command)
        self.stdout.write("%s\n" % str(self.doc_leader))
        self.print_topics(self.doc_header, documented, 15, 80)
        self.print_topics(self.misc_header, sorted(help_topics), 15, 80)
        self.print_topics(self.undoc_header, undocumented, 15, 80)

    def _help_on(self, arg):
        helper = getattr(self, 'help_' + arg, None)
        if helper is not None:
            helper()
            return
        command = getattr(self, 'do_' + arg, None)
        doc = getattr(command, '__doc__', None) if command else None
        if doc:
            self.stdout.write("%s\n" % str(doc))
        else:
            self.stdout.write("%s\n" % str(self.nohelp % (arg,)))

    def print_topics(self, header, cmds, cmdlen, maxcol):
        if cmds:
            self.stdout.write("%s\n" % str(header))
            if self.ruler:
                self.stdout.write("%s\n" % str(self.ruler * len(header)))
            self.columnize(cmds, maxcol - 1)
            self.stdout.write("\n")

    def columnize(self, list, displaywidth=80):
        """Print a list of strings in as few lines as fit displaywidth.

        Columns are separated by two spaces and filled top to bottom.
        """
        if not list:
            self.stdout.write("<empty>\n")
            return
        bad = [i for i, item in enumerate(list) if not isinstance(item, str)]
        if bad:
            raise TypeError("list[i] not a string for i in %s"
                            % ", ".join(map(str, bad)))
        size = len(list)
        if size == 1:
            self.stdout.write('%s\n' % str(list[0]))
            return
        layout = self._column_layout(list, displaywidth)
        if layout is None:
            nrows, ncols, widths = size, 1, [0]
        else:
            nrows, ncols, widths = layout
        for row in range(nrows):
            cells = []
            for col in range(ncols):
                i = row + nrows * col
                cells.append(list[i] if i < size else "")
            while cells and not cells[-1]:
                del cells[-1]
            for col in range(len(cells)):
                cells[col] = cells[col].ljust(widths[col])
            self.stdout.write("%s\n" % str("  ".join(cells)))

    @staticmethod
    def _column_layout(items, displaywidth):
        """(rows, columns, widths) of the first row count that fits."""
        size = len(items)
        for nrows in range(1, size):
            ncols = (size + nrows - 1) // nrows
            widths = []
            total = -2
            for col in range(ncols):
                column = items[col * nrows:(col + 1) * nrows]
                width = max(len(item) for item in column) if column else 0
                widths.append(width)
                total += width + 2
                if total > displaywidth:
                    break
            if total <= displaywidth:
                return nrows, ncols, widths
        return None
