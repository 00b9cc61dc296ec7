# TestLoader: names, modules, discovery from a directory tree with
# packages and load_tests, patterns, -k style name patterns.
import io
import os
import sys
import unittest

from _unittest_tree import clean, names, remove_tree, make_tree

top = make_tree()
pkg = os.path.join(top, 'pkg')
try:

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
