# unittest.main (TestProgram): argv parsing, test names, -k, -f, and the
# exit statuses (0 ok, 1 failures).
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

    sys.path.insert(0, top)
    # unittest.main: argv parsing, exit statuses turned into results.
    for argv in (['prog', 'test_alpha'],
                 ['prog', '-v', 'test_alpha.TestB'],
                 ['prog', '-q', 'test_alpha'],
                 ['prog', '-k', 'two', 'test_alpha'],
                 ['prog', '-f', 'test_broken']):
        stream = io.StringIO()
        runner = unittest.TextTestRunner(stream=stream)
        program = unittest.main(module=None, argv=argv, exit=False,
                                testRunner=runner)
        print(argv[1:], program.result.testsRun,
              program.result.wasSuccessful())
        print(clean(stream.getvalue()).replace(top, 'TOP'))
    # -k set the patterns on the shared default loader.
    print(unittest.defaultTestLoader.testNamePatterns)
    unittest.defaultTestLoader.testNamePatterns = None
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=2)
    try:
        unittest.main(module=None, argv=['prog', 'test_alpha.TestB'],
                      testRunner=runner)
    except SystemExit as e:
        print('exit status', int(e.code))
    try:
        unittest.main(module=None, argv=['prog', 'test_broken'],
                      testRunner=unittest.TextTestRunner(stream=io.StringIO()))
    except SystemExit as e:
        print('exit status', int(e.code))
    try:
        import test_alpha
        unittest.main(module=test_alpha, argv=['prog', 'TestA.test_one'],
                      testRunner=unittest.TextTestRunner(stream=io.StringIO()))
    except SystemExit as e:
        print('exit status', int(e.code))
    # No test at all: "NO TESTS RAN" and exit status 5 (3.12).
    os.mkdir(os.path.join(top, 'empty'))
    stream = io.StringIO()
    try:
        unittest.main(module=None,
                      argv=['prog', 'discover', '-s',
                            os.path.join(top, 'empty')],
                      testRunner=unittest.TextTestRunner(stream=stream))
    except SystemExit as e:
        print(clean(stream.getvalue()))
        print('exit status', int(e.code))
finally:
    for name in list(sys.modules):
        if name.split('.')[0] in ('test_alpha', 'pkg', 'ltpkg', 'test_broken',
                                  'test_skipped', 'helper_not_a_test'):
            del sys.modules[name]
    while top in sys.path:
        sys.path.remove(top)
    remove_tree(top)
print(os.path.exists(top))
