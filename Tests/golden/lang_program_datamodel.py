# data model exerciser
class V:
    def __init__(self, *a): self.a = list(a)
    def __repr__(self): return f"V{tuple(self.a)}"
    def __add__(self, o): return V(*[x+y for x,y in zip(self.a,o.a)]) if isinstance(o,V) else NotImplemented
    def __radd__(self, o): return V(*[x+o for x in self.a])
    def __iadd__(self, o): self.a = [x+o for x in self.a]; return self
    def __mul__(self, k): return V(*[x*k for x in self.a])
    __rmul__ = __mul__
    def __matmul__(self, o): return sum(x*y for x,y in zip(self.a,o.a))
    def __neg__(self): return V(*[-x for x in self.a])
    def __abs__(self): return sum(x*x for x in self.a) ** 0.5
    def __eq__(self, o): return isinstance(o, V) and self.a == o.a
    def __hash__(self): return hash(tuple(self.a))
    def __lt__(self, o): return abs(self) < abs(o)
    def __bool__(self): return any(self.a)
    def __len__(self): return len(self.a)
    def __getitem__(self, i): return self.a[i]
    def __setitem__(self, i, v): self.a[i] = v
    def __delitem__(self, i): del self.a[i]
    def __contains__(self, x): return x in self.a
    def __call__(self, *args, **kw): return (args, sorted(kw.items()))
    def __format__(self, spec): return "<" + ",".join(format(x, spec) for x in self.a) + ">"
    def __index__(self): return len(self.a)
    def __reversed__(self): return iter(self.a[::-1])
    def __floordiv__(self, k): return V(*[x//k for x in self.a])
    def __pow__(self, k, mod=None): return V(*[pow(x,k,mod) for x in self.a])
    def __divmod__(self, k): return (self // k, V(*[x%k for x in self.a]))
v = V(1,2,3); w = V(4,5,6)
print(v+w, 1+v, v*2, 3*v, v@w, -v, abs(V(3,4)), v==V(1,2,3), v!=w, v<w, bool(V(0)), len(v))
v += 1; print(v, v[0], v[-1], v[0:2], 3 in v, 9 in v)
v[0] = 10; del v[1]; print(v, v(1, 2, x=3), f"{v:03d}", [0,1,2,3,4][V(1,2)], list(reversed(v)))
print(sorted([V(3,4), V(1), V(0,2)]), {V(1):1}[V(1)], v//3, pow(V(2,3),3,5), divmod(V(7,8),3))
print(V(1,2) + 5 if False else "skip", sum([V(1,1), V(2,2)], V(0,0)))
try: v + "s"
except TypeError as e: print("TE", e)
class Attr:
    def __init__(self): object.__setattr__(self, 'log', [])
    def __getattr__(self, n): return "dyn_" + n
    def __setattr__(self, n, v): self.log.append(n); object.__setattr__(self, n, v)
    def __delattr__(self, n): self.log.append("del " + n); object.__delattr__(self, n)
a = Attr(); a.x = 1; print(a.x, a.y, a.log); del a.x; print(a.x, a.log)
class GA:
    def __getattribute__(self, n):
        if n == "magic": return 42
        return object.__getattribute__(self, n)
print(GA().magic, hasattr(GA(), "nope"))
class Desc:
    def __set_name__(self, owner, name): self.name = name; print("set_name", owner.__name__, name)
    def __get__(self, obj, typ=None): return self if obj is None else obj.__dict__.get(self.name, "default")
    def __set__(self, obj, val): obj.__dict__[self.name] = val * 2
    def __delete__(self, obj): print("delete", self.name)
class UsesDesc:
    d = Desc()
u = UsesDesc(); print(u.d); u.d = 5; print(u.d); del u.d; print(type(UsesDesc.d).__name__)
class Slots:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
s = Slots()
try: s.z = 1
except AttributeError as e: print("AE", e)
try: s.y
except AttributeError as e: print("AE", e)
print(hasattr(s, '__dict__'), Slots.x)
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw); Base.subs.append((cls.__name__, tag))
class S1(Base, tag="one"): pass
class S2(S1): pass
print(Base.subs)
class CG:
    def __class_getitem__(cls, item): return f"CG[{item!r}]"
print(CG[int], CG[1, 2])
class ME:
    def __mro_entries__(self, bases): return (dict,)
class FromME(ME()): pass
print(FromME.__mro__, FromME.__orig_bases__[0].__class__.__name__)
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw); return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        ns["order"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcs, name, bases, ns)
    def __instancecheck__(cls, inst): return inst == "magic"
    def __subclasscheck__(cls, sub): return sub is int
    def __call__(cls, *a): return ("called", a)
class WithMeta(metaclass=Meta, flag=True):
    b = 2
    a = 1
print(WithMeta.order, WithMeta.injected, isinstance("magic", WithMeta), isinstance(1, WithMeta), issubclass(int, WithMeta), WithMeta(1,2))
class Ctx:
    def __init__(self, n): self.n = n
    def __enter__(self): print("enter", self.n); return self.n
    def __exit__(self, t, v, tb): print("exit", self.n, t.__name__ if t else None); return self.n == 2
with Ctx(1) as a, Ctx(2) as b:
    print("body", a, b); raise KeyError
print("suppressed")
class Missing(dict):
    def __missing__(self, k): return k * 2
print(Missing(a=1)["a"], Missing()["zz"], Missing().get("q"))
class LH:
    def __length_hint__(self): return 7
    def __iter__(self): return iter(range(3))

print(list(LH()))
class OldIter:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * i
print(list(OldIter()), 4 in OldIter(), [x for x in OldIter()])
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()), max(It()), dict.fromkeys(It()))
class D:
    def __del__(self): print("del D")
d = D(); del d
print("after del")
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__, EqOnly() == 1, EqOnly() != 1)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o): print("lt"); return self.v < o.v
    def __gt__(self, o): print("gt"); return self.v > o.v
print(Cmp(1) > Cmp(2), Cmp(1) < Cmp(2))
class R:
    def __repr__(self): return "R()"
    def __str__(self): return "str-R"
print(R(), repr(R()), f"{R()!r} {R()!s} {R()}", [R()], str([R()]))
class AsyncThing:
    def __init__(self): self.n = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2: raise StopAsyncIteration
        return self.n
    async def __aenter__(self): print("aenter"); return self
    async def __aexit__(self, *a): print("aexit", a[0]); return False
class Awaitable:
    def __await__(self):
        x = yield "suspend"
        return x * 10
async def main():
    async with AsyncThing() as t:
        async for i in t: print("ai", i)
    r = await Awaitable()
    print("await result", r)
    return [i async for i in AsyncThing()]
coro = main()
print(coro.send(None))
try: coro.send(4)
except StopIteration as e: print("stop", e.value)
print(f"{3.14159:.2f}|{42:>6}|{'x':*^5}|{255:#x}|{1234567:,}|{0.5:%}")
print(int.__add__(1, 2), (1).__add__(2.0), float.__radd__(1.5, 2))
print(isinstance(True, int), issubclass(bool, int), type(1 + True), 7 // -2, -7 % 3, 2 ** -1, divmod(-7, 2))
