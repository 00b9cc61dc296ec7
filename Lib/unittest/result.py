"""TestResult: the record of what a test run did."""

import io
import sys
from functools import wraps

from . import util

# The traceback module, imported on first use (importing unittest stays
# cheap).  A module global as in CPython, so that tests can replace it;
# threads racing to set it store the same module.
traceback = None


def _traceback_module():
    global traceback
    if traceback is None:
        import traceback as module
        traceback = module
    return traceback


__unittest = True

STDOUT_LINE = '\nStdout:\n%s'
STDERR_LINE = '\nStderr:\n%s'


def failfast(method):
    """Make a result method stop the run first when failfast is set."""
    @wraps(method)
    def inner(self, *args, **kwargs):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kwargs)
    return inner


def _with_newline(text):
    return text if text.endswith('\n') else text + '\n'


class TestResult(object):
    """Holds the outcome of the tests run so far.

    failures and errors are lists of (test, formatted traceback) pairs;
    skipped holds (test, reason) pairs.
    """
    _previousTestClass = None
    _testRunEntered = False
    _moduleSetUpFailed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.collectedDurations = []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._stdout_buffer = None
        self._stderr_buffer = None
        self._original_stdout = sys.stdout
        self._original_stderr = sys.stderr
        self._mirrorOutput = False

    def printErrors(self):
        """Called by TestRunner after the run; this result prints nothing."""

    def startTest(self, test):
        self.testsRun += 1
        self._mirrorOutput = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._stderr_buffer is None:
                self._stderr_buffer = io.StringIO()
                self._stdout_buffer = io.StringIO()
            sys.stdout = self._stdout_buffer
            sys.stderr = self._stderr_buffer

    def startTestRun(self):
        """Called once before any test runs."""

    def stopTest(self, test):
        self._restoreStdout()
        self._mirrorOutput = False

    def _restoreStdout(self):
        if not self.buffer:
            return
        if self._mirrorOutput:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                self._original_stdout.write(STDOUT_LINE % _with_newline(output))
            if error:
                self._original_stderr.write(STDERR_LINE % _with_newline(error))
        sys.stdout = self._original_stdout
        sys.stderr = self._original_stderr
        for buffer in (self._stdout_buffer, self._stderr_buffer):
            buffer.seek(0)
            buffer.truncate()

    def stopTestRun(self):
        """Called once after all tests ran."""

    @failfast
    def addError(self, test, err):
        self.errors.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    @failfast
    def addFailure(self, test, err):
        self.failures.append((test, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSubTest(self, test, subtest, err):
        """err is None when the subtest passed."""
        if err is None:
            return
        if getattr(self, 'failfast', False):
            self.stop()
        if issubclass(err[0], test.failureException):
            target = self.failures
        else:
            target = self.errors
        target.append((subtest, self._exc_info_to_string(err, test)))
        self._mirrorOutput = True

    def addSuccess(self, test):
        """A test passed; nothing is recorded."""

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append(
            (test, self._exc_info_to_string(err, test)))

    @failfast
    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def addDuration(self, test, elapsed):
        # Results made before durations existed may lack the list.
        if hasattr(self, 'collectedDurations'):
            self.collectedDurations.append((str(test), elapsed))

    def wasSuccessful(self):
        return ((len(self.failures) == len(self.errors) == 0) and
                (not hasattr(self, 'unexpectedSuccesses') or
                 len(self.unexpectedSuccesses) == 0))

    def stop(self):
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        traceback = _traceback_module()
        exctype, value, tb = err
        tb = self._clean_tracebacks(exctype, value, tb, test)
        formatted = traceback.TracebackException(
            exctype, value, tb, capture_locals=self.tb_locals, compact=True)
        lines = list(formatted.format())
        if self.buffer:
            output = sys.stdout.getvalue()
            error = sys.stderr.getvalue()
            if output:
                lines.append(STDOUT_LINE % _with_newline(output))
            if error:
                lines.append(STDERR_LINE % _with_newline(error))
        return ''.join(lines)

    def _clean_tracebacks(self, exctype, value, tb, test):
        """Drop unittest's own frames from err and the exceptions it chains.

        Returns the cleaned traceback of err itself; chained exceptions get
        theirs assigned in place.
        """
        result_tb = None
        pending = [(exctype, value, tb)]
        seen = {id(value)}
        first = True
        while pending:
            exctype, value, tb = pending.pop()
            while tb and self._is_relevant_tb_level(tb):
                tb = tb.tb_next
            if exctype is test.failureException:
                self._remove_unittest_tb_frames(tb)
            if first:
                result_tb = tb
                first = False
            else:
                value.__traceback__ = tb
            if value is not None:
                for chained in (value.__cause__, value.__context__):
                    if chained is not None and id(chained) not in seen:
                        pending.append((type(chained), chained,
                                        chained.__traceback__))
                        seen.add(id(chained))
        return result_tb

    def _is_relevant_tb_level(self, tb):
        return '__unittest' in tb.tb_frame.f_globals

    def _remove_unittest_tb_frames(self, tb):
        """Cut tb where the assert* helpers' frames begin."""
        last_kept = None
        while tb and not self._is_relevant_tb_level(tb):
            last_kept = tb
            tb = tb.tb_next
        if last_kept is not None:
            last_kept.tb_next = None

    def __repr__(self):
        return ("<%s run=%i errors=%i failures=%i>" %
                (util.strclass(self.__class__), self.testsRun,
                 len(self.errors), len(self.failures)))
