"""_thread._local (threading.local): per-thread namespaces, __init__
re-run per thread, subclasses, lifetimes, and many threads at once."""

import _thread
import gc
import threading
import unittest
import weakref


def run_in_thread(func, *args):
    """Run func(*args) in a new thread; return its result or raise its
    exception here."""
    box = {}

    def target():
        try:
            box["result"] = func(*args)
        except BaseException as exc:   # handed back to the caller
            box["error"] = exc

    t = threading.Thread(target=target)
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box.get("result")


class Payload:
    pass


class LocalBasics(unittest.TestCase):

    def test_same_type(self):
        self.assertIs(threading.local, _thread._local)
        self.assertEqual(_thread._local.__module__, "_thread")

    def test_attributes_are_per_thread(self):
        loc = threading.local()
        loc.a = "main"
        self.assertEqual(run_in_thread(lambda: hasattr(loc, "a")), False)
        run_in_thread(setattr, loc, "a", "thread")
        self.assertEqual(loc.a, "main")

    def test_dict_is_per_thread_and_read_only(self):
        loc = threading.local()
        loc.k = 1
        self.assertEqual(loc.__dict__, {"k": 1})
        self.assertEqual(run_in_thread(lambda: loc.__dict__), {})
        with self.assertRaisesRegex(AttributeError, "'__dict__' is read-only"):
            loc.__dict__ = {}
        with self.assertRaisesRegex(AttributeError, "'__dict__' is read-only"):
            del loc.__dict__
        loc.__dict__["direct"] = 2
        self.assertEqual(loc.direct, 2)

    def test_missing_attribute(self):
        loc = threading.local()
        with self.assertRaisesRegex(AttributeError, "has no attribute 'nope'"):
            loc.nope
        with self.assertRaises(AttributeError):
            del loc.nope
        self.assertEqual(getattr(loc, "nope", 7), 7)

    def test_arguments_need_init(self):
        with self.assertRaisesRegex(TypeError,
                                    "Initialization arguments are not supported"):
            threading.local(1)
        with self.assertRaises(TypeError):
            threading.local(x=1)

    def test_non_string_name(self):
        loc = threading.local()
        with self.assertRaises(TypeError):
            getattr(loc, 3)
        with self.assertRaises(TypeError):
            setattr(loc, 3, 1)

    def test_weakref_to_local(self):
        loc = threading.local()
        r = weakref.ref(loc)
        self.assertIs(r(), loc)
        del loc
        self.assertIsNone(r())


class LocalSubclasses(unittest.TestCase):

    def test_init_runs_in_each_thread(self):
        calls = []

        class Local(threading.local):
            def __init__(self, base, *, scale=1):
                calls.append((base, scale))
                self.value = base * scale

            def double(self):
                self.value *= 2
                return self.value

        loc = Local(3, scale=2)
        self.assertEqual(loc.double(), 12)
        self.assertEqual(run_in_thread(loc.double), 12)
        self.assertEqual(run_in_thread(lambda: loc.value), 6)
        self.assertEqual(loc.value, 12)
        self.assertEqual(calls, [(3, 2)] * 3)

    def test_init_error_is_retried(self):
        attempts = []

        class Local(threading.local):
            def __init__(self):
                attempts.append(1)
                if len(attempts) == 2:
                    raise KeyError("init")
                self.ready = True

        loc = Local()

        def touch_twice():
            with self.assertRaises(KeyError):
                loc.ready
            return loc.ready

        self.assertIs(run_in_thread(touch_twice), True)
        self.assertEqual(len(attempts), 3)

    def test_slots_are_shared(self):
        class Local(threading.local):
            __slots__ = ("shared", "__dict__")

        loc = Local()
        loc.shared = 1
        loc.private = 2
        self.assertEqual(run_in_thread(lambda: (loc.shared, hasattr(loc, "private"))),
                         (1, False))

    def test_class_attributes_and_properties(self):
        class Local(threading.local):
            default = "cls"

            @property
            def shout(self):
                return self.default.upper()

        loc = Local()
        self.assertEqual(loc.shout, "CLS")
        loc.default = "mine"
        self.assertEqual(loc.shout, "MINE")
        self.assertEqual(run_in_thread(lambda: loc.shout), "CLS")
        with self.assertRaises(AttributeError):
            loc.shout = 1


class LocalLifetimes(unittest.TestCase):

    def test_thread_dict_dies_with_thread(self):
        loc = threading.local()
        refs = []

        def store():
            p = Payload()
            loc.p = p
            refs.append(weakref.ref(p))

        for _ in range(5):
            run_in_thread(store)
        gc.collect()
        self.assertEqual([r() for r in refs], [None] * 5)

    def test_local_dies_with_cycles(self):
        class Local(threading.local):
            pass

        loc = Local()
        loc.me = loc
        p = Payload()
        loc.p = p
        r_loc, r_p = weakref.ref(loc), weakref.ref(p)
        del loc, p
        gc.collect()
        self.assertIsNone(r_loc())
        self.assertIsNone(r_p())

    def test_local_dies_before_thread(self):
        ready = threading.Event()
        finish = threading.Event()
        refs = []

        def worker():
            loc = threading.local()
            p = Payload()
            loc.p = p
            refs.append(weakref.ref(p))
            refs.append(weakref.ref(loc))
            del loc, p
            ready.set()
            finish.wait(10)

        t = threading.Thread(target=worker)
        t.start()
        ready.wait(10)
        gc.collect()
        alive = [r() is not None for r in refs]
        finish.set()
        t.join()
        self.assertEqual(alive, [False, False])

    def test_thread_not_kept_by_local(self):
        loc = threading.local()
        class Thread(threading.Thread):
            def run(self):
                loc.thread = self
        t = Thread()
        r = weakref.ref(t)
        t.start()
        t.join()
        del t
        gc.collect()
        self.assertIsNone(r())


class LocalManyThreads(unittest.TestCase):

    def test_parallel_private_counters(self):
        class Local(threading.local):
            def __init__(self):
                self.count = 0

        loc = Local()
        results = []
        lock = threading.Lock()
        barrier = threading.Barrier(8)

        def work(n):
            barrier.wait()
            for _ in range(2000):
                loc.count += n
            with lock:
                results.append((n, loc.count))

        threads = [threading.Thread(target=work, args=(n,)) for n in range(1, 9)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [(n, 2000 * n) for n in range(1, 9)])
        self.assertEqual(loc.count, 0)

    def test_many_short_threads(self):
        loc = threading.local()
        for round_ in range(3):
            threads = [threading.Thread(target=setattr, args=(loc, "v", i))
                       for i in range(20)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertFalse(hasattr(loc, "v"))


if __name__ == "__main__":
    unittest.main()
