# unittest.main (TestProgram): argv parsing, test names, -k, -f, and the
# exit statuses (0 ok, 1 failures).
import io
import os
import sys
import unittest

from _unittest_tree import clean, names, remove_tree, make_tree

top = make_tree()
try:

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
