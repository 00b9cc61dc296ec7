"""Detect ambiguous indentation in Python source files.

An indentation mixing tabs and spaces is ambiguous when whether a line is
indented more than, or as much as, another depends on the width of a tab.
check(file_or_dir) reports the first such line of each file.

Command line: python -m tabnanny [-v] [-q] file_or_directory ...
  -v  verbose: say what is checked and explain each problem
  -q  print only the names of the files with a problem
"""

import os
import sys
import tokenize

__all__ = ["check", "NannyNag", "process_tokens"]

verbose = 0
filename_only = 0


def errprint(*args):
    sys.stderr.write(" ".join(str(arg) for arg in args))
    sys.stderr.write("\n")


def main():
    import getopt
    global verbose, filename_only
    try:
        opts, args = getopt.getopt(sys.argv[1:], "qv")
    except getopt.error as msg:
        errprint(msg)
        return
    for option, _ in opts:
        if option == '-q':
            filename_only += 1
        if option == '-v':
            verbose += 1
    if not args:
        errprint("Usage:", sys.argv[0], "[-v] file_or_directory ...")
        return
    for arg in args:
        check(arg)


class NannyNag(Exception):
    """Raised by process_tokens() on ambiguous indentation."""

    def __init__(self, lineno, msg, line):
        self.lineno, self.msg, self.line = lineno, msg, line

    def get_lineno(self):
        return self.lineno

    def get_msg(self):
        return self.msg

    def get_line(self):
        return self.line


def check(file):
    """Check a file, or every .py file under a directory, printing what
    is wrong to stdout (I/O and token errors to stderr)."""
    if os.path.isdir(file) and not os.path.islink(file):
        if verbose:
            print("%r: listing directory" % (file,))
        for name in os.listdir(file):
            fullname = os.path.join(file, name)
            if ((os.path.isdir(fullname) and not os.path.islink(fullname))
                    or os.path.normcase(name[-3:]) == ".py"):
                check(fullname)
        return

    try:
        f = tokenize.open(file)
    except OSError as msg:
        errprint("%r: I/O Error: %s" % (file, msg))
        return
    if verbose > 1:
        print("checking %r ..." % file)
    try:
        with f:
            process_tokens(tokenize.generate_tokens(f.readline))
    except tokenize.TokenError as msg:
        errprint("%r: Token Error: %s" % (file, msg))
        return
    except IndentationError as msg:
        # Also TabError: the tokenizer itself rejects indentation whose
        # meaning depends on the tab size.
        errprint("%r: Indentation Error: %s" % (file, msg))
        return
    except SyntaxError as msg:
        errprint("%r: Syntax Error: %s" % (file, msg))
        return
    except NannyNag as nag:
        badline = nag.get_lineno()
        line = nag.get_line()
        if verbose:
            print("%r: *** Line %d: trouble in tab city! ***" % (file, badline))
            print("offending line: %r" % (line,))
            print(nag.get_msg())
        else:
            if ' ' in file:
                file = '"' + file + '"'
            if filename_only:
                print(file)
            else:
                print(file, badline, repr(line))
        return
    if verbose:
        print("%r: Clean bill of health." % (file,))


class Whitespace:
    """The leading whitespace of a line, compared by the column it
    reaches at every tab size."""

    S, T = ' \t'

    def __init__(self, ws):
        self.raw = ws
        prefix = []
        for ch in ws:
            if ch not in ' \t':
                break
            prefix.append(ch)
        self.prefix = ''.join(prefix)
        # The longest run of spaces: beyond it, every tab reaches the next
        # tab stop, so the column grows linearly with the tab size.
        runs = self.prefix.split(self.T)
        self.longest_space_run = max(len(run) for run in runs)
        self.ntabs = len(runs) - 1
        self.trailing_spaces = len(runs[-1])
        self.is_simple = self.ntabs == 0 or self.longest_space_run == 0

    def indent_level(self, tabsize):
        col = 0
        for ch in self.prefix:
            if ch == self.T:
                col = (col // tabsize + 1) * tabsize
            else:
                col += 1
        return col

    def _sizes(self, other):
        # Past n the columns are ntabs * size + trailing spaces, so
        # checking 1..n and the linear part covers every tab size.
        n = max(self.longest_space_run, other.longest_space_run) + 1
        return range(1, n + 1)

    def equal(self, other):
        """Whether both indent to the same column at every tab size."""
        if (self.ntabs, self.trailing_spaces) != (other.ntabs,
                                                  other.trailing_spaces):
            return False
        return all(self.indent_level(ts) == other.indent_level(ts)
                   for ts in self._sizes(other))

    def not_equal_witness(self, other):
        """(tabsize, self's column, other's column) where they differ."""
        return [(ts, self.indent_level(ts), other.indent_level(ts))
                for ts in self._sizes(other)
                if self.indent_level(ts) != other.indent_level(ts)]

    def less(self, other):
        """Whether self indents less than other at every tab size."""
        if self.ntabs > other.ntabs:
            return False
        if (self.ntabs == other.ntabs
                and self.trailing_spaces >= other.trailing_spaces):
            return False
        return all(self.indent_level(ts) < other.indent_level(ts)
                   for ts in self._sizes(other))

    def not_less_witness(self, other):
        """(tabsize, self's column, other's column) where self is not
        less."""
        return [(ts, self.indent_level(ts), other.indent_level(ts))
                for ts in self._sizes(other)
                if self.indent_level(ts) >= other.indent_level(ts)]


def format_witnesses(w):
    sizes = ', '.join(str(tup[0]) for tup in w)
    prefix = "at tab sizes" if len(w) > 1 else "at tab size"
    return f"{prefix} {sizes}"


def process_tokens(tokens):
    """Check the indentation of a token stream (from tokenize); raise
    NannyNag at the first ambiguous line."""
    INDENT, DEDENT, NEWLINE = tokenize.INDENT, tokenize.DEDENT, tokenize.NEWLINE
    JUNK = (tokenize.COMMENT, tokenize.NL)
    indents = [Whitespace("")]
    check_equal = False
    for type, token, start, end, line in tokens:
        if type == NEWLINE:
            # The next real line must indent as far as the current block.
            check_equal = True
        elif type == INDENT:
            check_equal = False
            this = Whitespace(token)
            if not indents[-1].less(this):
                witness = indents[-1].not_less_witness(this)
                msg = "indent not greater e.g. " + format_witnesses(witness)
                raise NannyNag(start[0], msg, line)
            indents.append(this)
        elif type == DEDENT:
            # The DEDENT comes before the line's first token, which is
            # then compared with the enclosing block.
            check_equal = True
            del indents[-1]
        elif check_equal and type not in JUNK:
            check_equal = False
            this = Whitespace(line)
            if not indents[-1].equal(this):
                witness = indents[-1].not_equal_witness(this)
                msg = "indent not equal e.g. " + format_witnesses(witness)
                raise NannyNag(start[0], msg, line)


if __name__ == '__main__':
    main()
