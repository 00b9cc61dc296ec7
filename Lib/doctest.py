"""Run the interactive examples found in docstrings and text files.

A doctest is a piece of text that looks like an interactive Python session:
lines starting with ``>>>`` (continued by ``...``) are run, and the lines that
follow them, up to the next prompt or blank line, are the expected output.

    >>> 1 + 1
    2

``testmod`` checks every docstring reachable from a module, ``testfile``
checks a text file, and ``DocTestSuite``/``DocFileSuite`` wrap both for
``unittest``.  ``python -m doctest file.py|file.txt`` runs them from the
command line.
"""

__docformat__ = 'reStructuredText en'

__all__ = [
    'register_optionflag',
    'DONT_ACCEPT_TRUE_FOR_1',
    'DONT_ACCEPT_BLANKLINE',
    'NORMALIZE_WHITESPACE',
    'ELLIPSIS',
    'SKIP',
    'IGNORE_EXCEPTION_DETAIL',
    'COMPARISON_FLAGS',
    'REPORT_UDIFF',
    'REPORT_CDIFF',
    'REPORT_NDIFF',
    'REPORT_ONLY_FIRST_FAILURE',
    'REPORTING_FLAGS',
    'FAIL_FAST',
    'Example',
    'DocTest',
    'DocTestParser',
    'DocTestFinder',
    'DocTestRunner',
    'OutputChecker',
    'DocTestFailure',
    'UnexpectedException',
    'DebugRunner',
    'testmod',
    'testfile',
    'run_docstring_examples',
    'DocTestSuite',
    'DocFileSuite',
    'set_unittest_reportflags',
    'script_from_examples',
    'testsource',
    'debug_src',
    'debug',
]

import __future__
import difflib
import functools
import inspect
import linecache
import os
import re
import sys
import traceback
import types
import unittest
from collections import namedtuple
from io import StringIO


class TestResults(namedtuple('TestResults', 'failed attempted')):
    """Outcome of a doctest run: failed and attempted example counts.

    ``skipped`` is an attribute rather than a tuple field so that the
    long-standing ``failed, attempted = results`` unpacking keeps working.
    """

    def __new__(cls, failed, attempted, *, skipped=0):
        results = super().__new__(cls, failed, attempted)
        results.skipped = skipped
        return results

    def __repr__(self):
        if not self.skipped:
            return super().__repr__()
        return (f'TestResults(failed={self.failed}, '
                f'attempted={self.attempted}, skipped={self.skipped})')


# ---------------------------------------------------------------------------
# Option flags.  Each name gets the next free bit, so the registration order
# below fixes the public values.

OPTIONFLAGS_BY_NAME = {}


def register_optionflag(name):
    """Return the flag bit for *name*, allocating a new one if needed."""
    return OPTIONFLAGS_BY_NAME.setdefault(name, 1 << len(OPTIONFLAGS_BY_NAME))


DONT_ACCEPT_TRUE_FOR_1 = register_optionflag('DONT_ACCEPT_TRUE_FOR_1')
DONT_ACCEPT_BLANKLINE = register_optionflag('DONT_ACCEPT_BLANKLINE')
NORMALIZE_WHITESPACE = register_optionflag('NORMALIZE_WHITESPACE')
ELLIPSIS = register_optionflag('ELLIPSIS')
SKIP = register_optionflag('SKIP')
IGNORE_EXCEPTION_DETAIL = register_optionflag('IGNORE_EXCEPTION_DETAIL')

COMPARISON_FLAGS = (DONT_ACCEPT_TRUE_FOR_1 | DONT_ACCEPT_BLANKLINE |
                    NORMALIZE_WHITESPACE | ELLIPSIS | SKIP |
                    IGNORE_EXCEPTION_DETAIL)

REPORT_UDIFF = register_optionflag('REPORT_UDIFF')
REPORT_CDIFF = register_optionflag('REPORT_CDIFF')
REPORT_NDIFF = register_optionflag('REPORT_NDIFF')
REPORT_ONLY_FIRST_FAILURE = register_optionflag('REPORT_ONLY_FIRST_FAILURE')
FAIL_FAST = register_optionflag('FAIL_FAST')

REPORTING_FLAGS = (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF |
                   REPORT_ONLY_FIRST_FAILURE | FAIL_FAST)

BLANKLINE_MARKER = '<BLANKLINE>'
ELLIPSIS_MARKER = '...'


# ---------------------------------------------------------------------------
# Small text helpers.

def _indent(text, indent=4):
    """Prefix every non-empty line of *text* with *indent* spaces."""
    pad = ' ' * indent
    return '\n'.join(pad + line if line else line
                     for line in text.split('\n'))


def _exception_traceback(exc_info):
    """Return the full traceback text for an ``exc_info`` triple."""
    exc_type, exc_value, exc_tb = exc_info
    return ''.join(traceback.format_exception(exc_type, exc_value, exc_tb))


def _comment_line(line):
    line = line.rstrip()
    return '# ' + line if line else '#'


def _strip_exception_details(msg):
    """Reduce ``pkg.mod.Error: details`` to just ``Error``.

    A colon never occurs in a dotted name, so the name ends at the first
    colon (or at the end of the first line).
    """
    end = len(msg)
    newline = msg.find('\n')
    if newline >= 0:
        end = newline
    colon = msg.find(':', 0, end)
    if colon >= 0:
        end = colon
    start = msg.rfind('.', 0, end) + 1
    return msg[start:end]


def _ellipsis_match(want, got):
    """True if *got* matches *want*, where ``...`` in *want* matches any text."""
    if ELLIPSIS_MARKER not in want:
        return want == got
    pieces = want.split(ELLIPSIS_MARKER)
    first, last = pieces[0], pieces[-1]
    # The fixed head and tail must fit without overlapping.
    if len(first) + len(last) > len(got):
        return False
    if not got.startswith(first) or not got.endswith(last):
        return False
    pos, end = len(first), len(got) - len(last)
    for piece in pieces[1:-1]:
        # Taking the leftmost occurrence leaves the most room for the rest.
        found = got.find(piece, pos, end)
        if found < 0:
            return False
        pos = found + len(piece)
    return True


def _extract_future_flags(globs):
    """Compiler flags for the ``__future__`` features imported into *globs*."""
    flags = 0
    for feature_name in __future__.all_feature_names:
        feature = globs.get(feature_name)
        if feature is getattr(__future__, feature_name):
            flags |= feature.compiler_flag
    return flags


def _normalize_module(module, depth=2):
    """Turn a module, a dotted name or None (the caller's module) into a module."""
    if inspect.ismodule(module):
        return module
    if isinstance(module, str):
        return __import__(module, globals(), locals(), ["*"])
    if module is None:
        try:
            name = sys._getframe(depth).f_globals['__name__']
        except (AttributeError, KeyError, ValueError):
            name = '__main__'
        return sys.modules[name]
    raise TypeError("Expected a module, string, or None")


def _newline_convert(data):
    return data.replace('\r\n', '\n').replace('\r', '\n')


def _module_relative_path(module, test_path):
    if not inspect.ismodule(module):
        raise TypeError('Expected a module: %r' % module)
    if test_path.startswith('/'):
        raise ValueError('Module-relative files may not have absolute paths')
    test_path = os.path.join(*test_path.split('/'))
    if hasattr(module, '__file__'):
        basedir = os.path.split(module.__file__)[0]
    elif module.__name__ == '__main__':
        if sys.argv and sys.argv[0]:
            basedir = os.path.split(sys.argv[0])[0]
        else:
            basedir = os.curdir
    else:
        for directory in getattr(module, '__path__', ()):
            candidate = os.path.join(directory, test_path)
            if os.path.exists(candidate):
                return candidate
        raise ValueError("Can't resolve paths relative to the module "
                         "%r (it has no __file__)" % module.__name__)
    return os.path.join(basedir, test_path)


def _load_testfile(filename, package, module_relative, encoding):
    """Return ``(text, path)`` for a doctest file."""
    if module_relative:
        package = _normalize_module(package, 3)
        filename = _module_relative_path(package, filename)
        loader = getattr(package, '__loader__', None)
        if loader is None:
            spec = getattr(package, '__spec__', None)
            loader = getattr(spec, 'loader', None)
        if hasattr(loader, 'get_data'):
            data = loader.get_data(filename)
            return _newline_convert(data.decode(encoding)), filename
    with open(filename, encoding=encoding) as f:
        return f.read(), filename


class _SpoofOut(StringIO):
    """Captures an example's output; the text always ends with a newline."""

    def getvalue(self):
        text = super().getvalue()
        if text and not text.endswith('\n'):
            text += '\n'
        return text

    def truncate(self, size=None):
        self.seek(size or 0)
        super().truncate()


# ---------------------------------------------------------------------------
# Examples and tests.

class Example:
    """One ``>>>`` example: source code, expected output and options.

    ``source`` and non-empty ``want``/``exc_msg`` always end in a newline;
    ``lineno`` counts from 0 within the docstring; ``options`` maps flags
    to True (``+FLAG``) or False (``-FLAG``).
    """

    def __init__(self, source, want, exc_msg=None, lineno=0, indent=0,
                 options=None):
        if not source.endswith('\n'):
            source += '\n'
        if want and not want.endswith('\n'):
            want += '\n'
        if exc_msg is not None and not exc_msg.endswith('\n'):
            exc_msg += '\n'
        self.source = source
        self.want = want
        self.lineno = lineno
        self.indent = indent
        self.options = {} if options is None else options
        self.exc_msg = exc_msg

    def _key(self):
        return (self.source, self.want, self.lineno, self.indent,
                self.options, self.exc_msg)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.source, self.want, self.lineno, self.indent,
                     self.exc_msg))


class DocTest:
    """The examples of one docstring or file, with the globals they run in."""

    def __init__(self, examples, globs, name, filename, lineno, docstring):
        if isinstance(examples, str):
            raise TypeError("DocTest no longer accepts str; use DocTestParser instead")
        self.examples = examples
        self.docstring = docstring
        self.globs = globs.copy()
        self.name = name
        self.filename = filename
        self.lineno = lineno

    def __repr__(self):
        count = len(self.examples)
        if count == 0:
            examples = 'no examples'
        elif count == 1:
            examples = '1 example'
        else:
            examples = '%d examples' % count
        return '<%s %s from %s:%s (%s)>' % (type(self).__name__, self.name,
                                            self.filename, self.lineno,
                                            examples)

    def _key(self):
        return (self.examples, self.docstring, self.globs, self.name,
                self.filename, self.lineno)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash((self.docstring, self.name, self.filename, self.lineno))

    def __lt__(self, other):
        if not isinstance(other, DocTest):
            return NotImplemented
        mine = -1 if self.lineno is None else self.lineno
        theirs = -1 if other.lineno is None else other.lineno
        return ((self.name, self.filename, mine, id(self)) <
                (other.name, other.filename, theirs, id(other)))


# ---------------------------------------------------------------------------
# Parsing.

class DocTestParser:
    """Splits a docstring into text and ``Example`` objects."""

    # An example is a ">>>" line plus its "..." continuation lines, followed
    # by the expected output: every following non-blank line that is not
    # itself a prompt.
    _EXAMPLE_RE = re.compile(r'''
        (?P<source>
            (?:^(?P<indent>[ ]*) >>> .*)      # the first prompt line
            (?:\n [ ]* \.\.\. .*)*)           # continuation lines
        \n?
        (?P<want>
            (?:(?![ ]*$)(?![ ]*>>>) .+$\n?)*) # output up to a blank/prompt
        ''', re.MULTILINE | re.VERBOSE)

    _OPTION_DIRECTIVE_RE = re.compile(r'#\s*doctest:\s*([^\n\'"]*)$',
                                      re.MULTILINE)

    _TRACEBACK_HEADERS = ('Traceback (most recent call last):',
                          'Traceback (innermost last):')

    def parse(self, string, name='<string>'):
        """Return the text pieces and Examples of *string*, in order."""
        string = string.expandtabs()
        margin = self._min_indent(string)
        if margin > 0:
            string = '\n'.join(line[margin:] for line in string.split('\n'))
        output = []
        charno = lineno = 0
        for m in self._EXAMPLE_RE.finditer(string):
            output.append(string[charno:m.start()])
            lineno += string.count('\n', charno, m.start())
            source, options, want, exc_msg = self._parse_example(m, name,
                                                                 lineno)
            if not self._is_blank_or_comment(source):
                output.append(Example(source, want, exc_msg, lineno=lineno,
                                      indent=margin + len(m.group('indent')),
                                      options=options))
            lineno += string.count('\n', m.start(), m.end())
            charno = m.end()
        output.append(string[charno:])
        return output

    def get_doctest(self, string, globs, name, filename, lineno):
        """Return a DocTest for the examples of *string*."""
        return DocTest(self.get_examples(string, name), globs, name,
                       filename, lineno, string)

    def get_examples(self, string, name='<string>'):
        """Return only the Examples found in *string*."""
        return [piece for piece in self.parse(string, name)
                if isinstance(piece, Example)]

    def _parse_example(self, m, name, lineno):
        indent = len(m.group('indent'))
        source_lines = m.group('source').split('\n')
        self._check_prompt_blank(source_lines, indent, name, lineno)
        self._check_prefix(source_lines[1:], ' ' * indent + '.', name, lineno)
        source = '\n'.join(line[indent + 4:] for line in source_lines)

        want_lines = m.group('want').split('\n')
        if len(want_lines) > 1 and not want_lines[-1].strip(' '):
            del want_lines[-1]
        self._check_prefix(want_lines, ' ' * indent, name,
                           lineno + len(source_lines))
        want = '\n'.join(line[indent:] for line in want_lines)

        exc_msg = self._exception_message(want)
        options = self._find_options(source, name, lineno)
        return source, options, want, exc_msg

    def _exception_message(self, want):
        """The exception line(s) of an expected traceback, else None."""
        lines = want.split('\n')
        if lines[0].rstrip() not in self._TRACEBACK_HEADERS:
            return None
        # The stack is indented; the message starts at the first line that
        # begins with a name character.
        for index in range(1, len(lines)):
            head = lines[index][:1]
            if head and (head.isalnum() or head == '_'):
                return '\n'.join(lines[index:])
        return None

    def _find_options(self, source, name, lineno):
        """Parse the ``# doctest:`` directives of one example's source."""
        options = {}
        for m in self._OPTION_DIRECTIVE_RE.finditer(source):
            for option in m.group(1).replace(',', ' ').split():
                flag = OPTIONFLAGS_BY_NAME.get(option[1:])
                if option[:1] not in '+-' or flag is None:
                    raise ValueError('line %r of the doctest for %s has an '
                                     'invalid option: %r'
                                     % (lineno + 1, name, option))
                options[flag] = option[0] == '+'
        if options and self._is_blank_or_comment(source):
            raise ValueError('line %r of the doctest for %s has an option '
                             'directive on a line with no example: %r'
                             % (lineno, name, source))
        return options

    @staticmethod
    def _is_blank_or_comment(source):
        for line in source.split('\n'):
            stripped = line.strip(' ')
            if stripped and not stripped.startswith('#'):
                return False
        return True

    @staticmethod
    def _min_indent(string):
        widths = [len(line) - len(line.lstrip(' '))
                  for line in string.split('\n') if line.strip(' ')]
        return min(widths) if widths else 0

    @staticmethod
    def _check_prompt_blank(lines, indent, name, lineno):
        for i, line in enumerate(lines):
            if len(line) >= indent + 4 and line[indent + 3] != ' ':
                raise ValueError('line %r of the docstring for %s lacks '
                                 'blank after %s: %r'
                                 % (lineno + i + 1, name,
                                    line[indent:indent + 3], line))

    @staticmethod
    def _check_prefix(lines, prefix, name, lineno):
        for i, line in enumerate(lines):
            if line and not line.startswith(prefix):
                raise ValueError('line %r of the docstring for %s has '
                                 'inconsistent leading whitespace: %r'
                                 % (lineno + i + 1, name, line))


# ---------------------------------------------------------------------------
# Finding tests.

class DocTestFinder:
    """Collects the DocTests of an object and, recursively, of its members."""

    # A line where a docstring starts: an optional "...:" prefix, then an
    # optional string prefix such as r or b, then a quote.
    _DOCSTRING_START_RE = re.compile(r'(^|.*:)\s*\w*("|\')')

    def __init__(self, verbose=False, parser=DocTestParser(),
                 recurse=True, exclude_empty=True):
        self._parser = parser
        self._verbose = verbose
        self._recurse = recurse
        self._exclude_empty = exclude_empty

    def find(self, obj, name=None, module=None, globs=None, extraglobs=None):
        """Return the sorted list of DocTests for *obj* and its members."""
        if name is None:
            name = getattr(obj, '__name__', None)
            if name is None:
                raise ValueError("DocTestFinder.find: name must be given "
                                 "when obj.__name__ doesn't exist: %r"
                                 % (type(obj),))
        if module is False:
            module = None
        elif module is None:
            module = inspect.getmodule(obj)

        source_lines = self._source_lines(obj, module)

        if globs is None:
            globs = {} if module is None else module.__dict__.copy()
        else:
            globs = globs.copy()
        if extraglobs is not None:
            globs.update(extraglobs)
        if '__name__' not in globs:
            globs['__name__'] = '__main__'

        tests = []
        self._find(tests, obj, name, module, source_lines, globs, set())
        tests.sort()
        return tests

    @staticmethod
    def _source_lines(obj, module):
        try:
            filename = inspect.getsourcefile(obj)
        except TypeError:
            return None
        if not filename:
            # Sources such as "<doctest ...>" live only in linecache.
            try:
                filename = inspect.getfile(obj)
            except TypeError:
                return None
            if not (filename[:1] == '<' and filename[-2:] == '>'):
                return None
        if module is not None:
            lines = linecache.getlines(filename, module.__dict__)
        else:
            lines = linecache.getlines(filename)
        return lines or None

    def _from_module(self, module, obj):
        """Whether *obj* was defined in *module* (always, if module is None)."""
        if module is None:
            return True
        owner = inspect.getmodule(obj)
        if owner is not None:
            return module is owner
        if inspect.isfunction(obj):
            return module.__dict__ is obj.__globals__
        if inspect.ismethoddescriptor(obj) or inspect.ismethodwrapper(obj):
            if hasattr(obj, '__objclass__'):
                obj_mod = obj.__objclass__.__module__
            elif hasattr(obj, '__module__'):
                obj_mod = obj.__module__
            else:
                # Nothing tells where it came from: keep it.
                return True
            return module.__name__ == obj_mod
        if inspect.isclass(obj) or hasattr(obj, '__module__'):
            return module.__name__ == obj.__module__
        if isinstance(obj, property):
            return True
        raise ValueError("object must be a class or function")

    @staticmethod
    def _is_routine(obj):
        try:
            obj = inspect.unwrap(obj)
        except ValueError:
            pass
        return inspect.isroutine(obj)

    def _find(self, tests, obj, name, module, source_lines, globs, seen):
        if self._verbose:
            print('Finding tests in %s' % name)
        if id(obj) in seen:
            return
        seen.add(id(obj))

        test = self._get_test(obj, name, module, globs, source_lines)
        if test is not None:
            tests.append(test)
        if not self._recurse:
            return

        if inspect.ismodule(obj):
            for member_name, member in obj.__dict__.items():
                full = '%s.%s' % (name, member_name)
                if ((self._is_routine(member) or inspect.isclass(member))
                        and self._from_module(module, member)):
                    self._find(tests, member, full, module, source_lines,
                               globs, seen)
            for key, value in getattr(obj, '__test__', {}).items():
                if not isinstance(key, str):
                    raise ValueError("DocTestFinder.find: __test__ keys "
                                     "must be strings: %r" % (type(key),))
                if not (inspect.isroutine(value) or inspect.isclass(value)
                        or inspect.ismodule(value) or isinstance(value, str)):
                    raise ValueError("DocTestFinder.find: __test__ values "
                                     "must be strings, functions, methods, "
                                     "classes, or modules: %r"
                                     % (type(value),))
                full = '%s.__test__.%s' % (name, key)
                self._find(tests, value, full, module, source_lines, globs,
                           seen)

        if inspect.isclass(obj):
            for member_name, member in obj.__dict__.items():
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                if ((inspect.isroutine(member) or inspect.isclass(member)
                        or isinstance(member, property))
                        and self._from_module(module, member)):
                    full = '%s.%s' % (name, member_name)
                    self._find(tests, member, full, module, source_lines,
                               globs, seen)

    def _get_test(self, obj, name, module, globs, source_lines):
        if isinstance(obj, str):
            docstring = obj
        else:
            try:
                docstring = obj.__doc__
            except (TypeError, AttributeError):
                docstring = None
            if docstring is None:
                docstring = ''
            elif not isinstance(docstring, str):
                docstring = str(docstring)

        if self._exclude_empty and not docstring:
            return None
        lineno = self._find_lineno(obj, source_lines)

        if module is None:
            filename = None
        else:
            filename = getattr(module, '__file__', None) or module.__name__
            if filename.endswith('.pyc'):
                filename = filename[:-1]
        return self._parser.get_doctest(docstring, globs, name, filename,
                                        lineno)

    def _find_lineno(self, obj, source_lines):
        """The 0-based line where *obj*'s docstring starts, or None."""
        lineno = None
        docstring = getattr(obj, '__doc__', None)

        if inspect.ismodule(obj) and docstring is not None:
            lineno = 0

        if inspect.isclass(obj) and docstring is not None:
            if source_lines is None:
                return None
            header = re.compile(r'^\s*class\s*%s\b'
                                % re.escape(getattr(obj, '__name__', '-')))
            for index, line in enumerate(source_lines):
                if header.match(line):
                    lineno = index
                    break

        if isinstance(obj, property):
            obj = obj.fget
        if isinstance(obj, functools.cached_property):
            obj = obj.func
        if inspect.ismethod(obj):
            obj = obj.__func__
        if isinstance(obj, (staticmethod, classmethod)):
            obj = obj.__func__
        if inspect.isroutine(obj) and getattr(obj, '__doc__', None):
            # A decorated function's docstring sits in the wrapped one.
            obj = getattr(inspect.unwrap(obj), '__code__', None)
            if obj is None:
                return None
        if inspect.istraceback(obj):
            obj = obj.tb_frame
        if inspect.isframe(obj):
            obj = obj.f_code
        if inspect.iscode(obj):
            lineno = obj.co_firstlineno - 1

        if lineno is None:
            return None
        if source_lines is None:
            return lineno + 1
        for index in range(lineno, len(source_lines)):
            if self._DOCSTRING_START_RE.match(source_lines[index]):
                return index
        return None


# ---------------------------------------------------------------------------
# Comparing output.

class OutputChecker:
    """Decides whether actual output matches an example's expected output."""

    def _to_blanklines(self, got):
        """Mark whitespace-only lines of *got* the way an example writes them."""
        lines = got.split('\n')
        # The last piece follows the final newline: it is not a line.
        for index in range(len(lines) - 1):
            if not lines[index].strip(' '):
                lines[index] = BLANKLINE_MARKER
        return '\n'.join(lines)

    def check_output(self, want, got, optionflags):
        """True if *got* is an acceptable match for *want* under the flags."""
        if got == want:
            return True

        if not optionflags & DONT_ACCEPT_TRUE_FOR_1:
            if (got, want) in (('True\n', '1\n'), ('False\n', '0\n')):
                return True

        if not optionflags & DONT_ACCEPT_BLANKLINE:
            want = '\n'.join(
                '' if line.startswith(BLANKLINE_MARKER)
                and not line[len(BLANKLINE_MARKER):].strip() else line
                for line in want.split('\n'))
            got = '\n'.join('' if not line.strip() else line
                            for line in got.split('\n'))
            if got == want:
                return True

        if optionflags & NORMALIZE_WHITESPACE:
            got = ' '.join(got.split())
            want = ' '.join(want.split())
            if got == want:
                return True

        if optionflags & ELLIPSIS:
            if _ellipsis_match(want, got):
                return True
        return False

    def _do_a_fancy_diff(self, want, got, optionflags):
        if not optionflags & (REPORT_UDIFF | REPORT_CDIFF | REPORT_NDIFF):
            return False
        if optionflags & REPORT_NDIFF:
            return True
        # A unified or context diff only helps for multi-line outputs.
        return want.count('\n') > 2 and got.count('\n') > 2

    def output_difference(self, example, got, optionflags):
        """Describe how *got* differs from the expected output of *example*."""
        want = example.want
        if not optionflags & DONT_ACCEPT_BLANKLINE:
            got = self._to_blanklines(got)

        if self._do_a_fancy_diff(want, got, optionflags):
            want_lines = want.splitlines(keepends=True)
            got_lines = got.splitlines(keepends=True)
            if optionflags & REPORT_UDIFF:
                diff = list(difflib.unified_diff(want_lines, got_lines,
                                                 n=2))[2:]
                kind = 'unified diff with -expected +actual'
            elif optionflags & REPORT_CDIFF:
                diff = list(difflib.context_diff(want_lines, got_lines,
                                                 n=2))[2:]
                kind = 'context diff with expected followed by actual'
            else:
                differ = difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK)
                diff = list(differ.compare(want_lines, got_lines))
                kind = 'ndiff with -expected +actual'
            return 'Differences (%s):\n' % kind + _indent(''.join(diff))

        if want and got:
            return 'Expected:\n%sGot:\n%s' % (_indent(want), _indent(got))
        if want:
            return 'Expected:\n%sGot nothing\n' % _indent(want)
        if got:
            return 'Expected nothing\nGot:\n%s' % _indent(got)
        return 'Expected nothing\nGot nothing\n'


# ---------------------------------------------------------------------------
# Running tests.

_redirecting_pdb_class = None


def _make_redirecting_pdb(out):
    """A Pdb whose output goes to *out*, the real stdout during a run.

    pdb is imported on first use; the class is built once and cached.
    """
    global _redirecting_pdb_class
    if _redirecting_pdb_class is None:
        import pdb

        class _OutputRedirectingPdb(pdb.Pdb):
            def __init__(self, out):
                self._dt_out = out
                self._dt_used = False
                super().__init__(stdout=out, nosigint=True)
                self.use_rawinput = 1

            def set_trace(self, frame=None, **kwargs):
                self._dt_used = True
                if frame is None:
                    frame = sys._getframe().f_back
                # The debugger may stop right here, before any tracing
                # event: its prompt must not land in the captured output.
                saved = sys.stdout
                sys.stdout = self._dt_out
                try:
                    super().set_trace(frame, **kwargs)
                finally:
                    sys.stdout = saved

            def set_continue(self):
                # Only an activated debugger has tracing state to undo.
                if self._dt_used:
                    super().set_continue()

            def trace_dispatch(self, *args):
                saved = sys.stdout
                sys.stdout = self._dt_out
                try:
                    return super().trace_dispatch(*args)
                finally:
                    sys.stdout = saved

        _redirecting_pdb_class = _OutputRedirectingPdb
    return _redirecting_pdb_class(out)


_DOCTEST_FILENAME_RE = re.compile(r'<doctest (?P<name>.+)\[(?P<examplenum>\d+)\]>$')


class DocTestRunner:
    """Runs DocTests, reports on each example and keeps tallies."""

    DIVIDER = '*' * 70

    def __init__(self, checker=None, verbose=None, optionflags=0):
        self._checker = checker or OutputChecker()
        if verbose is None:
            verbose = '-v' in sys.argv
        self._verbose = verbose
        self.optionflags = optionflags
        self.original_optionflags = optionflags
        self.tries = 0
        self.failures = 0
        self.skips = 0
        # test name -> (failures, tries, skips)
        self._stats = {}
        self._fakeout = _SpoofOut()
        self.test = None
        self.debugger = None

    # -- reporting -----------------------------------------------------

    def report_start(self, out, test, example):
        """Report that *example* is about to run (verbose mode only)."""
        if self._verbose:
            if example.want:
                out('Trying:\n' + _indent(example.source) +
                    'Expecting:\n' + _indent(example.want))
            else:
                out('Trying:\n' + _indent(example.source) +
                    'Expecting nothing\n')

    def report_success(self, out, test, example, got):
        """Report that *example* passed (verbose mode only)."""
        if self._verbose:
            out('ok\n')

    def report_failure(self, out, test, example, got):
        """Report that *example* produced the wrong output."""
        out(self._failure_header(test, example) +
            self._checker.output_difference(example, got, self.optionflags))

    def report_unexpected_exception(self, out, test, example, exc_info):
        """Report that *example* raised an exception it did not expect."""
        out(self._failure_header(test, example) + 'Exception raised:\n' +
            _indent(_exception_traceback(exc_info)))

    def report_skip(self, out, test, example):
        """Called for an example skipped by the SKIP flag; silent here."""

    def _failure_header(self, test, example):
        lines = [self.DIVIDER]
        if test.filename:
            if test.lineno is not None and example.lineno is not None:
                lineno = test.lineno + example.lineno + 1
            else:
                lineno = '?'
            lines.append('File "%s", line %s, in %s'
                         % (test.filename, lineno, test.name))
        else:
            lines.append('Line %s, in %s' % (example.lineno + 1, test.name))
        lines.append('Failed example:')
        lines.append(_indent(example.source))
        return '\n'.join(lines)

    # -- running ---------------------------------------------------------

    def _exception_only(self, exc_type, exc_value):
        """The exception line(s) compared against an example's exc_msg."""
        lines = traceback.format_exception_only(exc_type, exc_value)
        # A SyntaxError starts with indented location lines; the message
        # (and any notes) follows them.
        start = 0
        while start < len(lines) - 1 and lines[start][:1] == ' ':
            start += 1
        return ''.join(lines[start:])

    def _run_examples(self, test, compileflags, out):
        failures = tries = skips = 0
        original_optionflags = self.optionflags
        check = self._checker.check_output

        for examplenum, example in enumerate(test.examples):
            quiet = bool(self.optionflags & REPORT_ONLY_FIRST_FAILURE
                         and failures > 0)

            self.optionflags = original_optionflags
            for flag, enabled in example.options.items():
                if enabled:
                    self.optionflags |= flag
                else:
                    self.optionflags &= ~flag

            tries += 1
            if self.optionflags & SKIP:
                skips += 1
                if not quiet:
                    self.report_skip(out, test, example)
                continue

            if not quiet:
                self.report_start(out, test, example)

            filename = '<doctest %s[%d]>' % (test.name, examplenum)
            try:
                code = compile(example.source, filename, 'single',
                               compileflags, True)
                exec(code, test.globs)
                exception = None
            except KeyboardInterrupt:
                raise
            except BaseException as exc:
                # Report from the example's own frame on: the runner's
                # frame says nothing about the example.
                exception = (type(exc), exc, exc.__traceback__.tb_next)
            if self.debugger is not None:
                self.debugger.set_continue()

            got = self._fakeout.getvalue()
            self._fakeout.truncate(0)

            passed = boom = False
            if exception is None:
                passed = check(example.want, got, self.optionflags)
            else:
                exc_msg = self._exception_only(*exception[:2])
                if not quiet:
                    got += _exception_traceback(exception)
                if example.exc_msg is None:
                    boom = True
                elif check(example.exc_msg, exc_msg, self.optionflags):
                    passed = True
                elif self.optionflags & IGNORE_EXCEPTION_DETAIL:
                    passed = check(_strip_exception_details(example.exc_msg),
                                   _strip_exception_details(exc_msg),
                                   self.optionflags)

            if passed:
                if not quiet:
                    self.report_success(out, test, example, got)
            else:
                failures += 1
                if quiet:
                    pass
                elif boom:
                    self.report_unexpected_exception(out, test, example,
                                                     exception)
                else:
                    self.report_failure(out, test, example, got)
            if failures and self.optionflags & FAIL_FAST:
                break

        self.optionflags = original_optionflags
        self._record_outcome(test, failures, tries, skips)
        return TestResults(failures, tries, skipped=skips)

    def _record_outcome(self, test, failures, tries, skips):
        old_failures, old_tries, old_skips = self._stats.get(test.name,
                                                             (0, 0, 0))
        self._stats[test.name] = (old_failures + failures, old_tries + tries,
                                  old_skips + skips)
        self.failures += failures
        self.tries += tries
        self.skips += skips

    def _patched_getlines(self, filename, module_globals=None):
        """linecache.getlines that also knows the running examples' sources."""
        m = _DOCTEST_FILENAME_RE.match(filename)
        if m and self.test is not None and m.group('name') == self.test.name:
            index = int(m.group('examplenum'))
            if index < len(self.test.examples):
                return self.test.examples[index].source.splitlines(keepends=True)
        return self._saved_getlines(filename, module_globals)

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        """Run the examples of *test*, reporting through *out*.

        Output of the examples is captured while they run; stdout,
        pdb.set_trace, linecache.getlines and sys.displayhook are restored
        afterwards.  Returns a TestResults.
        """
        import pdb

        self.test = test
        if compileflags is None:
            compileflags = _extract_future_flags(test.globs)

        saved_stdout = sys.stdout
        if out is None:
            encoding = getattr(saved_stdout, 'encoding', None)
            if encoding is None or encoding.lower() == 'utf-8':
                out = saved_stdout.write
            else:
                def out(text):
                    text = text.encode(encoding, 'backslashreplace')
                    saved_stdout.write(text.decode(encoding))
        sys.stdout = self._fakeout

        saved_set_trace = pdb.set_trace
        saved_trace = sys.gettrace()
        self.debugger = _make_redirecting_pdb(saved_stdout)
        self.debugger.reset()
        pdb.set_trace = self.debugger.set_trace

        self._saved_getlines = linecache.getlines
        linecache.getlines = self._patched_getlines

        saved_displayhook = sys.displayhook
        sys.displayhook = sys.__displayhook__
        try:
            return self._run_examples(test, compileflags, out)
        finally:
            sys.stdout = saved_stdout
            pdb.set_trace = saved_set_trace
            sys.settrace(saved_trace)
            linecache.getlines = self._saved_getlines
            sys.displayhook = saved_displayhook
            if clear_globs:
                test.globs.clear()
                import builtins
                builtins._ = None

    def summarize(self, verbose=None):
        """Print a summary of every test run so far; return the totals."""
        if verbose is None:
            verbose = self._verbose

        notests, passed, failed = [], [], []
        total_tries = total_failures = total_skips = 0
        for name, (failures, tries, skips) in self._stats.items():
            total_tries += tries
            total_failures += failures
            total_skips += skips
            if tries == 0:
                notests.append(name)
            elif failures == 0:
                passed.append((name, tries))
            else:
                failed.append((name, (failures, tries, skips)))

        if verbose:
            if notests:
                print(f'{_n_items(notests)} had no tests:')
                for name in sorted(notests):
                    print(f'    {name}')
            if passed:
                print(f'{_n_items(passed)} passed all tests:')
                for name, count in sorted(passed):
                    print(f' {count:3d} test{_plural(count)} in {name}')

        if failed:
            print(self.DIVIDER)
            print(f'{_n_items(failed)} had failures:')
            for name, (failures, tries, skips) in sorted(failed):
                print(f' {failures:3d} of {tries:3d} in {name}')

        if verbose:
            print(f'{total_tries} test{_plural(total_tries)} in '
                  f'{_n_items(self._stats)}.')
            if total_failures:
                print(f'{total_tries - total_failures} passed and '
                      f'{total_failures} failed.')
            else:
                print(f'{total_tries} passed.')

        if total_failures:
            message = (f'***Test Failed*** {total_failures} '
                       f'failure{_plural(total_failures)}')
            if total_skips:
                message += (f' and {total_skips} skipped '
                            f'test{_plural(total_skips)}')
            print(message + '.')
        elif verbose:
            print('Test passed.')
        return TestResults(total_failures, total_tries, skipped=total_skips)

    def merge(self, other):
        """Add the per-test tallies of runner *other* to this one's."""
        for name, (failures, tries, skips) in other._stats.items():
            if name in self._stats:
                old_failures, old_tries, old_skips = self._stats[name]
                failures += old_failures
                tries += old_tries
                skips += old_skips
            self._stats[name] = (failures, tries, skips)


def _plural(count):
    return '' if count == 1 else 's'


def _n_items(items):
    count = len(items)
    return f'{count} item{_plural(count)}'


class DocTestFailure(Exception):
    """Raised by DebugRunner when an example's output is wrong.

    Attributes: ``test``, ``example`` and the actual output ``got``.
    """

    def __init__(self, test, example, got):
        super().__init__(test, example, got)
        self.test = test
        self.example = example
        self.got = got

    def __str__(self):
        return str(self.test)


class UnexpectedException(Exception):
    """Raised by DebugRunner when an example raises unexpectedly.

    Attributes: ``test``, ``example`` and ``exc_info``.
    """

    def __init__(self, test, example, exc_info):
        super().__init__(test, example, exc_info)
        self.test = test
        self.example = example
        self.exc_info = exc_info

    def __str__(self):
        return str(self.test)


class DebugRunner(DocTestRunner):
    """A runner that raises at the first problem instead of reporting it.

    The globals are left in place after a failure so that they can be
    inspected with a post-mortem debugger.
    """

    def run(self, test, compileflags=None, out=None, clear_globs=True):
        results = super().run(test, compileflags, out, False)
        if clear_globs:
            test.globs.clear()
        return results

    def report_unexpected_exception(self, out, test, example, exc_info):
        raise UnexpectedException(test, example, exc_info)

    def report_failure(self, out, test, example, got):
        raise DocTestFailure(test, example, got)


# ---------------------------------------------------------------------------
# Convenience functions.

master = None


def testmod(m=None, name=None, globs=None, verbose=None, report=True,
            optionflags=0, extraglobs=None, raise_on_error=False,
            exclude_empty=False):
    """Test the examples in the docstrings of module *m* (default __main__).

    Returns TestResults(failed, attempted) with a ``skipped`` attribute.
    """
    global master
    if m is None:
        m = sys.modules.get('__main__')
    if not inspect.ismodule(m):
        raise TypeError("testmod: module required; %r" % (m,))
    if name is None:
        name = m.__name__

    finder = DocTestFinder(exclude_empty=exclude_empty)
    if raise_on_error:
        runner = DebugRunner(verbose=verbose, optionflags=optionflags)
    else:
        runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(m, name, globs=globs, extraglobs=extraglobs):
        runner.run(test)
    if report:
        runner.summarize()

    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries, skipped=runner.skips)


def testfile(filename, module_relative=True, name=None, package=None,
             globs=None, verbose=None, report=True, optionflags=0,
             extraglobs=None, raise_on_error=False, parser=DocTestParser(),
             encoding=None):
    """Test the examples in the text file *filename*.

    Relative paths are resolved against *package* (default: the caller's
    module) unless *module_relative* is false.
    """
    global master
    if package and not module_relative:
        raise ValueError("Package may only be specified for module-relative "
                         "paths.")
    text, filename = _load_testfile(filename, package, module_relative,
                                    encoding or 'utf-8')
    if name is None:
        name = os.path.basename(filename)
    globs = {} if globs is None else globs.copy()
    if extraglobs is not None:
        globs.update(extraglobs)
    if '__name__' not in globs:
        globs['__name__'] = '__main__'

    if raise_on_error:
        runner = DebugRunner(verbose=verbose, optionflags=optionflags)
    else:
        runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    test = parser.get_doctest(text, globs, name, filename, 0)
    runner.run(test)
    if report:
        runner.summarize()

    if master is None:
        master = runner
    else:
        master.merge(runner)
    return TestResults(runner.failures, runner.tries, skipped=runner.skips)


def run_docstring_examples(f, globs, verbose=False, name="NoName",
                           compileflags=None, optionflags=0):
    """Test the examples in the docstring of *f* only (no recursion)."""
    finder = DocTestFinder(verbose=verbose, recurse=False)
    runner = DocTestRunner(verbose=verbose, optionflags=optionflags)
    for test in finder.find(f, name, globs=globs):
        runner.run(test, compileflags=compileflags)


# ---------------------------------------------------------------------------
# unittest integration.

_unittest_reportflags = 0


def set_unittest_reportflags(flags):
    """Set the reporting flags used by DocTestCase; return the old ones.

    Only has an effect on tests created without reporting flags of their
    own.  Non-reporting flags are rejected with ValueError.
    """
    global _unittest_reportflags
    if (flags & REPORTING_FLAGS) != flags:
        raise ValueError("Only reporting flags allowed", flags)
    old = _unittest_reportflags
    _unittest_reportflags = flags
    return old


class _DocTestCaseRunner(DocTestRunner):
    """Reports each example to a unittest result as a numbered subtest."""

    def __init__(self, *args, test_case, test_result, **kwargs):
        super().__init__(*args, **kwargs)
        self._test_case = test_case
        self._test_result = test_result
        self._examplenum = 0

    def _next_subtest(self):
        subtest = unittest.case._SubTest(self._test_case,
                                         str(self._examplenum), {})
        self._examplenum += 1
        return subtest

    def report_skip(self, out, test, example):
        subtest = self._next_subtest()
        add_skip = getattr(self._test_result, 'addSkip', None)
        if add_skip is not None:
            add_skip(subtest, '')

    def report_success(self, out, test, example, got):
        self._test_result.addSubTest(self._test_case, self._next_subtest(),
                                     None)

    def report_failure(self, out, test, example, got):
        difference = self._checker.output_difference(example, got,
                                                     self.optionflags)
        message = ('Failed example:\n' + _indent(example.source) +
                   difference.rstrip('\n'))
        exc = self._test_case.failureException(message)
        tb = self._example_frame(None, test, example)
        self._test_result.addSubTest(self._test_case, self._next_subtest(),
                                     (type(exc), exc, tb))

    def report_unexpected_exception(self, out, test, example, exc_info):
        tb = self._example_frame(exc_info[2], test, example)
        self._test_result.addSubTest(self._test_case, self._next_subtest(),
                                     (exc_info[0], exc_info[1], tb))

    @staticmethod
    def _example_frame(tb_next, test, example):
        """A stand-in traceback entry pointing at the example's line.

        Tracebacks cannot be built from Python code, but the traceback
        module only reads these attributes, so a namespace will do.
        """
        if test.lineno is None or example.lineno is None:
            lineno = None
        else:
            lineno = test.lineno + example.lineno + 1
        code = types.SimpleNamespace(co_filename=test.filename,
                                     co_name=test.name)
        frame = types.SimpleNamespace(f_globals=test.globs, f_code=code)
        return types.SimpleNamespace(tb_frame=frame, tb_next=tb_next,
                                     tb_lasti=-1, tb_lineno=lineno)


class DocTestCase(unittest.TestCase):
    """A unittest test case running one DocTest; each example is a
    subtest."""

    def __init__(self, test, optionflags=0, setUp=None, tearDown=None,
                 checker=None):
        super().__init__()
        self._dt_optionflags = optionflags
        self._dt_checker = checker
        self._dt_test = test
        self._dt_setUp = setUp
        self._dt_tearDown = tearDown
        self._test_result = None

    def setUp(self):
        test = self._dt_test
        # Each run starts from the globals the test had before it.
        self._dt_globs = test.globs.copy()
        if self._dt_setUp is not None:
            self._dt_setUp(test)

    def tearDown(self):
        test = self._dt_test
        if self._dt_tearDown is not None:
            self._dt_tearDown(test)
        test.globs.clear()
        test.globs.update(self._dt_globs)

    def run(self, result=None):
        # runTest reports the examples straight to the result.
        if result is None:
            result = self.defaultTestResult()
        self._test_result = result
        return super().run(result)

    def runTest(self):
        result = self._test_result
        flags = self._dt_optionflags
        if not flags & REPORTING_FLAGS:
            flags |= _unittest_reportflags
        if getattr(result, 'failfast', False):
            flags |= FAIL_FAST
        runner = _DocTestCaseRunner(optionflags=flags,
                                    checker=self._dt_checker, verbose=False,
                                    test_case=self, test_result=result)
        results = runner.run(self._dt_test, clear_globs=False)
        if results.skipped == results.attempted:
            raise unittest.SkipTest('all examples were skipped')

    def format_failure(self, err):
        test = self._dt_test
        if test.lineno is None:
            lineno = 'unknown line number'
        else:
            lineno = '%s' % test.lineno
        short_name = test.name.split('.')[-1]
        return ('Failed doctest test for %s\n  File "%s", line %s, in %s\n\n%s'
                % (test.name, test.filename, lineno, short_name, err))

    def debug(self):
        """Run without catching anything: the first problem raises
        DocTestFailure or UnexpectedException, ready for post-mortem."""
        self.setUp()
        runner = DebugRunner(optionflags=self._dt_optionflags,
                             checker=self._dt_checker, verbose=False)
        runner.run(self._dt_test, clear_globs=False)
        self.tearDown()

    def id(self):
        return self._dt_test.name

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return (self._dt_test == other._dt_test and
                self._dt_optionflags == other._dt_optionflags and
                self._dt_setUp == other._dt_setUp and
                self._dt_tearDown == other._dt_tearDown and
                self._dt_checker == other._dt_checker)

    def __hash__(self):
        return hash((self._dt_optionflags, self._dt_setUp, self._dt_tearDown,
                     self._dt_checker))

    def __repr__(self):
        parts = self._dt_test.name.split('.')
        return '%s (%s)' % (parts[-1], '.'.join(parts[:-1]))

    __str__ = object.__str__

    def shortDescription(self):
        return 'Doctest: ' + self._dt_test.name


class SkipDocTestCase(unittest.TestCase):
    """Stands in for a module's doctests when docstrings are stripped (-OO)."""

    def __init__(self, module):
        self.module = module
        super().__init__('test_skip')

    def setUp(self):
        self.skipTest("DocTestSuite will not work with -O2 and above")

    def test_skip(self):
        pass

    def shortDescription(self):
        return "Skipping tests from %s" % self.module.__name__

    __str__ = shortDescription


class _DocTestSuite(unittest.TestSuite):
    # Keep the cases after they ran, so that they can be run again.
    def _removeTestAtIndex(self, index):
        pass


def DocTestSuite(module=None, globs=None, extraglobs=None, test_finder=None,
                 **options):
    """Return a unittest suite with one DocTestCase per non-empty docstring
    of *module* (default: the caller's module)."""
    if test_finder is None:
        test_finder = DocTestFinder()
    module = _normalize_module(module)
    tests = test_finder.find(module, globs=globs, extraglobs=extraglobs)

    suite = _DocTestSuite()
    if not tests and sys.flags.optimize >= 2:
        suite.addTest(SkipDocTestCase(module))
        return suite

    tests.sort()
    for test in tests:
        if not test.examples:
            continue
        if not test.filename:
            filename = module.__file__
            if filename.endswith('.pyc'):
                filename = filename[:-1]
            test.filename = filename
        suite.addTest(DocTestCase(test, **options))
    return suite


class DocFileCase(DocTestCase):
    """A DocTestCase for a whole text file."""

    def id(self):
        return '_'.join(self._dt_test.name.split('.'))

    def __repr__(self):
        return self._dt_test.filename

    def format_failure(self, err):
        return ('Failed doctest test for %s\n  File "%s", line 0\n\n%s'
                % (self._dt_test.name, self._dt_test.filename, err))


def DocFileTest(path, module_relative=True, package=None, globs=None,
                parser=DocTestParser(), encoding=None, **options):
    globs = {} if globs is None else globs.copy()
    if package and not module_relative:
        raise ValueError("Package may only be specified for module-relative "
                         "paths.")
    text, path = _load_testfile(path, package, module_relative,
                                encoding or 'utf-8')
    if '__file__' not in globs:
        globs['__file__'] = path
    name = os.path.basename(path)
    test = parser.get_doctest(text, globs, name, path, 0)
    return DocFileCase(test, **options)


def DocFileSuite(*paths, **kw):
    """Return a unittest suite with one DocFileCase per text file in *paths*."""
    suite = _DocTestSuite()
    # Resolve the package here: DocFileTest would see the wrong caller.
    if kw.get('module_relative', True):
        kw['package'] = _normalize_module(kw.get('package'))
    for path in paths:
        suite.addTest(DocFileTest(path, **kw))
    return suite


# ---------------------------------------------------------------------------
# Turning doctests into scripts, and debugging them.

def script_from_examples(s):
    """Return *s* as a Python script: examples become code, expected output
    becomes ``## `` comments and the prose becomes ``# `` comments."""
    output = []
    for piece in DocTestParser().parse(s):
        if isinstance(piece, Example):
            output.append(piece.source[:-1])
            if piece.want:
                output.append('# Expected:')
                output.extend('## ' + line
                              for line in piece.want.split('\n')[:-1])
        else:
            output.extend(_comment_line(line)
                          for line in piece.split('\n')[:-1])
    while output and output[-1] == '#':
        output.pop()
    while output and output[0] == '#':
        output.pop(0)
    return '\n'.join(output) + '\n'


def testsource(module, name):
    """Return the script for the doctest named *name* in *module*."""
    module = _normalize_module(module)
    for test in DocTestFinder().find(module):
        if test.name == name:
            return script_from_examples(test.docstring)
    raise ValueError(name, "not found in tests")


def debug_src(src, pm=False, globs=None):
    """Debug the doctest examples in the string *src*."""
    debug_script(script_from_examples(src), pm, globs)


def debug_script(src, pm=False, globs=None):
    """Run the script *src* under pdb (post-mortem only if *pm*)."""
    import pdb

    globs = globs.copy() if globs else {}
    if pm:
        try:
            exec(src, globs, globs)
        except BaseException:
            print(sys.exc_info()[1])
            debugger = pdb.Pdb(nosigint=True)
            debugger.reset()
            debugger.interaction(None, sys.exc_info()[2])
    else:
        pdb.Pdb(nosigint=True).run('exec(%r)' % src, globs, globs)


def debug(module, name, pm=False):
    """Debug the doctest named *name* in *module*."""
    module = _normalize_module(module)
    debug_script(testsource(module, name), pm, module.__dict__)


# ---------------------------------------------------------------------------
# Command line.

def _test():
    import argparse

    parser = argparse.ArgumentParser(description="doctest runner")
    parser.add_argument('-v', '--verbose', action='store_true', default=False,
                        help='print very verbose output for all tests')
    parser.add_argument('-o', '--option', action='append',
                        choices=OPTIONFLAGS_BY_NAME.keys(), default=[],
                        help=('specify a doctest option flag to apply'
                              ' to the test run; may be specified more'
                              ' than once to apply multiple options'))
    parser.add_argument('-f', '--fail-fast', action='store_true',
                        help=('stop running tests after first failure (this'
                              ' is a shorthand for -o FAIL_FAST, and is'
                              ' in addition to any other -o options)'))
    parser.add_argument('file', nargs='+',
                        help='file containing the tests to run')
    args = parser.parse_args()

    options = 0
    for option in args.option:
        options |= OPTIONFLAGS_BY_NAME[option]
    if args.fail_fast:
        options |= FAIL_FAST

    for filename in args.file:
        if filename.endswith('.py'):
            # Import the file as a module from its own directory.
            dirname, basename = os.path.split(filename)
            sys.path.insert(0, dirname)
            try:
                module = __import__(basename[:-3])
            finally:
                del sys.path[0]
            failures, _ = testmod(module, verbose=args.verbose,
                                  optionflags=options)
        else:
            failures, _ = testfile(filename, module_relative=False,
                                   verbose=args.verbose, optionflags=options)
        if failures:
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(_test())
