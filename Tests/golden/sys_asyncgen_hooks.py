import sys, gc, warnings
seen = []
def firstiter(agen): seen.append(('first', agen.__qualname__))
def finalizer(agen): seen.append(('final', agen.__qualname__))
async def agen():
    yield 1
    yield 2
old = sys.get_asyncgen_hooks()
print(type(old).__name__, old)
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is firstiter, hooks[1] is finalizer)
g = agen()
c = g.__anext__()
try:
    c.send(None)
except StopIteration as e:
    print('got', e.value)
del c, g
gc.collect()
print(seen)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
try: sys.set_asyncgen_hooks(firstiter=3)
except TypeError as e: print(e)
async def co(): pass
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    co()
    gc.collect()
print([str(x.message) for x in w], [x.category.__name__ for x in w])
