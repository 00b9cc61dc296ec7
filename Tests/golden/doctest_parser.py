# doctest: parser, Example/DocTest objects, OutputChecker, scripts,
# DebugRunner, option flags, run_docstring_examples.
import sys
import doctest

print([(name, value) for name, value in sorted(doctest.OPTIONFLAGS_BY_NAME.items(),
                                               key=lambda item: item[1])])
print(doctest.COMPARISON_FLAGS, doctest.REPORTING_FLAGS)
new_flag = doctest.register_optionflag('MY_FLAG')
print(new_flag, doctest.register_optionflag('MY_FLAG') == new_flag)

parser = doctest.DocTestParser()
text = '''
Intro text.

    >>> x = [1,
    ...      2]
    >>> x
    [1, 2]
    >>> print('a\\n\\nb')  # doctest: +NORMALIZE_WHITESPACE, -ELLIPSIS
    a
    <BLANKLINE>
    b

    >>> # just a comment
    >>> raise ValueError('bad')
    Traceback (most recent call last):
      File "x", line 1
    ValueError: bad
        more detail

Trailing text.
'''
pieces = parser.parse(text, 'demo')
for piece in pieces:
    if isinstance(piece, doctest.Example):
        print('EX', repr(piece.source), repr(piece.want), repr(piece.exc_msg),
              piece.lineno, piece.indent, piece.options)
    else:
        print('TEXT', repr(piece))
test = parser.get_doctest(text, {'a': 1}, 'demo', 'demo.txt', 10)
print(test)
print(parser.get_doctest('', {}, 'none', None, None))
print(parser.get_doctest('>>> 1\n1\n', {}, 'one', 'f', 3))
print(test.examples[0] == doctest.Example('x = [1,\n     2]\n', '', lineno=3, indent=4))
example = doctest.Example('1', '1')
print(repr(example.source), repr(example.want), example.exc_msg, example.options)
print(doctest.Example('raise X', '', 'X: y').exc_msg == 'X: y\n')

for bad in ('>>>x', '  >>> x\n ... y', '>>> 1 # doctest: +BOGUS',
            '>>> 1 # doctest: ELLIPSIS', '    >>> x\n  y',
            '>>> # doctest: +ELLIPSIS'):
    try:
        parser.get_examples(bad, 'name')
    except ValueError as e:
        print('ValueError:', e)

checker = doctest.OutputChecker()
cases = [
    ('1\n', 'True\n', 0),
    ('1\n', 'True\n', doctest.DONT_ACCEPT_TRUE_FOR_1),
    ('0\n', 'False\n', 0),
    ('a\n<BLANKLINE>\n', 'a\n\n', 0),
    ('a\n<BLANKLINE>\n', 'a\n   \n', 0),
    ('a\n<BLANKLINE>\n', 'a\n\n', doctest.DONT_ACCEPT_BLANKLINE),
    ('a b  c\n', 'a\nb c\n', 0),
    ('a b  c\n', 'a\nb c\n', doctest.NORMALIZE_WHITESPACE),
    ('a...c\n', 'abbbc\n', doctest.ELLIPSIS),
    ('a...c\n', 'abbbc\n', 0),
    ('...\n', 'anything\n', doctest.ELLIPSIS),
    ('aa...aa\n', 'aaa\n', doctest.ELLIPSIS),
    ('a...b...c\n', 'a c b c\n', doctest.ELLIPSIS),
    ('a...b...c\n', 'a c c\n', doctest.ELLIPSIS),
]
for want, got, flags in cases:
    print(repr(want), repr(got), flags, checker.check_output(want, got, flags))
ex = doctest.Example('f()', 'one\ntwo\nthree\nfour\n')
print(checker.output_difference(ex, 'one\n2\nthree\nfour\n', 0), end='')
print(checker.output_difference(ex, 'one\n2\nthree\nfour\n', doctest.REPORT_UDIFF), end='')
print(checker.output_difference(ex, 'one\n\nthree\nfour\n', doctest.REPORT_NDIFF), end='')
print(checker.output_difference(ex, '', 0), end='')
print(checker.output_difference(doctest.Example('f()', ''), 'x\n', 0), end='')
print(checker.output_difference(doctest.Example('f()', ''), '', 0), end='')
print(checker.output_difference(ex, 'a\n  \nb\n', 0), end='')

print(doctest.script_from_examples('''
    Set x:

    >>> x = 12

    Show it:

    >>> print(x)
    12
    >>> x + 1
    13

    Done.
'''), end='')

# Running a DocTest directly, with globals and compile flags.
runner = doctest.DocTestRunner(verbose=False)
t = parser.get_doctest('>>> y = base + 1\n>>> y\n3\n', {'base': 1}, 'direct', None, None)
print(runner.run(t))
print(runner.failures, runner.tries, runner.skips, t.globs)
t = parser.get_doctest('>>> y = base + 1\n>>> y\n2\n', {'base': 1}, 'kept', None, None)
print(runner.run(t, clear_globs=False), sorted(t.globs))
collected = []
t = parser.get_doctest('>>> 1 + 1\n3\n', {}, 'outbuf', 'f.txt', None)
print(runner.run(t, out=collected.append))
print(collected)
print(runner.summarize(verbose=True))

class Quiet(doctest.DocTestRunner):
    def report_start(self, out, test, example):
        out('start %r\n' % example.source)
    def report_success(self, out, test, example, got):
        out('success %r\n' % got)
    def report_failure(self, out, test, example, got):
        out('failure %r\n' % got)
    def report_unexpected_exception(self, out, test, example, exc_info):
        out('boom %s\n' % exc_info[0].__name__)
t = parser.get_doctest('>>> 1\n1\n>>> 2\n3\n>>> 1/0\n>>> 4 # doctest: +SKIP\n', {}, 'q', None, 0)
print(Quiet().run(t))

try:
    doctest.DebugRunner(verbose=False).run(parser.get_doctest('>>> 1\n2\n', {}, 'x', 'f', 0))
except doctest.DocTestFailure as e:
    print('DocTestFailure', repr(e.example.want), repr(e.got), e)
try:
    doctest.DebugRunner(verbose=False).run(parser.get_doctest('>>> 1/0\n', {}, 'x', 'f', 0))
except doctest.UnexpectedException as e:
    print('UnexpectedException', e.exc_info[0].__name__, e.example.source, e)

def sample():
    """
    >>> sample.__name__
    'samplex'
    >>> 1 + 1
    2
    """
import io
saved = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    doctest.run_docstring_examples(sample, {'sample': sample})
    doctest.run_docstring_examples(sample, {'sample': sample}, name='S',
                                   verbose=True)
    doctest.run_docstring_examples(sample, {'sample': sample},
                                   optionflags=doctest.REPORT_NDIFF)
finally:
    sys.stdout = saved
print(buf.getvalue().replace(__file__, 'THIS'), end='')

print(doctest.TestResults(1, 2), doctest.TestResults(1, 2, skipped=3),
      doctest.TestResults(1, 2, skipped=3).skipped)
failed, attempted = doctest.TestResults(0, 5)
print(failed, attempted)

# Expected exceptions: SyntaxError location lines, notes, detail flags.
t = parser.get_doctest('''
>>> 1 +* 2  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
SyntaxError: anything
>>> e = ValueError('v'); e.add_note('a note'); raise e
Traceback (most recent call last):
  ...
ValueError: v
a note
>>> raise ValueError('multi\\nline')
Traceback (most recent call last):
ValueError: multi
line
>>> raise KeyError(3)
Traceback (innermost last):
KeyError: 3
''', {}, 'exc', None, 0)
print(doctest.DocTestRunner(verbose=False).run(t))
