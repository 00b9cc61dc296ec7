"""ProcessPoolExecutor: runs calls in worker processes started by a
multiprocessing context (its default start method unless mp_context is
given).

Each worker process has two pipes to the parent (multiprocessing
Connections): calls go down one and outcomes come back up the other, each
message one pickle.  In the parent one thread per worker takes the next
call from the pool's queue, sends it, waits for the outcome and completes
the future; so a worker runs one call at a time and idle workers pick up
new calls as soon as they are free.

Workers are started on demand: submit() starts one when no worker is
idle and fewer than max_workers exist (as CPython does for the 'spawn' and
'forkserver' start methods).  With 'fork' the whole pool is started by the
first submit(), so that no fork happens while calls are running.

A worker that dies (killed, os._exit, a crash) closes its end of the
result pipe: its thread reads end-of-file, the pool becomes broken, and
every pending or running future fails with BrokenProcessPool.  An idle
worker's death is seen by the pool's monitor thread, which waits on every
worker's process sentinel and breaks the pool the same way.
"""

import functools
import itertools
import multiprocessing as mp
import os
import pickle
import queue
import signal
import sys
import threading
import weakref

from concurrent.futures import _base

# Live executors, so that interpreter exit can shut them down.
_executors = weakref.WeakSet()
# Set once at interpreter exit; read by submit().
_global_shutdown = False
# Serialises the creation of workers: a child forked by one thread must
# not inherit the pipe ends of a worker another thread is creating, or
# that worker's death would go unnoticed.
_fork_lock = threading.Lock()
# The parent's ends of every worker's pipes (under _fork_lock).  A child
# made by fork closes them: holding another worker's task pipe open would
# keep that worker waiting for calls after the parent is gone.
_parent_fds = set()


# Outcome of _check_system_limits(), computed once: None (not checked
# yet), '' (usable) or the reason it is not.  Written under _fork_lock.
_system_limited = None


def _find_system_limit():
    """Why this system cannot run worker processes ('' if it can): the
    pool needs a multiprocessing start method and Connection pipes."""
    try:
        methods = mp.get_all_start_methods()
    except (ImportError, OSError) as exc:
        return f'multiprocessing is unavailable: {exc}'
    if not methods:
        return 'no multiprocessing start method is available'
    try:
        a, b = mp.Pipe()
    except (ImportError, OSError) as exc:
        return f'multiprocessing pipes are unavailable: {exc}'
    a.close()
    b.close()
    return ''


def _check_system_limits():
    """Raise NotImplementedError if ProcessPoolExecutor cannot work here
    (CPython's name; tests and programs call it to skip)."""
    global _system_limited
    with _fork_lock:
        if _system_limited is None:
            _system_limited = _find_system_limit()
        reason = _system_limited
    if reason:
        raise NotImplementedError(reason)


def _python_exit():
    global _global_shutdown
    _global_shutdown = True
    for executor in list(_executors):
        executor.shutdown(wait=True)


threading._register_atexit(_python_exit)


class _RemoteTraceback(Exception):
    """The formatted traceback of an exception raised in a worker."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    """Carries an exception and its traceback text across the pipe; the
    parent gets the exception with the text as its __cause__."""

    def __init__(self, exc, tb):
        try:
            import traceback
            tb = ''.join(traceback.format_exception(type(exc), exc, tb))
        except ImportError:
            tb = '%s: %s\n' % (type(exc).__name__, exc)
        self.exc = exc
        # Traceback object needs to be garbage-collected as its frames
        # contain references to all the objects in the exception scope
        self.exc.__traceback__ = None
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


# ---- messages over pipes ---------------------------------------------

def _dumps(obj):
    from multiprocessing.reduction import ForkingPickler
    return ForkingPickler.dumps(obj)


_loads = pickle.loads


def _send(conn, payload):
    conn.send_bytes(payload)


def _receive(conn):
    """The next message's bytes, or None when the other side is gone."""
    try:
        return conn.recv_bytes()
    except (EOFError, OSError):
        return None


# ---- the worker process ------------------------------------------------

def _child_main(task_conn, result_conn, initializer, initargs, max_tasks,
                inherited_fds=()):
    """The worker process's body: runs calls until told to stop (an empty
    message) or max_tasks calls are done."""
    # A forked worker has copies of the parent's executors (one with its
    # _shutdown_lock held): shutting them down at exit is not its job.
    _executors.clear()
    if inherited_fds:
        # Forked: other workers' pipe ends came along; see _parent_fds.
        _fresh_std_streams()
        for fd in inherited_fds:
            try:
                os.close(fd)
            except OSError:
                pass
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:',
                                  exc_info=True)
            # Dying tells the parent that the pool is broken.
            _flush_std_streams()
            sys.exit(1)
    done = 0
    while max_tasks is None or done < max_tasks:
        message = _receive(task_conn)
        if not message:
            break
        # A call that cannot be unpickled kills the worker (the exception
        # propagates), so the parent breaks the pool, as CPython does.
        fn, args, kwargs = _loads(message)
        _send(result_conn, _run_call(fn, args, kwargs))
        del fn, args, kwargs
        done += 1
    _flush_std_streams()


# The standard streams the child inherited, kept alive and never flushed:
# see _fresh_std_streams.
_inherited_streams = ()


def _fresh_std_streams():
    """Give the forked child new sys.stdout and sys.stderr objects on the
    same descriptors.  The parent flushes before forking, but another of
    its threads may print between that flush and the fork; the inherited
    objects then hold output the parent will write itself.  They are kept
    referenced (so never finalized, hence never flushed: the child leaves
    with os._exit), and a lock another thread held at the fork is not
    inherited either."""
    global _inherited_streams
    _inherited_streams = (sys.stdout, sys.stderr)
    for name, fd in (('stdout', 1), ('stderr', 2)):
        old = getattr(sys, name)
        try:
            if old is None or old.fileno() != fd:
                continue
            new = open(fd, 'w', buffering=1 if old.line_buffering else -1,
                       encoding=old.encoding, errors=old.errors,
                       closefd=False)
        except (AttributeError, ValueError, OSError):
            continue
        setattr(sys, name, new)


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _run_call(fn, args, kwargs):
    """Runs one call; returns the pickled outcome."""
    try:
        outcome = (True, fn(*args, **kwargs))
    except BaseException as exc:
        outcome = (False, _ExceptionWithTraceback(exc, exc.__traceback__))
    try:
        return _dumps(outcome)
    except BaseException as exc:
        # The result (or exception) cannot be pickled: report why.
        failure = (False, _ExceptionWithTraceback(exc, exc.__traceback__))
        return _dumps(failure)


class _Worker:
    """The parent's side of one worker process."""

    def __init__(self, ctx, initializer, initargs, max_tasks):
        forking = ctx.get_start_method() == 'fork'
        with _fork_lock:
            task_r, task_w = ctx.Pipe(duplex=False)
            result_r, result_w = ctx.Pipe(duplex=False)
            inherited = tuple(_parent_fds | {task_w.fileno(),
                                             result_r.fileno()})
            process = ctx.Process(
                target=_child_main,
                args=(task_r, result_w, initializer, initargs, max_tasks,
                      inherited if forking else ()))
            try:
                process.start()
            finally:
                task_r.close()
                result_w.close()
            _parent_fds.update((task_w.fileno(), result_r.fileno()))
        self.process = process
        self.pid = process.pid
        self.task_conn = task_w
        self.result_conn = result_r
        self.tasks_done = 0
        # Set (by the worker's thread) before the process is told to stop
        # or sent its last call under max_tasks_per_child: its exit is
        # then expected and does not break the pool.
        self.retiring = False

    def close(self):
        """Closes the pipes and reaps the process."""
        with _fork_lock:
            for conn in (self.task_conn, self.result_conn):
                if not conn.closed:
                    _parent_fds.discard(conn.fileno())
                    conn.close()
        self.process.join()

    def kill(self, signum=signal.SIGKILL):
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


def _process_chunk(fn, chunk):
    """ Processes a chunk of an iterable passed to map.

    Runs the function passed to map() on a chunk of the
    iterable passed to map.

    This function is run in a separate process.

    """
    return [fn(*args) for args in chunk]


def _chain_from_iterable_of_lists(iterable):
    """
    Specialized implementation of itertools.chain.from_iterable.
    Each item in *iterable* should be a list.  This function is
    careful not to keep references to yielded objects.
    """
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


# ---- the executor --------------------------------------------------------

def _serve(executor_ref, work_queue, worker):
    """Thread body: feeds one worker process from the pool's queue.  The
    calls queued before an executor is collected still run (its weakref
    callback queues the stop sentinels behind them)."""
    while True:
        item = work_queue.get()
        if item is None:
            _stop_worker(worker)
            return
        executor = executor_ref()
        # As CPython, only a call the worker ran counts it as idle again
        # (not a cancelled one, nor one that could not be pickled).
        if not item.future.set_running_or_notify_cancel():
            del executor
            continue
        try:
            message = _dumps((item.fn, item.args, item.kwargs))
        except BaseException as exc:
            item.future.set_exception(exc)
            del executor, item
            continue
        max_tasks = (executor._max_tasks_per_child
                     if executor is not None else None)
        if max_tasks is not None and worker.tasks_done + 1 >= max_tasks:
            worker.retiring = True
        reply = None
        try:
            _send(worker.task_conn, message)
            reply = _receive(worker.result_conn)
        except OSError:
            pass
        if reply is None:
            # The process died: nothing it ran or will run can finish.
            _break_pool(executor, item, worker)
            return
        try:
            ok, value = _loads(reply)
        except BaseException as exc:
            # The outcome cannot be rebuilt here (it may even raise
            # SystemExit): as CPython, the pool is broken, the error being
            # the cause.
            _break_pool(executor, item, worker, exc)
            return
        worker.tasks_done += 1
        if worker.retiring:
            # The process left after its last call: start a fresh one.
            worker.close()
            try:
                worker = executor._replace_worker(worker)
            except OSError as exc:
                executor._terminate_broken(None, None, exc)
                worker = None
        if worker is not None and executor is not None:
            executor._idle_worker_semaphore.release()
        # Completed last: a caller woken by the result finds the worker
        # idle (or replaced), so its next submit() reuses it.
        if ok:
            item.future.set_result(value)
        else:
            item.future.set_exception(value)
        del item, value, executor
        if worker is None:
            return


def _break_pool(executor, item, worker, cause=None):
    """Fails *item* and breaks the pool after *worker* died or sent an
    outcome that cannot be unpickled; *executor* may have been collected
    already (None)."""
    if executor is not None:
        executor._terminate_broken(item, worker, cause)
        return
    bpe = BrokenProcessPool(
        "A process in the process pool was terminated abruptly "
        "while the future was running or pending.")
    bpe.__cause__ = cause
    item.future.set_exception(bpe)
    worker.kill()
    worker.close()


def _stop_worker(worker):
    worker.retiring = True
    try:
        _send(worker.task_conn, b'')
    except OSError:
        pass
    worker.close()


def _monitor(executor_ref, wakeup):
    """Thread body: breaks the pool when a worker process dies while idle
    (a busy worker's death is also seen by its own thread, which fails its
    call).  Woken through *wakeup* (whose reading end it owns and closes)
    when a worker is added, at shutdown and when the executor is collected.
    It holds the executor only between waits, so never keeps it alive."""
    try:
        while True:
            executor = executor_ref()
            if executor is None:
                return
            with executor._shutdown_lock:
                if executor._broken or executor._shutdown_thread:
                    return
                watched = {w.process.sentinel: w for w in executor._workers}
            del executor
            ready = mp.connection.wait(list(watched) + [wakeup])
            if wakeup in ready:
                if not _drain(wakeup):
                    return
                continue
            executor = executor_ref()
            if executor is None:
                return
            for sentinel in ready:
                if not watched[sentinel].retiring:
                    executor._terminate_broken(None, None)
                    return
            # Only retiring workers left: wait until they are replaced.
            with executor._shutdown_lock:
                executor._workers.difference_update(
                    watched[s] for s in ready)
            del executor
    finally:
        wakeup.close()


def _drain(conn):
    """Reads the pending wakeups; False once the writing end is closed
    (the executor was collected)."""
    try:
        while conn.poll():
            conn.recv_bytes()
    except (EOFError, OSError):
        return False
    return True


def _wake(conn):
    """Wakes the monitor thread; it may be gone already (pipe closed)."""
    try:
        conn.send_bytes(b'')
    except OSError:
        pass


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: A multiprocessing context to launch the workers
                (by default multiprocessing.get_context(), or the "spawn"
                context when max_tasks_per_child is given).
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: The maximum number of tasks a worker process
                can complete before it will exit and be replaced with a fresh
                worker process. The default of None means worker process will
                live as long as the executor.
        """
        _check_system_limits()
        if max_workers is None:
            max_workers = os.process_cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            if max_tasks_per_child is not None:
                mp_context = mp.get_context("spawn")
            else:
                mp_context = mp.get_context()
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            elif mp_context.get_start_method(allow_none=False) == "fork":
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")

        self._mp_context = mp_context
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._work_queue = queue.SimpleQueue()
        # Guards _workers, _threads, _broken and _shutdown_thread.
        self._shutdown_lock = threading.Lock()
        self._workers = set()
        self._threads = []
        self._broken = False
        self._shutdown_thread = False
        # Counts idle workers: released by a worker's thread when it is done
        # with a call, taken by submit() instead of starting a new worker.
        self._idle_worker_semaphore = threading.Semaphore(0)
        # Forking while other threads run calls is unsafe: with 'fork' the
        # whole pool is started at once (CPython's attribute name).
        self._safe_to_dynamically_spawn_children = (
            mp_context.get_start_method(allow_none=False) != 'fork')
        # The monitor thread's wakeup pipe (see _monitor); it owns the
        # reading end, created with the first worker.
        self._monitor_wakeup = None
        _executors.add(self)

    @property
    def _processes(self):
        """{pid: multiprocessing.Process} of the live workers (CPython's
        name; a snapshot taken under _shutdown_lock)."""
        with self._shutdown_lock:
            return {w.pid: w.process for w in self._workers}

    def _start_monitor(self):
        """Starts the monitor thread and makes the weak reference the
        threads hold.  Called with _shutdown_lock held, once."""
        wakeup_r, wakeup_w = mp.connection.Pipe(duplex=False)
        def collected(_, work_queue=self._work_queue, threads=self._threads,
                      wakeup=wakeup_w):
            for _ in threads:
                work_queue.put(None)
            _wake(wakeup)
        self._executor_ref = weakref.ref(self, collected)
        thread = threading.Thread(target=_monitor,
                                  args=(self._executor_ref, wakeup_r),
                                  name='ProcessPoolExecutor-monitor',
                                  daemon=True)
        try:
            thread.start()
        except BaseException:
            wakeup_r.close()
            raise
        self._monitor_wakeup = wakeup_w

    def _start_worker(self):
        """Starts one worker process and its thread.  Called with
        _shutdown_lock held (which guards _workers and _threads)."""
        if self._monitor_wakeup is None:
            self._start_monitor()
        worker = _Worker(self._mp_context, self._initializer,
                         self._initargs, self._max_tasks_per_child)
        self._workers.add(worker)
        thread = threading.Thread(
            target=_serve,
            args=(self._executor_ref, self._work_queue, worker),
            name='ProcessPoolExecutor-worker-%d' % worker.pid)
        try:
            thread.start()
        except BaseException:
            # No thread will ever feed or stop this process.
            self._workers.discard(worker)
            worker.kill()
            worker.close()
            raise
        self._threads.append(thread)
        _wake(self._monitor_wakeup)

    def _adjust_process_count(self):
        """Starts a worker for a new call unless one is idle (CPython's
        name).  Called with _shutdown_lock held."""
        if self._idle_worker_semaphore.acquire(blocking=False):
            return
        if len(self._threads) < self._max_workers:
            self._start_worker()

    def _replace_worker(self, old):
        with self._shutdown_lock:
            self._workers.discard(old)
            if self._broken:
                return None
            worker = _Worker(self._mp_context, self._initializer,
                             self._initargs,
                             self._max_tasks_per_child)
            self._workers.add(worker)
            _wake(self._monitor_wakeup)
            return worker

    def _terminate_broken(self, item, dead_worker, cause=None):
        bpe = BrokenProcessPool(
            "A process in the process pool was terminated abruptly "
            "while the future was running or pending.")
        if cause is not None:
            bpe.__cause__ = cause
        with self._shutdown_lock:
            # The first caller (the monitor or a worker's thread) breaks
            # the pool; a later one only fails its own call.
            first = not self._broken
            self._broken = ('A child process terminated abruptly, the '
                            'process pool is not usable anymore')
            others = [w for w in self._workers if w is not dead_worker]
            self._workers.clear()
        if item is not None:
            item.future.set_exception(bpe)
        if dead_worker is not None:
            # It may still be alive (its outcome could not be unpickled).
            dead_worker.kill()
            dead_worker.close()
        # The other workers' threads see end-of-file once their processes
        # are gone and fail their own calls the same way.
        for worker in others:
            worker.kill()
        self._fail_pending(bpe)
        if first:
            for _ in self._threads:
                self._work_queue.put(None)

    def _take_pending(self):
        """Removes and returns the queued calls no worker took yet.  Stop
        sentinels met on the way are queued again: another thread (the
        monitor, shutdown()) may have put them for worker threads that
        must still see them, or those threads would wait forever."""
        items = []
        sentinels = 0
        while True:
            try:
                item = self._work_queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                sentinels += 1
            else:
                items.append(item)
        for _ in range(sentinels):
            self._work_queue.put(None)
        return items

    def _fail_pending(self, exc):
        for item in self._take_pending():
            if item.future.set_running_or_notify_cancel():
                item.future.set_exception(exc)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            try:
                if self._safe_to_dynamically_spawn_children:
                    self._adjust_process_count()
                else:
                    while len(self._threads) < self._max_workers:
                        self._start_worker()
            except RuntimeError as exc:
                # A thread cannot be started (interpreter finalization,
                # gh-109047): as CPython, the pool is broken.
                error = exc
            else:
                future = _base.Future()
                self._work_queue.put(_WorkItem(future, fn, args, kwargs))
                return future
        self._terminate_broken(None, None, error)
        raise BrokenProcessPool(self._broken) from error
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1, buffersize=None):
        """Returns an iterator equivalent to map(fn, iter).

        Args:
            fn: A callable that will take as many arguments as there are
                passed iterables.
            timeout: The maximum number of seconds to wait. If None, then there
                is no limit on the wait time.
            chunksize: If greater than one, the iterables will be chopped into
                chunks of size chunksize and submitted to the process pool.
                If set to one, the items in the list will be sent one at a time.
            buffersize: The number of submitted tasks whose results have not
                yet been yielded. If the buffer is full, iteration over the
                iterables pauses until a result is yielded from the buffer.
                If None, all input elements are eagerly collected, and a task is
                submitted for each.

        Returns:
            An iterator equivalent to: map(func, *iterables) but the calls may
            be evaluated out-of-order.

        Raises:
            TimeoutError: If the entire result iterator could not be generated
                before the given timeout.
            Exception: If fn(*args) raises for any values.
        """
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")

        results = super().map(functools.partial(_process_chunk, fn),
                              itertools.batched(zip(*iterables), chunksize),
                              timeout=timeout,
                              buffersize=buffersize)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            threads = list(self._threads)
        if cancel_futures:
            # Cancel the calls no worker took yet.
            for item in self._take_pending():
                item.future.cancel()
        # One sentinel per worker thread: each stops its process.
        for _ in threads:
            self._work_queue.put(None)
        if self._monitor_wakeup is not None:
            _wake(self._monitor_wakeup)
        if wait:
            for thread in threads:
                thread.join()
        _executors.discard(self)
    shutdown.__doc__ = _base.Executor.shutdown.__doc__

    def terminate_workers(self, signal=signal.SIGTERM):
        """Attempts to terminate the executor's workers.
        Iterates through all of the current worker processes and terminates
        each one that is still alive.

        After terminating workers, the pool will be in a broken state
        and no longer usable (for instance, new tasks should not be
        submitted).
        """
        with self._shutdown_lock:
            workers = list(self._workers)
        for worker in workers:
            try:
                os.kill(worker.pid, signal)
            except ProcessLookupError:
                pass

    def kill_workers(self):
        """Attempts to kill the executor's workers.
        Iterates through all of the current worker processes and kills
        each one that is still alive.

        After killing workers, the pool will be in a broken state
        and no longer usable (for instance, new tasks should not be
        submitted).
        """
        return self.terminate_workers(signal.SIGKILL)
