# doctest: testmod on a generated module: report texts, summaries, flags.
import io
import os
import shutil
import sys
import tempfile
import doctest

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)

SOURCE = '''"""Module docstring.

>>> 1 + 1
2
"""

def double(x):
    """Double it.

    >>> double(2)
    4
    >>> double(3)
    7
    >>> print('a\\\\n\\\\nb')
    a
    <BLANKLINE>
    b
    """
    return 2 * x

def errors():
    """
    >>> 1/0
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    >>> raise ValueError('x')
    Traceback (most recent call last):
    TypeError: y
    >>> raise KeyError('k')   # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    builtins.KeyError: other
    >>> list(range(1, 11))  # doctest: +ELLIPSIS
    [1, 2, ..., 10]
    >>> print(list(range(20)))  # doctest: +NORMALIZE_WHITESPACE
    [0,   1, 2, 3, 4, 5, 6, 7, 8, 9,
     10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    >>> x = 5  # doctest: +SKIP
    >>> 'nothing'
    >>> undefined_name
    42
    """

def lines():
    """
    >>> print('\\\\n'.join('abcdefgh'))
    a
    b
    c
    d
    e
    X
    g
    h
    >>> True
    1
    >>> True  # doctest: +DONT_ACCEPT_TRUE_FOR_1
    1
    >>> print('a\\\\n\\\\nb')  # doctest: +DONT_ACCEPT_BLANKLINE
    a
    <BLANKLINE>
    b
    """

def empty():
    pass

class Shape:
    """A class.

    >>> Shape().name()
    'shape'
    """
    def name(self):
        """
        >>> Shape().name()
        'shape'
        """
        return 'shape'

    @staticmethod
    def static():
        """
        >>> Shape.static()
        1
        """
        return 1

    @classmethod
    def klass(cls):
        """
        >>> Shape.klass()
        'Shape'
        """
        return cls.__name__

    class Inner:
        """
        >>> Shape.Inner.__name__
        'Inner'
        """

__test__ = {'extra': """
>>> 3 * 3
9
>>> print('hi')
""", 'func': double}
'''

with open(os.path.join(tmp, 'dt_sample.py'), 'w') as f:
    f.write(SOURCE)
import dt_sample


def clean(text):
    """Hide the temporary path."""
    return text.replace(tmp, 'TMP')


def run(title, **kw):
    print('=====', title)
    saved = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        results = doctest.testmod(dt_sample, **kw)
    finally:
        sys.stdout = saved
    print(clean(buf.getvalue()), end='')
    print(results, tuple(results), getattr(results, 'skipped', None))


run('plain')
run('verbose', verbose=True)
run('first failure', optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
run('fail fast', optionflags=doctest.FAIL_FAST)
run('udiff', optionflags=doctest.REPORT_UDIFF)
run('cdiff', optionflags=doctest.REPORT_CDIFF)
run('ndiff', optionflags=doctest.REPORT_NDIFF)
run('no empty', exclude_empty=True, report=False)
run('extraglobs', extraglobs={'double': lambda x: x * 2 if x != 3 else 7})
run('name', name='renamed', report=False)

finder = doctest.DocTestFinder()
for test in finder.find(dt_sample):
    print(test.name, test.lineno, len(test.examples))
print([t.name for t in doctest.DocTestFinder(exclude_empty=False).find(dt_sample)
       if not t.examples])
print([t.name for t in doctest.DocTestFinder(recurse=False).find(dt_sample)])

try:
    doctest.testmod(42)
except TypeError as e:
    print('TypeError:', e)

saved = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    doctest.master.summarize(verbose=False)
finally:
    sys.stdout = saved
print(clean(buf.getvalue()), end='')

shutil.rmtree(tmp)
