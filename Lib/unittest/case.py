"""TestCase, FunctionTestCase, the skip decorators and module cleanups."""

import collections
import functools
import sys
import time
import types
import warnings

from . import result
from .util import (strclass, safe_repr, _count_diff_all_purpose,
                   _count_diff_hashable, _common_shorten_repr)

__unittest = True

_subtest_msg_sentinel = object()

DIFF_OMITTED = ('\nDiff is %s characters long. '
                'Set self.maxDiff to None to see it.')


class SkipTest(Exception):
    """Raise this to skip the running test (or the class or module)."""


class _ShouldStop(Exception):
    """Stops a test at a failing subtest when the result is failfast."""


class _UnexpectedSuccess(Exception):
    """Kept for code that names it; unittest itself never raises it."""


def _clear_frames(tb):
    # A caught exception's frames keep its locals alive; free them early.
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except RuntimeError:
            pass
        tb = tb.tb_next


def _add_skip(result, test_case, reason):
    add_skip = getattr(result, 'addSkip', None)
    if add_skip is not None:
        add_skip(test_case, reason)
    else:
        warnings.warn("TestResult has no addSkip method, skips not reported",
                      RuntimeWarning, 2)
        result.addSuccess(test_case)


def _add_error(result, test, exc_info):
    if result is not None and exc_info is not None:
        if issubclass(exc_info[0], test.failureException):
            result.addFailure(test, exc_info)
        else:
            result.addError(test, exc_info)


class _TestPart:
    """Context manager running one part of a test (setUp, body, a cleanup)
    and reporting what it raised to the outcome's result."""

    def __init__(self, outcome, test_case, is_subtest):
        self.outcome = outcome
        self.test_case = test_case
        self.is_subtest = is_subtest

    def __enter__(self):
        self.old_success = self.outcome.success
        self.outcome.success = True
        return self

    def __exit__(self, exc_type, exc_value, tb):
        outcome = self.outcome
        try:
            if exc_type is None:
                if self.is_subtest and outcome.success:
                    outcome.result.addSubTest(self.test_case.test_case,
                                              self.test_case, None)
                return False
            if issubclass(exc_type, KeyboardInterrupt):
                return False
            if issubclass(exc_type, SkipTest):
                outcome.success = False
                _add_skip(outcome.result, self.test_case, str(exc_value))
            elif issubclass(exc_type, _ShouldStop):
                pass
            elif outcome.expecting_failure:
                outcome.expectedFailure = (exc_type, exc_value, tb)
            else:
                outcome.success = False
                exc_info = (exc_type, exc_value, tb)
                if self.is_subtest:
                    outcome.result.addSubTest(self.test_case.test_case,
                                              self.test_case, exc_info)
                else:
                    _add_error(outcome.result, self.test_case, exc_info)
            return True
        finally:
            outcome.success = outcome.success and self.old_success


class _Outcome(object):
    def __init__(self, result=None):
        self.expecting_failure = False
        self.result = result
        self.result_supports_subtests = hasattr(result, "addSubTest")
        self.success = True
        self.expectedFailure = None

    def testPartExecutor(self, test_case, subTest=False):
        return _TestPart(self, test_case, subTest)


def _id(obj):
    return obj


def _enter_context(cm, addcleanup):
    # Look the methods up on the type, as the with statement does.
    cls = type(cm)
    try:
        enter = cls.__enter__
        exit = cls.__exit__
    except AttributeError:
        raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                        f"not support the context manager protocol") from None
    value = enter(cm)
    addcleanup(exit, cm, None, None, None)
    return value


_module_cleanups = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Register a function to call after the module's tests, LIFO."""
    _module_cleanups.append((function, args, kwargs))


def enterModuleContext(cm):
    """Enter cm now and exit it as a module cleanup."""
    return _enter_context(cm, addModuleCleanup)


def doModuleCleanups():
    """Run the module cleanups; re-raise the first exception any raised."""
    raised = []
    while _module_cleanups:
        function, args, kwargs = _module_cleanups.pop()
        try:
            function(*args, **kwargs)
        except Exception as exc:
            raised.append(exc)
    if raised:
        raise raised[0]


def skip(reason):
    """Unconditionally skip the decorated test or class."""
    def decorator(test_item):
        if not isinstance(test_item, type):
            @functools.wraps(test_item)
            def skip_wrapper(*args, **kwargs):
                raise SkipTest(reason)
            test_item = skip_wrapper
        test_item.__unittest_skip__ = True
        test_item.__unittest_skip_why__ = reason
        return test_item
    if isinstance(reason, types.FunctionType):
        # Used bare, as @skip: the reason is empty.
        test_item, reason = reason, ''
        return decorator(test_item)
    return decorator


def skipIf(condition, reason):
    """Skip the decorated test if condition is true."""
    if condition:
        return skip(reason)
    return _id


def skipUnless(condition, reason):
    """Skip the decorated test unless condition is true."""
    if not condition:
        return skip(reason)
    return _id


def expectedFailure(test_item):
    test_item.__unittest_expecting_failure__ = True
    return test_item


def _is_subtype(expected, basetype):
    if isinstance(expected, tuple):
        return all(_is_subtype(e, basetype) for e in expected)
    return isinstance(expected, type) and issubclass(expected, basetype)


class _BaseTestCaseContext:
    def __init__(self, test_case):
        self.test_case = test_case

    def _raiseFailure(self, standardMsg):
        msg = self.test_case._formatMessage(self.msg, standardMsg)
        raise self.test_case.failureException(msg)


class _AssertRaisesBaseContext(_BaseTestCaseContext):
    def __init__(self, expected, test_case, expected_regex=None):
        _BaseTestCaseContext.__init__(self, test_case)
        self.expected = expected
        self.test_case = test_case
        if expected_regex is not None:
            import re
            expected_regex = re.compile(expected_regex)
        self.expected_regex = expected_regex
        self.obj_name = None
        self.msg = None

    def handle(self, name, args, kwargs):
        """Run the call in args under this context, or return the context
        itself when args is empty (the with-statement form)."""
        try:
            if not _is_subtype(self.expected, self._base_type):
                raise TypeError('%s() arg 1 must be %s' %
                                (name, self._base_type_str))
            if not args:
                self.msg = kwargs.pop('msg', None)
                if kwargs:
                    raise TypeError('%r is an invalid keyword argument for '
                                    'this function' % (next(iter(kwargs)),))
                return self
            callable_obj, *args = args
            try:
                self.obj_name = callable_obj.__name__
            except AttributeError:
                self.obj_name = str(callable_obj)
            with self:
                callable_obj(*args, **kwargs)
        finally:
            # The context refers to the test case and the exception; drop
            # this frame's reference so no cycle outlives the call.
            self = None

    def _expected_name(self):
        try:
            return self.expected.__name__
        except AttributeError:
            return str(self.expected)


class _AssertRaisesContext(_AssertRaisesBaseContext):
    """What assertRaises and assertRaisesRegex return."""

    _base_type = BaseException
    _base_type_str = 'an exception type or tuple of exception types'

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            name = self._expected_name()
            if self.obj_name:
                self._raiseFailure("{} not raised by {}".format(
                    name, self.obj_name))
            else:
                self._raiseFailure("{} not raised".format(name))
        else:
            _clear_frames(tb)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is None:
            return True
        if not self.expected_regex.search(str(exc_value)):
            self._raiseFailure('"{}" does not match "{}"'.format(
                self.expected_regex.pattern, str(exc_value)))
        return True

    __class_getitem__ = classmethod(types.GenericAlias)


class _AssertWarnsContext(_AssertRaisesBaseContext):
    """What assertWarns and assertWarnsRegex return."""

    _base_type = Warning
    _base_type_str = 'a warning type or tuple of warning types'

    def __enter__(self):
        # Stale registries would hide warnings already issued once.
        for module in list(sys.modules.values()):
            if getattr(module, '__warningregistry__', None):
                module.__warningregistry__ = {}
        self.warnings_manager = warnings.catch_warnings(record=True)
        self.warnings = self.warnings_manager.__enter__()
        warnings.simplefilter("always", self.expected)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.warnings_manager.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return
        first_matching = None
        for record in self.warnings:
            warning = record.message
            if not isinstance(warning, self.expected):
                continue
            if first_matching is None:
                first_matching = warning
            if (self.expected_regex is not None and
                    not self.expected_regex.search(str(warning))):
                continue
            self.warning = warning
            self.filename = record.filename
            self.lineno = record.lineno
            return
        if first_matching is not None:
            self._raiseFailure('"{}" does not match "{}"'.format(
                self.expected_regex.pattern, str(first_matching)))
        name = self._expected_name()
        if self.obj_name:
            self._raiseFailure("{} not triggered by {}".format(
                name, self.obj_name))
        else:
            self._raiseFailure("{} not triggered".format(name))

    __class_getitem__ = classmethod(types.GenericAlias)


class _AssertNotWarnsContext(_AssertWarnsContext):
    """What _assertNotWarns returns: fails if a warning of the expected
    type(s) was issued in the block."""

    def __exit__(self, exc_type, exc_value, tb):
        self.warnings_manager.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return
        for record in self.warnings:
            if isinstance(record.message, self.expected):
                self._raiseFailure(f'{self._expected_name()} triggered')


class _OrderedChainMap(collections.ChainMap):
    """A ChainMap iterating its keys innermost map first, in order."""

    def __iter__(self):
        seen = set()
        for mapping in self.maps:
            for key in mapping:
                if key not in seen:
                    seen.add(key)
                    yield key


class _SubTestContext:
    """What TestCase.subTest returns."""

    def __init__(self, test_case, msg, params):
        self.test_case = test_case
        self.msg = msg
        self.params = params
        self.part = None

    def __enter__(self):
        case = self.test_case
        outcome = case._outcome
        if outcome is None or not outcome.result_supports_subtests:
            return None
        self.parent = case._subtest
        if self.parent is None:
            params_map = _OrderedChainMap(self.params)
        else:
            params_map = self.parent.params.new_child(self.params)
        case._subtest = _SubTest(case, self.msg, params_map)
        self.part = outcome.testPartExecutor(case._subtest, subTest=True)
        self.part.__enter__()
        return None

    def __exit__(self, exc_type, exc_value, tb):
        if self.part is None:
            return False
        case = self.test_case
        try:
            suppressed = self.part.__exit__(exc_type, exc_value, tb)
            outcome = case._outcome
            if not outcome.success:
                result = outcome.result
                if result is not None and result.failfast:
                    raise _ShouldStop
            elif outcome.expectedFailure:
                # An expected failure is settled: end the test here.
                raise _ShouldStop
            return suppressed
        finally:
            case._subtest = self.parent


class TestCase(object):
    """One test: an instance runs the method named methodName.

    Subclasses define test* methods and may override setUp, tearDown,
    setUpClass and tearDownClass.  failureException is the exception the
    assert* methods raise; longMessage appends a custom msg to the standard
    one; maxDiff bounds the length of the diffs shown (None: no bound).
    """

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    # Strings longer than this are not diffed with difflib.
    _diffThreshold = 2 ** 16

    def __init_subclass__(cls, *args, **kwargs):
        cls._classSetupFailed = False
        cls._class_cleanups = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._testMethodDoc = 'No test'
        try:
            test_method = getattr(self, methodName)
        except AttributeError:
            if methodName != 'runTest':
                # runTest may be absent when the instance is made only to
                # use its assert methods.
                raise ValueError("no such test method in %s: %s" %
                                 (self.__class__, methodName))
        else:
            self._testMethodDoc = test_method.__doc__
        self._cleanups = []
        self._subtest = None
        self._type_equality_funcs = {}
        self.addTypeEqualityFunc(dict, 'assertDictEqual')
        self.addTypeEqualityFunc(list, 'assertListEqual')
        self.addTypeEqualityFunc(tuple, 'assertTupleEqual')
        self.addTypeEqualityFunc(set, 'assertSetEqual')
        self.addTypeEqualityFunc(frozenset, 'assertSetEqual')
        self.addTypeEqualityFunc(str, 'assertMultiLineEqual')

    def addTypeEqualityFunc(self, typeobj, function):
        """Make assertEqual call function(first, second, msg=None) when both
        operands are exactly of type typeobj."""
        self._type_equality_funcs[typeobj] = function

    def addCleanup(self, function, /, *args, **kwargs):
        """Call function after tearDown (or after a failed setUp), LIFO."""
        self._cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        """Enter cm now and exit it as a cleanup."""
        return _enter_context(cm, self.addCleanup)

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        """Call function after tearDownClass, LIFO."""
        cls._class_cleanups.append((function, args, kwargs))

    @classmethod
    def enterClassContext(cls, cm):
        return _enter_context(cm, cls.addClassCleanup)

    def setUp(self):
        "Hook method for setting up the test fixture before exercising it."

    def tearDown(self):
        "Hook method for deconstructing the test fixture after testing it."

    @classmethod
    def setUpClass(cls):
        "Hook method for setting up class fixture before running tests in the class."

    @classmethod
    def tearDownClass(cls):
        "Hook method for deconstructing the class fixture after running all tests in the class."

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        return result.TestResult()

    def shortDescription(self):
        """The first line of the test method's docstring, or None."""
        doc = self._testMethodDoc
        return doc.strip().split("\n")[0].strip() if doc else None

    def id(self):
        return "%s.%s" % (strclass(self.__class__), self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, strclass(self.__class__),
                               self._testMethodName)

    def __repr__(self):
        return "<%s testMethod=%s>" % (strclass(self.__class__),
                                       self._testMethodName)

    def subTest(self, msg=_subtest_msg_sentinel, **params):
        """A context manager whose body is reported as a separate subtest,
        identified by msg and params; a failure there does not end the
        test."""
        return _SubTestContext(self, msg, params)

    def _addExpectedFailure(self, result, exc_info):
        try:
            add = result.addExpectedFailure
        except AttributeError:
            warnings.warn("TestResult has no addExpectedFailure method, "
                          "reporting as passes", RuntimeWarning)
            result.addSuccess(self)
        else:
            add(self, exc_info)

    def _addUnexpectedSuccess(self, result):
        try:
            add = result.addUnexpectedSuccess
        except AttributeError:
            warnings.warn("TestResult has no addUnexpectedSuccess method, "
                          "reporting as failure", RuntimeWarning)
            # The failure needs a traceback, so raise and catch one.
            try:
                raise _UnexpectedSuccess from None
            except _UnexpectedSuccess:
                result.addFailure(self, sys.exc_info())
        else:
            add(self)

    def _addDuration(self, result, elapsed):
        try:
            add = result.addDuration
        except AttributeError:
            warnings.warn("TestResult has no addDuration method",
                          RuntimeWarning)
        else:
            add(self, elapsed)

    def _callSetUp(self):
        self.setUp()

    def _callTestMethod(self, method):
        if method() is not None:
            warnings.warn(f'It is deprecated to return a value that is not '
                          f'None from a test case ({method})',
                          DeprecationWarning, stacklevel=3)

    def _callTearDown(self):
        self.tearDown()

    def _callCleanup(self, function, /, *args, **kwargs):
        function(*args, **kwargs)

    def _skip_reason(self, test_method):
        """The skip reason if the class or method is skipped, else None."""
        if (getattr(self.__class__, "__unittest_skip__", False) or
                getattr(test_method, "__unittest_skip__", False)):
            return (getattr(self.__class__, '__unittest_skip_why__', '') or
                    getattr(test_method, '__unittest_skip_why__', ''))
        return None

    def run(self, result=None):
        if result is None:
            result = self.defaultTestResult()
            start_run = getattr(result, 'startTestRun', None)
            stop_run = getattr(result, 'stopTestRun', None)
            if start_run is not None:
                start_run()
        else:
            stop_run = None

        result.startTest(self)
        try:
            test_method = getattr(self, self._testMethodName)
            reason = self._skip_reason(test_method)
            if reason is not None:
                _add_skip(result, self, reason)
                return result
            expecting_failure = (
                getattr(self, "__unittest_expecting_failure__", False) or
                getattr(test_method, "__unittest_expecting_failure__", False))
            outcome = _Outcome(result)
            start_time = time.perf_counter()
            try:
                self._outcome = outcome
                with outcome.testPartExecutor(self):
                    self._callSetUp()
                if outcome.success:
                    outcome.expecting_failure = expecting_failure
                    with outcome.testPartExecutor(self):
                        self._callTestMethod(test_method)
                    outcome.expecting_failure = False
                    with outcome.testPartExecutor(self):
                        self._callTearDown()
                self.doCleanups()
                self._addDuration(result, time.perf_counter() - start_time)
                if outcome.success:
                    if expecting_failure:
                        if outcome.expectedFailure:
                            self._addExpectedFailure(
                                result, outcome.expectedFailure)
                        else:
                            self._addUnexpectedSuccess(result)
                    else:
                        result.addSuccess(self)
                return result
            finally:
                # The stored exception's frames refer back to the outcome.
                outcome.expectedFailure = None
                outcome = None
                self._outcome = None
        finally:
            result.stopTest(self)
            if stop_run is not None:
                stop_run()

    def doCleanups(self):
        """Run the cleanups; return False if any of them failed."""
        outcome = self._outcome or _Outcome()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            with outcome.testPartExecutor(self):
                self._callCleanup(function, *args, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        """Run the class cleanups, collecting their exceptions' exc_info in
        cls.tearDown_exceptions."""
        cls.tearDown_exceptions = []
        while cls._class_cleanups:
            function, args, kwargs = cls._class_cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception:
                cls.tearDown_exceptions.append(sys.exc_info())

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Run the test without a result, letting exceptions propagate."""
        test_method = getattr(self, self._testMethodName)
        reason = self._skip_reason(test_method)
        if reason is not None:
            raise SkipTest(reason)
        self._callSetUp()
        self._callTestMethod(test_method)
        self._callTearDown()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            self._callCleanup(function, *args, **kwargs)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        """Combine the standard message with the user's msg."""
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        try:
            return '%s : %s' % (standardMsg, msg)
        except UnicodeDecodeError:
            return '%s : %s' % (safe_repr(standardMsg), safe_repr(msg))

    def _truncateMessage(self, message, diff):
        if self.maxDiff is None or len(diff) <= self.maxDiff:
            return message + diff
        return message + (DIFF_OMITTED % len(diff))

    # --- truth, identity, membership --------------------------------------

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(
                msg, "%s is not false" % safe_repr(expr)))

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(
                msg, "%s is not true" % safe_repr(expr)))

    def assertIs(self, expr1, expr2, msg=None):
        if expr1 is not expr2:
            self.fail(self._formatMessage(msg, '%s is not %s' % (
                safe_repr(expr1), safe_repr(expr2))))

    def assertIsNot(self, expr1, expr2, msg=None):
        if expr1 is expr2:
            self.fail(self._formatMessage(
                msg, 'unexpectedly identical: %s' % (safe_repr(expr1),)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(
                msg, '%s is not None' % (safe_repr(obj),)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, 'unexpectedly None'))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, '%s not found in %s' % (
                safe_repr(member), safe_repr(container))))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(
                msg, '%s unexpectedly found in %s' % (
                    safe_repr(member), safe_repr(container))))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            if isinstance(cls, tuple):
                standard = f'{safe_repr(obj)} is not an instance of any of {cls!r}'
            else:
                standard = f'{safe_repr(obj)} is not an instance of {cls!r}'
            self.fail(self._formatMessage(msg, standard))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            if isinstance(cls, tuple):
                cls = next(c for c in cls if isinstance(obj, c))
            self.fail(self._formatMessage(
                msg, f'{safe_repr(obj)} is an instance of {cls!r}'))

    def _require_class(self, cls, msg):
        if not isinstance(cls, type):
            self.fail(self._formatMessage(msg, f'{cls!r} is not a class'))

    def assertIsSubclass(self, cls, superclass, msg=None):
        try:
            if issubclass(cls, superclass):
                return
        except TypeError:
            self._require_class(cls, msg)
            raise
        if isinstance(superclass, tuple):
            standard = f'{cls!r} is not a subclass of any of {superclass!r}'
        else:
            standard = f'{cls!r} is not a subclass of {superclass!r}'
        self.fail(self._formatMessage(msg, standard))

    def assertNotIsSubclass(self, cls, superclass, msg=None):
        try:
            if not issubclass(cls, superclass):
                return
        except TypeError:
            self._require_class(cls, msg)
            raise
        if isinstance(superclass, tuple):
            superclass = next(c for c in superclass if issubclass(cls, c))
        self.fail(self._formatMessage(
            msg, f'{cls!r} is a subclass of {superclass!r}'))

    @staticmethod
    def _attr_owner(obj):
        if isinstance(obj, types.ModuleType):
            return f'module {obj.__name__!r}'
        if isinstance(obj, type):
            return f'type object {obj.__name__!r}'
        return f'{type(obj).__name__!r} object'

    def assertHasAttr(self, obj, name, msg=None):
        if not hasattr(obj, name):
            self.fail(self._formatMessage(
                msg, f'{self._attr_owner(obj)} has no attribute {name!r}'))

    def assertNotHasAttr(self, obj, name, msg=None):
        if hasattr(obj, name):
            self.fail(self._formatMessage(
                msg,
                f'{self._attr_owner(obj)} has unexpected attribute {name!r}'))

    def _affix_check(self, text, affix, msg, method, verb):
        try:
            if getattr(text, method)(affix):
                return
        except (AttributeError, TypeError):
            if not isinstance(text, (str, bytes, bytearray)):
                self.fail(self._formatMessage(
                    msg, f'Expected str, not {type(text).__name__}'
                    if isinstance(affix, str) else
                    f'Expected bytes, not {type(text).__name__}'))
            raise
        shown = safe_repr(text, short=True)
        if isinstance(affix, tuple):
            standard = f"{shown} doesn't {verb} any of {affix!r}"
        else:
            standard = f"{shown} doesn't {verb} {affix!r}"
        self.fail(self._formatMessage(msg, standard))

    def assertStartsWith(self, s, prefix, msg=None):
        self._affix_check(s, prefix, msg, 'startswith', 'start with')

    def assertNotStartsWith(self, s, prefix, msg=None):
        self._affix_not_check(s, prefix, msg, 'startswith', 'starts with')

    def assertEndsWith(self, s, suffix, msg=None):
        self._affix_check(s, suffix, msg, 'endswith', 'end with')

    def assertNotEndsWith(self, s, suffix, msg=None):
        self._affix_not_check(s, suffix, msg, 'endswith', 'ends with')

    def _affix_not_check(self, text, affix, msg, method, verb):
        try:
            if not getattr(text, method)(affix):
                return
        except (AttributeError, TypeError):
            if not isinstance(text, (str, bytes, bytearray)):
                self.fail(self._formatMessage(
                    msg, f'Expected str, not {type(text).__name__}'
                    if isinstance(affix, str) else
                    f'Expected bytes, not {type(text).__name__}'))
            raise
        if isinstance(affix, tuple):
            for one in affix:
                if getattr(text, method)(one):
                    affix = one
                    break
        self.fail(self._formatMessage(
            msg, f"{safe_repr(text, short=True)} {verb} {affix!r}"))

    # --- exceptions, warnings, logs --------------------------------------

    def assertRaises(self, expected_exception, *args, **kwargs):
        """Fail unless calling args[0](*args[1:], **kwargs) raises
        expected_exception; without args, return a context manager whose
        .exception is the exception caught."""
        context = _AssertRaisesContext(expected_exception, self)
        try:
            return context.handle('assertRaises', args, kwargs)
        finally:
            context = None

    def assertRaisesRegex(self, expected_exception, expected_regex,
                          *args, **kwargs):
        context = _AssertRaisesContext(expected_exception, self,
                                       expected_regex)
        return context.handle('assertRaisesRegex', args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        context = _AssertWarnsContext(expected_warning, self)
        return context.handle('assertWarns', args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex,
                         *args, **kwargs):
        context = _AssertWarnsContext(expected_warning, self, expected_regex)
        return context.handle('assertWarnsRegex', args, kwargs)

    def assertLogs(self, logger=None, level=None):
        """A context manager failing unless logger logs at level (INFO by
        default) or above inside it."""
        from ._log import _AssertLogsContext
        return _AssertLogsContext(self, logger, level, no_logs=False)

    def _assertNotWarns(self, expected_warning, *args, **kwargs):
        """The opposite of assertWarns (private, as in CPython)."""
        context = _AssertNotWarnsContext(expected_warning, self)
        return context.handle('_assertNotWarns', args, kwargs)

    def assertNoLogs(self, logger=None, level=None):
        from ._log import _AssertLogsContext
        return _AssertLogsContext(self, logger, level, no_logs=True)

    # --- equality ---------------------------------------------------------

    def _getAssertEqualityFunc(self, first, second):
        if type(first) == type(second):
            asserter = self._type_equality_funcs.get(type(first))
            if asserter is not None:
                if isinstance(asserter, str):
                    asserter = getattr(self, asserter)
                return asserter
        return self._baseAssertEqual

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            standard = '%s != %s' % _common_shorten_repr(first, second)
            self.fail(self._formatMessage(msg, standard))

    def assertEqual(self, first, second, msg=None):
        assertion = self._getAssertEqualityFunc(first, second)
        assertion(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, '%s == %s' % (
                safe_repr(first), safe_repr(second))))

    def assertAlmostEqual(self, first, second, places=None, msg=None,
                          delta=None):
        """Fail unless first and second differ by at most delta, or round to
        the same value at places (default 7) decimal places."""
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = '%s != %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta),
                safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = '%s != %s within %r places (%s difference)' % (
                safe_repr(first), safe_repr(second), places,
                safe_repr(diff))
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None,
                             delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = '%s == %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta),
                safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = '%s == %s within %r places' % (
                safe_repr(first), safe_repr(second), places)
        self.fail(self._formatMessage(msg, standard))

    @staticmethod
    def _ndiff_of_pformats(first, second):
        import difflib
        import pprint
        return '\n' + '\n'.join(difflib.ndiff(
            pprint.pformat(first).splitlines(),
            pprint.pformat(second).splitlines()))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        """Compare two sequences item by item; seq_type, if given, is the
        type both must be instances of."""
        if seq_type is not None:
            type_name = seq_type.__name__
            if not isinstance(seq1, seq_type):
                raise self.failureException('First sequence is not a %s: %s'
                                            % (type_name, safe_repr(seq1)))
            if not isinstance(seq2, seq_type):
                raise self.failureException('Second sequence is not a %s: %s'
                                            % (type_name, safe_repr(seq2)))
        else:
            type_name = "sequence"

        differing = None
        try:
            len1 = len(seq1)
        except (TypeError, NotImplementedError):
            differing = 'First %s has no length.    Non-sequence?' % type_name
        if differing is None:
            try:
                len2 = len(seq2)
            except (TypeError, NotImplementedError):
                differing = ('Second %s has no length.    Non-sequence?'
                             % type_name)
        if differing is None:
            if seq1 == seq2:
                return
            differing = self._describe_sequence_difference(
                seq1, seq2, len1, len2, type_name, seq_type)
            if differing is None:
                return
        standard = self._truncateMessage(
            differing, self._ndiff_of_pformats(seq1, seq2))
        self.fail(self._formatMessage(msg, standard))

    @staticmethod
    def _describe_sequence_difference(seq1, seq2, len1, len2, type_name,
                                      seq_type):
        """The text explaining how two unequal sequences differ; None when
        they hold equal items and differ only in type."""
        text = '%ss differ: %s != %s\n' % (
            (type_name.capitalize(),) + _common_shorten_repr(seq1, seq2))
        for i in range(min(len1, len2)):
            try:
                item1 = seq1[i]
            except (TypeError, IndexError, NotImplementedError):
                text += ('\nUnable to index element %d of first %s\n'
                         % (i, type_name))
                break
            try:
                item2 = seq2[i]
            except (TypeError, IndexError, NotImplementedError):
                text += ('\nUnable to index element %d of second %s\n'
                         % (i, type_name))
                break
            if item1 != item2:
                text += ('\nFirst differing element %d:\n%s\n%s\n'
                         % ((i,) + _common_shorten_repr(item1, item2)))
                break
        else:
            if len1 == len2 and seq_type is None and type(seq1) != type(seq2):
                return None
        if len1 > len2:
            text += ('\nFirst %s contains %d additional elements.\n'
                     % (type_name, len1 - len2))
            try:
                text += ('First extra element %d:\n%s\n'
                         % (len2, safe_repr(seq1[len2])))
            except (TypeError, IndexError, NotImplementedError):
                text += ('Unable to index element %d of first %s\n'
                         % (len2, type_name))
        elif len1 < len2:
            text += ('\nSecond %s contains %d additional elements.\n'
                     % (type_name, len2 - len1))
            try:
                text += ('First extra element %d:\n%s\n'
                         % (len1, safe_repr(seq2[len1])))
            except (TypeError, IndexError, NotImplementedError):
                text += ('Unable to index element %d of second %s\n'
                         % (len1, type_name))
        return text

    def assertListEqual(self, list1, list2, msg=None):
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def assertSetEqual(self, set1, set2, msg=None):
        """Fail unless the sets are equal, listing the items only one has.
        Works for any objects with a difference() method."""
        try:
            only_first = set1.difference(set2)
        except TypeError as e:
            self.fail('invalid type when attempting set difference: %s' % e)
        except AttributeError as e:
            self.fail('first argument does not support set difference: %s' % e)
        try:
            only_second = set2.difference(set1)
        except TypeError as e:
            self.fail('invalid type when attempting set difference: %s' % e)
        except AttributeError as e:
            self.fail('second argument does not support set difference: %s'
                      % e)
        if not (only_first or only_second):
            return
        lines = []
        if only_first:
            lines.append('Items in the first set but not the second:')
            lines.extend(repr(item) for item in only_first)
        if only_second:
            lines.append('Items in the second set but not the first:')
            lines.extend(repr(item) for item in only_second)
        self.fail(self._formatMessage(msg, '\n'.join(lines)))

    def assertDictEqual(self, d1, d2, msg=None):
        self.assertIsInstance(d1, dict, 'First argument is not a dictionary')
        self.assertIsInstance(d2, dict, 'Second argument is not a dictionary')
        if d1 != d2:
            standard = '%s != %s' % _common_shorten_repr(d1, d2)
            standard = self._truncateMessage(
                standard, self._ndiff_of_pformats(d1, d2))
            self.fail(self._formatMessage(msg, standard))

    def assertCountEqual(self, first, second, msg=None):
        """Fail unless first and second hold the same items the same number
        of times, in any order."""
        first_items, second_items = list(first), list(second)
        try:
            first_counts = collections.Counter(first_items)
            second_counts = collections.Counter(second_items)
        except TypeError:
            differences = _count_diff_all_purpose(first_items, second_items)
        else:
            if first_counts == second_counts:
                return
            differences = _count_diff_hashable(first_items, second_items)
        if differences:
            lines = ['First has %d, Second has %d:  %r' % diff
                     for diff in differences]
            standard = self._truncateMessage(
                'Element counts were not equal:\n', '\n'.join(lines))
            self.fail(self._formatMessage(msg, standard))

    def assertMultiLineEqual(self, first, second, msg=None):
        """Fail unless two strings are equal, showing their ndiff."""
        self.assertIsInstance(first, str, "First argument is not a string")
        self.assertIsInstance(second, str, "Second argument is not a string")
        if first == second:
            return
        if (len(first) > self._diffThreshold or
                len(second) > self._diffThreshold):
            self._baseAssertEqual(first, second, msg)
        # Make both end in a newline so that ndiff shows a missing final
        # newline as a difference; an empty string stays empty.
        first_text, second_text = first, second
        if first and second:
            if first[-1] != '\n' or second[-1] != '\n':
                first_text += '\n'
                second_text += '\n'
        elif second and second[-1] != '\n':
            second_text += '\n'
        elif first and first[-1] != '\n':
            first_text += '\n'
        import difflib
        diff = '\n' + ''.join(difflib.ndiff(
            first_text.splitlines(keepends=True),
            second_text.splitlines(keepends=True)))
        standard = '%s != %s' % _common_shorten_repr(first, second)
        standard = self._truncateMessage(standard, diff)
        self.fail(self._formatMessage(msg, standard))

    # --- ordering and patterns --------------------------------------------

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, '%s not less than %s' % (
                safe_repr(a), safe_repr(b))))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(
                msg, '%s not less than or equal to %s' % (
                    safe_repr(a), safe_repr(b))))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, '%s not greater than %s' % (
                safe_repr(a), safe_repr(b))))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(
                msg, '%s not greater than or equal to %s' % (
                    safe_repr(a), safe_repr(b))))

    def assertRegex(self, text, expected_regex, msg=None):
        if isinstance(expected_regex, (str, bytes)):
            assert expected_regex, "expected_regex must not be empty."
            import re
            expected_regex = re.compile(expected_regex)
        if not expected_regex.search(text):
            standard = "Regex didn't match: %r not found in %r" % (
                expected_regex.pattern, text)
            self.fail(self._formatMessage(msg, standard))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        if isinstance(unexpected_regex, (str, bytes)):
            import re
            unexpected_regex = re.compile(unexpected_regex)
        match = unexpected_regex.search(text)
        if match:
            standard = 'Regex matched: %r matches %r in %r' % (
                text[match.start():match.end()], unexpected_regex.pattern,
                text)
            self.fail(self._formatMessage(msg, standard))


class FunctionTestCase(TestCase):
    """A TestCase running a plain function, with optional setUp and
    tearDown functions and a description."""

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        super(FunctionTestCase, self).__init__()
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._testFunc = testFunc
        self._description = description

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return (self._setUpFunc == other._setUpFunc and
                self._tearDownFunc == other._tearDownFunc and
                self._testFunc == other._testFunc and
                self._description == other._description)

    def __hash__(self):
        return hash((type(self), self._setUpFunc, self._tearDownFunc,
                     self._testFunc, self._description))

    def __str__(self):
        return "%s (%s)" % (strclass(self.__class__), self._testFunc.__name__)

    def __repr__(self):
        return "<%s tec=%s>" % (strclass(self.__class__), self._testFunc)

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        return doc and doc.split("\n")[0].strip() or None


class _SubTest(TestCase):
    """Stands for one subTest block in reports."""

    def __init__(self, test_case, message, params):
        super().__init__()
        self._message = message
        self.test_case = test_case
        self.params = params
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError("subtests cannot be run directly")

    def _subDescription(self):
        parts = []
        if self._message is not _subtest_msg_sentinel:
            parts.append("[{}]".format(self._message))
        if self.params:
            parts.append("({})".format(', '.join(
                "{}={!r}".format(key, value)
                for key, value in self.params.items())))
        return " ".join(parts) or '(<subtest>)'

    def id(self):
        return "{} {}".format(self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "{} {}".format(self.test_case, self._subDescription())
