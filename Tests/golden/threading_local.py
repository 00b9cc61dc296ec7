# threading.local: one attribute namespace per thread, __init__ re-run per
# thread, subclasses with slots and methods, dicts freed at thread end and
# with the local, no cycle keeping either alive.
import gc
import threading
import weakref

print(threading.local.__name__, threading.local.__module__)

loc = threading.local()
loc.x = 1
seen = []

def worker(n):
    seen.append(("before", n, hasattr(loc, "x")))
    loc.x = n
    loc.y = n * 10
    seen.append(("after", n, loc.x, loc.y, sorted(loc.__dict__)))

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
    t.join()
for item in seen:
    print(item)
print("main", loc.x, hasattr(loc, "y"), loc.__dict__)

# __init__ runs with the constructor arguments in every thread.
class Counter(threading.local):
    inits = []
    def __init__(self, start, *, step=1):
        Counter.inits.append((threading.current_thread().name, start, step))
        self.value = start
        self.step = step
    def bump(self):
        self.value += self.step
        return self.value

c = Counter(5, step=2)
print(c.bump(), c.bump())
def bumper():
    print("thread", c.value, c.bump())
t = threading.Thread(target=bumper, name="T1")
t.start(); t.join()
print("main again", c.value)
print(Counter.inits)

# Arguments without an __init__ to take them.
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)

# __dict__ is read-only; deleting works per thread.
try:
    loc.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del loc.x
print(hasattr(loc, "x"))
try:
    del loc.x
except AttributeError as e:
    print("AttributeError:", e)

# Slots are shared by all threads, the dict is not.
class Slotted(threading.local):
    __slots__ = ("shared", "__dict__")
s = Slotted()
s.shared = "S"
s.mine = "main"
def slot_reader():
    print("slot in thread:", s.shared, hasattr(s, "mine"))
t = threading.Thread(target=slot_reader)
t.start(); t.join()

# A thread's dict goes when the thread ends.
class Marker:
    pass
marker_refs = []
holder = threading.local()
def keep_marker():
    m = Marker()
    holder.m = m
    marker_refs.append(weakref.ref(m))
t = threading.Thread(target=keep_marker)
t.start(); t.join()
gc.collect()
print("thread dict freed:", marker_refs[0]() is None)

# The local's dicts go with the local, even through a cycle.
class Node(threading.local):
    pass
n = Node()
n.me = n
inner = Marker()
n.inner = inner
r_local = weakref.ref(n)
r_inner = weakref.ref(inner)
del n, inner
gc.collect()
print("local freed:", r_local() is None, r_inner() is None)

# A local touched by a thread that ended dies without the thread's help.
plain = threading.local()
def touch():
    plain.v = Marker()
t = threading.Thread(target=touch)
t.start(); t.join()
r_plain = weakref.ref(plain)
del plain
print("plain freed:", r_plain() is None)

# __init__ failing in a thread is retried on the next touch.
class Flaky(threading.local):
    calls = 0
    def __init__(self):
        Flaky.calls += 1
        if Flaky.calls == 2:
            raise ValueError("second init fails")
        self.ok = True
f = Flaky()
def flaky_user():
    try:
        f.ok
    except ValueError as e:
        print("first touch:", e)
    print("second touch:", f.ok, Flaky.calls)
t = threading.Thread(target=flaky_user)
t.start(); t.join()
