# types: the names of internal types, dynamic class creation, coroutine.
import types
import sys

def f(): pass
class C:
    def m(self): pass
    @classmethod
    def cm(cls): pass

def gen(): yield 1
async def co(): pass
async def agen(): yield 1

def cell():
    v = 1
    def inner(): return v
    return inner.__closure__[0]

def frame_locals():
    return sys._getframe().f_locals

checks = [
    ("FunctionType", f), ("LambdaType", lambda: 0), ("CodeType", f.__code__),
    ("MappingProxyType", C.__dict__), ("SimpleNamespace", types.SimpleNamespace()),
    ("CellType", cell()), ("GeneratorType", gen()), ("MethodType", C().m),
    ("BuiltinFunctionType", len), ("BuiltinMethodType", [].append),
    ("WrapperDescriptorType", object.__init__), ("MethodWrapperType", object().__str__),
    ("MethodDescriptorType", str.join), ("ClassMethodDescriptorType", dict.__dict__["fromkeys"]),
    ("ModuleType", sys), ("GetSetDescriptorType", types.FunctionType.__code__),
    ("MemberDescriptorType", types.FunctionType.__globals__),
    ("GenericAlias", list[int]), ("UnionType", int | None),
    ("EllipsisType", ...), ("NoneType", None), ("NotImplementedType", NotImplemented),
    ("FrameLocalsProxyType", frame_locals()),
]
for name, obj in checks:
    print(name, isinstance(obj, getattr(types, name)))
c = co()
print("CoroutineType", isinstance(c, types.CoroutineType))
c.close()
print("AsyncGeneratorType", isinstance(agen(), types.AsyncGeneratorType))
try:
    1 / 0
except ZeroDivisionError as e:
    print("TracebackType", isinstance(e.__traceback__, types.TracebackType),
          "FrameType", isinstance(e.__traceback__.tb_frame, types.FrameType))
print(types.LambdaType is types.FunctionType, types.BuiltinMethodType is types.BuiltinFunctionType)
print(types.NoneType.__name__, types.EllipsisType.__name__, types.NotImplementedType.__name__)
for name in ["FunctionType", "SimpleNamespace", "ModuleType", "new_class",
             "coroutine", "DynamicClassAttribute", "get_original_bases",
             "resolve_bases", "prepare_class", "CellType"]:
    print(name, name in types.__all__)
print("sys" in types.__all__, any(n.startswith("_") for n in types.__all__))

ns = types.SimpleNamespace(a=1, b=2)
ns.c = 3
print(ns, ns == types.SimpleNamespace(a=1, b=2, c=3))
mod = types.ModuleType("mymod", "doc")
print(mod.__name__, mod.__doc__)
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp))
try:
    mp["k"] = 2
except TypeError:
    print("mappingproxy is read-only")
bound = types.MethodType(lambda self, x: (self, x), "obj")
print(bound(5))

# new_class, prepare_class, resolve_bases.
def body(ns):
    ns["x"] = 10
    ns["double"] = lambda self: self.x * 2
K = types.new_class("K", (object,), exec_body=body)
print(K.__name__, K().double(), K.__bases__)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"prepared": kw}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
M = types.new_class("M", (), {"metaclass": Meta, "flag": 1})
print(type(M).__name__, M.prepared)
meta, nsp, kw = types.prepare_class("P", (M,), {"flag": 2})
print(meta.__name__, nsp, kw)
meta, nsp, kw = types.prepare_class("Q")
print(meta.__name__, nsp, kw)

class Entries:
    def __mro_entries__(self, bases):
        return (int, str) if False else (dict,)
e = Entries()
print(types.resolve_bases((object, e)), types.resolve_bases((object,)))
bases = (e,)
D = types.new_class("D", bases)
print(D.__bases__, D.__orig_bases__ is bases, types.get_original_bases(D) is bases,
      types.get_original_bases(int))
class G(list[int]): pass
print(types.get_original_bases(G), G.__bases__)
try:
    types.get_original_bases(3)
except TypeError as e:
    print("TypeError:", e)
class BadEntries:
    def __mro_entries__(self, bases): return [int]
try:
    types.resolve_bases((BadEntries(),))
except TypeError as e:
    print("TypeError:", e)
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try:
    types.new_class("Conflict", (A1, A2))
except TypeError as e:
    print("TypeError:", e)

# DynamicClassAttribute.
class EnumLike:
    def __init__(self): self._v = 7
    @types.DynamicClassAttribute
    def value(self):
        "the value"
        return self._v
    @value.setter
    def value(self, v): self._v = v
print(EnumLike().value, EnumLike.__dict__["value"].__doc__)
el = EnumLike(); el.value = 9
print(el.value)
try:
    EnumLike.value
except AttributeError:
    print("class access: AttributeError")
try:
    del el.value
except AttributeError as e:
    print("AttributeError:", e)

# coroutine.
@types.coroutine
def gen_coro():
    x = yield "step"
    return x
print(bool(gen_coro.__code__.co_flags & 0x100))
async def user():
    return await gen_coro()
u = user()
print(u.send(None))
try:
    u.send("done")
except StopIteration as stop:
    print("result", stop.value)
async def native(): pass
print(types.coroutine(native) is native)
try:
    types.coroutine(3)
except TypeError as e:
    print("TypeError:", e)

class GenLike:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self): return self.send(None)
    def send(self, v):
        self.n += 1
        if self.n > 1:
            raise StopIteration(self.n)
        return "tick"
    def throw(self, *a): raise a[0]
    def close(self): pass
def make(): return GenLike()
wrapped = types.coroutine(make)
print(wrapped.__name__, wrapped.__wrapped__ is make)
w = wrapped()
print(type(w).__name__, w.send(None))
async def drive():
    return await wrapped()
d = drive()
print(d.send(None))
try:
    d.send(None)
except StopIteration as stop:
    print("await result", stop.value)

# LazyImportType (PEP 810, 3.15).
ns = {}
exec("lazy import json as j", ns)
print(isinstance(ns["j"], types.LazyImportType), "LazyImportType" in types.__all__)
