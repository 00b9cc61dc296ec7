# TestLoader: names, modules, discovery from a directory tree with
# packages and load_tests, patterns, -k style name patterns.
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

top = os.path.join('/tmp', 'unittest_discover_%d' % os.getpid())
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

    loader = unittest.TestLoader()
    suite = loader.discover(top)
    print(names(suite))
    print(suite.countTestCases(), len(loader.errors))
    print(loader.errors[0].splitlines()[0])
    print(loader.errors[0].splitlines()[-1])

    loader = unittest.TestLoader()
    print(names(loader.discover(top, pattern='*alpha.py')))
    loader.testNamePatterns = ['*one*', '*three']
    print(names(loader.discover(top, pattern='test_a*.py')))

    loader = unittest.TestLoader()
    print(names(loader.discover(pkg, top_level_dir=top)))
    print(names(loader.loadTestsFromName('test_alpha.TestA.test_two')))
    print(names(loader.loadTestsFromName('test_alpha.TestB')))
    print(names(loader.loadTestsFromName('pkg.test_inner')))
    print(names(loader.loadTestsFromNames(['test_alpha.TestA',
                                           'pkg.test_inner.TestC.test_one'])))
    import test_alpha
    print(loader.getTestCaseNames(test_alpha.TestA))
    print(names(loader.loadTestsFromName('TestB.test_three', test_alpha)))
    loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
    print(loader.getTestCaseNames(test_alpha.TestA))
    loader.sortTestMethodsUsing = None
    loader.testMethodPrefix = 'help'
    print(loader.getTestCaseNames(test_alpha.TestA))

    loader = unittest.TestLoader()
    failed = loader.loadTestsFromName('test_alpha.NoSuchThing')
    print(names(failed), loader.errors[-1].splitlines()[0])
    failed = loader.loadTestsFromName('no_such_top_module_xyz')
    print(names(failed), loader.errors[-1].splitlines()[0])
    try:
        loader.discover(os.path.join(top, 'not_a_package'), top_level_dir=top)
    except ImportError as e:
        print('ImportError:', str(e).replace(top, 'TOP'))

finally:
    for name in list(sys.modules):
        if name.split('.')[0] in ('test_alpha', 'pkg', 'ltpkg', 'test_broken',
                                  'test_skipped', 'helper_not_a_test'):
            del sys.modules[name]
    while top in sys.path:
        sys.path.remove(top)
    remove_tree(top)
print(os.path.exists(top))
