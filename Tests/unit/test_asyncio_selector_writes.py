"""asyncio's selector loop: the stream transport's chunk buffer (writelines
sends the queued chunks with one sendmsg()), the socket-pair self-pipe,
and the reprs that hide callback arguments outside debug mode."""

import asyncio
import socket
import unittest
from asyncio import coroutines
from asyncio import selector_events
from unittest import mock


class Collector(asyncio.Protocol):
    def __init__(self, loop):
        self.data = bytearray()
        self.done = loop.create_future()

    def data_received(self, data):
        self.data.extend(data)

    def eof_received(self):
        self.done.set_result(bytes(self.data))


class StreamWriteTests(unittest.TestCase):

    def setUp(self):
        self.loop = asyncio.new_event_loop()
        self.addCleanup(self.loop.close)

    def pair(self):
        """A client transport and the collector on the other end."""
        a, b = socket.socketpair()
        for s in (a, b):
            s.setblocking(False)
        reader = Collector(self.loop)
        rtr, _ = self.loop.run_until_complete(
            self.loop.connect_accepted_socket(lambda: reader, b))
        wtr, _ = self.loop.run_until_complete(
            self.loop.connect_accepted_socket(asyncio.Protocol, a))
        self.addCleanup(rtr.close)
        self.addCleanup(wtr.close)
        return wtr, reader

    def test_writelines_many_chunks_through_a_full_socket(self):
        wtr, reader = self.pair()
        chunks = [bytes([i % 251]) * (1000 + i) for i in range(300)]
        wtr.writelines(chunks)
        wtr.writelines([b'', bytearray(b'tail'), memoryview(b'!')])
        wtr.write_eof()
        got = self.loop.run_until_complete(
            asyncio.wait_for(reader.done, 30))
        self.assertEqual(got, b''.join(chunks) + b'tail!')
        self.assertEqual(wtr.get_write_buffer_size(), 0)

    def test_buffered_bytearray_is_copied(self):
        wtr, reader = self.pair()
        sock = wtr.get_extra_info('socket')
        # Fill the socket so that the next writes are buffered.
        big = b'x' * (4 * 1024 * 1024)
        wtr.write(big)
        self.assertGreater(wtr.get_write_buffer_size(), 0)
        data = bytearray(b'abc')
        wtr.write(data)
        wtr.writelines([data])
        data[:] = b'XYZ'
        # Small writes share one bytearray chunk at the tail.
        self.assertIs(type(wtr._buffer[-1]), bytearray)
        self.assertEqual(bytes(wtr._buffer[-1])[-6:], b'abcabc')
        self.assertEqual(wtr.get_write_buffer_size(),
                         sum(len(c) for c in wtr._buffer))
        wtr.write_eof()
        got = self.loop.run_until_complete(
            asyncio.wait_for(reader.done, 30))
        self.assertEqual(got, big + b'abcabc')
        self.assertIsNotNone(sock)

    def test_partial_send_of_a_wide_format_view(self):
        import array
        wtr, reader = self.pair()
        data = array.array('i', range(4))
        real = wtr._sock
        sock = mock.Mock(wraps=real)
        sock.send.return_value = 2      # two bytes, half an item
        sock.fileno.return_value = wtr._sock_fd
        wtr._sock = sock
        try:
            wtr.write(memoryview(data))
        finally:
            wtr._sock = real
        self.assertEqual(b''.join(bytes(c) for c in wtr._buffer),
                         data.tobytes()[2:])
        wtr._buffer.clear()
        self.loop._remove_writer(wtr._sock_fd)

    def test_writelines_checks(self):
        wtr, reader = self.pair()
        with self.assertRaises(TypeError):
            wtr.writelines([b'ok', 'text'])
        wtr.write_eof()
        with self.assertRaisesRegex(RuntimeError, 'write_eof'):
            wtr.writelines([b'x'])

    def test_partial_sendmsg_keeps_the_rest_in_order(self):
        wtr, reader = self.pair()
        sent = []

        def sendmsg(buffers):
            views = list(buffers)
            sent.append(bytes(views[0][:2]))
            return 2
        sock = mock.Mock(wraps=wtr._sock)
        sock.sendmsg = sendmsg
        sock.fileno.return_value = wtr._sock_fd
        real = wtr._sock
        wtr._sock = sock
        wtr._buffer.extend([memoryview(b'abc'), memoryview(b'de')])
        wtr._write_sendmsg()
        self.assertEqual([bytes(c) for c in wtr._buffer], [b'c', b'de'])
        wtr._write_sendmsg()
        self.assertEqual([bytes(c) for c in wtr._buffer], [b'e'])
        wtr._buffer.clear()
        wtr._sock = real


class SelfPipeTests(unittest.TestCase):

    def test_socket_pair_opened_and_closed(self):
        loop = asyncio.new_event_loop()
        self.assertEqual(loop._internal_fds, 1)
        self.assertIsInstance(loop._ssock, socket.socket)
        loop._write_to_self()
        self.assertEqual(loop._ssock.recv(1), b'\0')
        loop.close()
        self.assertIsNone(loop._ssock)
        self.assertIsNone(loop._csock)
        self.assertEqual(loop._internal_fds, 0)
        # After close, waking the loop is a no-op.
        loop._write_to_self()

    def test_call_soon_threadsafe_wakes_the_loop(self):
        import threading
        loop = asyncio.new_event_loop()
        self.addCleanup(loop.close)
        fut = loop.create_future()
        t = threading.Timer(0.05, loop.call_soon_threadsafe,
                            (fut.set_result, 42))
        t.start()
        self.assertEqual(loop.run_until_complete(fut), 42)
        t.join()


def noop(*args):
    pass


class ReprTests(unittest.TestCase):

    def test_handle_args_only_in_debug(self):
        loop = asyncio.new_event_loop()
        self.addCleanup(loop.close)
        h = asyncio.Handle(noop, ('secret', 2), loop)
        self.assertIn('noop() at ', repr(h))
        self.assertNotIn('secret', repr(h))
        loop.set_debug(True)
        h = asyncio.Handle(noop, ('secret', 2), loop)
        self.assertIn("noop('secret', 2) at ", repr(h))

    def test_format_coroutine_of_coroutine_likes(self):
        class CoroLike:
            def send(self, v): pass
            def throw(self, *exc): pass
            def close(self): pass
            def __await__(self): pass
        coro = CoroLike()
        coro.__name__ = 'AAA'
        self.assertEqual(coroutines._format_coroutine(coro), 'AAA()')
        coro.__qualname__ = 'BBB'
        coro.cr_running = True
        self.assertEqual(coroutines._format_coroutine(coro), 'BBB() running')
        coro.__name__ = coro.__qualname__ = None
        self.assertEqual(coroutines._format_coroutine(coro),
                         '<CoroLike without __name__>() running')

    def test_format_coroutine_of_real_coroutines(self):
        async def job():
            pass
        coro = job()
        text = coroutines._format_coroutine(coro)
        self.assertRegex(text, r'job\(\) running at .*:\d+$')
        coro.close()
        self.assertRegex(coroutines._format_coroutine(coro),
                         r'job\(\) done, defined at .*:\d+$')


if __name__ == '__main__':
    unittest.main()
