"""Tools for writing and combining context managers (the with
statement, PEP 343, and async with, PEP 492)."""

import abc
import os
import sys
import _collections_abc
from collections import deque
from functools import wraps
from types import GenericAlias, MethodType

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]


# ---------------------------------------------------------------------------
# Abstract base classes

class AbstractContextManager(abc.ABC):
    """ABC of objects usable in a with statement: __enter__ returns
    self by default, subclasses supply __exit__."""

    __class_getitem__ = classmethod(GenericAlias)

    __slots__ = ()

    def __enter__(self):
        """The default enter hook: the manager itself."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Never suppresses: returns None so that an exception raised in
        the block propagates."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _collections_abc._check_methods(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(abc.ABC):
    """ABC of objects usable in an async with statement: __aenter__
    returns self by default, subclasses supply __aexit__."""

    __class_getitem__ = classmethod(GenericAlias)

    __slots__ = ()

    async def __aenter__(self):
        """The default enter hook: the manager itself."""
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Never suppresses: returns None so that an exception raised in
        the block propagates."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _collections_abc._check_methods(C, "__aenter__",
                                                   "__aexit__")
        return NotImplemented


# ---------------------------------------------------------------------------
# Context managers usable as decorators

class ContextDecorator(object):
    """Mixin for context managers that may also decorate a function:
    every call of the function then runs inside the manager."""

    def _recreate_cm(self):
        """The manager to use for one decorated call.  Reusable managers
        return themselves; single-use ones (generator based) return a
        fresh copy."""
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    """Mixin for async context managers that may also decorate a
    coroutine function: every call then runs inside the manager."""

    def _recreate_cm(self):
        """The manager to use for one decorated call (see
        ContextDecorator._recreate_cm)."""
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


# ---------------------------------------------------------------------------
# @contextmanager and @asynccontextmanager

class _GeneratorContextManagerBase:
    """Shared state of the generator-based context managers."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        # The instance documents itself with the generator function's
        # docstring, falling back to the class's.
        doc = getattr(func, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # Each use as a decorator needs a fresh generator: the one made by
        # __init__ is good for a single with statement only.
        return self.__class__(self.func, self.args, self.kwds)

    def _forget_recipe(self):
        # Once entered the manager can never be recreated; dropping the
        # function and its arguments avoids keeping them alive (and avoids
        # reference cycles through the arguments).
        del self.args, self.kwds, self.func


def _thrown_back(value, exc, traceback, stop_types):
    """Decides whether exc, which escaped from throwing value into a
    generator, is value coming back (possibly converted to RuntimeError
    because it was a StopIteration-like exception, PEP 479).  If so,
    restores its traceback and returns True: the with statement then
    re-raises the original exception."""
    if exc is value:
        exc.__traceback__ = traceback
        return True
    if (isinstance(exc, RuntimeError) and isinstance(value, stop_types)
            and exc.__cause__ is value):
        value.__traceback__ = traceback
        return True
    return False


class _GeneratorContextManager(
    _GeneratorContextManagerBase,
    AbstractContextManager,
    ContextDecorator,
):
    """What a @contextmanager function returns when called."""

    def __enter__(self):
        self._forget_recipe()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                self.gen.close()
        if value is None:
            # The with statement passed only a type (old-style callers
            # of __exit__): build the instance to throw.
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator finished: the exception is suppressed unless
            # it was a StopIteration raised in the body that came back.
            return exc is not value
        except BaseException as exc:
            if _thrown_back(value, exc, traceback, StopIteration):
                return False
            raise
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            self.gen.close()


class _AsyncGeneratorContextManager(
    _GeneratorContextManagerBase,
    AbstractAsyncContextManager,
    AsyncContextDecorator,
):
    """What an @asynccontextmanager function returns when called."""

    async def __aenter__(self):
        self._forget_recipe()
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                await self.gen.aclose()
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except BaseException as exc:
            if _thrown_back(value, exc, traceback,
                            (StopIteration, StopAsyncIteration)):
                return False
            raise
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await self.gen.aclose()


def contextmanager(func):
    """Turns a generator function into a context manager factory.

    The generator must yield exactly once.  The code before the yield
    runs on entry and the yielded value is bound by "as"; the code after
    it runs on exit.  An exception raised in the with block is thrown in
    at the yield, so a try/finally around the yield always cleans up and
    a try/except may suppress the exception:

        @contextmanager
        def opened(path):
            f = open(path)
            try:
                yield f
            finally:
                f.close()
    """
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """Turns an async generator function into an async context manager
    factory, with the same rules as @contextmanager:

        @asynccontextmanager
        async def connected(address):
            conn = await connect(address)
            try:
                yield conn
            finally:
                await conn.close()
    """
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


# ---------------------------------------------------------------------------
# Small context managers

class closing(AbstractContextManager):
    """Calls thing.close() when the block ends, however it ends; "as"
    binds thing itself:

        with closing(make_connection()) as conn:
            use(conn)
    """
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Awaits thing.aclose() when the async with block ends, however it
    ends; useful to finalize an async generator deterministically:

        async with aclosing(agen()) as values:
            async for value in values:
                ...
    """
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack, so one instance may be entered again while in use.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Points sys.stdout at another file object for the duration of the
    block, e.g. to capture print() output in an io.StringIO.  The
    replacement is process-wide, not per thread."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Points sys.stderr at another file object for the duration of the
    block (process-wide, like redirect_stdout)."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Silently ends the block when it raises one of the given exception
    types; execution continues after the with statement.  From an
    exception group only the matching leaves are dropped and the rest is
    re-raised.

        with suppress(FileNotFoundError):
            os.remove(path)
    """

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        return None

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return None
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            # Drop the matching leaves; re-raise a group of the others.
            match, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager that does nothing, for code that only sometimes
    needs a real one; "as" binds enter_result.  Works with both with and
    async with:

        cm = lock if shared else nullcontext()
        with cm:
            ...
    """

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Changes the working directory for the duration of the block and
    changes it back afterwards.  The working directory belongs to the
    whole process, so this is not safe while other threads rely on it."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._old_cwd.pop())


# ---------------------------------------------------------------------------
# Exit stacks

def _protocol_error(cls, protocol):
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                     f"not support the {protocol} protocol")


class _Unwinding:
    """The state of one unwinding of an exit stack: the exception being
    passed to the callbacks, and whether it was raised by a callback (and
    must propagate) or suppressed.

    A callback that raises does so while the with statement's original
    exception is being handled, so the interpreter links the new
    exception's __context__ to that original one.  The right context is
    the exception the callback was given (the one pending at that point
    of the unwinding), so the chain is re-linked here."""

    def __init__(self, exc):
        self.exc = exc
        self.received = exc is not None
        self.suppressed = False
        self.raising = False
        self.frame_exc = sys.exception()

    def details(self):
        exc = self.exc
        if exc is None:
            return None, None, None
        return type(exc), exc, exc.__traceback__

    def returned(self, suppress):
        if suppress:
            self.suppressed = True
            self.raising = False
            self.exc = None

    def raised(self, new_exc):
        self._relink_context(new_exc, self.exc)
        self.raising = True
        self.exc = new_exc

    def _relink_context(self, new_exc, old_exc):
        # Walk new_exc's context chain to the link that reaches the
        # frame's exception and point it at old_exc instead.
        while True:
            context = new_exc.__context__
            if context is None or context is old_exc:
                return
            if context is self.frame_exc:
                break
            new_exc = context
        new_exc.__context__ = old_exc

    def finish(self):
        if self.raising:
            exc = self.exc
            # Raising here would set exc.__context__ to the exception this
            # frame is handling; keep the chain built above instead.
            context = exc.__context__
            try:
                raise exc
            except BaseException:
                exc.__context__ = context
                raise
        return self.received and self.suppressed


class _BaseExitStack:
    """What ExitStack and AsyncExitStack share: the stack of exit
    callbacks and the ways to push onto it."""

    @staticmethod
    def _create_exit_wrapper(cm, cm_exit):
        return MethodType(cm_exit, cm)

    @staticmethod
    def _create_cb_wrapper(callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        return _exit_wrapper

    def __init__(self):
        # (is_sync, callback) pairs, run last in, first out.
        self._exit_callbacks = deque()

    def pop_all(self):
        """Moves every registered callback to a new stack of the same type
        and returns it, leaving this one empty (so leaving this one's
        with block runs nothing)."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = deque()
        return new_stack

    def push(self, exit):
        """Pushes an exit callback taking (exc_type, exc, traceback); a
        true result suppresses the exception.  An object whose type has
        __exit__ is pushed as that bound method.  Returns exit, so this
        works as a decorator."""
        try:
            exit_method = type(exit).__exit__
        except AttributeError:
            # Not a context manager: assume it is a callable.
            self._push_exit_callback(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enters cm and pushes its __exit__; returns what __enter__
        returned."""
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise _protocol_error(cls, "context manager") from None
        result = enter(cm)
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Pushes a call of callback(*args, **kwds) that ignores the
        exception details (so never suppresses); returns callback."""
        wrapper = self._create_cb_wrapper(callback, *args, **kwds)
        # Lets introspection (and tests) find the registered callable.
        wrapper.__wrapped__ = callback
        self._push_exit_callback(wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        """Pushes cm_exit bound to cm."""
        self._push_exit_callback(self._create_exit_wrapper(cm, cm_exit), True)

    def _push_exit_callback(self, callback, is_sync=True):
        self._exit_callbacks.append((is_sync, callback))


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager holding any number of exit callbacks, run last
    in, first out when the block ends.  Each callback sees the exception
    left by the ones run before it, as nested with statements would:

        with ExitStack() as stack:
            files = [stack.enter_context(open(name)) for name in names]
            # every file opened so far is closed on the way out, even if
            # opening a later one failed
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        unwinding = _Unwinding(exc_details[1])
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            assert is_sync
            try:
                suppress = cb(*unwinding.details())
            except BaseException as new_exc:
                unwinding.raised(new_exc)
            else:
                unwinding.returned(suppress)
        return unwinding.finish()

    def close(self):
        """Runs and removes every callback now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """The async with counterpart of ExitStack: it also accepts async
    context managers and coroutine callbacks, awaited in turn:

        async with AsyncExitStack() as stack:
            conns = [await stack.enter_async_context(connect(a))
                     for a in addresses]
    """

    @staticmethod
    def _create_async_exit_wrapper(cm, cm_exit):
        return MethodType(cm_exit, cm)

    @staticmethod
    def _create_async_cb_wrapper(callback, /, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        return _exit_wrapper

    async def enter_async_context(self, cm):
        """Awaits cm.__aenter__(), pushes its __aexit__ and returns what
        __aenter__ returned."""
        cls = type(cm)
        try:
            enter = cls.__aenter__
            exit = cls.__aexit__
        except AttributeError:
            raise _protocol_error(cls, "asynchronous context manager") from None
        result = await enter(cm)
        self._push_async_cm_exit(cm, exit)
        return result

    def push_async_exit(self, exit):
        """Pushes a coroutine function taking (exc_type, exc, traceback);
        a true result suppresses the exception.  An object whose type has
        __aexit__ is pushed as that bound method.  Returns exit."""
        try:
            exit_method = type(exit).__aexit__
        except AttributeError:
            self._push_exit_callback(exit, False)
        else:
            self._push_async_cm_exit(exit, exit_method)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Pushes an awaited call of callback(*args, **kwds) that ignores
        the exception details; returns callback."""
        wrapper = self._create_async_cb_wrapper(callback, *args, **kwds)
        wrapper.__wrapped__ = callback
        self._push_exit_callback(wrapper, False)
        return callback

    async def aclose(self):
        """Runs and removes every callback now."""
        await self.__aexit__(None, None, None)

    def _push_async_cm_exit(self, cm, cm_exit):
        """Pushes the coroutine method cm_exit bound to cm."""
        wrapper = self._create_async_exit_wrapper(cm, cm_exit)
        self._push_exit_callback(wrapper, False)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        unwinding = _Unwinding(exc_details[1])
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    suppress = cb(*unwinding.details())
                else:
                    suppress = await cb(*unwinding.details())
            except BaseException as new_exc:
                unwinding.raised(new_exc)
            else:
                unwinding.returned(suppress)
        return unwinding.finish()
