# sys.intern(s) returns s itself when s is new to the table (both builds),
# an equal string later returns that same object, and a str subclass or a
# non-str is refused with CPython's messages.  Threads interning strings
# other threads hold references to (and are counting) never corrupt them.
import sys
import threading

s = "never interned before" + str(31337)
print(sys.intern(s) is s, sys._is_interned(s))
s2 = s.swapcase().swapcase()
print(sys._is_interned(s2), sys.intern(s2) is s)


class S(str):
    pass


for bad in (S("abc"), b"abc", 5):
    try:
        sys.intern(bad)
    except TypeError as exc:
        print("TypeError:", exc)

# Each thread makes its own strings, hands them to a shared list, and
# interns both its own and the others' (copies for those it does not own,
# in the free-threaded build) while everybody takes and drops references.
shared = []
lock = threading.Lock()
barrier = threading.Barrier(4)
results = []


def worker(k):
    mine = ["w%d-%d" % (k, i) + "x" * (i % 7) for i in range(300)]
    with lock:
        shared.extend(mine)
    barrier.wait()
    ok = True
    for i in range(3):
        for t in list(shared):
            u = sys.intern(t)
            ok &= u == t and sys._is_interned(u)
            ok &= sys.intern(t[:] + "") is u
    for t in mine:
        ok &= sys.intern(t) == t
    results.append(ok)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, len(shared), len(set(map(id, map(sys.intern, shared)))))
