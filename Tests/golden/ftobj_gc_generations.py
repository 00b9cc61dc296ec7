# The cycle collector's generations: a young collection (gc.collect(0))
# examines only objects tracked since the last collection, treats every
# reference from an older object as external, and promotes its
# survivors; a full collection (gc.collect()) examines everything.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    # Slots: no instance dicts, whose number differs between interpreters.
    __slots__ = ("name", "other", "child", "__weakref__")

    def __init__(self, name):
        self.name = name
        self.other = None


def cycle(name):
    a = Node(name + ".a")
    b = Node(name + ".b")
    a.other = b
    b.other = a
    return a


freed = []


def watch(obj):
    return weakref.ref(obj, lambda ref, name=obj.name: freed.append(name))


# 1. A young garbage cycle is found by a young collection.
w = watch(cycle("young"))
found = gc.collect(0)
print("1:", found >= 2, w() is None, sorted(freed))
freed.clear()

# 2. A young cycle referenced only from an old object survives young
# collections; once the old object lets go it is garbage, but it is old
# by now, so only a full collection finds it.
holder = [None]
gc.collect()                    # holder is old now
c = cycle("held")
holder[0] = c
w = watch(c)
del c
gc.collect(0)
print("2a:", w() is not None, freed)
holder[0] = None
gc.collect(0)
print("2b:", w() is not None, freed)
gc.collect()
print("2c:", w() is None, sorted(freed))
freed.clear()

# 3. An old garbage cycle keeps the young objects it refers to alive
# through young collections; a full collection frees both.
old = cycle("old")
w_old = watch(old)
gc.collect(0)                   # promoted
young = Node("young-child")
w_young = watch(young)
old.other.child = young
del young, old
gc.collect(0)
print("3a:", w_old() is not None, w_young() is not None, freed)
gc.collect()
print("3b:", w_old() is None, w_young() is None, sorted(freed))
freed.clear()

# 4. Many young cycles next to a large long-lived heap: each young
# collection finds exactly the garbage created since the previous one.
keep = [Node(str(i)) for i in range(20000)]
gc.collect()
totals = []
for round_no in range(5):
    for i in range(300):
        cycle("r%d.%d" % (round_no, i))
    totals.append(gc.collect(0))
print("4:", totals, len(keep))

# 5. Automatic collection with the default thresholds reclaims cycles
# while a long-lived heap is held; the cycles never pile up.
gc.enable()
refs = []
for i in range(30000):
    node = cycle("auto")
    if i % 1000 == 0:
        refs.append(weakref.ref(node))
    del node
gc.collect()
print("5:", sum(r() is None for r in refs), len(refs))

# 6. Frozen objects are ignored by both kinds of collection.
gc.disable()
frozen_cycle = cycle("frozen")
w = watch(frozen_cycle)
del frozen_cycle
gc.freeze()
print("6a:", gc.get_freeze_count() > 0, gc.collect(0), w() is not None)
gc.unfreeze()
print("6b:", gc.get_freeze_count(), gc.collect() >= 2, w() is None)
gc.enable()

# 7. gc.get_count()[1] counts the young collections since the last full
# one, in every build (CPython's meaning for generation 1).
gc.disable()
gc.collect()
gc.collect(0)
gc.collect(0)
print("7:", gc.get_count()[1])
gc.collect()
print("7b:", gc.get_count()[1])
gc.enable()
