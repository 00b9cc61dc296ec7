# TCP and Unix-socket servers and clients with streams and protocols,
# on the loopback interface only.
import asyncio
import os
import socket
import tempfile


async def echo_handler(reader, writer):
    peer = writer.get_extra_info('peername')
    assert peer[0] == '127.0.0.1'
    while True:
        line = await reader.readline()
        if not line:
            break
        if line == b'quit\n':
            writer.write(b'bye\n')
            await writer.drain()
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def test_tcp_echo():
    server = await asyncio.start_server(echo_handler, '127.0.0.1', 0)
    print('serving', server.is_serving(), len(server.sockets))
    host, port = server.sockets[0].getsockname()[:2]
    print('host', host, 'port assigned', port > 0)
    async with server:
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        print('sockname host', writer.get_extra_info('sockname')[0])
        for text in (b'hello\n', b'world\n'):
            writer.write(text)
            await writer.drain()
            print('echo', await reader.readline())
        writer.write(b'split ')
        writer.write(b'line\n')
        print('echo', await reader.readuntil(b'\n'))
        big = b'x' * 60000 + b'\n'
        writer.write(big)
        await writer.drain()
        reply = await reader.readexactly(len(big))
        print('big echo', len(reply), reply[:3], reply[-2:])
        writer.write(b'quit\n')
        print('final', await reader.readline())
        print('eof read', await reader.read(), reader.at_eof())
        writer.close()
        await writer.wait_closed()
        print('client closed', writer.is_closing())
    print('server closed', server.is_serving())


async def test_many_clients():
    server = await asyncio.start_server(echo_handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    async def client(i):
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        writer.write(f'client {i}\n'.encode())
        line = await reader.readline()
        writer.close()
        await writer.wait_closed()
        return line

    results = await asyncio.gather(*(client(i) for i in range(5)))
    print('many clients', results)
    server.close()
    await server.wait_closed()


async def test_stream_errors():
    got = asyncio.get_running_loop().create_future()

    async def handler(reader, writer):
        try:
            await reader.readexactly(10)
        except asyncio.IncompleteReadError as e:
            got.set_result(('incomplete', e.partial, e.expected))
        writer.close()

    server = await asyncio.start_server(handler, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'short')
    writer.write_eof()
    print('server saw', await got)
    writer.close()
    await writer.wait_closed()

    limited = asyncio.StreamReader(limit=8)
    limited.feed_data(b'0123456789abcdef')
    try:
        await limited.readuntil(b'\n')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError', e, e.consumed)
    limited.feed_data(b'\n')
    try:
        await limited.readline()
    except ValueError as e:
        print('readline ValueError', e)

    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except ConnectionRefusedError:
        print('ConnectionRefusedError after close')


class EchoProtocol(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data[::-1])

    def eof_received(self):
        return False


class ClientProtocol(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.chunks = []

    def connection_made(self, transport):
        transport.write(b'abcdef')
        transport.write_eof()

    def data_received(self, data):
        self.chunks.append(data)

    def connection_lost(self, exc):
        self.done.set_result(b''.join(self.chunks))


async def test_protocols():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(EchoProtocol, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(
        lambda: ClientProtocol(done), '127.0.0.1', port)
    print('protocol result', await done, transport.is_closing())
    print('buffer limits', transport.get_write_buffer_limits())
    server.close()
    await server.wait_closed()


async def test_sock_api():
    loop = asyncio.get_running_loop()
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen()
    listener.setblocking(False)
    client = socket.socket()
    client.setblocking(False)
    accept = asyncio.create_task(loop.sock_accept(listener))
    await loop.sock_connect(client, listener.getsockname())
    conn, addr = await accept
    print('accepted from loopback', addr[0])
    await loop.sock_sendall(client, b'ping' * 1000)
    received = b''
    while len(received) < 4000:
        received += await loop.sock_recv(conn, 65536)
    print('sock_recv', len(received), received[:8])
    for s in (conn, client, listener):
        s.close()


async def test_unix():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'sock')

        async def handler(reader, writer):
            writer.write(b'unix:' + await reader.readline())
            await writer.drain()
            writer.close()

        server = await asyncio.start_unix_server(handler, path)
        reader, writer = await asyncio.open_unix_connection(path)
        writer.write(b'hi\n')
        print('unix reply', await reader.read())
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()
        print('socket file removed', not os.path.exists(path))


class Datagram(asyncio.DatagramProtocol):
    def __init__(self, received):
        self.received = received

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if data.startswith(b'reply'):
            self.received.set_result(data)
        else:
            self.transport.sendto(b'reply:' + data, addr)


async def test_datagram():
    loop = asyncio.get_running_loop()
    server_received = loop.create_future()
    server_t, _ = await loop.create_datagram_endpoint(
        lambda: Datagram(server_received), local_addr=('127.0.0.1', 0))
    addr = server_t.get_extra_info('sockname')
    client_received = loop.create_future()
    client_t, _ = await loop.create_datagram_endpoint(
        lambda: Datagram(client_received), remote_addr=addr)
    client_t.sendto(b'datagram')
    print('udp', await asyncio.wait_for(client_received, 5))
    client_t.close()
    server_t.close()


async def main():
    for test in (test_tcp_echo, test_many_clients, test_stream_errors,
                 test_protocols, test_sock_api, test_unix, test_datagram):
        print(f'== {test.__name__}')
        await asyncio.wait_for(test(), 10)


asyncio.run(main())
