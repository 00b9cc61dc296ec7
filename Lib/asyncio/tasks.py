"""Tasks: coroutines driven by the event loop, and the functions that
combine them (gather, wait, wait_for, as_completed, shield, sleep)."""

__all__ = (
    'Task', 'create_task',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'wait', 'wait_for', 'as_completed', 'sleep',
    'gather', 'shield', 'ensure_future', 'run_coroutine_threadsafe',
    'current_task', 'all_tasks',
    'create_eager_task_factory', 'eager_task_factory',
    '_register_task', '_unregister_task', '_enter_task', '_leave_task',
)

import concurrent.futures
import contextvars
import functools
import inspect
import itertools
import math
import types
import weakref

from . import base_futures
from . import coroutines
from . import events
from . import exceptions
from . import futures
from . import timeouts

# Default task names: Task-1, Task-2, ...  next() on a count is atomic
# enough for naming even when loops run in several threads.
_task_name_counter = itertools.count(1).__next__


def _task_repr_info(task):
    info = base_futures._future_repr_info(task)
    # Cancellation requested (cancel() not withdrawn by uncancel()) but
    # the task still running: its waiter may have taken the cancel.
    if task.cancelling() and not task.done():
        info[0] = 'cancelling'
    info.insert(1, f'name={task.get_name()!r}')
    if task._coro is not None:
        info.insert(2, f'coro=<{coroutines._format_coroutine(task._coro)}>')
    if task._fut_waiter is not None:
        info.insert(3, f'wait_for={task._fut_waiter!r}')
    return info


class Task(futures._PyFuture):
    """A Future that runs a coroutine on the event loop.

    Only the loop's thread steps the task; other threads must go through
    call_soon_threadsafe() or run_coroutine_threadsafe().
    """

    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None,
                 eager_start=False):
        super().__init__(loop=loop)
        if self._source_traceback:
            del self._source_traceback[-1]
        if not coroutines.iscoroutine(coro):
            # The coroutine was never started: no "never awaited" warning.
            self._log_destroy_pending = False
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        if name is None:
            self._name = f'Task-{_task_name_counter()}'
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._context = contextvars.copy_context() if context is None \
            else context
        if eager_start and self._loop.is_running():
            self.__eager_start()
        else:
            self._loop.call_soon(self.__step, context=self._context)
            _register_task(self)

    def __del__(self):
        if self._state == futures._PENDING and self._log_destroy_pending:
            context = {
                'task': self,
                'message': 'Task was destroyed but it is pending!',
            }
            if self._source_traceback:
                context['source_traceback'] = self._source_traceback
            self._loop.call_exception_handler(context)
        super().__del__()

    __class_getitem__ = classmethod(types.GenericAlias)

    def __repr__(self):
        return f'<{self.__class__.__name__} ' \
               f'{" ".join(_task_repr_info(self))}>'

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        """Return the frames of the suspended coroutine chain."""
        frames = []
        coro = self._coro
        while coro is not None:
            frame = getattr(coro, 'cr_frame', None) or \
                getattr(coro, 'gi_frame', None)
            if frame is None:
                break
            frames.append(frame)
            coro = getattr(coro, 'cr_await', None) or \
                getattr(coro, 'gi_yieldfrom', None)
        if limit is not None and limit >= 0:
            frames = frames[-limit:] if limit else []
        return frames

    def print_stack(self, *, limit=None, file=None):
        import sys
        import traceback
        if file is None:
            file = sys.stderr
        frames = self.get_stack(limit=limit)
        if not frames:
            print(f'No stack for {self!r}', file=file)
        else:
            print(f'Stack for {self!r} (most recent call last):', file=file)
            entries = [(f, f.f_lineno) for f in frames]
            summary = traceback.StackSummary.extract(entries)
            for line in summary.format():
                print(line, file=file, end='')

    def cancel(self, msg=None):
        """Ask the task to cancel itself: CancelledError is thrown into the
        coroutine at its next step.  Return False if it is already done."""
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # The wakeup from the waiter delivers the CancelledError.
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        """Return the number of pending cancellation requests."""
        return self._num_cancels_requested

    def uncancel(self):
        """Withdraw one cancellation request; return how many remain."""
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
            if self._num_cancels_requested == 0:
                self._must_cancel = False
        return self._num_cancels_requested

    def __eager_start(self):
        prev_task = _swap_current_task(self._loop, self)
        try:
            _register_eager_task(self)
            try:
                self._context.run(self.__step_run_and_handle_result, None)
            finally:
                _unregister_eager_task(self)
        finally:
            try:
                _swap_current_task(self._loop, prev_task)
            finally:
                if self.done():
                    self._coro = None
                    self = None
                else:
                    _register_task(self)

    def __step(self, exc=None):
        if self.done():
            raise exceptions.InvalidStateError(
                f'__step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        _enter_task(self._loop, self)
        try:
            self.__step_run_and_handle_result(exc)
        finally:
            _leave_task(self._loop, self)
            self = None  # Break the cycle through a raised exception.

    def __step_run_and_handle_result(self, exc):
        coro = self._coro
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() came after the coroutine's last await.
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
            else:
                super().set_result(stop.value)
        except exceptions.CancelledError as cancel_exc:
            self._cancelled_exc = cancel_exc
            super().cancel()
        except (KeyboardInterrupt, SystemExit) as fatal:
            super().set_exception(fatal)
            raise
        except BaseException as error:
            super().set_exception(error)
        else:
            self.__handle_yield(result)
        finally:
            self = None

    def __handle_yield(self, result):
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if futures._get_loop(result) is not self._loop:
                self.__fail_step(RuntimeError(
                    f'Task {self!r} got Future {result!r} attached to a '
                    f'different loop'))
            elif not blocking:
                self.__fail_step(RuntimeError(
                    f'yield was used instead of yield from in task '
                    f'{self!r} with {result!r}'))
            elif result is self:
                self.__fail_step(RuntimeError(
                    f'Task cannot await on itself: {self!r}'))
            else:
                result._asyncio_future_blocking = False
                futures.future_add_to_awaited_by(result, self)
                result.add_done_callback(self.__wakeup,
                                         context=self._context)
                self._fut_waiter = result
                if self._must_cancel:
                    if self._fut_waiter.cancel(msg=self._cancel_message):
                        self._must_cancel = False
        elif result is None:
            # A bare yield lets other callbacks run for one iteration.
            self._loop.call_soon(self.__step, context=self._context)
        elif inspect.isgenerator(result):
            self.__fail_step(RuntimeError(
                f'yield was used instead of yield from for generator in '
                f'task {self!r} with {result!r}'))
        else:
            self.__fail_step(RuntimeError(f'Task got bad yield: {result!r}'))

    def __fail_step(self, exc):
        self._loop.call_soon(self.__step, exc, context=self._context)

    def __wakeup(self, future):
        # Step outside the except block: the coroutine must not see the
        # waiter's exception as the one "being handled" (__context__).
        futures.future_discard_from_awaited_by(future, self)
        try:
            future.result()
        except BaseException as exc:
            error = exc
        else:
            error = None
        try:
            self.__step(error)
        finally:
            error = None
            self = None


_PyTask = Task


def create_task(coro, **kwargs):
    """Schedule coro on the running loop and return its Task."""
    loop = events.get_running_loop()
    return loop.create_task(coro, **kwargs)


FIRST_COMPLETED = concurrent.futures.FIRST_COMPLETED
FIRST_EXCEPTION = concurrent.futures.FIRST_EXCEPTION
ALL_COMPLETED = concurrent.futures.ALL_COMPLETED


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures/tasks in fs; return (done, pending) sets."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks '
                        'explicitly.')
    loop = events.get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    """Wait for fut with a timeout; cancel it and raise TimeoutError when
    the timeout expires."""
    if timeout is not None and timeout <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise TimeoutError from exc
    async with timeouts.timeout(timeout):
        return await fut


async def _wait(fs, timeout, return_when, loop):
    assert fs, 'Set of Futures is empty.'
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and
                 f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


async def _cancel_and_wait(fut):
    loop = events.get_running_loop()
    waiter = loop.create_future()
    cb = functools.partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


class _AsCompletedIterator:
    """Both a plain iterator of awaitables and an async iterator of the
    finished futures, in completion order."""

    def __init__(self, aws, timeout):
        from . import queues
        self._done = queues.Queue()
        self._timeout_handle = None
        loop = events.get_event_loop()
        todo = {ensure_future(aw, loop=loop) for aw in set(aws)}
        for f in todo:
            f.add_done_callback(self._handle_completion)
        if todo and timeout is not None:
            self._timeout_handle = loop.call_later(timeout,
                                                   self._handle_timeout)
        self._todo = todo
        self._todo_left = len(todo)

    def __aiter__(self):
        return self

    def __iter__(self):
        return self

    async def __anext__(self):
        if not self._todo_left:
            raise StopAsyncIteration
        assert self._todo_left > 0
        self._todo_left -= 1
        return await self._wait_for_one()

    def __next__(self):
        if not self._todo_left:
            raise StopIteration
        assert self._todo_left > 0
        self._todo_left -= 1
        return self._wait_for_one(resolve=True)

    def _handle_timeout(self):
        for f in self._todo:
            f.remove_done_callback(self._handle_completion)
            self._done.put_nowait(None)
        self._todo.clear()

    def _handle_completion(self, f):
        if not self._todo:
            return
        self._todo.remove(f)
        self._done.put_nowait(f)
        if not self._todo and self._timeout_handle is not None:
            self._timeout_handle.cancel()

    async def _wait_for_one(self, resolve=False):
        f = await self._done.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result() if resolve else f


def as_completed(fs, *, timeout=None):
    """Yield the awaitables of fs as they complete (see the docs for the
    plain and async iteration forms)."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, '
                        f'not {type(fs).__name__}')
    return _AsCompletedIterator(fs, timeout)


@types.coroutine
def __sleep0():
    yield


async def sleep(delay, result=None):
    """Suspend the current task for delay seconds; return result."""
    if delay <= 0:
        await __sleep0()
        return result
    if math.isnan(delay):
        raise ValueError('Invalid delay: NaN (not a number)')
    loop = events.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, futures._set_result_unless_cancelled,
                             future, result)
    try:
        return await future
    finally:
        handle.cancel()


def ensure_future(coro_or_future, *, loop=None):
    """Return a Future for coro_or_future, wrapping coroutines and
    awaitables in a Task."""
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(
                coro_or_future):
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    should_close = True
    if not coroutines.iscoroutine(coro_or_future):
        if inspect.isawaitable(coro_or_future):
            awaitable = coro_or_future

            async def _wrap_awaitable():
                return await awaitable

            coro_or_future = _wrap_awaitable()
            should_close = False
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '
                            'is required')
    if loop is None:
        loop = events.get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if should_close:
            coro_or_future.close()
        raise


class _GatheringFuture(futures.Future):
    """The outer future of gather(); cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        assert loop is not None
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # The children's CancelledError reaches the outer future via
            # _done_callback; remember to report it as cancellation.
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; the result is the list of their
    results in argument order."""
    if not coros_or_futures:
        loop = events.get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfinished = 0
    nfuts = 0
    outer = None

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                # Mark the exception retrieved: the outer future is done.
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for child in children:
                if child.cancelled():
                    msg = child._cancel_message
                    res = exceptions.CancelledError('' if msg is None
                                                    else msg)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    done_futs = []
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            if fut is not arg:
                # gather() owns this task: no "destroyed but pending" log.
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            if fut.done():
                done_futs.append(fut)
            else:
                fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    for fut in done_futs:
        _done_callback(fut)
    return outer


# Tasks shielded by shield(): the loop keeps only weak references, so keep
# them alive until they finish.
_shielded_tasks = set()


def shield(arg):
    """Protect an awaitable from cancellation of the awaiting task."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()
    if loop is not None and inner is not arg:
        _shielded_tasks.add(inner)

    def _inner_done_callback(inner):
        _shielded_tasks.discard(inner)
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Submit coro to loop from another thread; return a
    concurrent.futures.Future for its result."""
    if not coroutines.iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    future = concurrent.futures.Future()

    def callback():
        try:
            futures._chain_future(ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

    loop.call_soon_threadsafe(callback)
    return future


def create_eager_task_factory(custom_task_constructor):
    """Return a task factory that starts tasks eagerly."""
    def factory(loop, coro, *, eager_start=True, **kwargs):
        return custom_task_constructor(coro, loop=loop,
                                       eager_start=eager_start, **kwargs)
    return factory


eager_task_factory = create_eager_task_factory(Task)


# Scheduled tasks are held weakly: a task nobody references may vanish.
_scheduled_tasks = weakref.WeakSet()
# Tasks running their first step eagerly, held strongly for that step.
_eager_tasks = set()
# loop -> the task it is currently stepping.  Each loop only touches its
# own key from its own thread.
_current_tasks = {}


def current_task(loop=None):
    """Return the task running on loop (default: the running loop)."""
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    """Return the set of not-yet-done tasks of loop."""
    if loop is None:
        loop = events.get_running_loop()
    candidates = list(_eager_tasks)
    # The WeakSet may shrink while it is copied if the GC runs.
    for _ in range(1000):
        try:
            candidates.extend(_scheduled_tasks)
            break
        except RuntimeError:
            pass
    return {t for t in candidates
            if futures._get_loop(t) is loop and not t.done()}


def _register_task(task):
    _scheduled_tasks.add(task)


def _register_eager_task(task):
    _eager_tasks.add(task)


def _unregister_task(task):
    _scheduled_tasks.discard(task)


def _unregister_eager_task(task):
    _eager_tasks.discard(task)


def _enter_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not None:
        raise RuntimeError(f'Cannot enter into task {task!r} while another '
                           f'task {current!r} is being executed.')
    _current_tasks[loop] = task


def _leave_task(loop, task):
    current = _current_tasks.get(loop)
    if current is not task:
        raise RuntimeError(f'Leaving task {task!r} does not match the '
                           f'current task {current!r}.')
    del _current_tasks[loop]


def _swap_current_task(loop, task):
    prev = _current_tasks.get(loop)
    if task is None:
        _current_tasks.pop(loop, None)
    else:
        _current_tasks[loop] = task
    return prev


# The pure-Python task bookkeeping under the _py_ names CPython gives it
# (there, the C accelerator _asyncio takes the plain names; Weft has no
# accelerator, so both names are the same functions).
_py_current_task = current_task
_py_all_tasks = all_tasks
_py_register_task = _register_task
_py_register_eager_task = _register_eager_task
_py_unregister_task = _unregister_task
_py_unregister_eager_task = _unregister_eager_task
_py_enter_task = _enter_task
_py_leave_task = _leave_task
_py_swap_current_task = _swap_current_task
