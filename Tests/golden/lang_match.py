class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x = x; self.y = y
class Color:
    RED = "red"
    GREEN = "green"

def describe(v):
    match v:
        case None: return "none"
        case True: return "true"
        case 0 | 0.0: return "zero"
        case -1: return "minus one"
        case 1 + 2j: return "complex"
        case "hello" "world": return "concat str"
        case b"by": return "bytes"
        case Color.RED: return "value pattern red"
        case int(n) if n > 100: return "big int %d" % n
        case int() | float() as num: return "number %r" % (num,)
        case str(s) if len(s) == 1: return "char " + s
        case [] : return "empty seq"
        case [x]: return "one %r" % (x,)
        case [1, *rest]: return "starts 1 rest %r" % (rest,)
        case [x, y, *_, z]: return "long %r %r %r" % (x, y, z)
        case (a, b): return "pair %r %r" % (a, b)
        case {"type": "circle", "r": r}: return "circle %r" % (r,)
        case {"type": t, **others}: return "typed %s %r" % (t, sorted(others))
        case {}: return "some mapping"
        case Point(0, 0): return "origin"
        case Point(x=0, y=yy): return "on y axis %r" % (yy,)
        case Point(xx, 0): return "on x axis %r" % (xx,)
        case Point(x, y) if x == y: return "diagonal"
        case Point(): return "point"
        case str() as s: return "string %r" % (s,)
        case _: return "other %s" % type(v).__name__

tests = [None, True, False, 0, 0.0, -1, 1 + 2j, "helloworld", b"by", "red",
         101, 5, 2.5, "c", [], [9], (9,), [1, 2, 3], [4, 5, 6, 7], (4, 5),
         {"type": "circle", "r": 2}, {"type": "sq", "a": 1, "b": 2}, {"x": 1},
         Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2),
         "long string", set(), "ab"]
for t in tests:
    print(repr(t) if not isinstance(t, Point) else "Point", "->", describe(t))

match "xyz":
    case "abc" | "xyz" as which:
        print("or-as", which)
match [1, [2, 3]]:
    case [a, [b, c]]:
        print("nested", a, b, c)
match {"k": [1, {"z": 2}]}:
    case {"k": [_, {"z": zz}]}:
        print("deep", zz)
match range(3):
    case [0, 1, 2]:
        print("range is a sequence")
match "abc":
    case [*_]:
        print("str is seq?")
    case _:
        print("str not sequence")
match 5:
    case x:
        print("capture", x)
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(1, 2):
            pass
except TypeError as e:
    print(e)
match 3:
    case int(3):
        print("self-match int")
match {"a": 1, "b": 2}:
    case {"a": 1}:
        print("mapping partial")
x = 10
match 10:
    case y if y == x:
        print("guard ok", y)
class D(dict): pass
match D(q=1):
    case {"q": qq}:
        print("dict subclass", qq)
match [1, 2, 3]:
    case (1, *mid, 3):
        print("tuple pattern on list", mid)
print(Point.__match_args__)
