# Python subclasses of built-in types implemented as static types: their
# instances own one reference to the subclass, dropped once (it was dropped
# twice for queue.SimpleQueue, itertools and _thread lock subclasses,
# freeing the class while in use) and visited once by the collector.
import _thread
import gc
import io
import itertools
import queue
import sys


class Queue(queue.SimpleQueue):
    pass


class Counter(itertools.count):
    pass


class Text(io.StringIO):
    pass


class Raw(io.BytesIO):
    pass


for cls in (Queue, Counter, Text, Raw):
    before = sys.getrefcount(cls)
    for _ in range(50):
        instance = cls()
        del instance
    gc.collect()
    print(cls.__name__, sys.getrefcount(cls) - before)

# A cycle through such an instance is collected, class included.
import weakref
def make():
    class Local(io.StringIO):
        pass
    item = Local()
    item.me = item
    return weakref.ref(Local)
ref = make()
gc.collect()
print("class collected:", ref() is None)
print("lock type:", type(_thread.allocate_lock()).__name__)
