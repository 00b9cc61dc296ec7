# select.epoll with pipes: register/modify/unregister/poll, errors, close.
import os
import select
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


r, w = os.pipe()
ep = select.epoll()
print(ep.closed, ep.fileno() >= 0, os.get_inheritable(ep.fileno()))
ep.register(r, select.EPOLLIN)
ep.register(w)
print(ep.poll(0) == [(w, select.EPOLLOUT)])
os.write(w, b"data")
print(sorted(ep.poll(0.1)) == sorted([(r, select.EPOLLIN), (w, select.EPOLLOUT)]))
print(len(ep.poll(timeout=0, maxevents=1)))
ep.modify(w, select.EPOLLIN)
print(ep.poll(0) == [(r, select.EPOLLIN)])
ep.unregister(w)
os.read(r, 4)
t0 = time.monotonic()
print(ep.poll(0.05), time.monotonic() - t0 >= 0.05)
print(ep.poll(-1 if False else 0))

show(lambda: ep.poll(0, 0))
show(lambda: ep.poll(0, -2))
show(lambda: ep.poll("a"))
show(lambda: ep.register(r))
show(lambda: ep.unregister(w))
show(lambda: ep.modify(w, 1))
show(lambda: ep.register(-1))
show(lambda: ep.register("x"))
show(lambda: select.epoll(-2))
show(lambda: select.epoll(0))
show(lambda: select.epoll(flags=5))
print(select.epoll(sizehint=10, flags=select.EPOLL_CLOEXEC).closed)

# Edge-triggered: reported once per new data.
ep2 = select.epoll()
ep2.register(r, select.EPOLLIN | select.EPOLLET)
os.write(w, b"1")
print(ep2.poll(0) == [(r, select.EPOLLIN)], ep2.poll(0))
ep2.close()

# One-shot.
ep3 = select.epoll()
ep3.register(r, select.EPOLLIN | select.EPOLLONESHOT)
print(len(ep3.poll(0)), ep3.poll(0))
ep3.close()

fd = ep.fileno()
dup = select.epoll.fromfd(os.dup(fd))
print(type(dup).__name__, dup.closed)
dup.close()

ep.close()
ep.close()
print(ep.closed)
show(lambda: ep.poll(0))
show(lambda: ep.fileno())
show(lambda: ep.register(r))
show(lambda: ep.__enter__())

with select.epoll() as ep4:
    print("inside", ep4.closed)
print("after", ep4.closed)


# Closing the write end: EPOLLHUP on the read end.
ep5 = select.epoll()
ep5.register(r, select.EPOLLIN)
os.close(w)
print(ep5.poll(0) == [(r, select.EPOLLIN | select.EPOLLHUP)])
ep5.close()
os.close(r)

print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLPRI, select.EPOLLERR,
      select.EPOLLHUP, select.EPOLLET, select.EPOLLONESHOT,
      select.EPOLLEXCLUSIVE, select.EPOLLRDHUP, select.EPOLLRDNORM,
      select.EPOLLRDBAND, select.EPOLLWRNORM, select.EPOLLWRBAND,
      select.EPOLLMSG, select.EPOLL_CLOEXEC)
