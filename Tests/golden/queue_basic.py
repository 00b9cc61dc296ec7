# queue: ordering of the three queue classes, block/timeout rules, error
# messages, task_done/join, and SimpleQueue.
import queue
import threading
import time

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for x in (3, 1, 2):
        q.put(x)
    print(cls.__name__, q.qsize(), q.empty(), q.full(),
          [q.get() for _ in range(3)], q.empty())

q = queue.Queue(maxsize=2)
q.put(1)
q.put_nowait(2)
print("full", q.full(), q.maxsize, q.qsize())
try:
    q.put_nowait(3)
except queue.Full as e:
    print("Full", type(e).__name__, repr(e))
t0 = time.monotonic()
try:
    q.put(3, timeout=0.05)
except queue.Full:
    print("put timeout waited", time.monotonic() - t0 >= 0.04)
try:
    q.put(3, timeout=-1)
except ValueError as e:
    print("ValueError", e)
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e))
try:
    q.get(block=False, timeout=-5)
except queue.Empty:
    print("non-blocking get ignores timeout")
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
try:
    q.get(timeout=0.02)
except queue.Empty:
    print("get timeout")

# unbounded queue: put never checks the timeout
u = queue.Queue()
u.put(1, timeout=-1)
print("unbounded put ok", u.get())

# a blocked put proceeds once a consumer frees a slot
b = queue.Queue(1)
b.put("a")
def free_slot():
    time.sleep(0.03)
    print("consumer got", b.get())
t = threading.Thread(target=free_slot)
t.start()
b.put("b", timeout=2)
t.join()
print("after put", b.get())

# task_done / join
j = queue.Queue()
try:
    j.task_done()
except ValueError as e:
    print("ValueError", e)
done = []
def worker():
    while True:
        item = j.get()
        if item is None:
            j.task_done()
            break
        done.append(item * 2)
        j.task_done()
t = threading.Thread(target=worker)
t.start()
for i in range(5):
    j.put(i)
j.join()
print("joined", sorted(done), j.unfinished_tasks)
j.put(None)
t.join()

# priority ties go through the tuple
p = queue.PriorityQueue()
for item in [(2, "b"), (1, "z"), (2, "a"), (0, "x")]:
    p.put(item)
print([p.get() for _ in range(4)])

# SimpleQueue is the C one
s = queue.SimpleQueue()
print(type(s).__module__, type(s).__name__, queue.SimpleQueue is queue.SimpleQueue)
for i in range(3):
    s.put(i)
s.put_nowait("x")
print(s.qsize(), s.empty(), s.get(), s.get(block=False), s.get(timeout=1),
      s.get_nowait(), s.empty())
try:
    s.get(timeout=0.01)
except queue.Empty:
    print("simple timeout")
try:
    s.get_nowait()
except queue.Empty:
    print("simple empty")
try:
    s.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
try:
    queue.SimpleQueue(1)
except TypeError as e:
    print("TypeError", e)
print(queue.Empty.__module__, issubclass(queue.Empty, Exception))
print(queue.Queue[int], queue.SimpleQueue[str], queue.LifoQueue[int])
print(sorted(queue.__all__))

class Sub(queue.SimpleQueue):
    pass
sq = Sub()
sq.put(5)
print(type(sq).__name__, sq.get())
import weakref
r = weakref.ref(s)
print(r() is s)

# items released with the queue
class Tracked:
    def __del__(self):
        print("released")
s2 = queue.SimpleQueue()
s2.put(Tracked())
del s2
print("end")
