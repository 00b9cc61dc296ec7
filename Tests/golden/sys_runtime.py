# sys.setswitchinterval/getswitchinterval, is_finalizing, audit hooks,
# platlibdir; the gc module's interface.
import gc
import sys

sys.setswitchinterval(0.002)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as exc:
        print("ValueError:", exc)
try:
    sys.setswitchinterval("x")
except TypeError as exc:
    print("TypeError")
print(sys.is_finalizing(), sys.platlibdir)

events = []
def hook(event, args):
    if event.startswith("test."):
        events.append((event, args))
        if event == "test.veto":
            raise RuntimeError("vetoed")
sys.addaudithook(hook)
sys.audit("test.event", 1, "two", None)
sys.audit("test.empty")
try:
    sys.audit("test.veto")
except RuntimeError as exc:
    print("RuntimeError:", exc)
try:
    sys.audit(5)
except TypeError as exc:
    print("TypeError:", exc)
print(events)

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
class Node:
    pass
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
print(gc.collect() >= 2, gc.collect(0) >= 0)
try:
    gc.collect(3)
except ValueError as exc:
    print("ValueError:", exc)
print(len(gc.get_count()), len(gc.get_threshold()), len(gc.get_stats()))
print(sorted(gc.get_stats()[0]))
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"))
holder = [1]
container = {"k": holder}
print(any(r is container for r in gc.get_referrers(holder)))
print(gc.get_referents([1, "x"]) == [1, "x"])
objs = gc.get_objects()
print(isinstance(objs, list), any(o is container for o in objs))
print(gc.garbage, type(gc.callbacks).__name__)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
phases = []
def callback(phase, info):
    phases.append((phase, sorted(info)))
gc.callbacks.append(callback)
gc.collect()
gc.callbacks.remove(callback)
print(phases)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
try:
    gc.get_objects(5)
except ValueError as exc:
    print("ValueError:", exc)
