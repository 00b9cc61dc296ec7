# queue under threads: several producers and consumers over Queue,
# LifoQueue and SimpleQueue lose and duplicate nothing; a blocked
# SimpleQueue.get is interrupted by a signal (KeyboardInterrupt) and by a
# handler that puts an item; timeouts are honoured.
import os
import queue
import signal
import threading
import time

PRODUCERS, CONSUMERS = 4, 4


def stress(q, per_producer):
    got = [[] for _ in range(CONSUMERS)]

    def produce(k):
        for i in range(per_producer):
            q.put((k, i))

    def consume(bucket):
        while True:
            item = q.get()
            if item is None:
                return
            bucket.append(item)

    consumers = [threading.Thread(target=consume, args=(got[c],))
                 for c in range(CONSUMERS)]
    producers = [threading.Thread(target=produce, args=(k,))
                 for k in range(PRODUCERS)]
    for t in consumers + producers:
        t.start()
    for t in producers:
        t.join()
    # Sentinels only once the items are gone: a LifoQueue would hand the
    # sentinels out first.
    while not q.empty():
        time.sleep(0.001)
    for _ in consumers:
        q.put(None)
    for t in consumers:
        t.join()
    items = [x for bucket in got for x in bucket]
    expected = {(k, i) for k in range(PRODUCERS) for i in range(per_producer)}
    # Each producer's items reach one consumer in FIFO order.
    fifo = True
    if not isinstance(q, queue.LifoQueue):
        for bucket in got:
            last = {}
            for k, i in bucket:
                if last.get(k, -1) >= i:
                    fifo = False
                last[k] = i
    print(type(q).__name__, len(items), len(set(items)),
          set(items) == expected, fifo, q.empty())


stress(queue.SimpleQueue(), 2000)
stress(queue.Queue(), 500)
stress(queue.Queue(maxsize=3), 500)
stress(queue.LifoQueue(), 500)


# Bounded queue with task_done/join from many workers.
def join_workers():
    q = queue.Queue(maxsize=5)
    total = []
    lock = threading.Lock()

    def worker():
        while True:
            n = q.get()
            if n is None:
                q.task_done()
                return
            with lock:
                total.append(n * n)
            q.task_done()

    workers = [threading.Thread(target=worker) for _ in range(3)]
    for t in workers:
        t.start()
    for n in range(200):
        q.put(n)
    q.join()
    print("sum of squares", sum(total), q.unfinished_tasks)
    for _ in workers:
        q.put(None)
    for t in workers:
        t.join()


join_workers()


# Many consumers blocked in get with a timeout: every item goes to
# exactly one of them.
def timed_consumers():
    q = queue.SimpleQueue()
    results = queue.SimpleQueue()

    def consume():
        while True:
            item = q.get(timeout=5)
            if item is None:
                return
            results.put(item)

    threads = [threading.Thread(target=consume) for _ in range(6)]
    for t in threads:
        t.start()
    for i in range(500):
        q.put(i)
        if i % 100 == 0:
            time.sleep(0.005)
    for t in threads:
        q.put(None)
    for t in threads:
        t.join()
    seen = []
    while not results.empty():
        seen.append(results.get_nowait())
    print("timed consumers", len(seen), sorted(seen) == list(range(500)))


timed_consumers()


# A signal interrupts get(): the default handler raises KeyboardInterrupt.
def interrupted_get():
    q = queue.SimpleQueue()
    timer = threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    t0 = time.monotonic()
    try:
        q.get()
    except KeyboardInterrupt:
        print("KeyboardInterrupt after", time.monotonic() - t0 < 5)
    timer.join()

    # A handler that puts on the queue being waited on: get returns it.
    def handler(signum, frame):
        q.put("from handler")
    old = signal.signal(signal.SIGUSR1, handler)
    timer = threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGUSR1))
    timer.start()
    print(q.get(timeout=5))
    timer.join()
    signal.signal(signal.SIGUSR1, old)

    # A timed get whose handler does not raise keeps waiting the rest.
    signal.signal(signal.SIGUSR1, lambda *a: None)
    timer = threading.Timer(0.02, os.kill, (os.getpid(), signal.SIGUSR1))
    timer.start()
    t0 = time.monotonic()
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("Empty after full timeout", time.monotonic() - t0 >= 0.09)
    timer.join()
    signal.signal(signal.SIGUSR1, old)


interrupted_get()
