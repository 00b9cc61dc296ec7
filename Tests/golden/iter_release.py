# Iterators over bytes, bytearray and str: a subclass's __del__ that calls
# next() on the exhausted iterator must not crash (the default build
# releases the sequence when the iterator is exhausted, as CPython does),
# the sequence is freed at the latest with the iterator, and pickling
# works before and after exhaustion.
import gc
import pickle

for cls, args in ((bytes, (b"ab",)), (bytearray, (b"ab",)), (str, ("ab",))):
    events = []
    holder = []

    class Tracked(cls):
        def __del__(self):
            events.append("del")
            if holder:          # still iterating: the default build
                try:
                    next(holder[0])
                except StopIteration:
                    pass

    holder.append(iter(Tracked(*args)))
    it = holder[0]
    print(cls.__name__, list(it), it.__length_hint__())
    print("  exhausted pickle:", list(pickle.loads(pickle.dumps(it))))
    it.__setstate__(1)
    print("  setstate after exhaustion:", list(it))
    del it
    holder.clear()
    gc.collect()
    print("  freed:", events)
    fresh = iter(cls(*args))
    next(fresh)
    print("  mid pickle:", list(pickle.loads(pickle.dumps(fresh))))
