"""Queue, JoinableQueue and SimpleQueue: FIFO queues between processes,
over a pipe.  Queue.put() hands objects to a feeder thread that pickles
them and writes them to the pipe, so put() never blocks on the pipe."""

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']

import collections
import errno
import os
import sys
import threading
import time
import types
import weakref

import _multiprocessing

from . import connection
from . import context
_ForkingPickler = context.reduction.ForkingPickler

from queue import Empty, Full

from .util import Finalize, register_after_fork, is_exiting


class _Feeder:
    """The thread that pickles what put() buffered and writes it to the
    pipe: one per Queue object per process, started by the first put().

    cond (a threading.Condition) protects buffer and thread.  The thread
    holds no reference to the Queue, so an abandoned queue is collected;
    its finalizers (made when the thread starts) then stop the thread
    once the buffer is written, and, at exit, wait for that."""

    _STOP = object()

    def __init__(self, writer, wlock, sem, on_error, ignore_epipe):
        self.buffer = collections.deque()
        self.cond = threading.Condition(threading.Lock())
        self.thread = None
        self.join_at_exit = None
        self.stop_at_exit = None
        self._writer = writer
        self._wlock = wlock
        self._sem = sem
        self._on_error = on_error
        self._ignore_epipe = ignore_epipe

    def push(self, owner, obj):
        """Buffers obj; owner is the Queue (for the finalizers)."""
        with self.cond:
            if self.thread is None:
                self._start(owner)
            self.buffer.append(obj)
            self.cond.notify()

    def _start(self, owner):
        thread = threading.Thread(target=self._run, name='QueueFeederThread',
                                  daemon=True)
        thread.start()
        self.thread = thread
        self.join_at_exit = Finalize(thread, _join_thread,
                                     [weakref.ref(thread)], exitpriority=-5)
        self.stop_at_exit = Finalize(owner, _Feeder._push_stop,
                                     [self.buffer, self.cond],
                                     exitpriority=10)

    @staticmethod
    def _push_stop(buffer, cond):
        with cond:
            buffer.append(_Feeder._STOP)
            cond.notify()

    def _run(self):
        while True:
            with self.cond:
                while not self.buffer:
                    self.cond.wait()
                batch = list(self.buffer)
                self.buffer.clear()
            for obj in batch:
                if obj is _Feeder._STOP:
                    self._writer.close()
                    return
                try:
                    data = _ForkingPickler.dumps(obj)
                    with self._wlock:
                        self._writer.send_bytes(data)
                except Exception as e:
                    if self._ignore_epipe and getattr(e, 'errno', 0) == \
                            errno.EPIPE:
                        return
                    if is_exiting():
                        return
                    # The object is lost: free its slot, then report.
                    self._sem.release()
                    self._on_error(e, obj)
                obj = None


def _join_thread(thread_ref):
    thread = thread_ref()
    if thread is not None:
        thread.join()


class Queue(object):
    """A process-shared FIFO queue over a pipe.

    Readers take _rlock around each message; _wlock keeps two processes'
    feeders from interleaving their writes; _sem counts the free slots
    (maxsize), released by get() and taken by put()."""

    def __init__(self, maxsize=0, *, ctx):
        if maxsize <= 0:
            maxsize = _multiprocessing.SemLock.SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._opid = os.getpid()
        self._wlock = ctx.Lock()
        self._sem = ctx.BoundedSemaphore(maxsize)
        self._ignore_epipe = False
        self._reset()
        register_after_fork(self, Queue._after_fork)

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._ignore_epipe, self._maxsize, self._reader, self._writer,
                self._rlock, self._wlock, self._sem, self._opid)

    def __setstate__(self, state):
        (self._ignore_epipe, self._maxsize, self._reader, self._writer,
         self._rlock, self._wlock, self._sem, self._opid) = state
        self._reset()

    def _after_fork(self):
        # The parent's feeder (and its buffer) stay the parent's.
        self._reset()

    def _reset(self):
        self._feeder = _Feeder(self._writer, self._wlock, self._sem,
                               type(self)._on_queue_feeder_error,
                               self._ignore_epipe)
        self._joincancelled = False
        self._closed = False
        self._recv_bytes = self._reader.recv_bytes
        self._poll = self._reader.poll

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        self._feeder.push(self, obj)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._recv_bytes()
            self._sem.release()
            return _ForkingPickler.loads(res)
        deadline = time.monotonic() + (timeout or 0)
        if not self._rlock.acquire(block, timeout):
            raise Empty
        try:
            remaining = deadline - time.monotonic() if block else 0
            if not self._poll(max(remaining, 0)):
                raise Empty
            res = self._recv_bytes()
            self._sem.release()
        finally:
            self._rlock.release()
        return _ForkingPickler.loads(res)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        """No more puts from this process; the feeder writes what is
        buffered, then stops."""
        self._closed = True
        stop = self._feeder.stop_at_exit
        if stop is not None:
            self._feeder.stop_at_exit = None
            stop()

    def join_thread(self):
        """Waits for the feeder thread (after close())."""
        assert self._closed, "Queue {0!r} not closed".format(self)
        join = self._feeder.join_at_exit
        if join is not None and not self._joincancelled:
            join()

    def cancel_join_thread(self):
        """Lets this process exit without waiting for the buffer to be
        written (what is left in it is lost)."""
        self._joincancelled = True
        join = self._feeder.join_at_exit
        if join is not None:
            join.cancel()

    def _terminate_broken(self):
        # The queue cannot be used any more (a worker died holding it).
        self._reader.close()
        self.close()
        self.cancel_join_thread()

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        """Reports an object the feeder could not send (by default, prints
        the traceback).  Subclasses may override it."""
        import traceback
        traceback.print_exc()

    __class_getitem__ = classmethod(types.GenericAlias)


class JoinableQueue(Queue):
    """A Queue with task_done() and join()."""

    def __init__(self, maxsize=0, *, ctx):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = ctx.Semaphore(0)
        self._cond = ctx.Condition()

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond, self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        # Counted before it is buffered: join() must not return while the
        # object is on its way.
        with self._cond:
            self._unfinished_tasks.release()
            self._feeder.push(self, obj)

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue(object):
    """A queue with put() and get() only, and no feeder thread."""

    def __init__(self, *, ctx):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._poll = self._reader.poll
        self._wlock = ctx.Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._poll()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._reader, self._writer, self._rlock, self._wlock)

    def __setstate__(self, state):
        (self._reader, self._writer, self._rlock, self._wlock) = state
        self._poll = self._reader.poll

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return _ForkingPickler.loads(res)

    def put(self, obj):
        obj = _ForkingPickler.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(obj)

    __class_getitem__ = classmethod(types.GenericAlias)
