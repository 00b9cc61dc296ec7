"""TaskGroup: structured concurrency for tasks."""

__all__ = ('TaskGroup',)

from . import events
from . import exceptions
from . import futures
from . import tasks


class TaskGroup:
    """Async context manager that waits for the tasks it creates.

    When one task fails, the others and the body are cancelled and the
    errors are raised together in an ExceptionGroup.
    """

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = set()
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None
        self._cancel_requested = False

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        return f'<TaskGroup{" ".join(info)}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f'TaskGroup {self!r} has already been entered')
        if self._loop is None:
            self._loop = events.get_running_loop()
        self._parent_task = tasks.current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(
                f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        if self._cancel_requested:
            self._cancel_group()
        return self

    async def __aexit__(self, et, exc, tb):
        tb = None
        try:
            return await self._aexit(et, exc)
        finally:
            # Drop the frames that would keep the exceptions alive.
            self._parent_task = None
            self._errors = None
            self._base_error = None
            exc = None

    async def _aexit(self, et, exc):
        self._exiting = True
        if (exc is not None and self._is_base_error(exc) and
                self._base_error is None):
            self._base_error = exc
        if et is not None and issubclass(et, exceptions.CancelledError):
            propagate_cancellation_error = exc
        else:
            propagate_cancellation_error = None
        if et is not None and not self._aborting:
            self._abort()

        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except exceptions.CancelledError as ex:
                if not self._aborting:
                    # The parent was cancelled from outside while waiting.
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        assert not self._tasks

        if self._base_error is not None:
            try:
                raise self._base_error
            finally:
                exc = None

        if self._parent_cancel_requested:
            # Withdraw the cancel we requested; swallow it if it was ours.
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None

        if propagate_cancellation_error is not None and not self._errors:
            try:
                raise propagate_cancellation_error
            finally:
                exc = None

        if et is not None and not issubclass(et, exceptions.CancelledError):
            self._errors.append(exc)

        if self._errors:
            # A cancel from outside the group is still pending (the errors
            # replace its CancelledError here): withdraw and re-request it,
            # count unchanged, so that the task's next await is cancelled.
            if self._parent_task.cancelling():
                self._parent_task.uncancel()
                self._parent_task.cancel()
            try:
                raise BaseExceptionGroup('unhandled errors in a TaskGroup',
                                         self._errors) from None
            finally:
                exc = None
        if (et is not None and issubclass(et, exceptions.CancelledError)
                and propagate_cancellation_error is None):
            # The body was cancelled by our own cancel(): exit quietly.
            return True
        return None

    def cancel(self):
        """Cancel the group's unfinished tasks and its body; the async
        with block then exits without raising CancelledError.

        Before entry, the group is cancelled on entry; after exit, this
        does nothing.  Calling it again does nothing.
        """
        if self._cancel_requested:
            return
        self._cancel_requested = True
        if self._entered and self._parent_task is not None:
            self._cancel_group()

    def _cancel_group(self):
        if not self._aborting:
            self._abort()
        if not self._parent_cancel_requested:
            self._parent_cancel_requested = True
            self._parent_task.cancel()

    def create_task(self, coro, **kwargs):
        """Create a task in this group; see loop.create_task()."""
        if not self._entered:
            coro.close()
            raise RuntimeError(f'TaskGroup {self!r} has not been entered')
        if self._exiting and not self._tasks:
            coro.close()
            raise RuntimeError(f'TaskGroup {self!r} is finished')
        if self._aborting:
            coro.close()
            raise RuntimeError(f'TaskGroup {self!r} is shutting down')
        task = self._loop.create_task(coro, **kwargs)
        # An eager task may be finished already.
        if task.done():
            self._on_task_done(task)
        else:
            futures.future_add_to_awaited_by(task, self._parent_task)
            self._tasks.add(task)
            task.add_done_callback(self._on_task_done)
        try:
            return task
        finally:
            del task

    def _is_base_error(self, exc):
        assert isinstance(exc, BaseException)
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.discard(task)
        futures.future_discard_from_awaited_by(task, self._parent_task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            # Cancel the body too so that __aexit__ is reached promptly.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()
