"""concurrent.futures.process._check_system_limits (CPython's probe that
callers use to skip process pools), ProcessPoolExecutor._processes,
workers started on demand and an idle worker's death breaking the pool, and
multiprocessing's private temp directory coming back after the finalizers
removed it (forkserver pools bind their socket there)."""

import os
import threading
import time
import unittest
from concurrent.futures import ProcessPoolExecutor, process
from concurrent.futures.process import BrokenProcessPool
import multiprocessing
import multiprocessing.util as mputil


def square(x):
    return x * x


class SystemLimitTests(unittest.TestCase):

    def test_check_passes_here_and_is_cached(self):
        self.assertIsNone(process._check_system_limits())
        self.assertEqual(process._system_limited, '')

    def test_cached_reason_is_raised(self):
        saved = process._system_limited
        self.addCleanup(setattr, process, '_system_limited', saved)
        process._system_limited = 'no start method'
        with self.assertRaisesRegex(NotImplementedError, 'no start method'):
            process._check_system_limits()
        with self.assertRaises(NotImplementedError):
            ProcessPoolExecutor(1)


class ProcessesViewTests(unittest.TestCase):

    def test_processes_maps_pids_to_live_workers(self):
        # 'fork' starts the whole pool with the first call.
        ctx = multiprocessing.get_context('fork')
        with ProcessPoolExecutor(2, mp_context=ctx) as ex:
            self.assertEqual(ex._processes, {})
            self.assertEqual(ex.submit(square, 3).result(timeout=60), 9)
            procs = ex._processes
            self.assertEqual(len(procs), 2)
            for pid, proc in procs.items():
                self.assertEqual(proc.pid, pid)
                self.assertTrue(proc.is_alive())
        for proc in procs.values():
            proc.join(timeout=60)
            self.assertFalse(proc.is_alive())


class OnDemandWorkersTests(unittest.TestCase):
    """Other start methods start a worker only when none is idle."""

    def test_idle_worker_is_reused(self):
        with ProcessPoolExecutor(4) as ex:
            for i in range(3):
                self.assertEqual(ex.submit(square, i).result(timeout=60),
                                 i * i)
            self.assertEqual(len(ex._processes), 1)

    def test_busy_workers_add_up_to_max_workers(self):
        # Each call outlasts the submissions, so no worker is idle yet.
        with ProcessPoolExecutor(2) as ex:
            futures = [ex.submit(time.sleep, 0.5) for _ in range(4)]
            self.assertEqual(len(ex._processes), 2)
            for f in futures:
                self.assertIsNone(f.result(timeout=60))

    def test_unpicklable_call_does_not_free_a_worker(self):
        # As CPython: only a call a worker ran makes it idle again.
        with ProcessPoolExecutor(3) as ex:
            futures = [ex.submit(square, threading.Lock())
                       for _ in range(3)]
            self.assertEqual(len(ex._processes), 3)
            for f in futures:
                with self.assertRaises(TypeError):
                    f.result(timeout=60)

    def test_idle_worker_death_breaks_the_pool(self):
        with ProcessPoolExecutor(2) as ex:
            self.assertEqual(ex.submit(square, 2).result(timeout=60), 4)
            proc = next(iter(ex._processes.values()))
            proc.kill()
            proc.join(timeout=60)
            deadline = time.monotonic() + 60
            while not ex._broken and time.monotonic() < deadline:
                time.sleep(0.01)
            with self.assertRaisesRegex(BrokenProcessPool,
                                        'terminated abruptly'):
                ex.submit(square, 3)

    def test_retiring_worker_does_not_break_the_pool(self):
        ctx = multiprocessing.get_context('forkserver')
        with ProcessPoolExecutor(1, mp_context=ctx,
                                 max_tasks_per_child=1) as ex:
            pids = [ex.submit(os.getpid).result(timeout=60)
                    for _ in range(3)]
            self.assertEqual(len(set(pids)), 3)
            self.assertFalse(ex._broken)
            self.assertEqual(len(ex._processes), 1)


def _fail(exc_type):
    raise exc_type('cannot rebuild')


class FailsToUnpickle:
    """Pickles fine; unpickling raises (or exits, with SystemExit)."""
    def __init__(self, exc_type=ValueError):
        self.exc_type = exc_type

    def __reduce__(self):
        return _fail, (self.exc_type,)


class ExitsWhenUnpickled(FailsToUnpickle):
    def __init__(self):
        super().__init__(SystemExit)


def make(cls):
    return cls()


class BrokenPoolTests(unittest.TestCase):
    """What CPython turns into BrokenProcessPool rather than a hang or an
    ordinary exception."""

    def check_broken(self, fn, *args):
        with ProcessPoolExecutor(1) as ex:
            future = ex.submit(fn, *args)
            with self.assertRaises(BrokenProcessPool):
                future.result(timeout=60)
            with self.assertRaises(BrokenProcessPool):
                ex.submit(square, 2)

    def test_call_that_cannot_be_unpickled_in_the_worker(self):
        self.check_broken(id, FailsToUnpickle())

    def test_outcome_that_cannot_be_unpickled(self):
        self.check_broken(make, FailsToUnpickle)

    def test_outcome_that_exits_while_unpickled(self):
        self.check_broken(make, ExitsWhenUnpickled)

    def test_failing_pending_calls_keeps_stop_sentinels(self):
        # Breaking the pool (by a worker's thread or the monitor) fails
        # the queued calls; the stop sentinels queued by shutdown() or by
        # the other breaker must stay, or an idle worker thread never
        # stops and shutdown(wait=True) hangs.
        ex = ProcessPoolExecutor(1)
        self.addCleanup(ex.shutdown)
        pending = process._WorkItem(process._base.Future(), square, (1,), {})
        ex._work_queue.put(None)
        ex._work_queue.put(pending)
        ex._work_queue.put(None)
        ex._fail_pending(BrokenProcessPool('broken'))
        with self.assertRaises(BrokenProcessPool):
            pending.future.result(timeout=0)
        self.assertIsNone(ex._work_queue.get_nowait())
        self.assertIsNone(ex._work_queue.get_nowait())
        self.assertTrue(ex._work_queue.empty())

    def test_thread_that_cannot_start(self):
        def refuse(*args, **kwargs):
            raise RuntimeError("can't create new thread at "
                               "interpreter shutdown")
        ex = ProcessPoolExecutor(2)
        saved = threading._start_joinable_thread
        threading._start_joinable_thread = refuse
        try:
            with self.assertRaises(BrokenProcessPool):
                ex.submit(square, 2)
        finally:
            threading._start_joinable_thread = saved
        self.assertEqual(ex._processes, {})
        ex.shutdown()


class TempDirTests(unittest.TestCase):

    def setUp(self):
        # A running fork server listens in the temp directory the
        # finalizers remove: stop it first (as CPython's test cleanup).
        from multiprocessing import forkserver
        forkserver._forkserver._stop()

    def test_temp_dir_is_made_again_after_finalizers(self):
        first = mputil.get_temp_dir()
        mputil._run_finalizers()
        self.assertFalse(os.path.isdir(first))
        second = mputil.get_temp_dir()
        self.assertTrue(os.path.isdir(second))
        self.assertNotEqual(first, second)

    @unittest.skipUnless('forkserver' in
                         multiprocessing.get_all_start_methods(),
                         'needs forkserver')
    def test_forkserver_pool_after_finalizers(self):
        mputil.get_temp_dir()
        mputil._run_finalizers()
        ctx = multiprocessing.get_context('forkserver')
        with ProcessPoolExecutor(1, mp_context=ctx) as ex:
            self.assertEqual(ex.submit(square, 7).result(timeout=60), 49)


if __name__ == '__main__':
    unittest.main()
