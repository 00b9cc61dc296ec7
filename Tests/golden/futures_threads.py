# ThreadPoolExecutor: argument checks, thread names, idle worker reuse,
# initializer and BrokenThreadPool, shutdown (wait, cancel_futures),
# submit after shutdown, CPU-bound work from many threads, and a pool
# left running at interpreter exit.
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool
import os
import threading
import time

ex = ThreadPoolExecutor()
print("default max_workers", ex._max_workers == min(32, (os.process_cpu_count() or 1) + 4))
ex.shutdown()
for bad in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad)
    except ValueError as e:
        print("ValueError", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError", e)
print(issubclass(BrokenThreadPool, cf.BrokenExecutor))


def names():
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
        name = ex.submit(lambda: threading.current_thread().name).result()
        print("named", name)
    with ThreadPoolExecutor(max_workers=1) as ex:
        name = ex.submit(lambda: threading.current_thread().name).result()
        print("default name", name.startswith("ThreadPoolExecutor-"), name.endswith("_0"))


names()


def reuse():
    # Sequential calls are served by one idle worker, not new threads.
    with ThreadPoolExecutor(max_workers=8) as ex:
        for i in range(10):
            ex.submit(abs, -i).result()
            # Let the worker get back to waiting (and count as idle).
            while not ex._idle_semaphore._value:
                time.sleep(0.001)
        print("threads for sequential calls", len(ex._threads))


reuse()


def initializer():
    local = threading.local()

    def init(tag):
        local.tag = tag

    with ThreadPoolExecutor(max_workers=2, initializer=init,
                            initargs=("ready",)) as ex:
        print("initialized", ex.submit(lambda: local.tag).result())

    def failing_init():
        raise ValueError("init failed")

    ex = ThreadPoolExecutor(max_workers=2, initializer=failing_init)
    f = ex.submit(abs, -1)
    try:
        f.result(timeout=5)
    except BrokenThreadPool as e:
        print("BrokenThreadPool", e)
    for _ in range(100):
        if ex._broken:
            break
        time.sleep(0.01)
    try:
        ex.submit(abs, 1)
    except BrokenThreadPool as e:
        print("submit raises BrokenThreadPool")
    ex.shutdown()


initializer()


def shutdowns():
    ex = ThreadPoolExecutor(max_workers=1)
    gate = threading.Event()
    first = ex.submit(gate.wait, 5)
    queued = [ex.submit(abs, -i) for i in range(5)]
    while not first.running():
        time.sleep(0.001)
    ex.shutdown(wait=False, cancel_futures=True)
    gate.set()
    ex.shutdown(wait=True)
    print("first", first.result(),
          "cancelled", sum(f.cancelled() for f in queued))
    try:
        ex.submit(abs, 1)
    except RuntimeError as e:
        print("RuntimeError", e)
    ex.shutdown()
    print("workers alive", [t.is_alive() for t in ex._threads])

    ex = ThreadPoolExecutor(max_workers=2)
    fs = [ex.submit(time.sleep, 0.01) for _ in range(4)]
    ex.shutdown(wait=False)
    print("after shutdown(wait=False)", cf.wait(fs, timeout=5).not_done)

    with ThreadPoolExecutor(2) as ex:
        f = ex.submit(sum, range(10))
    print("context manager waited", f.done(), f.result())


shutdowns()


def cpu_bound():
    def collatz_steps(n):
        steps = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        return steps

    with ThreadPoolExecutor(max_workers=4) as ex:
        results = list(ex.map(collatz_steps, range(1, 3001)))
        futures = [ex.submit(sum, range(i * 1000)) for i in range(50)]
        done = cf.wait(futures).done
    print("collatz", sum(results), max(results), results[26])
    print("sums", len(done), sum(f.result() for f in futures))

    # Many submitters share one pool.
    counter = []
    lock = threading.Lock()

    def bump(i):
        with lock:
            counter.append(i)
        return i

    with ThreadPoolExecutor(max_workers=4) as ex:
        def submitter(k):
            return [ex.submit(bump, k * 100 + i) for i in range(100)]
        with ThreadPoolExecutor(max_workers=3) as outer:
            batches = [outer.submit(submitter, k) for k in range(3)]
            all_futures = [f for b in batches for f in b.result()]
        print("submitted", len(all_futures),
              sorted(f.result() for f in all_futures) == list(range(300)))
    print("counted", len(counter), len(set(counter)))


cpu_bound()

# Left running: interpreter exit waits for the queued work and ends the
# workers.
leftover = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
leftover.submit(gate.wait, 5)
leftover.submit(print, "ran before exit")
print("main done")
gate.set()
