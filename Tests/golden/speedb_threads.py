# LOAD_ATTR_PROPERTY and the super() look-up from several threads while
# another thread replaces the property and the base method (speedb,
# session 9).  Every read must give one of the values that were set.
import threading


class Base:
    def m(self):
        return 1


class Child(Base):
    def __init__(self):
        self._v = 10

    @property
    def v(self):
        return self._v

    def call(self):
        return super().m()


stop = threading.Event()
bad = []


def reader():
    c = Child()
    n = 0
    while not stop.is_set() or n < 2000:
        v = c.v
        m = c.call()
        if v not in (10, 20, 30) or m not in (1, 2):
            bad.append((v, m))
        n += 1


def writer():
    for i in range(300):
        Child.v = property(lambda self: 20) if i % 2 else property(lambda self: 30)
        Base.m = (lambda self: 2) if i % 3 else (lambda self: 1)
    stop.set()


threads = [threading.Thread(target=reader) for _ in range(4)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
print("bad reads", bad)
print("final", Child().v, Child().call())
