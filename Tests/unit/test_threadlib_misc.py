"""threading and queue details: the Python RLock, thread handles after
fork, and SimpleQueue.put called reentrantly from a finalizer."""

import gc
import itertools
import os
import queue
import sys
import threading
import unittest
import weakref


class PyRLockTests(unittest.TestCase):

    def test_reentrant(self):
        lock = threading._PyRLock()
        self.assertTrue(lock.acquire())
        self.assertTrue(lock.acquire(blocking=False))
        self.assertEqual(lock._recursion_count(), 2)
        self.assertTrue(lock._is_owned())
        self.assertIn("locked", repr(lock))
        lock.release()
        self.assertTrue(lock.locked())
        lock.release()
        self.assertFalse(lock.locked())
        with self.assertRaisesRegex(RuntimeError, "un-acquired"):
            lock.release()

    def test_other_thread_cannot_take_or_release(self):
        lock = threading._PyRLock()
        with lock:
            results = []

            def other():
                results.append(lock.acquire(timeout=0.01))
                try:
                    lock.release()
                except RuntimeError:
                    results.append("refused")

            t = threading.Thread(target=other)
            t.start()
            t.join()
            self.assertEqual(results, [False, "refused"])
        self.assertEqual(lock._recursion_count(), 0)

    def test_condition_over_py_rlock(self):
        cond = threading.Condition(threading._PyRLock())
        box = []

        def producer():
            with cond:
                box.append(1)
                cond.notify()

        with cond:
            with cond:          # two levels, both released by wait
                t = threading.Thread(target=producer)
                t.start()
                self.assertTrue(cond.wait_for(lambda: box, timeout=10))
        t.join()
        self.assertEqual(box, [1])


@unittest.skipUnless(hasattr(os, "fork"), "needs fork")
class AfterForkTests(unittest.TestCase):

    def test_finished_threads_are_not_alive_in_child(self):
        # A thread that has left threading's tables but not yet ended at
        # the OS level must still count as ended in the child.
        old = sys.getswitchinterval()
        self.addCleanup(sys.setswitchinterval, old)
        sys.setswitchinterval(1e-6)
        codes = []
        for _ in range(15):
            t = threading.Thread(target=lambda: None)
            t.start()
            pid = os.fork()
            if pid == 0:
                os._exit(11 if t.is_alive() else 10)
            t.join()
            _, status = os.waitpid(pid, 0)
            codes.append(os.waitstatus_to_exitcode(status))
        self.assertEqual(codes, [10] * 15)

    def test_running_thread_is_joinable_in_child(self):
        release = threading.Event()
        t = threading.Thread(target=release.wait, args=(10,))
        t.start()
        pid = os.fork()
        if pid == 0:
            t.join(5)
            os._exit(0 if not t.is_alive() else 1)
        release.set()
        t.join()
        _, status = os.waitpid(pid, 0)
        self.assertEqual(os.waitstatus_to_exitcode(status), 0)


class DummyThreadTests(unittest.TestCase):

    def test_dummy_thread_state(self):
        import _thread
        seen = []
        done = threading.Lock()
        done.acquire()
        def body():
            try:
                dummy = threading.current_thread()
                seen.append((dummy, dummy.is_alive()))
            finally:
                done.release()
        _thread.start_new_thread(body, ())
        done.acquire()
        dummy, alive = seen[0]
        self.assertIsInstance(dummy, threading._DummyThread)
        self.assertTrue(alive)
        with self.assertRaisesRegex(RuntimeError, 'cannot join a dummy'):
            dummy.join()
        # A dummy thread whose state says "not started" is not alive:
        # is_alive() reports it as an error, as CPython does.
        dummy._started.clear()
        with self.assertRaisesRegex(RuntimeError, 'thread is not alive'):
            dummy.is_alive()


class CrossThreadWeakrefs(unittest.TestCase):

    def test_callback_of_ref_made_by_ended_thread(self):
        # The weak reference belongs to a thread that has ended; the
        # referent dies here, and the callback must still run.
        class Target:
            pass
        targets = [Target() for _ in range(10)]
        fired = []
        refs = []

        def make_ref(obj, n):
            refs.append(weakref.ref(obj, lambda r, n=n: fired.append(n)))

        for n, obj in enumerate(targets):
            t = threading.Thread(target=make_ref, args=(obj, n))
            t.start()
            t.join()
        del obj
        targets.clear()
        gc.collect()
        self.assertEqual(sorted(fired), list(range(10)))

    def test_pure_python_local_releases_thread_dicts(self):
        import _threading_local

        class Payload:
            pass
        loc = _threading_local.local()
        payload_refs = []

        def store():
            p = Payload()
            loc.p = p
            payload_refs.append(weakref.ref(p))

        for _ in range(10):
            t = threading.Thread(target=store)
            t.start()
            t.join()
        del t
        gc.collect()
        # The pure-Python version may keep the last thread's dict.
        self.assertGreaterEqual(sum(r() is None for r in payload_refs), 9)


class SimpleQueueReentrancy(unittest.TestCase):

    def test_put_from_finalizer_loses_nothing(self):
        # When the collector runs is the VM's business; every value put,
        # from the loop or from a finalizer, must come out exactly once.
        q = queue.SimpleQueue()
        counter = itertools.count()
        results = []

        class Cycle:
            def __init__(self):
                self.me = self

            def __del__(self):
                q.put(next(counter))

        while True:
            c = Cycle()
            q.put(next(counter))
            del c
            results.append(q.get())
            if results[-1] >= 3000:
                break
        gc.collect()
        while not q.empty():
            results.append(q.get_nowait())
        self.assertEqual(sorted(results), list(range(next(counter))))

    def test_put_arguments(self):
        q = queue.SimpleQueue()
        q.put(1)
        q.put(item=2)
        q.put(3, False, None)
        q.put(4, block=True, timeout=5)
        q.put_nowait(5)
        q.put_nowait(item=6)
        self.assertEqual([q.get() for _ in range(6)], [1, 2, 3, 4, 5, 6])
        with self.assertRaisesRegex(TypeError, "missing required argument 'item'"):
            q.put()
        with self.assertRaisesRegex(TypeError, "at most 3 arguments"):
            q.put(1, 2, 3, 4)
        with self.assertRaisesRegex(TypeError, "unexpected keyword argument 'x'"):
            q.put(1, x=2)
        with self.assertRaisesRegex(TypeError, r"given by name \('item'\) and position \(1\)"):
            q.put(1, item=2)
        with self.assertRaises(TypeError):
            q.put_nowait(1, 2)
        self.assertTrue(q.empty())


if __name__ == "__main__":
    unittest.main()
