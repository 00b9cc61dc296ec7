"""multiprocessing managers (SyncManager proxies shared with processes,
BaseManager.register, SharedMemoryManager), multiprocessing.dummy,
util.Finalize and logging, and ProcessPoolExecutor over each start
method."""

import concurrent.futures as cf
from concurrent.futures.process import BrokenProcessPool
import logging
import os
import queue
import signal
import threading
import time
import unittest

import multiprocessing as mp
from multiprocessing import managers, util
import multiprocessing.dummy as mpd

ctx = mp.get_context('fork')
# The managers' servers run in spawned processes: a forked child of the
# default build starts threads slowly (about 0.1 s each; the server starts
# one per connection).
sctx = mp.get_context('spawn')
TIMEOUT = 30


def _update_shared(d, l, ns, v, lock, q):
    with lock:
        d['count'] = d.get('count', 0) + 1
        l.append(os.getpid())
        ns.total += 5
        v.value += 1
    q.put('done')


class Counter:
    def __init__(self, start=0):
        self.n = start

    def increment(self, by=1):
        self.n += by
        return self.n

    def value(self):
        return self.n

    def _hidden(self):
        return 'hidden'


class CounterManager(managers.BaseManager):
    pass


CounterManager.register('Counter', Counter)


def _bump(counter):
    counter.increment(10)


def square(x):
    return x * x


def my_pid(_=None):
    return os.getpid()


def slow_square(x):
    time.sleep(0.05)
    return x * x


class SyncManagerTest(unittest.TestCase):

    def test_proxies_shared_with_processes(self):
        with managers.SyncManager(ctx=sctx) as m:
            d = m.dict()
            l = m.list([0])
            ns = m.Namespace(total=0)
            v = m.Value('i', 0)
            lock = m.Lock()
            q = m.Queue()
            procs = [ctx.Process(target=_update_shared,
                                 args=(d, l, ns, v, lock, q))
                     for _ in range(3)]
            for p in procs:
                p.start()
            for p in procs:
                p.join(TIMEOUT)
                self.assertEqual(p.exitcode, 0)
            self.assertEqual(d['count'], 3)
            self.assertEqual(len(l), 4)
            self.assertEqual(ns.total, 15)
            self.assertEqual(v.value, 3)
            self.assertEqual([q.get(timeout=TIMEOUT) for _ in range(3)],
                             ['done'] * 3)
            self.assertEqual(str(ns), 'Namespace(total=15)')
            self.assertIn('NamespaceProxy', repr(ns))

    def test_container_operations(self):
        with managers.SyncManager(ctx=sctx) as m:
            d = m.dict(a=1)
            d.update(b=2)
            self.assertEqual(sorted(d.keys()), ['a', 'b'])
            self.assertEqual(sorted(iter(d)), ['a', 'b'])
            self.assertEqual(d.copy(), {'a': 1, 'b': 2})
            self.assertIn('a', d)
            self.assertEqual(d.pop('a'), 1)
            with self.assertRaises(KeyError):
                d['missing']
            self.assertEqual(str(d), "{'b': 2}")
            l = m.list(range(3))
            l += [3]
            l.extend([4])
            self.assertEqual(l[1:3], [1, 2])
            self.assertEqual(l[:], [0, 1, 2, 3, 4])
            l.reverse()
            self.assertEqual(l.pop(), 0)
            nested = m.dict(x=1)
            l.append(nested)
            inner = l[-1]
            self.assertIsInstance(inner, managers.DictProxy)
            inner['y'] = 2
            self.assertEqual(nested.copy(), {'x': 1, 'y': 2})
            s = m.set({1})
            s.add(2)
            self.assertEqual(set(s.copy()), {1, 2})
            ev = m.Event()
            self.assertFalse(ev.wait(0.01))
            ev.set()
            self.assertTrue(ev.is_set())
            cond = m.Condition()
            with cond:
                self.assertFalse(cond.wait(0.01))
            sem = m.Semaphore(1)
            self.assertTrue(sem.acquire())
            self.assertFalse(sem.acquire(timeout=0.01))
            sem.release()
            arr = m.Array('i', [1, 2, 3])
            arr[0] = 7
            self.assertEqual((len(arr), arr[0]), (3, 7))
            barrier = m.Barrier(1)
            self.assertEqual(barrier.wait(TIMEOUT), 0)
            self.assertEqual(barrier.parties, 1)
            q = m.JoinableQueue()
            q.put(1)
            self.assertEqual(q.get(), 1)
            q.task_done()
            with self.assertRaises(queue.Empty):
                q.get(timeout=0.01)
            with m.Pool(2) as pool:
                self.assertEqual(pool.map(square, [1, 2, 3]), [1, 4, 9])
                self.assertEqual(pool.apply_async(square, (4,)).get(TIMEOUT),
                                 16)

    def test_lifecycle(self):
        m = managers.SyncManager(ctx=sctx)
        with self.assertRaises(AssertionError):
            m.dict()
        m.start()
        with self.assertRaises(mp.ProcessError):
            m.start()
        address = m.address
        other = managers.SyncManager(address=address, authkey=m._authkey)
        other.connect()
        d = m.dict(k='v')
        m.shutdown()
        m.join(TIMEOUT)
        self.assertFalse(m._process.is_alive() if m._process else False)
        with self.assertRaises(mp.ProcessError):
            m.start()


class BaseManagerTest(unittest.TestCase):

    def test_register_custom_type(self):
        with CounterManager(ctx=sctx) as m:
            c = m.Counter(5)
            self.assertEqual(c.increment(), 6)
            p = ctx.Process(target=_bump, args=(c,))
            p.start()
            p.join(TIMEOUT)
            self.assertEqual(c.value(), 16)
            with self.assertRaises(AttributeError):
                c._hidden()
            self.assertIn("AutoProxy[Counter]", type(c).__name__)

    def test_wrong_authkey(self):
        with CounterManager(ctx=sctx, authkey=b'right') as m:
            bad = CounterManager(address=m.address, authkey=b'wrong')
            with self.assertRaises(mp.AuthenticationError):
                bad.connect()

    def test_remote_error(self):
        with CounterManager(ctx=sctx) as m:
            c = m.Counter()
            with self.assertRaises(TypeError):
                c.increment('x')

    def test_shared_memory_manager(self):
        with managers.SharedMemoryManager(ctx=sctx) as smm:
            shm = smm.SharedMemory(16)
            sl = smm.ShareableList([1, 2])
            shm.buf[0] = 9
            self.assertEqual(sl[1], 2)
            names = (shm.name, sl.shm.name)
            shm.close()
            sl.shm.close()
        # The manager removed both segments when it shut down.
        for name in names:
            with self.assertRaises(FileNotFoundError):
                mp.shared_memory.SharedMemory(name)


class DummyTest(unittest.TestCase):

    def test_thread_backed_api(self):
        self.assertEqual(mpd.active_children(), [])
        q = mpd.Queue()
        p = mpd.Process(target=q.put, args=(3,))
        self.assertIsNone(p.exitcode)
        p.start()
        p.join()
        self.assertEqual((q.get(), p.exitcode), (3, 0))
        a, b = mpd.Pipe()
        a.send('x')
        self.assertTrue(b.poll())
        self.assertEqual(b.recv(), 'x')
        with mpd.Pool(2) as pool:
            self.assertEqual(pool.map(square, range(4)), [0, 1, 4, 9])
        m = mpd.Manager()
        ns = m.Namespace(a=1)
        self.assertEqual(repr(ns), 'Namespace(a=1)')
        self.assertEqual(mpd.Value('i', 3).value, 3)
        self.assertEqual(list(mpd.Array('i', [1, 2])), [1, 2])
        self.assertIs(mpd.current_process(), threading.current_thread())


class UtilTest(unittest.TestCase):

    def test_finalize(self):
        calls = []

        class Obj:
            pass
        o = Obj()
        f = util.Finalize(o, calls.append, args=('collected',))
        self.assertTrue(f.still_active())
        del o
        import gc
        gc.collect()
        self.assertEqual(calls, ['collected'])
        self.assertFalse(f.still_active())
        g = util.Finalize(None, calls.append, args=('called',),
                          exitpriority=1)
        self.assertEqual(g(), None)
        self.assertEqual(calls, ['collected', 'called'])
        h = util.Finalize(None, calls.append, args=('never',), exitpriority=1)
        h.cancel()
        self.assertFalse(h.still_active())
        with self.assertRaises(ValueError):
            util.Finalize(None, calls.append)

    def test_logger(self):
        logger = mp.get_logger()
        self.assertEqual(logger.name, 'multiprocessing')
        self.assertIs(mp.get_logger(), logger)
        self.assertEqual(logging.getLevelName(5), 'SUBDEBUG')

    def test_context_api(self):
        self.assertIn(mp.get_start_method(), mp.get_all_start_methods())
        self.assertEqual(mp.get_all_start_methods()[0], 'forkserver')
        with self.assertRaises(RuntimeError):
            mp.set_start_method('spawn')
        self.assertEqual(ctx.get_start_method(), 'fork')
        with self.assertRaises(ValueError):
            ctx.set_start_method('spawn')
        self.assertGreaterEqual(mp.cpu_count(), 1)
        self.assertIsNone(mp.parent_process())
        self.assertEqual(mp.current_process().name, 'MainProcess')
        with self.assertRaisesRegex(TypeError, 'disallowed'):
            import pickle
            pickle.dumps(mp.current_process().authkey)


class ProcessPoolExecutorTest(unittest.TestCase):

    def test_each_start_method(self):
        for method in ('fork', 'spawn', 'forkserver'):
            with self.subTest(method=method):
                with cf.ProcessPoolExecutor(
                        2, mp_context=mp.get_context(method)) as ex:
                    self.assertEqual(list(ex.map(square, range(6))),
                                     [0, 1, 4, 9, 16, 25])
                    pid = ex.submit(my_pid).result(TIMEOUT)
                    self.assertNotEqual(pid, os.getpid())

    def test_max_tasks_per_child_rules(self):
        with self.assertRaisesRegex(ValueError, "'fork'"):
            cf.ProcessPoolExecutor(1, mp_context=ctx, max_tasks_per_child=1)
        ex = cf.ProcessPoolExecutor(1, max_tasks_per_child=1)
        self.assertEqual(ex._mp_context.get_start_method(), 'spawn')
        ex.shutdown()

    def test_terminate_and_kill_workers(self):
        for method in ('terminate_workers', 'kill_workers'):
            with self.subTest(method=method):
                ex = cf.ProcessPoolExecutor(2, mp_context=ctx)
                self.assertEqual(ex.submit(square, 3).result(TIMEOUT), 9)
                pending = [ex.submit(time.sleep, 5) for _ in range(3)]
                time.sleep(0.05)
                getattr(ex, method)()
                for f in pending:
                    with self.assertRaises(BrokenProcessPool):
                        f.result(TIMEOUT)
                ex.shutdown()


if __name__ == '__main__':
    unittest.main()
