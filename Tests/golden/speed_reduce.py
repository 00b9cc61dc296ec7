# object.__reduce_ex__ finds copyreg in sys.modules before it imports
# (session 11, as CPython does): a hooked __import__ is not called for it
# once copyreg is loaded, a module put in its place is used as it is, and
# without it in sys.modules the import runs (through the hook).
import builtins
import copy
import sys
import types


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a, self.b = 1, [2]


p = Point(1, [2, 3])
r = p.__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2], r[3:], Point.__reduce_ex__(p, 4)[2])
q = copy.deepcopy(p)
print(q.x, q.y, q.y is p.y, copy.copy(p).y is p.y)
s = copy.deepcopy(Slotted())
print(s.a, s.b, Slotted().__reduce_ex__(2)[2])

calls = []
real_import = builtins.__import__


def hooked(name, *args, **kwargs):
    calls.append(name)
    return real_import(name, *args, **kwargs)


builtins.__import__ = hooked
try:
    for _ in range(3):
        p.__reduce_ex__(2)
        copy.deepcopy([p, Slotted()])
    print("hook calls with copyreg loaded:", calls.count("copyreg"))

    # A stand-in module in sys.modules is what __reduce_ex__ uses.
    real_copyreg = sys.modules["copyreg"]
    fake = types.ModuleType("copyreg")
    fake.__newobj__ = "fake __newobj__"
    fake.__newobj_ex__ = "fake __newobj_ex__"
    sys.modules["copyreg"] = fake
    try:
        print(p.__reduce_ex__(2)[0])
    finally:
        sys.modules["copyreg"] = real_copyreg

    # Without copyreg in sys.modules the import runs, through the hook.
    del sys.modules["copyreg"]
    try:
        print(p.__reduce_ex__(2)[0].__module__, calls.count("copyreg") >= 1,
              "copyreg" in sys.modules)
    finally:
        sys.modules["copyreg"] = real_copyreg

    # Whatever sys.modules holds is used as it is, even None.
    sys.modules["copyreg"] = None
    try:
        p.__reduce_ex__(2)
    except AttributeError as e:
        print("AttributeError", "__newobj__" in str(e))
    finally:
        sys.modules["copyreg"] = real_copyreg
finally:
    builtins.__import__ = real_import
print(copy.deepcopy({"p": p})["p"].y)
