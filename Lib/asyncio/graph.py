"""Call-graph introspection of tasks and futures (3.14+)."""

__all__ = (
    'capture_call_graph',
    'format_call_graph',
    'print_call_graph',
    'FrameCallGraphEntry',
    'FutureCallGraph',
)

import sys

from . import events
from . import futures
from . import tasks


class FrameCallGraphEntry:
    """One frame of a call stack in a FutureCallGraph (immutable)."""

    __slots__ = ('frame',)

    def __init__(self, frame):
        object.__setattr__(self, 'frame', frame)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")

    def __repr__(self):
        return f'{type(self).__name__}(frame={self.frame!r})'

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.frame == other.frame

    def __hash__(self):
        return hash((self.frame,))


class FutureCallGraph:
    """A future, its call stack (innermost first) and the graphs of the
    futures awaiting it (immutable)."""

    __slots__ = ('future', 'call_stack', 'awaited_by')

    def __init__(self, future, call_stack, awaited_by):
        object.__setattr__(self, 'future', future)
        object.__setattr__(self, 'call_stack', call_stack)
        object.__setattr__(self, 'awaited_by', awaited_by)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")

    def __repr__(self):
        return (f'{type(self).__name__}(future={self.future!r}, '
                f'call_stack={self.call_stack!r}, '
                f'awaited_by={self.awaited_by!r})')

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return ((self.future, self.call_stack, self.awaited_by) ==
                (other.future, other.call_stack, other.awaited_by))

    def __hash__(self):
        return hash((self.future, self.call_stack, self.awaited_by))


def _truncate(stack, limit):
    # stack is innermost first: positive limits keep the innermost entries.
    if limit is None:
        return tuple(stack)
    if limit > 0:
        return tuple(stack[:limit])
    if limit < 0:
        return tuple(stack[limit:])
    return ()


def _awaited_by_graphs(future, limit):
    waiters = future._asyncio_awaited_by
    if not waiters:
        return ()
    return tuple(_graph_for_suspended(w, limit) for w in list(waiters))


def _graph_for_suspended(future, limit):
    """Graph of a future that is not running: follow its coroutine's
    await chain through coroutines and async generators."""
    if not futures.isfuture(future):
        raise TypeError(f'{future!r} object does not appear to be '
                        f'compatible with asyncio.Future')
    stack = []
    awaitable = future.get_coro() if isinstance(future, tasks.Task) else None
    while awaitable is not None:
        frame = getattr(awaitable, 'cr_frame', None)
        if frame is not None or hasattr(awaitable, 'cr_await'):
            nxt = getattr(awaitable, 'cr_await', None)
        elif hasattr(awaitable, 'ag_await'):
            frame = awaitable.ag_frame
            nxt = awaitable.ag_await
        else:
            break
        if frame is None:
            break
        stack.append(FrameCallGraphEntry(frame))
        awaitable = nxt
    stack.reverse()
    return FutureCallGraph(future, _truncate(stack, limit),
                           _awaited_by_graphs(future, limit))


def capture_call_graph(future=None, /, *, depth=1, limit=None):
    """Return the FutureCallGraph of future, or of the current task when
    future is None (None if there is no current task).

    For the current task, depth frames are skipped from the top of the
    stack.  limit truncates every call stack (see the documentation)."""
    loop = events._get_running_loop()
    if future is not None:
        if loop is None or future is not tasks.current_task(loop):
            return _graph_for_suspended(future, limit)
    else:
        if loop is None:
            raise RuntimeError(
                'capture_call_graph() is called outside of a running '
                'event loop and no *future* to introspect was provided')
        future = tasks.current_task(loop)
        if future is None:
            return None
    if not futures.isfuture(future):
        raise TypeError(f'{future!r} object does not appear to be '
                        f'compatible with asyncio.Future')
    coro = future.get_coro() if isinstance(future, tasks.Task) else None
    stack = []
    frame = sys._getframe(depth)
    while frame is not None:
        stack.append(FrameCallGraphEntry(frame))
        # The task's own coroutine is the bottom of its logical stack.
        if coro is not None and frame.f_generator is coro:
            break
        frame = frame.f_back
    return FutureCallGraph(future, _truncate(stack, limit),
                           _awaited_by_graphs(future, limit))


def _describe_frame(frame):
    gen = frame.f_generator
    if gen is None:
        return (f'File {frame.f_code.co_filename!r}, line {frame.f_lineno},'
                f' in {frame.f_code.co_qualname}()')
    if hasattr(gen, 'cr_code'):
        kind, code = 'async', gen.cr_code
    elif hasattr(gen, 'ag_code'):
        kind, code = 'async generator', gen.ag_code
    else:
        kind, code = 'generator', gen.gi_code
    return (f'File {frame.f_code.co_filename!r}, line {frame.f_lineno}, '
            f'in {kind} {code.co_qualname}()')


def _render(graph, lines, level):
    indent = '    ' * level
    if isinstance(graph.future, tasks.Task):
        lines.append(f'{indent}* Task(name={graph.future.get_name()!r}, '
                     f'id={id(graph.future):#x})')
    else:
        lines.append(f'{indent}* Future(id={id(graph.future):#x})')
    if graph.call_stack:
        lines.append(f'{indent}  + Call stack:')
        for entry in graph.call_stack:
            lines.append(f'{indent}  |   {_describe_frame(entry.frame)}')
    if graph.awaited_by:
        lines.append(f'{indent}  + Awaited by:')
        for waiter in graph.awaited_by:
            _render(waiter, lines, level + 1)


def format_call_graph(future=None, /, *, depth=1, limit=None):
    """Like print_call_graph(), but return the text ('' if there is no
    current task)."""
    graph = capture_call_graph(future, depth=depth + 1, limit=limit)
    if graph is None:
        return ''
    try:
        lines = []
        _render(graph, lines, 0)
        return '\n'.join(lines)
    finally:
        # The graph references frames: drop it promptly.
        del graph


def print_call_graph(future=None, /, *, file=None, depth=1, limit=None):
    """Print the async call graph of future or of the current task."""
    text = format_call_graph(future, depth=depth + 1, limit=limit)
    if text:
        print(text, file=file)
