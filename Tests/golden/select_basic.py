# select.select and select.poll on pipes: readiness, argument errors, timeouts.
import os
import select
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


r, w = os.pipe()


class HasFileno:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return f"HasFileno({self.fd == r and 'r' or 'w'})"


# Nothing to read yet, the write end is writable.
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"abc")
print(select.select([r], [w], [r, w], 0.01) == ([r], [w], []))
# Objects with fileno() come back as the same objects, in order.
objs = [HasFileno(r), HasFileno(w)]
print(select.select(objs, objs, [], 0))
print(select.select((), (), (), 0))
os.read(r, 3)

# Timeout waits at least as long as asked.
t0 = time.monotonic()
print(select.select([r], [], [], 0.05), time.monotonic() - t0 >= 0.05)

# Argument errors.
show(lambda: select.select([r], [], [], "a"))
show(lambda: select.select([r], [], [], -1))
show(lambda: select.select(1, [], [], 0))
show(lambda: select.select(["x"], [], [], 0))
show(lambda: select.select([-1], [], [], 0))
show(lambda: select.select([99999], [], [], 0))
show(lambda: select.select([1.5], [], [], 0))
show(lambda: select.select([], [], [], float("nan")))
show(lambda: select.select([], [], [], 1e300))
show(lambda: select.select([], []))


class BadFileno:
    def fileno(self):
        return "x"


show(lambda: select.select([BadFileno()], [], [], 0))

# Closed descriptor.
r2, w2 = os.pipe()
os.close(r2)
show(lambda: select.select([r2], [], [], 0))
os.close(w2)

# poll objects.
p = select.poll()
print(type(p).__name__, p.poll(0))
p.register(r, select.POLLIN)
p.register(HasFileno(w), select.POLLOUT)
print(p.poll(0) == [(w, select.POLLOUT)])
os.write(w, b"x")
print(sorted(p.poll(10)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print(p.poll(0) == [(r, select.POLLIN)])
p.unregister(w)
os.read(r, 1)
t0 = time.monotonic()
print(p.poll(50), time.monotonic() - t0 >= 0.05)
show(lambda: p.register(-1))
show(lambda: p.modify(w, 1))
show(lambda: p.unregister(w))
show(lambda: p.poll("a"))
show(lambda: p.poll(1.5))
show(lambda: p.register(r, -1))
show(lambda: p.register(r, 1 << 17))
show(lambda: p.poll(1, 2))

# Hang-up: write end closed.
os.close(w)
print(p.poll(0) == [(r, select.POLLHUP)])
os.close(r)
# A closed registered descriptor reports POLLNVAL.
print(p.poll(0) == [(r, select.POLLNVAL)])

print(select.error is OSError)
print(select.PIPE_BUF >= 512)
print(select.POLLIN, select.POLLPRI, select.POLLOUT, select.POLLERR,
      select.POLLHUP, select.POLLNVAL, select.POLLRDNORM, select.POLLRDBAND,
      select.POLLWRNORM, select.POLLWRBAND, select.POLLMSG, select.POLLRDHUP)
