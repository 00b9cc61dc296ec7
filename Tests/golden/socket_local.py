# UDP, AF_UNIX (paths and the abstract namespace), socketpair,
# passing file descriptors, timeouts and non-blocking errors.
import os
import socket
import tempfile
import time

# UDP on the loopback.
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as a, \
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as b:
    a.bind(("127.0.0.1", 0))
    b.bind(("127.0.0.1", 0))
    print(a.type, a.family)
    print(b.sendto(b"ping", a.getsockname()), b.sendto(b"pong", 0, a.getsockname()))
    data, addr = a.recvfrom(100)
    print(data, addr == b.getsockname())
    buf = bytearray(10)
    n, addr = a.recvfrom_into(buf)
    print(n, bytes(buf[:n]), addr == b.getsockname())
    b.connect(a.getsockname())
    b.send(b"connected")
    print(a.recv(3, socket.MSG_PEEK), a.recv(100))
    a.settimeout(0.05)
    t0 = time.monotonic()
    try:
        a.recvfrom(10)
    except socket.timeout as e:
        print("recvfrom:", type(e).__name__, e, time.monotonic() - t0 >= 0.05)
    a.setblocking(False)
    try:
        a.recv(10)
    except BlockingIOError as e:
        print("recv:", type(e).__name__, e.errno)
    print(a.gettimeout(), a.getblocking(), a.timeout)

# AF_UNIX stream in a temporary directory.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen()
    print(srv.getsockname() == path, os.path.exists(path))
    cli = socket.socket(socket.AF_UNIX)
    cli.connect(path)
    conn, addr = srv.accept()
    print(repr(addr), conn.getsockname() == path, cli.getpeername() == path)
    cli.sendall(b"over unix")
    print(conn.recv(100))
    for s in (srv, cli, conn):
        s.close()
    # Datagram with bytes paths.
    bpath = os.path.join(tmp, "dgram").encode()
    d = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    d.bind(bpath)
    e = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    e.sendto(b"dgram", bpath)
    data, addr = d.recvfrom(100)
    print(data, addr)
    d.close()
    e.close()

# The abstract namespace: a leading NUL, reported as bytes.
name = b"\0weft-socket-test-%d" % os.getpid()
with socket.socket(socket.AF_UNIX) as srv:
    srv.bind(name)
    srv.listen()
    print(srv.getsockname() == name, type(srv.getsockname()).__name__)
    with socket.socket(socket.AF_UNIX) as cli:
        cli.connect(name)
        conn, addr = srv.accept()
        cli.send(b"abstract")
        print(conn.recv(100))
        conn.close()

# socketpair, dup, detach, fromfd.
a, b = socket.socketpair()
print(a.family, a.type, type(a).__name__, a.get_inheritable())
a.send(b"x")
print(b.recv(1))
c = a.dup()
print(c.fileno() != a.fileno(), c.get_inheritable())
c.send(b"dup")
print(b.recv(10))
c.close()
f = socket.fromfd(b.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
a.send(b"fromfd")
print(f.recv(10))
f.close()
fd = a.detach()
print(a.fileno(), "[closed]" in repr(a))
a2 = socket.socket(fileno=fd)
print(a2.family, a2.type)
a2.send(b"again")
print(b.recv(10))

# Passing file descriptors (SCM_RIGHTS).
r, w = os.pipe()
print(socket.send_fds(a2, [b"fds"], [r, w]))
msg, fds, flags, addr = socket.recv_fds(b, 100, 4)
print(msg, len(fds), flags, addr)
os.write(fds[1], b"through")
print(os.read(r, 10), os.get_inheritable(fds[0]))
for fd in fds + [r, w]:
    os.close(fd)
a2.sendmsg([b"a", b"b", memoryview(b"c")])
print(b.recvmsg(10))
a2.close()
b.close()

# Timeouts on a socketpair: recv times out, default timeout applies.
a, b = socket.socketpair()
b.settimeout(0.05)
t0 = time.monotonic()
try:
    b.recv(1)
except TimeoutError as e:
    print("recv:", e, time.monotonic() - t0 >= 0.05)
a.setblocking(False)
try:
    while True:
        a.send(b"x" * 65536)
except BlockingIOError as e:
    print("send:", type(e).__name__)
a.settimeout(0.05)
try:
    a.sendall(b"y" * 1000000)
except TimeoutError as e:
    print("sendall:", e)
a.close()
b.close()
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
with socket.socket() as s:
    print(s.gettimeout(), s.getblocking())
socket.setdefaulttimeout(None)
with socket.socket(type=socket.SOCK_STREAM | socket.SOCK_NONBLOCK) as s:
    print(s.gettimeout(), s.type)

# Errors on closed sockets and pickling.
s = socket.socket()
s.close()
try:
    s.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    s.__getstate__()
except TypeError as e:
    print(e)
