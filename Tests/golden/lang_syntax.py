# match edge cases and misc syntax
def m(v):
    match v:
        case {"a": 1, **rest} if rest: return f"rest={rest}"
        case {"a": 1}: return "just a"
        case [int() as first, *others] if len(others) > 1: return f"ints {first} {others}"
        case (str() | bytes()) as sb: return f"sb {sb!r}"
        case float(f) if f != f: return "nan"
        case {1: x} | [_, x]: return f"alt {x}"
        case _: return "nothing"
for v in [{"a": 1, "b": 2}, {"a": 1}, [1, 2, 3], [1, 2], "s", b"b", float("nan"), {1: "one"}, (9, 8), 4.5]:
    print(m(v))
import sys
match sys.version_info[:1]:
    case (3,): print("py3")
match 1, 2:
    case a, b: print(a + b)
match [1, 2, 3]:
    case [*all_]: print(all_)
def star(*a, **k): return a, k
print(star(*(1, 2), *[3], **{"x": 1}, y=2))
x = [1, 2, 3]
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
first, *_, last = "hello"
print(first, last)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
d = {}
d["x"] = d.get("x", 0) + 1
x = y = z = 0
x += 1
print(x, y, z, d)
l = [0, 1, 2]
l[0], l[1] = l[1], l[0]
print(l)
i = 0
l[i], i = 9, 2
print(l, i)
print(1 if 0 else 2 if 0 else 3, not 1 or 2, 0 and 1, [] or {}, 1 < 2 < 3 > 0, 1 == 1 is not None)
print((lambda x, /, y=2, *, z=3: (x, y, z))(1, z=4))
print(*range(3), sep=", ")
print(type(...).__name__, ..., Ellipsis is ..., NotImplemented)
s = "abc"
print(s[1:], s[:-1], s[::2], s[-1::-1])
while True:
    break
else:
    print("not printed")
for _ in []:
    pass
else:
    print("for-else ran")
n = 0
while n < 3:
    n += 1
else:
    print("while-else", n)
try:
    pass
finally:
    print("fin")
def f(): pass
print(f(), f.__doc__, f.__module__, f.__defaults__)
def doc():
    "docstring here"
print(doc.__doc__)
global_var = 1
def use_global():
    return global_var
print(use_global())
print(isinstance(True, int), True == 1, True is 1 if False else "skip", type(True + 0))
print([i for i in range(10) if i % 2 if i % 3], [(i, j) for i in range(2) for j in range(i)])
print({i: [j for j in range(i)] for i in range(3)})
assert True
print(chr(0x41) + "\x42" + "\u0043" + "\N{DIGIT ONE}")
print(0 or None, None or 0, "" or "default", [0] and "truthy")
