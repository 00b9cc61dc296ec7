"""Signal dispositions the interpreter sets at startup, as CPython:
SIGXFSZ is ignored so that exceeding RLIMIT_FSIZE is an OSError."""

import errno
import resource
import signal
import subprocess
import sys
import tempfile
import unittest


class Sigxfsz(unittest.TestCase):

    def test_ignored(self):
        self.assertEqual(signal.getsignal(signal.SIGXFSZ), signal.SIG_IGN)

    def test_file_size_limit_raises_efbig(self):
        code = ("import resource, sys\n"
                "soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)\n"
                "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))\n"
                "with open(sys.argv[1], 'wb', buffering=0) as f:\n"
                "    try:\n"
                "        f.write(b'x' * 4096)\n"
                "        f.write(b'x' * 4096)\n"
                "    except OSError as e:\n"
                "        print(e.errno)\n")
        with tempfile.NamedTemporaryFile() as tmp:
            proc = subprocess.run([sys.executable, "-c", code, tmp.name],
                                  capture_output=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.strip(), str(errno.EFBIG).encode())

    def ignored_in_child(self, restore_signals):
        out = subprocess.run(["cat", "/proc/self/status"], capture_output=True,
                             restore_signals=restore_signals,
                             timeout=60).stdout.decode()
        line = next(l for l in out.splitlines() if l.startswith("SigIgn:"))
        return bool(int(line.split()[1], 16) & (1 << (signal.SIGXFSZ - 1)))

    def test_children_get_the_default_back(self):
        self.assertFalse(self.ignored_in_child(True))
        self.assertTrue(self.ignored_in_child(False))


if __name__ == "__main__":
    unittest.main()
