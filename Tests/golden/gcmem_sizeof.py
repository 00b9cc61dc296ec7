# sys.getsizeof counts the GC pre-header (16 bytes) of GC objects, and that
# is what the object really takes: tracemalloc sees the same size.
import sys
import tracemalloc


class Slotted:
    __slots__ = ("a", "b")


def traced_size(make, n=400):
    holder = [None] * n
    slots = list(range(n))
    make()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in slots:
        holder[i] = make()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return round((after - before) / n), holder[0]


traced_size(Slotted)     # warm-up: tracemalloc's first start allocates
for name, make in (("slots instance", Slotted), ("set", set),
                   ("frozenset", lambda: frozenset([1.5]))):
    size, obj = traced_size(make)
    print(name, "getsizeof - __sizeof__:", sys.getsizeof(obj) - obj.__sizeof__())
    print(name, "traced size == getsizeof:", size == sys.getsizeof(obj))
for obj in (1.5, "text", b"bytes", 10 ** 30):
    print(type(obj).__name__, "getsizeof - __sizeof__:",
          sys.getsizeof(obj) - obj.__sizeof__())
