"""IsolatedAsyncioTestCase: a TestCase whose hooks and tests may be
coroutines, each test running in a fresh event loop."""

import asyncio
import contextvars
import inspect
import warnings

from .case import TestCase

__unittest = True


class IsolatedAsyncioTestCase(TestCase):
    """Each test gets its own asyncio.Runner (event loop); setUp, the test
    and tearDown run in one contextvars context, so context variables set
    in setUp or asyncSetUp are seen by the test."""

    loop_factory = None

    def __init__(self, methodName='runTest'):
        super().__init__(methodName)
        self._asyncioRunner = None
        self._asyncioTestContext = contextvars.copy_context()

    async def asyncSetUp(self):
        pass

    async def asyncTearDown(self):
        pass

    def addAsyncCleanup(self, func, /, *args, **kwargs):
        # _callCleanup awaits coroutine functions.
        self.addCleanup(*(func, *args), **kwargs)

    async def enterAsyncContext(self, cm):
        """Enter the asynchronous context manager cm now and exit it as an
        async cleanup."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object "
                            f"does not support the asynchronous context "
                            f"manager protocol") from None
        value = await enter(cm)
        self.addAsyncCleanup(exit, cm, None, None, None)
        return value

    def _callSetUp(self):
        # Creating the loop first lets setUp use asyncio.get_running_loop
        # indirectly through the runner.
        self._asyncioRunner.get_loop()
        self._asyncioTestContext.run(self.setUp)
        self._callAsync(self.asyncSetUp)

    def _callTestMethod(self, method):
        if self._callMaybeAsync(method) is not None:
            warnings.warn(f'It is deprecated to return a value that is not '
                          f'None from a test case ({method})',
                          DeprecationWarning, stacklevel=4)

    def _callTearDown(self):
        self._callAsync(self.asyncTearDown)
        self._asyncioTestContext.run(self.tearDown)

    def _callCleanup(self, function, *args, **kwargs):
        self._callMaybeAsync(function, *args, **kwargs)

    def _callAsync(self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, \
            'asyncio runner is not initialized'
        assert inspect.iscoroutinefunction(func), \
            f'{func!r} is not an async function'
        return self._asyncioRunner.run(func(*args, **kwargs),
                                       context=self._asyncioTestContext)

    def _callMaybeAsync(self, func, /, *args, **kwargs):
        assert self._asyncioRunner is not None, \
            'asyncio runner is not initialized'
        if inspect.iscoroutinefunction(func):
            return self._asyncioRunner.run(func(*args, **kwargs),
                                           context=self._asyncioTestContext)
        return self._asyncioTestContext.run(func, *args, **kwargs)

    def _setupAsyncioRunner(self):
        assert self._asyncioRunner is None, \
            'asyncio runner is already initialized'
        self._asyncioRunner = asyncio.Runner(debug=True,
                                             loop_factory=self.loop_factory)

    def _tearDownAsyncioRunner(self):
        runner = self._asyncioRunner
        self._asyncioRunner = None
        runner.close()

    def run(self, result=None):
        self._setupAsyncioRunner()
        try:
            return super().run(result)
        finally:
            self._tearDownAsyncioRunner()

    def debug(self):
        self._setupAsyncioRunner()
        super().debug()
        self._tearDownAsyncioRunner()

    def __del__(self):
        if getattr(self, '_asyncioRunner', None) is not None:
            self._tearDownAsyncioRunner()
