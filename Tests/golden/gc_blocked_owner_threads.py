# Objects made by a thread that then blocks, and dropped by another thread,
# die at gc.collect(): the collection merges the counts queued to every
# thread (free-threaded build), as CPython's does, so weakref callbacks run
# even though their owner never reaches another eval-breaker check.
import gc
import queue
import threading
import weakref


class Item:
    def __init__(self, number):
        self.number = number


made = queue.Queue()
ready = threading.Event()
release = threading.Event()


def producer(first):
    for number in range(first, first + 5):
        made.put(Item(number))
    ready.set()
    release.wait()


died = []
workers = [threading.Thread(target=producer, args=(first,))
           for first in (0, 100)]
refs = []
for worker in workers:
    ready.clear()
    worker.start()
    ready.wait()
    while not made.empty():
        item = made.get()
        refs.append(weakref.ref(item, lambda ref, n=item.number: died.append(n)))
        del item
gc.collect()
print("alive after collect:", sum(ref() is not None for ref in refs))
print("callbacks:", sorted(died))
release.set()
for worker in workers:
    worker.join()
