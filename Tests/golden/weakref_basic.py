# weakref: references, proxies, containers, WeakMethod, finalize.
import weakref
import _weakref

class Obj:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Obj({self.name})"
    def method(self): return self.name.upper()

print(weakref.ref is _weakref.ref, weakref.ReferenceType is weakref.ref,
      weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
a = Obj("a")
calls = []
r = weakref.ref(a, lambda wr: calls.append(wr is r2))
r2 = r
print(r() is a, weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r])
plain = weakref.ref(a)
print(plain is weakref.ref(a), weakref.getweakrefcount(a), plain == r, hash(plain) == hash(a))
p = weakref.proxy(a)
print(p.name, p.method(), type(p) is weakref.ProxyType)
cp = weakref.proxy(len)
print(type(cp) is weakref.CallableProxyType, cp("abc"))
del a
print(r(), calls, plain() is None)
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref(3)
except TypeError as e:
    print("TypeError:", e)
print(weakref.getweakrefcount(3), weakref.getweakrefs(3))

# _remove_dead_weakref removes only a dead reference.
holder = Obj("h")
d = {"dead": weakref.ref(Obj("tmp")), "live": weakref.ref(holder)}
_weakref._remove_dead_weakref(d, "dead")
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _weakref._remove_dead_weakref({"x": 1}, "x")
except TypeError as e:
    print("TypeError:", e)

# WeakValueDictionary.
x, y, z = Obj("x"), Obj("y"), Obj("z")
wvd = weakref.WeakValueDictionary({"x": x}, y=y)
wvd["z"] = z
print(sorted(wvd), len(wvd), wvd["x"], "y" in wvd, wvd.get("q", "none"))
del y
print(sorted(wvd.keys()), sorted(v.name for v in wvd.values()), sorted(k for k, v in wvd.items()))
try:
    wvd["y"]
except KeyError as e:
    print("KeyError", e)
print(wvd.pop("z"), wvd.pop("z", "gone"), wvd.setdefault("x", None), len(wvd.valuerefs()))
copy = wvd.copy()
print(type(copy).__name__, sorted(copy), repr(wvd).startswith("<WeakValueDictionary at 0x"))
w = Obj("w")
merged = wvd | {"w": w}
print(sorted(merged), type(merged).__name__, sorted({"q": w} | wvd))
wvd |= {"w2": w}
print(sorted(wvd), wvd.popitem()[0] in ("x", "w2"))
del w, merged
wvd.clear()
print(len(wvd))

# WeakKeyDictionary.
k1, k2 = Obj("k1"), Obj("k2")
wkd = weakref.WeakKeyDictionary({k1: 1})
wkd[k2] = 2
print(len(wkd), wkd[k1], k2 in wkd, 3 in wkd, wkd.get(Obj("other"), "none"))
del k1
print(len(wkd), list(wkd.items()), list(wkd.values()), len(wkd.keyrefs()))
print(wkd.setdefault(k2, 9), wkd.pop(k2), len(wkd))
wkd.update([(k2, 5)])
print(sorted(v for v in wkd.values()), type(wkd.copy()).__name__)

# WeakSet.
s1, s2, s3 = Obj("1"), Obj("2"), Obj("3")
ws = weakref.WeakSet([s1, s2])
ws.add(s3)
print(len(ws), s1 in ws, 5 in ws, sorted(o.name for o in ws))
del s2
print(len(ws), sorted(o.name for o in ws))
other = weakref.WeakSet([s1])
print(sorted(o.name for o in ws - other), sorted(o.name for o in ws & other),
      other <= ws, other < ws, ws >= other, ws == weakref.WeakSet([s1, s3]))
ws.discard(s1); ws.remove(s3)
try:
    ws.remove(s3)
except KeyError:
    print("remove missing: KeyError")
try:
    ws.pop()
except KeyError as e:
    print("KeyError:", e)
print(len(ws), isinstance(ws, __import__("collections.abc").abc.MutableSet))
# Deaths during iteration are deferred.
items = [Obj(str(i)) for i in range(5)]
ws = weakref.WeakSet(items)
seen = 0
for o in ws:
    seen += 1
    if seen == 1:
        del items[:]
    del o
print(seen >= 1, len(ws))

# WeakMethod.
m = Obj("m")
wm = weakref.WeakMethod(m.method)
print(wm()(), wm() == m.method, wm == weakref.WeakMethod(m.method),
      isinstance(wm, weakref.ref))
died = []
wm2 = weakref.WeakMethod(m.method, lambda r: died.append(r is wm2))
del m
print(wm(), died, wm == wm2, wm == wm)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)

# finalize.
log = []
f_obj = Obj("f")
f = weakref.finalize(f_obj, log.append, "cleaned")
print(f.alive, f.atexit, f.peek()[1] is log.append, repr(f).endswith("for 'Obj' at " + hex(id(f_obj)) + ">"))
del f_obj
print(log, f.alive, f(), f.peek(), repr(f).endswith("; dead>"))
g_obj = Obj("g")
g = weakref.finalize(g_obj, log.append, "g")
print(g.detach()[0] is g_obj, g.alive, g.detach())
h_obj = Obj("h")
h = weakref.finalize(h_obj, lambda *a, **k: (a, k), 1, key=2)
print(h(), h(), h.alive)
h2 = weakref.finalize(h_obj, print, "never")
h2.atexit = False
print(h2.atexit)
h2.detach()
