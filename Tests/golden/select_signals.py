# Waits in select/poll/epoll are retried after a signal handler that
# returns (PEP 475) and interrupted by one that raises.
import os
import select
import signal
import time

hits = []
signal.signal(signal.SIGALRM, lambda *args: hits.append(1))
r, w = os.pipe()
p = select.poll()
p.register(r, select.POLLIN)
ep = select.epoll()
ep.register(r, select.EPOLLIN)

waits = [
    ("select", lambda t: select.select([r], [], [], t)),
    ("poll", lambda t: p.poll(None if t is None else t * 1000)),
    ("epoll", lambda t: ep.poll(t)),
]
for name, wait in waits:
    hits.clear()
    signal.setitimer(signal.ITIMER_REAL, 0.01)
    t0 = time.monotonic()
    result = wait(0.08)
    print(name, "retried", len(hits), time.monotonic() - t0 >= 0.08, result in ([], ([], [], [])))


def interrupt(*args):
    raise KeyboardInterrupt


signal.signal(signal.SIGALRM, interrupt)
for name, wait in waits:
    signal.setitimer(signal.ITIMER_REAL, 0.01)
    try:
        wait(None)
    except KeyboardInterrupt:
        print(name, "interrupted")
signal.signal(signal.SIGALRM, signal.SIG_DFL)
