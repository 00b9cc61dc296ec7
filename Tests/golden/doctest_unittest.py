# doctest: testfile, DocTestSuite and DocFileSuite through unittest.
import io
import os
import shutil
import sys
import tempfile
import unittest
import doctest

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
pkg = os.path.join(tmp, 'dt_pkg')
os.mkdir(pkg)
with open(os.path.join(pkg, '__init__.py'), 'w') as f:
    f.write('''"""Package.

>>> answer
42
"""
answer = 42

def good():
    """
    >>> good()
    'good'
    """
    return 'good'

def bad():
    """
    >>> bad()
    'good'
    >>> 1 + 1
    2
    """
    return 'bad'

def skipped():
    """
    >>> skipped()  # doctest: +SKIP
    'never'
    """

def boom():
    """
    >>> boom()
    """
    raise RuntimeError('boom')

def setup_value():
    """
    >>> zq_value
    'from setUp'
    """
''')
with open(os.path.join(pkg, 'pass.txt'), 'w') as f:
    f.write('Passing file.\n\n    >>> a = 10\n    >>> a * 2\n    20\n')
with open(os.path.join(pkg, 'fail.txt'), 'w') as f:
    f.write('Failing file.\n\n    >>> a = 10\n    >>> a + 1\n    12\n'
            '    >>> "__file__" in globals()\n    True\n')
with open(os.path.join(pkg, 'skip.txt'), 'w') as f:
    f.write('    >>> 1  # doctest: +SKIP\n    2\n')
with open(os.path.join(pkg, 'latin.txt'), 'wb') as f:
    f.write('    >>> print("\xe9t\xe9")\n    \xe9t\xe9\n'.encode('latin-1'))
import dt_pkg


def clean(text):
    out = []
    skipping = False
    for line in text.replace(tmp, 'TMP').split('\n'):
        if 'doctest.py", line' in line or 'unittest' in line and 'File "' in line:
            skipping = True
            continue
        if skipping:
            if 'File "<doctest' in line or not line.startswith('    '):
                skipping = False
            else:
                continue
        if line.strip() and not line.strip().strip('~^'):
            continue  # caret lines depend on the traceback module's version
        out.append(line)
    return '\n'.join(out)


def captured(func, *args, **kw):
    saved = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        result = func(*args, **kw)
    finally:
        sys.stdout = saved
    print(clean(buf.getvalue()), end='')
    return result


def run_suite(suite):
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
    print('run', result.testsRun, 'failures', len(result.failures),
          'errors', len(result.errors), 'skipped', len(result.skipped))
    for case, text in result.failures + result.errors:
        print('---', case.id(), '|', clean(str(case)), '|',
              case.shortDescription())
        print(clean(text.rstrip('\n')))
    for case, reason in result.skipped:
        print('skipped', case.id(), reason)


print('== testfile')
print(captured(doctest.testfile, 'pass.txt', package=dt_pkg))
print(captured(doctest.testfile, 'fail.txt', package='dt_pkg'))
print(captured(doctest.testfile, os.path.join(pkg, 'fail.txt'),
               module_relative=False, name='named', verbose=True))
print(captured(doctest.testfile, os.path.join(pkg, 'latin.txt'),
               module_relative=False, encoding='latin-1'))
print(captured(doctest.testfile, os.path.join(pkg, 'pass.txt'),
               module_relative=False, globs={'a': 1}, report=False))
for kwargs in ({'module_relative': False, 'package': dt_pkg},
               {'package': dt_pkg, 'filename': '/abs.txt'}):
    try:
        doctest.testfile(**{'filename': 'pass.txt', **kwargs})
    except ValueError as e:
        print('ValueError:', e)
try:
    doctest.testfile('fail.txt', package=dt_pkg, raise_on_error=True)
except doctest.DocTestFailure as e:
    print('DocTestFailure', e.test.name, repr(e.got))

print('== DocTestSuite')
suite = doctest.DocTestSuite(dt_pkg)
print(suite.countTestCases(), sorted(case.id() for case in suite))
run_suite(suite)
run_suite(doctest.DocTestSuite(
    dt_pkg, optionflags=doctest.REPORT_NDIFF,
    setUp=lambda test: test.globs.update(zq_value='from setUp')))
old = doctest.set_unittest_reportflags(doctest.REPORT_ONLY_FIRST_FAILURE)
print('old flags', old)
run_suite(doctest.DocTestSuite(dt_pkg, extraglobs={'zq_value': 'from setUp'}))
print('restored', doctest.set_unittest_reportflags(old))
try:
    doctest.set_unittest_reportflags(doctest.ELLIPSIS)
except ValueError as e:
    print('ValueError:', e.args)
calls = []
suite = doctest.DocTestSuite(dt_pkg, setUp=lambda t: calls.append('up ' + t.name),
                             tearDown=lambda t: calls.append('down ' + t.name))
run_suite(suite)
print(sorted(calls)[:2], len(calls))
case = [c for c in doctest.DocTestSuite(dt_pkg) if c.id() == 'dt_pkg.bad'][0]
try:
    case.debug()
except doctest.DocTestFailure as e:
    print('debug:', repr(e.example.source), repr(e.got))

print('== DocFileSuite')
suite = doctest.DocFileSuite('pass.txt', 'fail.txt', 'skip.txt', package=dt_pkg)
print(suite.countTestCases(), [case.id() for case in suite])
run_suite(suite)
run_suite(doctest.DocFileSuite(os.path.join(pkg, 'fail.txt'),
                               module_relative=False,
                               globs={'a': 1}, optionflags=doctest.REPORT_UDIFF))

print('== testsource')
print(doctest.testsource(dt_pkg, 'dt_pkg.bad'), end='')
try:
    doctest.testsource(dt_pkg, 'dt_pkg.nothing')
except ValueError as e:
    print('ValueError:', e.args)

shutil.rmtree(tmp)
