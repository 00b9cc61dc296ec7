# copy.deepcopy's container copiers test atomic items inline (speedb,
# session 9); results, sharing, memo use and call order must not change.
import copy


class MyInt(int):
    pass


class MyStr(str):
    def __deepcopy__(self, memo):
        order.append(("str", str(self)))
        return MyStr(self + "'")


class Tracked:
    def __init__(self, name):
        self.name = name

    def __deepcopy__(self, memo):
        order.append(("tracked", self.name))
        return Tracked(self.name + "'")


order = []
shared = [1, 2]
data = {
    "ints": [1, 2**70, -3, True, None, 1.5, "s", b"b"],
    "sub": [MyInt(5), MyStr("x")],
    "shared": (shared, shared),
    "nested": {"t": (1, 2, (3, [4])), "f": frozenset({1, 2})},
    Tracked("key"): Tracked("value"),
}
dup = copy.deepcopy(data)
print("equal parts", dup["ints"] == data["ints"], dup["nested"] == data["nested"])
print("atomic kept", all(a is b for a, b in zip(dup["ints"], data["ints"])))
print("subclasses", [type(v).__name__ for v in dup["sub"]], dup["sub"][0] == 5,
      dup["sub"][0] is not data["sub"][0], dup["sub"][1])
print("shared stays shared", dup["shared"][0] is dup["shared"][1],
      dup["shared"][0] is not shared)
print("inner tuple copied", dup["nested"]["t"] is not data["nested"]["t"],
      dup["nested"]["t"][2][1] is not data["nested"]["t"][2][1])
atomic_tuple = (1, "a", (2, 3))
print("atomic tuple kept", copy.deepcopy(atomic_tuple) is atomic_tuple)
print("order (value before key)", order)
keys = [k for k in dup if isinstance(k, Tracked)]
print("tracked", keys[0].name, dup[keys[0]].name)

# Recursive structures.
a = [1, "x"]
a.append(a)
b = copy.deepcopy(a)
print("recursive list", b[2] is b, b[:2])
d = {"k": 1}
d["self"] = d
e = copy.deepcopy(d)
print("recursive dict", e["self"] is e, e["k"])
holder = []
t = (holder, 5)
holder.append(t)
u = copy.deepcopy(t)
print("tuple through list", u[0][0] is u, u[1])

# A memo passed in is used and filled.
memo = {}
inner = [9]
outer = [inner, inner, 7]
c1 = copy.deepcopy(outer, memo)
print("memo", id(inner) in memo, memo[id(inner)] is c1[0], id(7) in memo)
c2 = copy.deepcopy(inner, memo)
print("memo reuse", c2 is c1[0])

# Atomic items are never put in the memo; containers are.
memo2 = {}
copy.deepcopy([1, "two", 3.0, (4,)], memo2)
print("memo kinds", sorted(type(v).__name__ for k, v in memo2.items()
                           if k != id(memo2)))

# Bool, None, Ellipsis, functions and classes as items.
def f():
    pass


items = [True, None, ..., f, int, range(3), NotImplemented]
copied = copy.deepcopy(items)
print("identity items", all(x is y for x, y in zip(items, copied)))
print("shallow", copy.copy(data["ints"]) == data["ints"])
