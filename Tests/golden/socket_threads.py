# One socket used by two threads at once (one sending, one receiving),
# and blocking socket calls interrupted by signals (PEP 475).
import signal
import socket
import threading
import time

a, b = socket.socketpair()
N = 200
CHUNK = b"0123456789" * 100


def echo():
    # Echo everything back on b until a shuts down its writing side.
    while True:
        data = b.recv(65536)
        if not data:
            break
        b.sendall(data)
    b.shutdown(socket.SHUT_WR)


def sender():
    for _ in range(N):
        a.sendall(CHUNK)
    a.shutdown(socket.SHUT_WR)


received = []


def receiver():
    while True:
        data = a.recv(65536)
        if not data:
            break
        received.append(data)


threads = [threading.Thread(target=f) for f in (echo, sender, receiver)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sum(map(len, received)) == N * len(CHUNK), b"".join(received) == CHUNK * N)
a.close()
b.close()

# A handler that returns: the wait goes on with the remaining time.
hits = []
signal.signal(signal.SIGALRM, lambda *args: hits.append(1))
a, b = socket.socketpair()
a.settimeout(0.08)
signal.setitimer(signal.ITIMER_REAL, 0.01)
t0 = time.monotonic()
try:
    a.recv(1)
except TimeoutError as e:
    print("retried:", e, len(hits), time.monotonic() - t0 >= 0.08)


# A handler that raises interrupts a blocking call.
def interrupt(*args):
    raise KeyboardInterrupt


signal.signal(signal.SIGALRM, interrupt)
a.settimeout(None)
signal.setitimer(signal.ITIMER_REAL, 0.01)
try:
    a.recv(1)
except KeyboardInterrupt:
    print("recv interrupted")
srv = socket.create_server(("127.0.0.1", 0))
signal.setitimer(signal.ITIMER_REAL, 0.01)
try:
    srv.accept()
except KeyboardInterrupt:
    print("accept interrupted")
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# A blocked recv does not stop other threads; data from one wakes it.
def later():
    time.sleep(0.02)
    b.send(b"wake")


t = threading.Thread(target=later)
t.start()
print(a.recv(10))
t.join()
for s in (a, b, srv):
    s.close()
