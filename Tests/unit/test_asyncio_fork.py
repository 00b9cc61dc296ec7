"""asyncio after os.fork(): the child sees neither its parent's running
loop nor its current loop, and has no signal wakeup fd; BaseEventLoop's
transport factories are abstract."""

import asyncio
import os
import signal
import unittest
from unittest import mock


def in_child(func):
    """Run func() in a forked child; return the bytes it reports."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.write(w, func())
        except BaseException as exc:
            os.write(w, b'ERROR ' + ascii(exc).encode())
        finally:
            os._exit(0)
    os.close(w)
    try:
        return os.read(r, 200)
    finally:
        os.close(r)
        os.waitpid(pid, 0)


@unittest.skipUnless(hasattr(os, 'fork'), 'needs os.fork')
class ForkTests(unittest.TestCase):

    def test_child_has_no_running_or_current_loop(self):
        loop = asyncio.new_event_loop()
        self.addCleanup(loop.close)
        asyncio.set_event_loop(loop)
        self.addCleanup(asyncio.set_event_loop, None)

        def child():
            running = asyncio._get_running_loop()
            try:
                asyncio.get_event_loop()
            except RuntimeError:
                current = b'none'
            else:
                current = b'inherited'
            wakeup = signal.set_wakeup_fd(-1)
            return b'%s %s %d' % (b'none' if running is None else b'set',
                                  current, wakeup)

        async def main():
            signal.set_wakeup_fd(loop._csock.fileno())
            try:
                return in_child(child)
            finally:
                signal.set_wakeup_fd(-1)

        self.assertEqual(loop.run_until_complete(main()), b'none none -1')


class AbstractLoopTests(unittest.TestCase):

    def test_transport_factories_raise(self):
        loop = asyncio.base_events.BaseEventLoop()
        self.addCleanup(loop.close)
        m = mock.Mock()
        for make, args in ((loop._make_socket_transport, (m, m)),
                           (loop._make_ssl_transport, (m, m, m, m)),
                           (loop._make_datagram_transport, (m, m)),
                           (loop._make_read_pipe_transport, (m, m)),
                           (loop._make_write_pipe_transport, (m, m))):
            with self.subTest(make.__name__):
                self.assertRaises(NotImplementedError, make, *args)

    def test_default_executor_type_message(self):
        loop = asyncio.new_event_loop()
        self.addCleanup(loop.close)
        with self.assertRaisesRegex(
                TypeError, 'executor must be ThreadPoolExecutor instance'):
            loop.set_default_executor(object())


if __name__ == '__main__':
    unittest.main()
