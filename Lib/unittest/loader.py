"""TestLoader: finds tests in classes, modules, names and directories."""

import functools
import os
import sys
import types

from . import case, suite, util

__unittest = True


def _is_valid_module_filename(basename):
    """Whether basename names an importable module: an identifier made of
    word characters followed by '.py' (any case)."""
    if len(basename) < 4 or basename[-3:].lower() != '.py':
        return False
    stem = basename[:-3]
    first = stem[0]
    if not (first == '_' or (first.isascii() and first.isalpha())):
        return False
    return all(ch == '_' or ch.isalnum() for ch in stem)


class _FailedTest(case.TestCase):
    """A test that raises the exception met while loading its name."""
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._exception = exception
        super(_FailedTest, self).__init__(method_name)

    def __getattr__(self, name):
        if name != self._testMethodName:
            return super(_FailedTest, self).__getattribute__(name)

        def testFailure():
            raise self._exception
        return testFailure


def _format_current_exception():
    import traceback
    return traceback.format_exc()


def _make_failed_import_test(name, suiteClass):
    message = 'Failed to import test module: %s\n%s' % (
        name, _format_current_exception())
    return _make_failed_test(name, ImportError(message), suiteClass, message)


def _make_failed_load_tests(name, exception, suiteClass):
    message = 'Failed to call load_tests:\n%s' % (
        _format_current_exception(),)
    return _make_failed_test(name, exception, suiteClass, message)


def _make_failed_test(methodname, exception, suiteClass, message):
    test = _FailedTest(methodname, exception)
    return suiteClass((test,)), message


def _make_skipped_test(methodname, exception, suiteClass):
    @case.skip(str(exception))
    def testSkipped(self):
        pass
    test_class = type("ModuleSkipped", (case.TestCase,),
                      {methodname: testSkipped})
    return suiteClass((test_class(methodname),))


def _splitext(path):
    return os.path.splitext(path)[0]


def _is_loadable_case_class(obj):
    return (isinstance(obj, type) and issubclass(obj, case.TestCase)
            and obj not in (case.TestCase, case.FunctionTestCase))


class TestLoader(object):
    """Makes test suites from classes, modules, dotted names or a
    directory tree.  errors lists the messages of the failures met while
    loading."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(util.three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super(TestLoader, self).__init__()
        self.errors = []
        # Packages whose load_tests is running: discovery must not recurse
        # into them again.
        self._loading_packages = set()

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite of all the tests of a TestCase subclass."""
        if issubclass(testCaseClass, suite.TestSuite):
            raise TypeError("Test cases should not be derived from "
                            "TestSuite. Maybe you meant to derive from "
                            "TestCase?")
        if testCaseClass in (case.TestCase, case.FunctionTestCase):
            names = []
        else:
            names = self.getTestCaseNames(testCaseClass)
            if not names and hasattr(testCaseClass, 'runTest'):
                names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *, pattern=None):
        """A suite of the tests of every TestCase class in module, or what
        its load_tests(loader, tests, pattern) returns."""
        tests = []
        for name in dir(module):
            obj = getattr(module, name)
            if _is_loadable_case_class(obj):
                tests.append(self.loadTestsFromTestCase(obj))
        load_tests = getattr(module, 'load_tests', None)
        tests = self.suiteClass(tests)
        if load_tests is None:
            return tests
        try:
            return load_tests(self, tests, pattern)
        except Exception as e:
            error_case, error_message = _make_failed_load_tests(
                module.__name__, e, self.suiteClass)
            self.errors.append(error_message)
            return error_case

    def loadTestsFromName(self, name, module=None):
        """A suite for a dotted name: a module, TestCase class, test method,
        TestSuite, or a callable returning a test or suite; relative to
        module if given."""
        parts = name.split('.')
        error_case, error_message = None, None
        if module is None:
            remaining = parts[:]
            while remaining:
                try:
                    module_name = '.'.join(remaining)
                    module = __import__(module_name)
                    break
                except ImportError:
                    next_attribute = remaining.pop()
                    error_case, error_message = _make_failed_import_test(
                        next_attribute, self.suiteClass)
                    if not remaining:
                        self.errors.append(error_message)
                        return error_case
            parts = parts[1:]
        obj = module
        parent = None
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                if (getattr(obj, '__path__', None) is not None
                        and error_case is not None):
                    # In a package, a missing attribute is most likely a
                    # submodule that failed to import: that error says more.
                    self.errors.append(error_message)
                    return error_case
                error_case, error_message = _make_failed_test(
                    part, e, self.suiteClass,
                    'Failed to access attribute:\n%s' % (
                        _format_current_exception(),))
                self.errors.append(error_message)
                return error_case

        if isinstance(obj, types.ModuleType):
            return self.loadTestsFromModule(obj)
        if _is_loadable_case_class(obj):
            return self.loadTestsFromTestCase(obj)
        if (isinstance(obj, types.FunctionType) and
                isinstance(parent, type) and
                issubclass(parent, case.TestCase)):
            name = parts[-1]
            inst = parent(name)
            # A staticmethod is not a test method: call it as a factory.
            if not isinstance(getattr(inst, name), types.FunctionType):
                return self.suiteClass([inst])
        elif isinstance(obj, suite.TestSuite):
            return obj
        if not callable(obj):
            raise TypeError("don't know how to make test from: %s" % obj)
        test = obj()
        if isinstance(test, suite.TestSuite):
            return test
        if isinstance(test, case.TestCase):
            return self.suiteClass([test])
        raise TypeError("calling %s returned %s, not a test" % (obj, test))

    def loadTestsFromNames(self, names, module=None):
        return self.suiteClass([self.loadTestsFromName(name, module)
                                for name in names])

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of testCaseClass's test methods."""
        patterns = self.testNamePatterns
        if patterns is not None:
            from fnmatch import fnmatchcase

        def is_test_method(attrname):
            if not attrname.startswith(self.testMethodPrefix):
                return False
            if not callable(getattr(testCaseClass, attrname)):
                return False
            if patterns is None:
                return True
            full_name = '%s.%s.%s' % (testCaseClass.__module__,
                                      testCaseClass.__qualname__, attrname)
            return any(fnmatchcase(full_name, p) for p in patterns)

        names = [name for name in dir(testCaseClass) if is_test_method(name)]
        if self.sortTestMethodsUsing:
            names.sort(key=functools.cmp_to_key(self.sortTestMethodsUsing))
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """Find the test modules matching pattern under start_dir (a
        directory or a dotted package name), recursing into packages, and
        return a suite of their tests.  Modules are imported relative to
        top_level_dir (default: start_dir), which is put on sys.path."""
        original_top_level_dir = self._top_level_dir
        implicit_top = False
        if top_level_dir is None and self._top_level_dir is not None:
            # Called from a package's load_tests during discovery.
            top_level_dir = self._top_level_dir
        elif top_level_dir is None:
            implicit_top = True
            top_level_dir = start_dir
        top_level_dir = os.path.abspath(top_level_dir)
        if top_level_dir not in sys.path:
            sys.path.insert(0, top_level_dir)
        self._top_level_dir = top_level_dir

        not_importable = False
        if os.path.isdir(os.path.abspath(start_dir)):
            start_dir = os.path.abspath(start_dir)
            if start_dir != top_level_dir:
                not_importable = not os.path.isfile(
                    os.path.join(start_dir, '__init__.py'))
        else:
            try:
                __import__(start_dir)
            except ImportError:
                not_importable = True
            else:
                start_dir = self._directory_of_module(
                    sys.modules[start_dir], start_dir, implicit_top,
                    top_level_dir)
        if not_importable:
            # As CPython: the top level directory stays recorded.
            raise ImportError('Start directory is not importable: %r'
                              % start_dir)
        try:
            tests = list(self._find_tests(start_dir, pattern))
        finally:
            self._top_level_dir = original_top_level_dir
        return self.suiteClass(tests)

    def _directory_of_module(self, module, dotted_name, implicit_top,
                             top_level_dir):
        """The directory to discover in for a dotted start name."""
        try:
            directory = os.path.abspath(os.path.dirname(module.__file__))
        except (AttributeError, TypeError):
            if module.__name__ in sys.builtin_module_names:
                raise TypeError('Can not use builtin modules '
                                'as dotted module names') from None
            raise TypeError(f"don't know how to discover from {module!r}"
                            ) from None
        if implicit_top:
            top_part = dotted_name.split('.')[0]
            self._top_level_dir = self._get_directory_containing_module(
                top_part)
            sys.path.remove(top_level_dir)
        return directory

    def _get_directory_containing_module(self, module_name):
        module = sys.modules[module_name]
        full_path = os.path.abspath(module.__file__)
        if os.path.basename(full_path).lower().startswith('__init__.py'):
            return os.path.dirname(os.path.dirname(full_path))
        return os.path.dirname(full_path)

    def _get_name_from_path(self, path):
        if path == self._top_level_dir:
            return '.'
        path = _splitext(os.path.normpath(path))
        relative = os.path.relpath(path, self._top_level_dir)
        assert not os.path.isabs(relative), "Path must be within the project"
        assert not relative.startswith('..'), "Path must be within the project"
        return relative.replace(os.path.sep, '.')

    def _get_module_from_name(self, name):
        __import__(name)
        return sys.modules[name]

    def _match_path(self, path, full_path, pattern):
        from fnmatch import fnmatch
        return fnmatch(path, pattern)

    def _find_tests(self, start_dir, pattern):
        """Yield the suites found in start_dir and below."""
        name = self._get_name_from_path(start_dir)
        # '.' is the top level directory, never a package.
        if name != '.' and name not in self._loading_packages:
            tests, should_recurse = self._find_test_path(start_dir, pattern)
            if tests is not None:
                yield tests
            if not should_recurse:
                return
        for path in sorted(os.listdir(start_dir)):
            full_path = os.path.join(start_dir, path)
            tests, should_recurse = self._find_test_path(full_path, pattern)
            if tests is not None:
                yield tests
            if should_recurse:
                name = self._get_name_from_path(full_path)
                self._loading_packages.add(name)
                try:
                    yield from self._find_tests(full_path, pattern)
                finally:
                    self._loading_packages.discard(name)

    def _import_for_discovery(self, name):
        """(module, None) or (None, the suite reporting why not)."""
        try:
            return self._get_module_from_name(name), None
        except case.SkipTest as e:
            return None, _make_skipped_test(name, e, self.suiteClass)
        except:
            error_case, error_message = _make_failed_import_test(
                name, self.suiteClass)
            self.errors.append(error_message)
            return None, error_case

    def _find_test_path(self, full_path, pattern):
        """(tests or None, whether to recurse into full_path)."""
        basename = os.path.basename(full_path)
        if os.path.isfile(full_path):
            if not _is_valid_module_filename(basename):
                return None, False
            if not self._match_path(basename, full_path, pattern):
                return None, False
            name = self._get_name_from_path(full_path)
            module, failure = self._import_for_discovery(name)
            if module is None:
                return failure, False
            self._check_module_location(module, full_path)
            return self.loadTestsFromModule(module, pattern=pattern), False
        if os.path.isdir(full_path):
            if not os.path.isfile(os.path.join(full_path, '__init__.py')):
                return None, False
            name = self._get_name_from_path(full_path)
            package, failure = self._import_for_discovery(name)
            if package is None:
                return failure, False
            load_tests = getattr(package, 'load_tests', None)
            self._loading_packages.add(name)
            try:
                tests = self.loadTestsFromModule(package, pattern=pattern)
            finally:
                self._loading_packages.discard(name)
            # A package with load_tests has loaded its own contents.
            return tests, load_tests is None
        return None, False

    @staticmethod
    def _check_module_location(module, full_path):
        module_file = os.path.abspath(getattr(module, '__file__', full_path))
        real = _splitext(os.path.realpath(module_file))
        wanted = _splitext(os.path.realpath(full_path))
        if real.lower() != wanted.lower():
            module_dir = os.path.dirname(real)
            module_name = _splitext(os.path.basename(full_path))
            expected_dir = os.path.dirname(full_path)
            raise ImportError("%r module incorrectly imported from %r. "
                              "Expected %r. Is this module globally installed?"
                              % (module_name, module_dir, expected_dir))


defaultTestLoader = TestLoader()
