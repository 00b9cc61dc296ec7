"""Shared by the unittest_discover and unittest_main golden tests:
output cleaning, and a directory tree of test modules and packages.
It has no .out file, so the golden runner does not run it."""
import io
import os
import sys
import unittest


def clean(text):
    text = text.replace(__file__, os.path.basename(__file__))
    # Frames name files whose paths and lines differ between machines.
    lines = []
    skip_source = False
    for line in text.split('\n'):
        if skip_source and line.startswith('    '):
            skip_source = False
            continue
        skip_source = line.startswith('  File ')
        if skip_source:
            continue
        if line.startswith('Ran ') and ' in ' in line:
            line = line[:line.rindex(' in ')] + ' in X.XXXs'
        if line.strip() and set(line.strip()) <= set('~^'):
            continue
        lines.append(line)
    return '\n'.join(lines)


def names(suite):
    found = []
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            found.extend(names(test))
        else:
            found.append(test.id())
    return found


def write(path, text):
    with open(path, 'w') as f:
        f.write(text)


def remove_tree(path):
    for root, dirs, files in os.walk(path, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir(path)


TEST_MODULE = '''
import unittest

class TestA(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        pass

    def helper(self):
        pass

class TestB(unittest.TestCase):
    def test_three(self):
        pass
'''

LOAD_TESTS_PACKAGE = '''
import unittest

class TestInit(unittest.TestCase):
    def test_init(self):
        pass

def load_tests(loader, tests, pattern):
    this_dir = __path__[0]
    tests.addTests(loader.discover(start_dir=this_dir, pattern=pattern))
    return tests
'''


def make_tree():
    """Create the test tree in a new directory under /tmp; return it."""
    top = os.path.join('/tmp', 'unittest_tree_%d' % os.getpid())
    os.mkdir(top)
    try:
        write(os.path.join(top, 'test_alpha.py'), TEST_MODULE)
        write(os.path.join(top, 'helper_not_a_test.py'), TEST_MODULE)
        write(os.path.join(top, 'test_broken.py'), 'import no_such_module_here\n')
        write(os.path.join(top, 'test_skipped.py'),
              'import unittest\nraise unittest.SkipTest("module skipped")\n')
        write(os.path.join(top, 'test-bad-name.py'), TEST_MODULE)
        pkg = os.path.join(top, 'pkg')
        os.mkdir(pkg)
        write(os.path.join(pkg, '__init__.py'), '')
        write(os.path.join(pkg, 'test_inner.py'), TEST_MODULE.replace('A', 'C'))
        lt = os.path.join(top, 'ltpkg')
        os.mkdir(lt)
        write(os.path.join(lt, '__init__.py'), LOAD_TESTS_PACKAGE)
        write(os.path.join(lt, 'test_lt.py'), TEST_MODULE.replace('A', 'D'))
        os.mkdir(os.path.join(top, 'not_a_package'))
        write(os.path.join(top, 'not_a_package', 'test_hidden.py'), TEST_MODULE)
    except BaseException:
        remove_tree(top)
        raise
    return top
