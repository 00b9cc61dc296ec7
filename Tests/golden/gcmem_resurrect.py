# The collector borrows gc_prev for its scratch during a pass and puts the
# list links back: after resurrection, weak references inside the garbage,
# DEBUG_SAVEALL and freezing, the lists must still be whole (tracking and
# untracking neighbours, gc.get_objects, gc.get_referrers all work).
import gc
import weakref

saved = []
finalized = []


class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        finalized.append(self.name)
        if self.name.startswith("keep"):
            saved.append(self)


class Plain:
    def __init__(self):
        self.me = self


def neighbours(n):
    return [[i] for i in range(n)]


gc.collect()
before = neighbours(50)
for i in range(3):
    Phoenix(f"keep{i}")
    Phoenix(f"drop{i}")
after = neighbours(50)
print("found:", gc.collect())
print("finalized:", sorted(finalized))
print("resurrected:", sorted(p.name for p in saved))
print("resurrected still tracked:", all(gc.is_tracked(p) for p in saved))
del before[10:40], after[5:45]          # untrack neighbours of the survivors
finalized.clear()
del saved[:]
print("second collection:", gc.collect(), "finalizers again:", finalized)

# A weak reference that is itself garbage loses its callback; one from
# outside the garbage gets it, once.
calls = []
a = Plain()
b = Plain()
a.ref_to_b = weakref.ref(b, lambda r: calls.append("inner"))
outer = weakref.ref(a, lambda r: calls.append("outer"))
a.peer, b.peer = b, a
del a, b
print("weakrefs:", gc.collect(), calls, outer() is None)

# DEBUG_SAVEALL keeps the garbage in gc.garbage, tracked and intact.
gc.set_debug(gc.DEBUG_SAVEALL)
x = Plain()
x.tag = "saved"
del x
gc.collect()
gc.set_debug(0)
kept = [o for o in gc.garbage if isinstance(o, Plain)]
print("saveall:", [o.tag for o in kept], all(gc.is_tracked(o) for o in kept))
gc.garbage.clear()
del kept

# Frozen objects are skipped and the lists survive freeze/unfreeze.
y = Plain()
gc.freeze()
del y
print("frozen cycle kept:", gc.collect() == 0)
gc.unfreeze()
print("unfrozen cycle found:", gc.collect() >= 1)
holder = [after]
print("referrers:", any(r is holder for r in gc.get_referrers(after)))
print("objects listed:", any(o is holder for o in gc.get_objects()))
