"""Pool: worker processes running the calls given to map(), imap(),
apply() and their variants; ThreadPool: the same over threads.

How a pool works.  Every call is a task (job, index, func, args, kwds)
sent down the shared input queue; the first free worker takes it and
sends back (job, index, (ok, value)) on the output queue.  Three threads
of the parent keep things moving:

  feeder      takes task streams from _streams (one per map/apply call)
              and writes their tasks to the input queue;
  collector   reads outcomes and hands each to its job (the result
              object the caller holds), found in _jobs by number;
  supervisor  replaces workers that exited (maxtasksperchild), and once
              the pool is closed and every job is done, stops the rest.

The threads and the pool's finalizer share a _Control object, never the
Pool itself, so that an abandoned pool can be collected (and warns)."""

__all__ = ['Pool', 'ThreadPool']

import collections
import functools
import itertools
import os
import queue
import threading
import time
import traceback
import types
import warnings

from . import util
from . import get_context, TimeoutError
from .connection import wait

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


def mapstar(args):
    func, items = args
    return list(map(func, items))


def starmapstar(args):
    func, items = args
    return list(itertools.starmap(func, items))


# ---- exceptions crossing the process boundary ------------------------------

class RemoteTraceback(Exception):
    """The formatted traceback of an exception raised in a worker."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """An exception and its traceback text, pickled together; unpickling
    gives the exception with the text as its __cause__."""

    def __init__(self, exc, tb):
        text = ''.join(traceback.format_exception(type(exc), exc, tb))
        self.exc = exc
        self.tb = '\n"""\n%s"""' % text

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Sent instead of a result (or exception) that could not be pickled,
    with the reprs of both the value and the pickling error."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value,
                                                             self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def _reraise(exc):
    """A task that fails with exc: how an error of the caller's iterable
    reaches the job."""
    raise exc


# ---- the worker ----------------------------------------------------------

def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    """A worker's loop: runs tasks until a None task, end-of-file, or
    maxtasks of them."""
    if maxtasks is not None and not (isinstance(maxtasks, int)
                                     and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    if hasattr(inqueue, '_writer'):
        # Forked: the parent's ends came along; this side needs neither.
        inqueue._writer.close()
        outqueue._reader.close()
    if initializer is not None:
        initializer(*initargs)
    done = 0
    while maxtasks is None or done < maxtasks:
        try:
            task = inqueue.get()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, index, func, args, kwds = task
        try:
            outcome = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception and func is not _reraise:
                e = ExceptionWithTraceback(e, e.__traceback__)
            outcome = (False, e)
        try:
            outqueue.put((job, index, outcome))
        except Exception as e:
            outqueue.put((job, index,
                          (False, MaybeEncodingError(e, outcome[1]))))
        # Nothing of the task stays alive while waiting for the next.
        task = outcome = func = args = kwds = None
        done += 1


# ---- the pool ------------------------------------------------------------

class _Control:
    """What the pool's threads and finalizer share.  state is replaced
    whole (one reference: safe to read without a lock); jobs maps a job
    number to its result object, under jobs_lock."""

    def __init__(self, wakeup):
        self.state = RUN
        self.jobs = {}
        self.jobs_lock = threading.Lock()
        self.wakeup = wakeup

    def add_job(self, job, result):
        with self.jobs_lock:
            self.jobs[job] = result

    def find_job(self, job):
        with self.jobs_lock:
            return self.jobs.get(job)

    def finish_job(self, job):
        with self.jobs_lock:
            self.jobs.pop(job, None)
            now_empty = not self.jobs
        if now_empty and self.state != RUN:
            # A closed pool ends when its last job does.
            self.wakeup.put(None)

    def has_jobs(self):
        with self.jobs_lock:
            return bool(self.jobs)


class Pool(object):
    """Worker processes running the calls given to its map and apply
    methods."""
    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        # Set first: __del__ may meet a pool whose __init__ failed.
        self._pool = []
        self._state = INIT
        self._control = None

        if processes is None:
            processes = os.process_cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        self._ctx = context or get_context()
        self._processes = processes
        self._setup_queues()
        self._streams = queue.SimpleQueue()
        self._control = _Control(self._ctx.SimpleQueue())
        self._cache = self._control.jobs
        # Not a bound method: the supervisor must not keep the pool alive.
        add_workers = functools.partial(
            Pool._start_workers, self.Process, self._ctx, processes,
            (self._inqueue, self._outqueue, initializer, initargs,
             maxtasksperchild, self._wrap_exception))
        try:
            add_workers(self._pool)
        except Exception:
            for w in self._pool:
                if w.exitcode is None:
                    w.terminate()
            for w in self._pool:
                w.join()
            raise

        self._threads = [
            threading.Thread(target=target, args=args, daemon=True,
                             name=name)
            for name, target, args in (
                ('PoolSupervisor', self._supervise,
                 (self._control, self._pool, add_workers,
                  self._wait_sentinels(), self._inqueue, self._outqueue)),
                ('PoolFeeder', Pool._feed,
                 (self._control, self._streams, self._inqueue)),
                ('PoolCollector', Pool._collect,
                 (self._control, self._outqueue)),
            )]
        for t in self._threads:
            t.start()
        self._terminate = util.Finalize(
            self, type(self)._shut_down_now,
            args=(self._control, self._pool, self._threads, self._streams,
                  self._inqueue, self._outqueue),
            exitpriority=15)
        self._state = RUN

    def __del__(self, _warn=warnings.warn, RUN=RUN):
        if self._state == RUN:
            _warn(f"unclosed running multiprocessing pool {self!r}",
                  ResourceWarning, source=self)
            if self._control is not None:
                self._control.wakeup.put(None)

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')

    # -- set-up, overridden by ThreadPool --

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()

    def _wait_sentinels(self):
        # What the supervisor waits on besides the workers.
        return [self._control.wakeup._reader]

    @staticmethod
    def _worker_sentinels(workers):
        return [w.sentinel for w in workers]

    @staticmethod
    def _start_workers(Process, ctx, processes, worker_args, workers):
        """Starts workers until there are `processes` of them."""
        for _ in range(processes - len(workers)):
            w = Process(ctx, target=worker, args=worker_args)
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            workers.append(w)

    # -- the threads --

    @classmethod
    def _supervise(cls, control, workers, add_workers, sentinels, inqueue,
                   outqueue):
        while control.state == RUN or (control.state == CLOSE
                                       and control.has_jobs()):
            finished = [w for w in workers if w.exitcode is not None]
            if finished:
                for w in finished:
                    w.join()
                    workers.remove(w)
                if control.state != TERMINATE:
                    add_workers(workers)
            wait(cls._worker_sentinels(workers) + sentinels)
            while not control.wakeup.empty():
                control.wakeup.get()
        if control.state == CLOSE:
            # Every job is done (so every task was taken): the workers and
            # the collector may stop.  The stop messages are sent only now
            # because until then a worker leaving after maxtasksperchild
            # tasks is replaced, and the replacement needs tasks, not them.
            try:
                for _ in workers:
                    inqueue.put(None)
                outqueue.put(None)
            except OSError:
                pass

    @staticmethod
    def _feed(control, streams, inqueue):
        for stream in iter(streams.get, None):
            tasks, on_count = stream
            count = 0
            for task in tasks:
                if control.state == TERMINATE:
                    return
                try:
                    inqueue.put(task)
                except Exception as e:
                    job = control.find_job(task[0])
                    if job is not None:
                        job._set(task[1], (False, e))
                count += 1
            if on_count is not None:
                on_count(count)
            tasks = stream = None

    @staticmethod
    def _collect(control, outqueue):
        while True:
            try:
                message = outqueue.get()
            except (OSError, EOFError):
                return
            if message is None or control.state == TERMINATE:
                return
            job_number, index, outcome = message
            job = control.find_job(job_number)
            if job is not None:
                job._set(index, outcome)
            message = job = outcome = None

    @classmethod
    def _shut_down_now(cls, control, workers, threads, streams, inqueue,
                       outqueue):
        # Order matters: the workers die first, so that nothing reads the
        # input queue or writes the output queue while the feeder is
        # unblocked and the collector woken without their locks (a killed
        # worker may have left either lock held for ever).
        supervisor, feeder, collector = threads
        me = threading.current_thread()
        control.state = TERMINATE
        streams.put(None)
        control.wakeup.put(None)
        if me is not supervisor:
            supervisor.join()
        for w in workers:
            if hasattr(w, 'terminate') and w.exitcode is None:
                w.terminate()
        for w in workers:
            if hasattr(w, 'terminate'):
                w.join()
        cls._unblock_feeder(inqueue, feeder, len(workers))
        if me is not feeder:
            feeder.join()
        cls._wake_collector(outqueue)
        if me is not collector:
            collector.join()
        for w in workers:
            if w.is_alive():
                w.join()

    @staticmethod
    def _unblock_feeder(inqueue, feeder, size):
        # The feeder may be stuck writing to a full pipe that no worker
        # reads any more: read its tasks back out until it stops.
        while feeder.is_alive() and inqueue._reader.poll(0.01):
            inqueue._reader.recv_bytes()

    @staticmethod
    def _wake_collector(outqueue):
        outqueue._writer.send(None)

    # -- the public API --

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _submit(self, result, tasks, on_count=None):
        self._streams.put((tasks, on_count))
        return result

    @staticmethod
    def _task_stream(job, func, iterable):
        """The tasks of one call; an error raised by iterable ends the
        stream with a task that raises it."""
        index = -1
        try:
            for index, x in enumerate(iterable):
                yield (job, index, func, (x,), {})
        except Exception as e:
            yield (job, index + 1, _reraise, (e,), {})

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            chunk = tuple(itertools.islice(it, size))
            if not chunk:
                return
            yield (func, chunk)

    def apply(self, func, args=(), kwds={}):
        """Calls func(*args, **kwds) in a worker; returns its result."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        """apply() returning an AsyncResult at once."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        return self._submit(result, [(result._job, 0, func, args, kwds)])

    def map(self, func, iterable, chunksize=None):
        """[func(x) for x in iterable], computed by the workers in chunks."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        """map() returning an AsyncResult at once."""
        return self._map_async(func, iterable, mapstar, chunksize, callback,
                               error_callback)

    def starmap(self, func, iterable, chunksize=None):
        """map() for argument tuples: each item x gives func(*x)."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        """starmap() returning an AsyncResult at once."""
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None,
                   callback=None, error_callback=None):
        # The items are cut into chunks, by default about four per worker.
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        chunks = Pool._get_tasks(func, iterable, chunksize)
        return self._submit(result,
                            self._task_stream(result._job, mapper, chunks))

    def imap(self, func, iterable, chunksize=1):
        """A lazy map(): an iterator of the results in order, each yielded
        as soon as it and those before it are in."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """imap() yielding results in the order they complete."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, iterator_class, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError(
                "Chunksize must be 1+, not {0:n}".format(chunksize))
        result = iterator_class(self)
        if chunksize == 1:
            tasks = self._task_stream(result._job, func, iterable)
        else:
            chunks = Pool._get_tasks(func, iterable, chunksize)
            tasks = self._task_stream(result._job, mapstar, chunks)
        self._submit(result, tasks, result._set_length)
        if chunksize == 1:
            return result
        return (item for chunk in result for item in chunk)

    def close(self):
        """No more tasks; the workers exit when the queued ones are done."""
        if self._state == RUN:
            self._state = CLOSE
            self._control.state = CLOSE
            self._streams.put(None)
            self._control.wakeup.put(None)

    def terminate(self):
        """Stops the workers at once, dropping outstanding work."""
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Waits for the workers to exit (after close() or terminate())."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for t in self._threads:
            t.join()
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()



# ---- results -------------------------------------------------------------

class ApplyResult(object):
    """The result of apply_async()."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._control = pool._control
        self._callback = callback
        self._error_callback = error_callback
        self._control.add_job(self._job, self)

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        self._control.finish_job(self._job)
        self._pool = None

    __class_getitem__ = classmethod(types.GenericAlias)


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The result of map_async(): chunks arrive in any order."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback,
                             error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            self._control.finish_job(self._job)
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                self._control.finish_job(self._job)
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # Only the first exception counts.
                self._success = False
                self._value = result
            if self._number_left == 0:
                if self._error_callback:
                    self._error_callback(self._value)
                self._control.finish_job(self._job)
                self._event.set()
                self._pool = None


class IMapIterator(object):
    """The iterator imap() returns: results in order, as they come.
    _cond protects _items, _index, _unsorted and _length."""

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._control = pool._control
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._control.add_job(self._job, self)

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None

        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj

            if self._index == self._length:
                self._control.finish_job(self._job)
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                self._control.finish_job(self._job)
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    """The iterator imap_unordered() returns: results as they come."""

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                self._control.finish_job(self._job)
                self._pool = None


class ThreadPool(Pool):
    """A Pool whose workers are threads of this process."""
    _wrap_exception = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import Process
        return Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()

    @staticmethod
    def _worker_sentinels(workers):
        return []

    @staticmethod
    def _unblock_feeder(inqueue, feeder, size):
        # A queue.SimpleQueue never blocks the feeder: drop the queued
        # tasks and tell each thread to stop (threads cannot be killed).
        try:
            while True:
                inqueue.get(block=False)
        except queue.Empty:
            pass
        for _ in range(size):
            inqueue.put(None)

    @staticmethod
    def _wake_collector(outqueue):
        outqueue.put(None)
