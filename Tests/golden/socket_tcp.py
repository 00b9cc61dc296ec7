# TCP on the loopback: an echo server in a thread, client calls,
# makefile, create_server/create_connection, sendfile, accept timeouts.
import os
import socket
import tempfile
import threading


def echo_server(srv, count):
    for _ in range(count):
        conn, addr = srv.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())


srv = socket.create_server(("127.0.0.1", 0))
print(srv.family, srv.type, srv.proto, srv.getblocking(), srv.gettimeout())
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN))
host, port = srv.getsockname()
print(host, port > 0, srv.get_inheritable())
server = threading.Thread(target=echo_server, args=(srv, 4))
server.start()

# 1: plain socket, send/recv/recv_into.
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as c:
    print(c.connect_ex(("127.0.0.1", port)))
    print(c.getpeername() == ("127.0.0.1", port), c.getsockname()[0])
    c.sendall(b"hello ")
    c.send(b"world")
    c.shutdown(socket.SHUT_WR)
    chunks = []
    buf = bytearray(4)
    while True:
        n = c.recv_into(buf)
        if not n:
            break
        chunks.append(bytes(buf[:n]))
    print(b"".join(chunks))
    print("laddr" in repr(c))
print(repr(c))

# 2: create_connection and makefile.
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    print(c.gettimeout(), c.getblocking())
    w = c.makefile("w", encoding="ascii")
    w.write("line one\nline two\n")
    w.flush()
    w.close()
    c.shutdown(socket.SHUT_WR)
    r = c.makefile("rb")
    print(r.readline(), r.read())
    r.close()

# 3: sendfile from a temporary file.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "data")
    with open(path, "wb") as f:
        f.write(b"abc" * 5000)
    with socket.create_connection(("127.0.0.1", port)) as c, open(path, "rb") as f:
        print(c.sendfile(f, 3, 6), f.tell())
        print(c.sendfile(f), f.tell())
        c.shutdown(socket.SHUT_WR)
        total = b""
        while True:
            data = c.recv(65536)
            if not data:
                break
            total += data
        print(len(total), total[:9])

# 4: a large transfer through sendall with both sides in threads.
payload = bytes(range(256)) * 2000
with socket.create_connection(("127.0.0.1", port)) as c:
    got = []

    def reader():
        while True:
            data = c.recv(100000)
            if not data:
                break
            got.append(data)

    t = threading.Thread(target=reader)
    t.start()
    c.sendall(payload)
    c.shutdown(socket.SHUT_WR)
    t.join()
    print(b"".join(got) == payload.upper())

server.join()

# accept with a timeout and in non-blocking mode.
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", type(e).__name__, e)
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print("accept:", type(e).__name__)
srv.close()

# Connecting to a closed port.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
closed_port = probe.getsockname()[1]
probe.close()
try:
    socket.create_connection(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno)
try:
    socket.create_connection(("127.0.0.1", closed_port), all_errors=True)
except ExceptionGroup as eg:
    print(type(eg).__name__, [type(e).__name__ for e in eg.exceptions])
with socket.socket() as c:
    import errno
    print(c.connect_ex(("127.0.0.1", closed_port)) == errno.ECONNREFUSED)

# create_server on a used address.
first = socket.create_server(("127.0.0.1", 0), backlog=5)
try:
    socket.create_server(first.getsockname())
except OSError as e:
    print(type(e).__name__, "while attempting to bind on address" in str(e))
first.close()
with socket.create_server(("127.0.0.1", 0), reuse_port=True) as s:
    print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0)
try:
    socket.create_server(("127.0.0.1", 0), dualstack_ipv6=True)
except ValueError as e:
    print(e)
