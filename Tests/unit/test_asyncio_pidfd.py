"""asyncio's child watching: a pidfd polled by the loop where the system
has them (unix_events.can_use_pidfd), else a waitpid() thread."""

import asyncio
import sys
import threading
import unittest
from asyncio import unix_events


def waitpid_threads():
    return [t for t in threading.enumerate()
            if t.name.startswith('asyncio-waitpid-')]


async def run_child(code):
    """(returncode, output, waitpid threads seen while the child ran)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, '-c', code, stdout=asyncio.subprocess.PIPE)
    threads = len(waitpid_threads())
    out, _ = await proc.communicate()
    return proc.returncode, out, threads


class PidfdTests(unittest.TestCase):

    def tearDown(self):
        unix_events._pidfd_usable = None

    def test_probe_is_a_bool(self):
        self.assertIsInstance(unix_events.can_use_pidfd(), bool)

    @unittest.skipUnless(unix_events.can_use_pidfd(), 'needs pidfds')
    def test_pidfd_watch_uses_no_thread(self):
        rc, out, threads = asyncio.run(run_child(
            'import sys, time; time.sleep(0.2); print("hi"); sys.exit(3)'))
        self.assertEqual((rc, out.strip(), threads), (3, b'hi', 0))

    def test_thread_fallback(self):
        unix_events._pidfd_usable = False
        rc, out, threads = asyncio.run(run_child(
            'import time; time.sleep(0.2); print("ok")'))
        self.assertEqual((rc, out.strip()), (0, b'ok'))
        self.assertEqual(threads, 1)


if __name__ == '__main__':
    unittest.main()
