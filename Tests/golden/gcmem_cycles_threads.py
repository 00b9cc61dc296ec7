# Collections while more threads than the free-threaded build has GC lists
# (16) allocate cycles: threads share lists, objects tracked by one thread
# are freed (untracked) by another, and every finalizer and weak reference
# callback runs exactly once (Doc/internals/gc.md, the 16-byte pre-header).
import gc
import queue
import threading
import weakref

THREADS = 20
CYCLES = 200

# list.append is atomic and takes no lock a finalizer could re-enter.
finalized = []
called_back = []
lock = threading.Lock()
kept_refs = []
survivors = []
handoff = queue.Queue()


class Node:
    def __init__(self):
        self.peer = None

    def __del__(self):
        finalized.append(1)


def callback(ref):
    called_back.append(1)


def worker(index):
    refs = []
    for i in range(CYCLES):
        a = Node()
        b = Node()
        a.peer = b
        b.peer = a
        refs.append(weakref.ref(a, callback))
        if i % 3 == 0:
            handoff.put(a)                  # its cycle is broken elsewhere
        handoff.put([index, i, {"i": i}])   # untracked by another thread
        del a, b
        if i % 40 == index % 40:
            gc.collect()
    with lock:
        kept_refs.extend(refs)
        survivors.append(["survivor", index])


def drainer():
    while True:
        item = handoff.get()
        if item is None:
            return
        if isinstance(item, Node):
            item.peer.peer = None           # refcounting frees both here


drainers = [threading.Thread(target=drainer) for _ in range(2)]
for t in drainers:
    t.start()
for wave in range(2):                       # the second wave reuses lists
    workers = [threading.Thread(target=worker, args=(wave * THREADS + n,))
               for n in range(THREADS)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
for t in drainers:
    handoff.put(None)
for t in drainers:
    t.join()
gc.collect()
gc.collect()

made = 2 * THREADS * CYCLES
print("finalizers run once each:", len(finalized) == 2 * made)
print("callbacks run once each:", len(called_back) == made)
print("every referent dead:", all(r() is None for r in kept_refs))
tracked = gc.get_objects()
print("objects tracked by exited threads listed:",
      sum(1 for o in tracked if type(o) is list and o[:1] == ["survivor"])
      == 2 * THREADS)
print("referrers found across lists:",
      any(r is survivors for r in gc.get_referrers(survivors[0])))
