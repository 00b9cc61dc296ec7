"""Trace or count the lines a program runs, list the functions it calls,
or record who calls whom; write annotated .cover files of the counts.

    python -m trace --count -C coverdir -m program.py
    python -m trace --trace program.py

or from Python:

    tracer = trace.Trace(count=1, trace=0)
    tracer.runfunc(main)
    tracer.results().write_results(show_missing=True, coverdir="cov")

Built on sys.settrace (and threading.settrace, so threads started while
tracing are traced too).
"""

__all__ = ['Trace', 'CoverageResults']

import ast
import linecache
import os
import pickle
import sys
import sysconfig
import threading
import tokenize
from time import monotonic as _time

PRAGMA_NOCOVER = "#pragma NO COVER"


class _Ignore:
    """Which modules and directories are not traced: cached per module."""

    def __init__(self, modules=None, dirs=None):
        self._mods = set(modules or ())
        self._dirs = [os.path.normpath(d) for d in (dirs or ())]
        self._ignore = {'<string>': 1}

    def names(self, filename, modulename):
        """Whether code of `modulename` (from `filename`) is ignored."""
        if modulename in self._ignore:
            return self._ignore[modulename]
        if modulename in self._mods:
            self._ignore[modulename] = 1
            return 1
        for mod in self._mods:
            if modulename.startswith(mod + '.'):
                self._ignore[modulename] = 1
                return 1
        if filename is None:
            self._ignore[modulename] = 1
            return 1
        for directory in self._dirs:
            if filename.startswith(directory + os.sep):
                self._ignore[modulename] = 1
                return 1
        self._ignore[modulename] = 0
        return 0


def _modname(path):
    """The module name a file would have: its base name, no extension."""
    base = os.path.basename(path)
    filename, _ = os.path.splitext(base)
    return filename


def _fullmodname(path):
    """The dotted module name of `path` relative to the longest sys.path
    entry containing it (for unique .cover file names)."""
    comparepath = os.path.normcase(path)
    longest = ""
    for directory in sys.path:
        directory = os.path.normcase(directory)
        if comparepath.startswith(directory) and \
                comparepath[len(directory)] == os.sep:
            if len(directory) > len(longest):
                longest = directory
    base = path[len(longest) + 1:] if longest else path
    drive, base = os.path.splitdrive(base)
    base = base.replace(os.sep, ".")
    if os.altsep:
        base = base.replace(os.altsep, ".")
    filename, _ = os.path.splitext(base)
    return filename.lstrip(".")


class CoverageResults:
    """Counts per (file, line), functions called, and caller relations;
    mergeable (update) and writable (write_results)."""

    def __init__(self, counts=None, calledfuncs=None, infile=None,
                 callers=None, outfile=None):
        self.counts = counts if counts is not None else {}
        self.counter = self.counts.copy()
        self.calledfuncs = calledfuncs if calledfuncs is not None else {}
        self.calledfuncs = self.calledfuncs.copy()
        self.callers = callers if callers is not None else {}
        self.callers = self.callers.copy()
        self.infile = infile
        self.outfile = outfile
        if self.infile:
            # Earlier results to add to (written by a previous run).
            try:
                with open(self.infile, 'rb') as f:
                    counts, calledfuncs, callers = pickle.load(f)
                self.update(self.__class__(counts, calledfuncs,
                                           callers=callers))
            except (OSError, EOFError, ValueError) as err:
                print(("Skipping counts file %r: %s"
                       % (self.infile, err)), file=sys.stderr)

    def is_ignored_filename(self, filename):
        """Code compiled from strings ('<string>', '<doctest ...>')."""
        return filename.startswith('<') and filename.endswith('>')

    def update(self, other):
        """Add another result's counts, functions and callers."""
        for key, count in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + count
        for key in other.calledfuncs:
            self.calledfuncs[key] = 1
        for key in other.callers:
            self.callers[key] = 1

    def write_results(self, show_missing=True, summary=False, coverdir=None,
                      *, ignore_missing_files=False):
        """Print the functions and callers recorded, and write one .cover
        file per traced source file (in `coverdir`, or beside the file)."""
        if self.calledfuncs:
            print()
            print("functions called:")
            for filename, modulename, funcname in sorted(self.calledfuncs):
                print(("filename: %s, modulename: %s, funcname: %s"
                       % (filename, modulename, funcname)))
        if self.callers:
            self._print_callers()
        per_file = {}
        for filename, lineno in self.counts:
            per_file.setdefault(filename, {})[lineno] = \
                self.counts[(filename, lineno)]
        sums = {}
        for filename, hits in per_file.items():
            if self.is_ignored_filename(filename):
                continue
            if filename.endswith(".pyc"):
                filename = filename[:-1]
            if ignore_missing_files and not os.path.isfile(filename):
                continue
            if coverdir is None:
                directory = os.path.dirname(os.path.abspath(filename))
                modulename = _modname(filename)
            else:
                directory = coverdir
                os.makedirs(directory, exist_ok=True)
                modulename = _fullmodname(filename)
            executable = _find_executable_linenos(filename) \
                if show_missing else {}
            source = linecache.getlines(filename)
            coverpath = os.path.join(directory, modulename + ".cover")
            with open(filename, 'rb') as fp:
                encoding, _ = tokenize.detect_encoding(fp.readline)
            n_hits, n_lines = self.write_results_file(coverpath, source,
                                                      executable, hits,
                                                      encoding)
            if summary and n_lines:
                percent = int(100 * n_hits / n_lines)
                sums[modulename] = n_lines, percent, modulename, filename
        if summary and sums:
            print("lines   cov%   module   (path)")
            for name in sorted(sums):
                print("%5d   %3d%%   %s   (%s)" % sums[name])
        if self.outfile:
            try:
                with open(self.outfile, 'wb') as f:
                    pickle.dump((self.counts, self.calledfuncs, self.callers),
                                f, 1)
            except OSError as err:
                print("Can't save counts files because %s" % err,
                      file=sys.stderr)

    def _print_callers(self):
        print()
        print("calling relationships:")
        last_file = last_callee_file = ""
        for ((pfile, pmod, pfunc), (cfile, cmod, cfunc)) in \
                sorted(self.callers):
            if pfile != last_file:
                print()
                print("***", pfile, "***")
                last_file = pfile
                last_callee_file = ""
            if cfile != pfile and last_callee_file != cfile:
                print("  -->", cfile)
                last_callee_file = cfile
            print("    %s.%s -> %s.%s" % (pmod, pfunc, cmod, cfunc))

    def write_results_file(self, path, lines, lnotab, lines_hit, encoding=None):
        """Write `lines` annotated with their counts ('>>>>>>' marks an
        executable line never run); returns (lines hit, lines counted)."""
        try:
            outfile = open(path, "w", encoding=encoding)
        except OSError as err:
            print(("trace: Could not open %r for writing: %s "
                   "- skipping" % (path, err)), file=sys.stderr)
            return 0, 0
        n_lines = 0
        n_hits = 0
        with outfile:
            for lineno, line in enumerate(lines, 1):
                if lineno in lines_hit:
                    outfile.write("%5d: " % lines_hit[lineno])
                    n_hits += 1
                    n_lines += 1
                elif lineno in lnotab and PRAGMA_NOCOVER not in line:
                    outfile.write(">>>>>> ")
                    n_lines += 1
                else:
                    outfile.write("       ")
                outfile.write(line.expandtabs(8))
        return n_hits, n_lines


def _docstring_lines(tree):
    """The lines holding docstrings (not executable statements)."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                             ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and \
                    isinstance(body[0].value, ast.Constant) and \
                    isinstance(body[0].value.value, str):
                lines.update(range(body[0].lineno, body[0].end_lineno + 1))
    return lines


def _code_lines(code, result):
    for _, _, lineno in code.co_lines():
        if lineno is not None:
            result[lineno] = 1
    for const in code.co_consts:
        if isinstance(const, type(code)):
            _code_lines(const, result)


def _find_executable_linenos(filename):
    """{line: 1} for every line of `filename` that holds code."""
    try:
        with tokenize.open(filename) as f:
            source = f.read()
    except OSError as err:
        print(("Not printing coverage data for %r: %s" % (filename, err)),
              file=sys.stderr)
        return {}
    code = compile(source, filename, "exec")
    result = {}
    _code_lines(code, result)
    for lineno in _docstring_lines(ast.parse(source)):
        result.pop(lineno, None)
    return result


class Trace:
    """A tracer: count lines, print them as they run, record the functions
    called, or record caller/callee pairs."""

    def __init__(self, count=1, trace=1, countfuncs=0, countcallers=0,
                 ignoremods=(), ignoredirs=(), infile=None, outfile=None,
                 timing=False):
        self.infile = infile
        self.outfile = outfile
        self.ignore = _Ignore(ignoremods, ignoredirs)
        self.counts = {}
        self.pathtobasename = {}
        self.donothing = 0
        self.trace = trace
        self._calledfuncs = {}
        self._callers = {}
        self._caller_cache = {}
        self.start_time = _time() if timing else None
        if countcallers:
            self.globaltrace = self.globaltrace_trackcallers
        elif countfuncs:
            self.globaltrace = self.globaltrace_countfuncs
        elif trace and count:
            self.globaltrace = self.globaltrace_lt
            self.localtrace = self.localtrace_trace_and_count
        elif trace:
            self.globaltrace = self.globaltrace_lt
            self.localtrace = self.localtrace_trace
        elif count:
            self.globaltrace = self.globaltrace_lt
            self.localtrace = self.localtrace_count
        else:
            self.donothing = 1

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals=None, locals=None):
        """exec(cmd, globals, locals) under the tracer."""
        if globals is None:
            globals = {}
        if locals is None:
            locals = {}
        if not self.donothing:
            threading.settrace(self.globaltrace)
            sys.settrace(self.globaltrace)
        try:
            exec(cmd, globals, locals)
        finally:
            if not self.donothing:
                sys.settrace(None)
                threading.settrace(None)

    def runfunc(self, func, /, *args, **kw):
        """Call func(*args, **kw) under the tracer; returns its result."""
        result = None
        if not self.donothing:
            sys.settrace(self.globaltrace)
        try:
            result = func(*args, **kw)
        finally:
            if not self.donothing:
                sys.settrace(None)
        return result

    def file_module_function_of(self, frame):
        """(file, module, function) of a frame's code; methods are named
        Class.method."""
        code = frame.f_code
        filename = code.co_filename
        modulename = _modname(filename) if filename else None
        funcname = code.co_name
        qualname = getattr(code, "co_qualname", funcname)
        if "<locals>" not in qualname and "." in qualname:
            funcname = qualname
        return filename, modulename, funcname

    def globaltrace_trackcallers(self, frame, why, arg):
        """Record (caller, callee) on each call."""
        if why == 'call':
            this_func = self.file_module_function_of(frame)
            parent_func = self.file_module_function_of(frame.f_back)
            self._callers[(parent_func, this_func)] = 1

    def globaltrace_countfuncs(self, frame, why, arg):
        """Record each function called."""
        if why == 'call':
            this_func = self.file_module_function_of(frame)
            self._calledfuncs[this_func] = 1

    def globaltrace_lt(self, frame, why, arg):
        """On each call into a module not ignored, trace its lines."""
        if why != 'call':
            return None
        code = frame.f_code
        filename = frame.f_globals.get('__file__', None)
        if not filename:
            return None
        modulename = _modname(filename)
        if modulename is None:
            return None
        if self.ignore.names(filename, modulename):
            return None
        if self.trace:
            print((" --- modulename: %s, funcname: %s"
                   % (modulename, code.co_name)))
        return self.localtrace

    def _count_line(self, frame):
        key = frame.f_code.co_filename, frame.f_lineno
        self.counts[key] = self.counts.get(key, 0) + 1

    def _print_line(self, frame):
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
        if self.start_time:
            print('%.2f' % (_time() - self.start_time), end=' ')
        print("%s(%d): %s" % (os.path.basename(filename), lineno,
                              linecache.getline(filename, lineno)), end='')

    def localtrace_trace_and_count(self, frame, why, arg):
        if why == "line":
            self._count_line(frame)
            self._print_line(frame)
        return self.localtrace

    def localtrace_trace(self, frame, why, arg):
        if why == "line":
            self._print_line(frame)
        return self.localtrace

    def localtrace_count(self, frame, why, arg):
        if why == "line":
            self._count_line(frame)
        return self.localtrace

    def results(self):
        """The CoverageResults of everything traced so far."""
        return CoverageResults(self.counts, infile=self.infile,
                               outfile=self.outfile,
                               calledfuncs=self._calledfuncs,
                               callers=self._callers)


def main():
    """python -m trace: see the module docstring."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument('--version', action='version', version='trace 2.0')

    grp = parser.add_argument_group('Main options',
                                    'One of these (or --report) must be given')
    grp.add_argument('-c', '--count', action='store_true',
                     help='Count the number of times each line is executed '
                          'and write the counts to <module>.cover for each '
                          'module executed, in the module\'s directory. '
                          'See also --coverdir, --file, --no-report below.')
    grp.add_argument('-t', '--trace', action='store_true',
                     help='Print each line to sys.stdout before it is '
                          'executed')
    grp.add_argument('-l', '--listfuncs', action='store_true',
                     help='Keep track of which functions are executed at '
                          'least once and write the results to sys.stdout '
                          'after the program exits. Cannot be specified '
                          'alongside --trace or --count.')
    grp.add_argument('-T', '--trackcalls', action='store_true',
                     help='Keep track of caller/called pairs and write the '
                          'results to sys.stdout after the program exits.')

    grp = parser.add_argument_group('Modifiers')
    _grp = grp.add_mutually_exclusive_group()
    _grp.add_argument('-r', '--report', action='store_true',
                      help='Generate a report from a counts file; does not '
                           'execute any code. --file must specify the '
                           'results file to read, which must have been '
                           'created in a previous run with --count --file=FILE')
    _grp.add_argument('-R', '--no-report', action='store_true',
                      help='Do not generate the coverage report files. '
                           'Useful if you want to accumulate over several '
                           'runs.')
    grp.add_argument('-f', '--file',
                     help='File to accumulate counts over several runs')
    grp.add_argument('-C', '--coverdir',
                     help='Directory where the report files go. The coverage '
                          'report for <package>.<module> will be written to '
                          'file <dir>/<package>/<module>.cover')
    grp.add_argument('-m', '--missing', action='store_true',
                     help='Annotate executable lines that were not executed '
                          'with ">>>>>> "')
    grp.add_argument('-s', '--summary', action='store_true',
                     help='Write a brief summary for each file to sys.stdout. '
                          'Can only be used with --count or --report')
    grp.add_argument('-g', '--timing', action='store_true',
                     help='Prefix each line with the time since the program '
                          'started. Only used while tracing')

    grp = parser.add_argument_group('Filters', 'Can be specified multiple times')
    grp.add_argument('--ignore-module', action='append', default=[],
                     help='Ignore the given module(s) and its submodules '
                          '(if it is a package). Accepts comma separated list '
                          'of module names.')
    grp.add_argument('--ignore-dir', action='append', default=[],
                     help='Ignore files in the given directory '
                          '(multiple directories can be joined by os.pathsep).')

    parser.add_argument('--module', action='store_true', default=False,
                        help='Trace a module. ')
    parser.add_argument('progname', nargs='?',
                        help='file to run as main program')
    parser.add_argument('arguments', nargs=argparse.REMAINDER,
                        help='arguments to the program')

    opts = parser.parse_args()

    if opts.ignore_dir:
        stdlib = sysconfig.get_path("stdlib")
        platstdlib = sysconfig.get_path("platstdlib")

    def parse_ignore_dir(text):
        text = os.path.expanduser(os.path.expandvars(text))
        text = text.replace('$prefix', stdlib).replace('$exec_prefix',
                                                        platstdlib)
        return os.path.normpath(text)

    opts.ignore_module = [mod.strip()
                          for item in opts.ignore_module
                          for mod in item.split(',')]
    opts.ignore_dir = [parse_ignore_dir(part)
                       for item in opts.ignore_dir
                       for part in item.split(os.pathsep)]

    if opts.report:
        if not opts.file:
            parser.error('-r/--report requires -f/--file')
        results = CoverageResults(infile=opts.file, outfile=opts.file)
        return results.write_results(opts.missing, opts.summary,
                                     opts.coverdir)

    if not any([opts.trace, opts.count, opts.listfuncs, opts.trackcalls]):
        parser.error('must specify one of --trace, --count, --report, '
                     '--listfuncs, or --trackcalls')

    if opts.listfuncs and (opts.count or opts.trace):
        parser.error('cannot specify both --listfuncs and (--trace or '
                     '--count)')

    if opts.summary and not opts.count:
        parser.error('--summary can only be used with --count or --report')

    if opts.progname is None:
        parser.error('progname is missing: required with the main options')

    t = Trace(opts.count, opts.trace, countfuncs=opts.listfuncs,
              countcallers=opts.trackcalls, ignoremods=opts.ignore_module,
              ignoredirs=opts.ignore_dir, infile=opts.file,
              outfile=opts.file, timing=opts.timing)
    try:
        if opts.module:
            import runpy
            module_name = opts.progname
            mod_name, mod_spec, code = runpy._get_module_details(module_name)
            sys.argv = [code.co_filename, *opts.arguments]
            globs = {
                '__name__': '__main__',
                '__file__': code.co_filename,
                '__package__': mod_spec.parent,
                '__loader__': mod_spec.loader,
                '__spec__': mod_spec,
                '__cached__': None,
            }
        else:
            sys.argv = [opts.progname, *opts.arguments]
            sys.path[0] = os.path.dirname(opts.progname)
            with open(opts.progname, 'rb') as fp:
                code = compile(fp.read(), opts.progname, 'exec')
            globs = {
                '__file__': opts.progname,
                '__name__': '__main__',
                '__package__': None,
                '__cached__': None,
            }
        t.runctx(code, globs, globs)
    except OSError as err:
        sys.exit("Cannot run file %r because: %s" % (sys.argv[0], err))
    except SystemExit:
        pass

    results = t.results()
    if not opts.no_report:
        results.write_results(opts.missing, opts.summary, opts.coverdir)


if __name__ == '__main__':
    main()
