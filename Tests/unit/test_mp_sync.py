"""multiprocessing: locks, semaphores, conditions, events and barriers
shared by processes; Value/Array in shared memory; queues between
processes; Pipe, Listener/Client and descriptor passing; shared_memory;
the C SemLock directly.  Processes are forked (fast) except where a test
is about another start method."""

import array
import gc
import os
import pickle
import signal
import socket
import sys
import threading
import time
import unittest

import multiprocessing as mp
from multiprocessing import connection, reduction, shared_memory
from multiprocessing import sharedctypes
import _multiprocessing

ctx = mp.get_context('fork')
TIMEOUT = 30


def _add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def _hold_then_release(lock, held, go):
    lock.acquire()
    held.set()
    go.wait(TIMEOUT)
    lock.release()


def _wait_on_condition(cond, ready, results):
    with cond:
        ready.release()
        results.put(cond.wait(TIMEOUT))


def _barrier_party(barrier, q):
    q.put(barrier.wait(TIMEOUT))


def _fill_array(arr, values):
    for i, v in enumerate(values):
        arr[i] = v


def _echo_conn(conn, other_end):
    # The forked child inherited the parent's end too: without closing
    # it, the parent's close() would never be seen as end-of-file.
    other_end.close()
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        conn.send(('echo', msg))
    conn.close()


def _producer(q, n):
    for i in range(n):
        q.put(i)


def _consumer(q, out):
    while True:
        item = q.get()
        try:
            if item is None:
                break
            out.put(item * 10)
        finally:
            q.task_done()


def _write_shm(name, data):
    shm = shared_memory.SharedMemory(name)
    shm.buf[:len(data)] = data
    shm.close()


def _receive_fd(conn):
    fd = reduction.recv_handle(conn)
    with open(fd, 'rb') as f:
        conn.send(f.read())


def _answer_on_received_conn(q):
    conn = q.get(timeout=TIMEOUT)
    conn.send('over a received connection')
    conn.close()


def _use_spawned_lock(lock, value):
    with lock:
        value.value += 100


def join_all(procs):
    for p in procs:
        p.join(TIMEOUT)
        assert p.exitcode == 0, p


class SemLockTest(unittest.TestCase):

    def make(self, kind, value, maxvalue):
        name = '/mp-test-%d-%d' % (os.getpid(), id(self))
        return _multiprocessing.SemLock(kind, value, maxvalue, name, True)

    def test_semaphore_counts(self):
        sem = self.make(1, 2, 3)
        self.assertIsNone(sem.name)
        self.assertEqual((sem.kind, sem.maxvalue), (1, 3))
        self.assertEqual(sem._get_value(), 2)
        self.assertTrue(sem.acquire())
        self.assertTrue(sem.acquire(False))
        self.assertTrue(sem._is_zero())
        self.assertFalse(sem.acquire(timeout=0.01))
        self.assertFalse(sem.acquire(True, -1))
        self.assertEqual(sem._count(), 2)
        sem.release()
        sem.release()
        sem.release()
        with self.assertRaisesRegex(ValueError, 'released too many times'):
            sem.release()
        self.assertGreater(_multiprocessing.SemLock.SEM_VALUE_MAX, 30000)

    def test_recursive_mutex(self):
        lock = self.make(0, 1, 1)
        self.assertFalse(lock._is_mine())
        with self.assertRaisesRegex(AssertionError, 'not owned by thread'):
            lock.release()
        self.assertTrue(lock.acquire())
        self.assertTrue(lock.acquire())
        self.assertEqual(lock._count(), 2)
        self.assertTrue(lock._is_mine())
        other = []
        t = threading.Thread(
            target=lambda: other.append((lock._is_mine(),
                                         lock.acquire(timeout=0.01))))
        t.start()
        t.join()
        self.assertEqual(other, [(False, False)])
        lock.release()
        lock.release()
        self.assertFalse(lock._is_mine())
        self.assertEqual(lock._get_value(), 1)

    def test_bad_arguments(self):
        with self.assertRaises(ValueError):
            self.make(7, 1, 1)
        with self.assertRaises(ValueError):
            self.make(1, -1, 1)
        sem = self.make(1, 1, 1)
        with self.assertRaises(TypeError):
            sem.acquire(True, 'soon')
        with self.assertRaises(OSError):
            _multiprocessing.sem_unlink('/mp-no-such-semaphore-%d'
                                        % os.getpid())

    def test_timeout_waits(self):
        sem = self.make(1, 0, 1)
        start = time.monotonic()
        self.assertFalse(sem.acquire(timeout=0.2))
        self.assertGreaterEqual(time.monotonic() - start, 0.15)

    def test_interrupted_by_signal(self):
        if not hasattr(signal, 'setitimer'):
            self.skipTest('no setitimer')
        sem = self.make(1, 0, 1)

        class Interrupted(Exception):
            pass

        def handler(signum, frame):
            raise Interrupted

        old = signal.signal(signal.SIGALRM, handler)
        try:
            signal.setitimer(signal.ITIMER_REAL, 0.1)
            with self.assertRaises(Interrupted):
                sem.acquire(timeout=20)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)

    def test_release_wakes_other_thread(self):
        sem = self.make(1, 0, 1)
        got = []
        t = threading.Thread(target=lambda: got.append(sem.acquire(timeout=TIMEOUT)))
        t.start()
        time.sleep(0.05)
        sem.release()
        t.join()
        self.assertEqual(got, [True])


class SynchronizeTest(unittest.TestCase):

    def test_lock_shared_by_processes(self):
        counter = ctx.Value('i', 0)
        procs = [ctx.Process(target=_add_many, args=(counter, 200))
                 for _ in range(3)]
        for p in procs:
            p.start()
        join_all(procs)
        self.assertEqual(counter.value, 600)

    def test_lock_held_by_child(self):
        lock = ctx.Lock()
        held = ctx.Event()
        go = ctx.Event()
        p = ctx.Process(target=_hold_then_release, args=(lock, held, go))
        p.start()
        self.assertTrue(held.wait(TIMEOUT))
        self.assertFalse(lock.acquire(timeout=0.05))
        self.assertEqual(repr(lock), '<Lock(owner=SomeOtherProcess)>')
        go.set()
        self.assertTrue(lock.acquire(timeout=TIMEOUT))
        self.assertEqual(repr(lock), '<Lock(owner=MainProcess)>')
        lock.release()
        self.assertEqual(repr(lock), '<Lock(owner=None)>')
        join_all([p])

    def test_reprs_and_errors(self):
        r = ctx.RLock()
        with r:
            with r:
                self.assertEqual(repr(r), '<RLock(MainProcess, 2)>')
        self.assertEqual(repr(r), '<RLock(None, 0)>')
        s = ctx.Semaphore(3)
        self.assertEqual(repr(s), '<Semaphore(value=3)>')
        self.assertEqual(s.get_value(), 3)
        b = ctx.BoundedSemaphore(2)
        self.assertEqual(repr(b), '<BoundedSemaphore(value=2, maxvalue=2)>')
        with self.assertRaises(ValueError):
            b.release()
        lock = ctx.Lock()
        with self.assertRaises(ValueError):
            lock.release()
        with self.assertRaisesRegex(RuntimeError, 'through inheritance'):
            pickle.dumps(lock)

    def test_condition_notify(self):
        cond = ctx.Condition()
        ready = ctx.Semaphore(0)
        results = ctx.Queue()
        procs = [ctx.Process(target=_wait_on_condition,
                             args=(cond, ready, results)) for _ in range(2)]
        for p in procs:
            p.start()
        for _ in procs:
            self.assertTrue(ready.acquire(timeout=TIMEOUT))
        with cond:
            cond.notify()
        self.assertEqual(results.get(timeout=TIMEOUT), True)
        with cond:
            cond.notify_all()
        self.assertEqual(results.get(timeout=TIMEOUT), True)
        join_all(procs)
        with cond:
            self.assertFalse(cond.wait(0.01))
            self.assertEqual(cond.wait_for(lambda: 42, 0.01), 42)
        with self.assertRaises(AssertionError):
            cond.wait(0.01)

    def test_event(self):
        ev = ctx.Event()
        self.assertFalse(ev.is_set())
        self.assertFalse(ev.wait(0.01))
        ev.set()
        self.assertTrue(ev.is_set())
        self.assertTrue(ev.wait(0))
        self.assertIn(' set>', repr(ev))
        ev.clear()
        self.assertFalse(ev.is_set())

    def test_barrier(self):
        barrier = ctx.Barrier(3)
        q = ctx.Queue()
        procs = [ctx.Process(target=_barrier_party, args=(barrier, q))
                 for _ in range(2)]
        for p in procs:
            p.start()
        mine = barrier.wait(TIMEOUT)
        indexes = sorted([mine, q.get(timeout=TIMEOUT), q.get(timeout=TIMEOUT)])
        self.assertEqual(indexes, [0, 1, 2])
        join_all(procs)
        self.assertEqual((barrier.parties, barrier.n_waiting, barrier.broken),
                         (3, 0, False))
        barrier.abort()
        self.assertTrue(barrier.broken)

    def test_spawned_child_uses_lock(self):
        sctx = mp.get_context('spawn')
        lock = sctx.Lock()
        value = sctx.Value('q', 1, lock=False)
        p = sctx.Process(target=_use_spawned_lock, args=(lock, value))
        p.start()
        join_all([p])
        self.assertEqual(value.value, 101)
        # A fork-context lock cannot go to a spawned child.
        bad = ctx.Lock()
        p = sctx.Process(target=_use_spawned_lock, args=(bad, value))
        with self.assertRaisesRegex(RuntimeError, 'fork context'):
            p.start()


class SharedValueTest(unittest.TestCase):

    def test_value_types(self):
        self.assertEqual(ctx.Value('i').value, 0)
        self.assertEqual(ctx.Value('d', 2.5).value, 2.5)
        self.assertEqual(ctx.Value('c', b'x').value, b'x')
        self.assertIs(ctx.Value('?', True).value, True)
        self.assertEqual(ctx.Value('u', 'é').value, 'é')
        v = ctx.Value('h', 7, lock=False)
        self.assertIsInstance(v, sharedctypes.SharedValue)
        v.value = -3
        self.assertEqual(v.value, -3)
        with self.assertRaises(TypeError):
            v.value = 'no'
        with self.assertRaises(ValueError):
            ctx.Value('Z')
        with self.assertRaises(AttributeError):
            ctx.Value('i', 1, lock=42)
        lock = ctx.Lock()
        w = ctx.Value('i', 1, lock=lock)
        self.assertIs(w.get_lock(), lock)
        self.assertEqual(w.get_obj().value, 1)

    def test_array_shared_with_child(self):
        arr = ctx.Array('i', 5)
        self.assertEqual(list(arr[:]), [0] * 5)
        p = ctx.Process(target=_fill_array, args=(arr, [5, 4, 3, 2, 1]))
        p.start()
        join_all([p])
        self.assertEqual(arr[:], [5, 4, 3, 2, 1])
        self.assertEqual(len(arr), 5)
        self.assertEqual(arr[-1], 1)
        arr[1:3] = [40, 30]
        self.assertEqual(arr[0:4], [5, 40, 30, 2])
        with self.assertRaises(IndexError):
            arr[5]
        with self.assertRaises(ValueError):
            arr[0:2] = [1]
        raw = ctx.RawArray('d', [1.5, 2.5])
        self.assertEqual(list(raw), [1.5, 2.5])
        copy = sharedctypes.copy(raw)
        raw[0] = 9.0
        self.assertEqual(copy[:], [1.5, 2.5])

    def test_char_array(self):
        s = ctx.Array('c', b'hello\0\0\0')
        self.assertEqual(s.value, b'hello')
        self.assertEqual(s.raw, b'hello\0\0\0')
        s.value = b'hi'
        self.assertEqual(s.value, b'hi')
        self.assertEqual(s[:3], b'hi\0')
        with self.assertRaises(ValueError):
            s.value = b'much too long'

    def test_ctypes_like_type(self):
        class FakeCDouble:
            _type_ = 'd'
        self.assertEqual(ctx.Value(FakeCDouble, 1.25).value, 1.25)


class QueueTest(unittest.TestCase):

    def test_queue_between_processes(self):
        q = ctx.Queue()
        procs = [ctx.Process(target=_producer, args=(q, 50)) for _ in range(2)]
        for p in procs:
            p.start()
        items = sorted(q.get(timeout=TIMEOUT) for _ in range(100))
        join_all(procs)
        self.assertEqual(items, sorted(list(range(50)) * 2))
        self.assertTrue(q.empty())
        import queue
        with self.assertRaises(queue.Empty):
            q.get(timeout=0.01)

    def test_bounded_queue(self):
        import queue
        q = ctx.Queue(2)
        q.put(1)
        q.put(2)
        self.assertTrue(q.full())
        with self.assertRaises(queue.Full):
            q.put(3, timeout=0.01)
        with self.assertRaises(queue.Full):
            q.put_nowait(3)
        self.assertEqual(q.get(timeout=TIMEOUT), 1)
        self.assertEqual(q.qsize(), 1)
        self.assertEqual(q.get_nowait() if not q.empty() else
                         q.get(timeout=TIMEOUT), 2)
        with self.assertRaises(queue.Empty):
            q.get_nowait()
        q.close()
        q.join_thread()
        with self.assertRaisesRegex(ValueError, 'is closed'):
            q.put(1)

    def test_joinable_queue(self):
        q = ctx.JoinableQueue()
        out = ctx.Queue()
        p = ctx.Process(target=_consumer, args=(q, out))
        p.start()
        for i in range(5):
            q.put(i)
        q.join()
        self.assertEqual(sorted(out.get(timeout=TIMEOUT) for _ in range(5)),
                         [0, 10, 20, 30, 40])
        q.put(None)
        q.join()
        join_all([p])
        with self.assertRaisesRegex(ValueError, 'too many times'):
            q.task_done()

    def test_simple_queue(self):
        q = ctx.SimpleQueue()
        self.assertTrue(q.empty())
        q.put([1, 'a'])
        self.assertFalse(q.empty())
        self.assertEqual(q.get(), [1, 'a'])
        q.close()


class ConnectionTest(unittest.TestCase):

    def test_pipe_duplex_with_child(self):
        a, b = ctx.Pipe()
        p = ctx.Process(target=_echo_conn, args=(b, a))
        p.start()
        b.close()
        a.send({'x': [1, 2]})
        self.assertEqual(a.recv(), ('echo', {'x': [1, 2]}))
        self.assertTrue(a.writable and a.readable)
        a.close()
        join_all([p])
        self.assertTrue(a.closed)
        with self.assertRaisesRegex(OSError, 'handle is closed'):
            a.send(1)

    def test_bytes_messages(self):
        r, w = ctx.Pipe(duplex=False)
        with self.assertRaisesRegex(OSError, 'write-only'):
            w.recv()
        with self.assertRaisesRegex(OSError, 'read-only'):
            r.send(1)
        self.assertFalse(r.poll())
        w.send_bytes(b'abcdef', 1, 3)
        self.assertTrue(r.poll(TIMEOUT))
        self.assertEqual(r.recv_bytes(), b'bcd')
        w.send_bytes(array.array('i', [1, 2]))
        buf = bytearray(10)
        self.assertEqual(r.recv_bytes_into(buf, 2), 8)
        self.assertEqual(bytes(buf[2:10]), array.array('i', [1, 2]).tobytes())
        w.send_bytes(b'x' * 20)
        with self.assertRaises(mp.BufferTooShort) as cm:
            r.recv_bytes_into(bytearray(4))
        self.assertEqual(cm.exception.args[0], b'x' * 20)
        w.send_bytes(b'')
        self.assertEqual(r.recv_bytes(), b'')
        with self.assertRaises(ValueError):
            w.send_bytes(b'abc', 2, 5)
        big = os.urandom(200000)
        t = threading.Thread(target=w.send_bytes, args=(big,))
        t.start()
        self.assertEqual(r.recv_bytes(), big)
        t.join()
        w.close()
        with self.assertRaises(EOFError):
            r.recv()

    def test_listener_client_authkey(self):
        with connection.Listener(authkey=b'secret') as listener:
            self.assertEqual(connection.address_type(listener.address),
                             'AF_UNIX')
            got = []

            def serve():
                with listener.accept() as c:
                    got.append(c.recv())
                    c.send('bye')
            t = threading.Thread(target=serve)
            t.start()
            with connection.Client(listener.address, authkey=b'secret') as c:
                c.send('hello')
                self.assertEqual(c.recv(), 'bye')
            t.join()
            self.assertEqual(got, ['hello'])

            errors = []

            def serve_bad():
                try:
                    listener.accept()
                except mp.AuthenticationError as e:
                    errors.append(str(e))
            t = threading.Thread(target=serve_bad)
            t.start()
            with self.assertRaises(mp.AuthenticationError):
                connection.Client(listener.address, authkey=b'wrong')
            t.join()
            self.assertEqual(errors, ['digest received was wrong'])

    def test_tcp_listener(self):
        with connection.Listener(('127.0.0.1', 0)) as listener:
            self.assertEqual(connection.address_type(listener.address),
                             'AF_INET')
            t = threading.Thread(
                target=lambda: listener.accept().send_bytes(b'tcp'))
            t.start()
            with connection.Client(listener.address) as c:
                self.assertEqual(c.recv_bytes(), b'tcp')
            t.join()

    def test_wait(self):
        a, b = ctx.Pipe()
        c, d = ctx.Pipe()
        self.assertEqual(connection.wait([a, c], timeout=0.01), [])
        d.send(1)
        self.assertEqual(connection.wait([a, c], timeout=TIMEOUT), [c])
        r, w = os.pipe()
        os.write(w, b'x')
        self.assertEqual(connection.wait([r], timeout=TIMEOUT), [r])
        os.close(r)
        os.close(w)
        for conn in (a, b, c, d):
            conn.close()

    def test_send_handle(self):
        import tempfile
        with tempfile.TemporaryFile() as f:
            f.write(b'passed descriptor')
            f.flush()
            f.seek(0)
            a, b = ctx.Pipe()
            p = ctx.Process(target=_receive_fd, args=(b,))
            p.start()
            reduction.send_handle(a, f.fileno(), p.pid)
            self.assertEqual(a.recv(), b'passed descriptor')
            join_all([p])
            a.close()
            b.close()

    def test_connection_sent_through_queue(self):
        # Not at start-up: the descriptor is lent by resource_sharer.
        q = ctx.Queue()
        p = ctx.Process(target=_answer_on_received_conn, args=(q,))
        p.start()
        a, b = ctx.Pipe()
        q.put(b)
        self.assertEqual(a.recv(), 'over a received connection')
        join_all([p])
        a.close()
        b.close()

    def test_forking_pickler(self):
        class Thing:
            pass

        def reduce_thing(obj):
            return (str, ('reduced',))

        reduction.ForkingPickler.register(Thing, reduce_thing)
        try:
            data = reduction.ForkingPickler.dumps(Thing())
            self.assertEqual(reduction.ForkingPickler.loads(data), 'reduced')
        finally:
            del reduction.ForkingPickler._extra_reducers[Thing]


class SharedMemoryTest(unittest.TestCase):

    def test_shared_memory_with_child(self):
        shm = shared_memory.SharedMemory(create=True, size=64)
        try:
            self.assertGreaterEqual(shm.size, 64)
            self.assertFalse(shm.name.startswith('/'))
            p = ctx.Process(target=_write_shm, args=(shm.name, b'from child'))
            p.start()
            join_all([p])
            self.assertEqual(bytes(shm.buf[:10]), b'from child')
            other = shared_memory.SharedMemory(shm.name)
            self.assertEqual(bytes(other.buf[:4]), b'from')
            other.close()
            copy = pickle.loads(pickle.dumps(shm))
            self.assertEqual(copy.name, shm.name)
            copy.close()
        finally:
            shm.close()
            shm.unlink()
        with self.assertRaises(FileNotFoundError):
            shared_memory.SharedMemory(shm.name)
        with self.assertRaises(ValueError):
            shared_memory.SharedMemory(create=True, size=0)
        with self.assertRaises(ValueError):
            shared_memory.SharedMemory()

    def test_shareable_list(self):
        sl = shared_memory.ShareableList([3, 'text', 1.5, b'raw', None, False])
        try:
            self.assertEqual(list(sl), [3, 'text', 1.5, b'raw', None, False])
            self.assertEqual(len(sl), 6)
            self.assertEqual(sl.format, 'q8sd8sxxxxxx?xxxxxxxx?')
            other = shared_memory.ShareableList(name=sl.shm.name)
            other[0] = 'changed'
            other[1] = 42
            self.assertEqual(sl[0], 'changed')
            self.assertEqual(sl[1], 42)
            self.assertEqual(sl[-1], False)
            self.assertEqual(sl.count(1.5), 1)
            self.assertEqual(sl.index(None), 4)
            with self.assertRaises(ValueError):
                sl.index('absent')
            with self.assertRaisesRegex(ValueError, 'exceeds available'):
                sl[3] = b'far too long for its slot'
            with self.assertRaises(IndexError):
                sl[6]
            with self.assertRaises(IndexError):
                sl[6] = 1
            other.shm.close()
            empty = shared_memory.ShareableList()
            self.assertEqual(list(empty), [])
            empty.shm.close()
            empty.shm.unlink()
        finally:
            sl.shm.close()
            sl.shm.unlink()


if __name__ == '__main__':
    unittest.main()
