"""ctypes under threads: concurrent foreign calls and callbacks, and the
type caches (POINTER, arrays, CFUNCTYPE) giving every thread one type."""

import threading
import unittest

try:
    import ctypes
    from ctypes import (CDLL, CFUNCTYPE, POINTER, Structure, c_int, c_size_t,
                        c_void_p, sizeof)
except ImportError as exc:          # _ctypes not built (no libffi)
    raise unittest.SkipTest("ctypes is not available: %s" % exc)

libc = CDLL("libc.so.6")
N_THREADS = 8


def run_threads(target):
    barrier = threading.Barrier(N_THREADS)
    errors = []

    def body(n):
        try:
            barrier.wait()
            target(n)
        except BaseException as exc:      # reported by the test below
            errors.append(exc)
    threads = [threading.Thread(target=body, args=(n,)) for n in range(N_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


class Threads(unittest.TestCase):

    def test_parallel_qsort_with_callbacks(self):
        CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
        qsort = CDLL("libc.so.6").qsort
        qsort.argtypes = [c_void_p, c_size_t, c_size_t, CMP]
        qsort.restype = None
        results = {}

        def work(n):
            values = (c_int * 50)(*[(i * 37 + n) % 50 for i in range(50)])
            cmp = CMP(lambda a, b: a[0] - b[0])
            for _ in range(5):
                qsort(values, 50, sizeof(c_int), cmp)
            results[n] = list(values)
        self.assertEqual(run_threads(work), [])
        for n in range(N_THREADS):
            self.assertEqual(results[n], sorted((i * 37 + n) % 50 for i in range(50)))

    def test_type_caches_agree(self):
        class Fresh(Structure):
            _fields_ = [("a", c_int)]
        seen = [[] for _ in range(3)]

        def work(n):
            for _ in range(50):
                seen[0].append(POINTER(Fresh))
                seen[1].append(Fresh * 7)
                seen[2].append(CFUNCTYPE(Fresh, c_int))
        self.assertEqual(run_threads(work), [])
        for group in seen:
            self.assertEqual(len({id(t) for t in group}), 1)

    def test_errno_is_per_thread(self):
        values = {}

        def work(n):
            ctypes.set_errno(n + 100)
            for _ in range(100):
                pass
            values[n] = ctypes.get_errno()
        self.assertEqual(run_threads(work), [])
        self.assertEqual(values, {n: n + 100 for n in range(N_THREADS)})


if __name__ == "__main__":
    unittest.main()
