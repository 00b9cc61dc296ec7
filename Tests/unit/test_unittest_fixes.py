"""unittest details checked against CPython 3.13's tests: _assertNotWarns,
TestResult formatting through the module's replaceable traceback global,
and discover() keeping the top level directory when the start directory
is not importable."""

import os
import shutil
import sys
import tempfile
import unittest
import unittest.result
import warnings


class NotWarnsTests(unittest.TestCase):

    def test_passes_without_the_warning(self):
        with self._assertNotWarns(FutureWarning):
            warnings.warn('other', UserWarning)

    def test_fails_with_the_warning(self):
        with self.assertRaisesRegex(self.failureException,
                                    '^FutureWarning triggered$'):
            with self._assertNotWarns(FutureWarning):
                warnings.warn('xyz', FutureWarning)

    def test_callable_form(self):
        def warn():
            warnings.warn('xyz', FutureWarning)
        with self.assertRaises(self.failureException):
            self._assertNotWarns(FutureWarning, warn)


class FakeTraceback:
    class TracebackException:
        def __init__(self, *args, capture_locals=False, **kwargs):
            self.capture_locals = capture_locals

        def format(self):
            return ['tb'] + (['+locals'] if self.capture_locals else [])


class ResultTracebackTests(unittest.TestCase):

    def test_module_global_is_used(self):
        class Case(unittest.TestCase):
            def test(self):
                1 / 0
        saved = unittest.result.traceback
        self.addCleanup(setattr, unittest.result, 'traceback', saved)
        unittest.result.traceback = FakeTraceback
        result = unittest.TestResult()
        result.tb_locals = True
        Case('test').run(result)
        self.assertEqual(result.errors[0][1], 'tb+locals')

    def test_real_traceback_by_default(self):
        class Case(unittest.TestCase):
            def test(self):
                1 / 0
        result = unittest.TestResult()
        Case('test').run(result)
        self.assertIn('ZeroDivisionError', result.errors[0][1])


class DiscoverTests(unittest.TestCase):

    def test_top_level_dir_kept_when_not_importable(self):
        top = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, top)
        os.mkdir(os.path.join(top, 'sub'))   # no __init__.py
        saved = sys.path[:]
        self.addCleanup(sys.path.__setitem__, slice(None), saved)
        loader = unittest.TestLoader()
        with self.assertRaisesRegex(ImportError, 'not importable'):
            loader.discover(os.path.join(top, 'sub'), top_level_dir=top)
        self.assertEqual(loader._top_level_dir, os.path.abspath(top))
        self.assertIn(os.path.abspath(top), sys.path)


if __name__ == '__main__':
    unittest.main()
