"""asyncio.proactor_events: the proactor transports and loop methods that
run on any platform, driven by a scripted proactor whose operations are
futures the test completes by hand."""

import asyncio
import collections
import socket
import unittest
from asyncio import proactor_events


class ScriptedProactor:
    """Records each operation and returns a pending future for it; the
    test completes the futures.  Nothing touches the OS."""

    def __init__(self, loop):
        self.loop = loop
        self.ops = collections.deque()
        self.closed = False

    def _op(self, name, *args):
        fut = self.loop.create_future()
        self.ops.append((name, args, fut))
        return fut

    def recv_into(self, sock, buf):
        return self._op('recv_into', buf)

    def recv(self, sock, n):
        return self._op('recv', n)

    def recvfrom(self, sock, n):
        return self._op('recvfrom', n)

    def send(self, sock, data):
        return self._op('send', data)

    def sendto(self, sock, data, addr=None):
        return self._op('sendto', data, addr)

    def accept(self, sock):
        return self._op('accept')

    def select(self, timeout=None):
        # The loop's completions are the futures the test completes.
        return []

    def next(self, name):
        """The oldest pending operation called name."""
        for op in self.ops:
            if op[0] == name and not op[2].done():
                return op
        raise AssertionError(f'no pending {name}: {list(self.ops)}')

    def count(self, name):
        return sum(1 for op in self.ops if op[0] == name)


class Recorder(asyncio.Protocol):
    def __init__(self):
        self.events = []
        self.keep_open = False

    def connection_made(self, transport):
        self.events.append('made')

    def data_received(self, data):
        self.events.append(('data', type(data), bytes(data)))

    def eof_received(self):
        self.events.append('eof')
        return self.keep_open

    def connection_lost(self, exc):
        self.events.append(('lost', exc))

    def pause_writing(self):
        self.events.append('pause')

    def resume_writing(self):
        self.events.append('resume')


class DatagramRecorder(asyncio.DatagramProtocol):
    def __init__(self):
        self.events = []

    def datagram_received(self, data, addr):
        self.events.append(('dgram', data, addr))

    def error_received(self, exc):
        self.events.append(('error', type(exc)))

    def connection_lost(self, exc):
        self.events.append(('lost', exc))


class ProactorTestCase(unittest.TestCase):

    def setUp(self):
        self.loop = asyncio.new_event_loop()
        self.addCleanup(self.loop.close)
        self.proactor = ScriptedProactor(self.loop)
        self.loop._proactor = self.proactor
        self.a, self.b = socket.socketpair()
        self.addCleanup(self.a.close)
        self.addCleanup(self.b.close)

    def spin(self, n=3):
        for _ in range(n):
            self.loop.call_soon(self.loop.stop)
            self.loop.run_forever()

    def complete_read(self, data):
        name, (buf,), fut = self.proactor.next('recv_into')
        buf[:len(data)] = data
        fut.set_result(len(data))
        self.spin()


class SocketTransportTests(ProactorTestCase):

    def make(self):
        self.proto = Recorder()
        tr = proactor_events._ProactorSocketTransport(
            self.loop, self.a, self.proto)
        self.spin()
        return tr

    def test_reads_deliver_bytes_copies_then_eof_closes(self):
        tr = self.make()
        self.complete_read(b'hello')
        self.complete_read(b'world')
        self.complete_read(b'')
        self.assertEqual(self.proto.events, [
            'made', ('data', bytes, b'hello'), ('data', bytes, b'world'),
            'eof', ('lost', None)])
        self.assertTrue(tr.is_closing())
        self.assertIsNone(tr._sock)

    def test_paused_read_is_kept_until_resume(self):
        tr = self.make()
        tr.pause_reading()
        self.assertFalse(tr.is_reading())
        self.complete_read(b'kept')
        # No new read starts and nothing is delivered while paused.
        self.assertEqual(self.proactor.count('recv_into'), 1)
        self.assertEqual(self.proto.events, ['made'])
        tr.resume_reading()
        self.spin()
        self.assertEqual(self.proto.events[-1], ('data', bytes, b'kept'))
        self.assertEqual(self.proactor.count('recv_into'), 2)
        tr.abort()
        self.spin()

    def test_writes_back_up_then_flush_with_flow_control(self):
        tr = self.make()
        tr.set_write_buffer_limits(high=4)
        tr.write(b'abc')
        self.assertEqual(tr.get_write_buffer_size(), 3)
        tr.write(bytearray(b'de'))
        tr.write(memoryview(b'f'))
        self.assertEqual(tr.get_write_buffer_size(), 6)
        self.assertIn('pause', self.proto.events)
        name, (data,), fut = self.proactor.next('send')
        self.assertEqual(data, b'abc')
        fut.set_result(3)
        self.spin()
        name, (data,), fut = self.proactor.next('send')
        self.assertEqual(data, b'def')
        fut.set_result(3)
        self.spin()
        self.assertEqual(tr.get_write_buffer_size(), 0)
        self.assertIn('resume', self.proto.events)
        tr.close()
        self.spin()
        self.assertEqual(self.proto.events[-1], ('lost', None))

    def test_write_checks(self):
        tr = self.make()
        with self.assertRaises(TypeError):
            tr.write('text')
        tr.write(b'')
        self.assertEqual(self.proactor.count('send'), 0)
        tr.write_eof()
        with self.assertRaisesRegex(RuntimeError, 'write_eof'):
            tr.write(b'x')
        # Nothing was pending: the sending side is already shut down.
        self.assertEqual(self.b.recv(10), b'')
        tr.close()
        self.spin()

    def test_write_eof_waits_for_pending_send(self):
        tr = self.make()
        tr.write(b'data')
        tr.write_eof()
        self.b.setblocking(False)
        with self.assertRaises(BlockingIOError):
            self.b.recv(10)
        self.proactor.next('send')[2].set_result(4)
        self.spin()
        self.b.setblocking(True)
        self.assertEqual(self.b.recv(10), b'')
        tr.close()
        self.spin()

    def test_close_waits_for_send_and_loses_once(self):
        tr = self.make()
        tr.write(b'data')
        tr.close()
        tr.close()
        self.spin()
        self.assertNotIn(('lost', None), self.proto.events)
        self.proactor.next('send')[2].set_result(4)
        self.spin()
        self.assertEqual(self.proto.events.count(('lost', None)), 1)

    def test_reset_while_reading_is_connection_lost(self):
        tr = self.make()
        self.proactor.next('recv_into')[2].set_exception(
            ConnectionResetError())
        self.spin()
        kind, exc = self.proto.events[-1]
        self.assertEqual(kind, 'lost')
        self.assertIsInstance(exc, ConnectionResetError)
        self.assertTrue(tr.is_closing())

    def test_extra_info(self):
        tr = self.make()
        self.assertEqual(tr.get_extra_info('sockname'), self.a.getsockname())
        self.assertIsInstance(tr.get_extra_info('socket'),
                              asyncio.trsock.TransportSocket)
        self.assertTrue(tr.can_write_eof())
        tr.abort()
        self.spin()


class PipeTransportTests(ProactorTestCase):

    def test_duplex_pipe_has_no_half_close(self):
        proto = Recorder()
        tr = proactor_events._ProactorDuplexPipeTransport(
            self.loop, self.a, proto)
        self.assertFalse(tr.can_write_eof())
        with self.assertRaises(NotImplementedError):
            tr.write_eof()
        tr.abort()
        self.spin()

    def test_write_pipe_closes_when_reader_goes(self):
        proto = Recorder()
        tr = proactor_events._ProactorWritePipeTransport(
            self.loop, self.a, proto)
        self.spin()
        name, (n,), fut = self.proactor.next('recv')
        self.assertEqual(n, 16)
        fut.set_result(b'')
        self.spin()
        self.assertTrue(tr.is_closing())
        self.assertEqual(proto.events, ['made', ('lost', None)])


class DatagramTransportTests(ProactorTestCase):

    def make(self, address=None):
        self.proto = DatagramRecorder()
        tr = proactor_events._ProactorDatagramTransport(
            self.loop, self.a, self.proto, address=address)
        self.spin()
        return tr

    def test_sendto_queues_while_a_send_is_in_flight(self):
        tr = self.make()
        tr.sendto(b'one', ('h', 1))
        tr.sendto(bytearray(b'two'), ('h', 2))
        self.assertEqual(tr.get_write_buffer_size(), 11)
        name, (data, addr), fut = self.proactor.next('sendto')
        self.assertEqual((data, addr), (b'one', ('h', 1)))
        fut.set_result(3)
        self.spin()
        name, (data, addr), fut = self.proactor.next('sendto')
        self.assertEqual((data, addr), (b'two', ('h', 2)))
        self.assertIs(type(data), bytes)
        fut.set_result(3)
        self.spin()
        self.assertEqual(tr.get_write_buffer_size(), 0)
        tr.close()
        self.spin()
        self.assertEqual(self.proto.events[-1], ('lost', None))

    def test_connected_checks_address_and_uses_send(self):
        tr = self.make(address=('h', 1))
        with self.assertRaises(ValueError):
            tr.sendto(b'x', ('h', 2))
        with self.assertRaises(TypeError):
            tr.sendto('x')
        tr.sendto(b'x')
        self.assertEqual(self.proactor.next('send')[1], (b'x',))
        name, (n,), fut = self.proactor.next('recv')
        fut.set_result(b'reply')
        self.spin()
        self.assertEqual(self.proto.events, [('dgram', b'reply', ('h', 1))])
        tr.abort()
        self.spin()

    def test_receive_error_goes_to_error_received(self):
        tr = self.make()
        self.proactor.next('recvfrom')[2].set_exception(
            ConnectionRefusedError())
        self.spin()
        self.assertEqual(self.proto.events,
                         [('error', ConnectionRefusedError)])
        tr.abort()
        self.spin()


class LoopTests(unittest.TestCase):

    class LoopProactor(ScriptedProactor):
        def __init__(self):
            self.ops = collections.deque()
            self.closed = False

        def set_loop(self, loop):
            self.loop = loop

        def close(self):
            self.closed = True

        def _stop_serving(self, sock):
            self.ops.append(('stop_serving', (sock,), None))

    def test_self_pipe_accept_and_close(self):
        proactor = self.LoopProactor()
        loop = proactor_events.BaseProactorEventLoop(proactor)
        self.assertIs(proactor.loop, loop)
        self.assertEqual(loop._internal_fds, 1)
        loop._write_to_self()
        self.assertEqual(loop._ssock.recv(1), b'\0')
        loop._loop_self_reading()
        self.assertEqual(proactor.next('recv')[1], (4096,))
        lsock = socket.socket()
        loop._start_serving(asyncio.Protocol, lsock)
        loop.call_soon(loop.stop)
        loop.run_forever()
        proactor.next('accept')
        loop._stop_serving(lsock)
        self.assertEqual(lsock.fileno(), -1)
        loop.close()
        self.assertTrue(proactor.closed)
        self.assertIsNone(loop._proactor)
        self.assertEqual(loop._internal_fds, 0)


if __name__ == '__main__':
    unittest.main()
