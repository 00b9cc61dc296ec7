"""What differs between the default and the free-threaded build: the GIL
state, ABI flags and extension suffixes.  The same tests run on both
builds; the build-specific ones skip on the other build."""

import os
import subprocess
import sys
import sysconfig
import threading
import unittest

from unitsupport import FREE_THREADED

VERSION_TAG = "%d%d" % sys.version_info[:2]


def gil_forced_on():
    """PYTHON_GIL=1 or -X gil=1 turns the GIL back on in a free-threaded
    build; the test runners clear PYTHON*, but a manual run may not."""
    return os.environ.get("PYTHON_GIL") == "1" or sys._xoptions.get("gil") == "1"


class BuildFlags(unittest.TestCase):

    def test_config_var_is_a_flag(self):
        self.assertIn(sysconfig.get_config_var("Py_GIL_DISABLED"), (0, 1))

    def test_directories_and_flags(self):
        # configure's directories, as seen from where this interpreter runs.
        libdir = sysconfig.get_config_var("LIBDIR")
        self.assertTrue(os.path.isabs(libdir), libdir)
        self.assertEqual(sysconfig.get_config_var("INCLUDEPY"),
                         os.path.join(sysconfig.get_config_var("INCLUDEDIR"),
                                      "python3.15" + sys.abiflags))
        self.assertEqual(sysconfig.get_config_var("LDLIBRARY"),
                         "libpython3.15" + sys.abiflags + ".so")
        self.assertIsInstance(sysconfig.get_config_var("CFLAGS"), str)
        self.assertIsInstance(sysconfig.get_config_var("LDFLAGS"), str)
        # Extension builds link with LDSHARED (CC -shared LDFLAGS).
        ldshared = sysconfig.get_config_var("LDSHARED")
        self.assertTrue(ldshared.startswith(sysconfig.get_config_var("CC")))
        self.assertIn("-shared", ldshared)
        self.assertIn(sysconfig.get_config_var("LDFLAGS"), ldshared)
        self.assertEqual(sysconfig.get_config_var("CCSHARED"), "-fPIC")
        self.assertEqual(sysconfig.get_config_var("LIBRARY"),
                         "libpython3.15" + sys.abiflags + ".a")

    @unittest.skipUnless(FREE_THREADED, "free-threaded build only")
    def test_free_threaded_build(self):
        self.assertEqual(sys.abiflags, "t")
        self.assertIn(VERSION_TAG + "t-", sysconfig.get_config_var("EXT_SUFFIX"))
        if not gil_forced_on():
            self.assertIs(sys._is_gil_enabled(), False)

    @unittest.skipIf(FREE_THREADED, "default (GIL) build only")
    def test_default_build(self):
        self.assertEqual(sys.abiflags, "")
        self.assertIn(VERSION_TAG + "-", sysconfig.get_config_var("EXT_SUFFIX"))
        self.assertIs(sys._is_gil_enabled(), True)

    @unittest.skipUnless(FREE_THREADED, "free-threaded build only")
    def test_gil_can_be_forced_on(self):
        # A child interpreter, so this process keeps running without the GIL.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHON_GIL"] = "1"
        out = subprocess.run([sys.executable, "-c", "import sys; print(sys._is_gil_enabled())"],
                             env=env, capture_output=True, text=True, timeout=30)
        self.assertEqual(out.stdout, "True\n")
        self.assertEqual(out.returncode, 0)


class SharedObjectsAcrossThreads(unittest.TestCase):
    """Built-in containers stay consistent when threads mutate them at the
    same time (in parallel on the free-threaded build)."""

    THREADS = 4
    ROUNDS = 500

    def run_threads(self, work):
        barrier = threading.Barrier(self.THREADS)

        def start(index):
            barrier.wait()
            work(index)
        threads = [threading.Thread(target=start, args=(i,)) for i in range(self.THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    def test_list_append(self):
        shared = []
        self.run_threads(lambda i: [shared.append((i, n)) for n in range(self.ROUNDS)])
        self.assertEqual(len(shared), self.THREADS * self.ROUNDS)
        self.assertEqual(sorted(shared),
                         [(i, n) for i in range(self.THREADS) for n in range(self.ROUNDS)])

    def test_dict_set_and_pop(self):
        shared = {}

        def work(i):
            for n in range(self.ROUNDS):
                shared[(i, n)] = n
            for n in range(0, self.ROUNDS, 2):
                del shared[(i, n)]
        self.run_threads(work)
        self.assertEqual(len(shared), self.THREADS * self.ROUNDS // 2)
        self.assertTrue(all(n % 2 == 1 for (_, n) in shared))

    def test_counter_under_lock(self):
        lock = threading.Lock()
        box = [0]

        def work(i):
            for _ in range(self.ROUNDS):
                with lock:
                    box[0] += 1
        self.run_threads(work)
        self.assertEqual(box[0], self.THREADS * self.ROUNDS)


class AbiInfo(unittest.TestCase):

    def test_fields(self):
        info = sys.abi_info
        self.assertEqual(info.pointer_bits, 64 if sys.maxsize > 2**32 else 32)
        self.assertIs(info.free_threaded, FREE_THREADED)
        self.assertIs(info.debug, False)
        self.assertEqual(info.byteorder, sys.byteorder)
        self.assertEqual(sorted(vars(info)),
                         ["byteorder", "debug", "free_threaded", "pointer_bits"])


if __name__ == "__main__":
    unittest.main()
