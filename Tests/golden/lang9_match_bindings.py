def t(label, f):
    g = {}
    try:
        exec(f, g)
    except Exception as e:
        print(label, "EXC", type(e).__name__, e); return
    print(label, sorted(k for k in g if k != '__builtins__'))
t("seq", """
match [1, 2, 3]:
    case [a, b, 4]: pass
""")
t("seq2", """
match [1, 2, 3]:
    case [a, b, c] if False: pass
""")
t("seqstar", """
match [1, 2, 3]:
    case [a, *rest, 4]: pass
""")
t("map", """
match {'x': 1, 'y': 2}:
    case {'x': a, 'y': 3}: pass
""")
t("maprest", """
match {'x': 1, 'y': 2}:
    case {'x': a, 'y': 3, **r}: pass
""")
t("or", """
match [1, 2]:
    case [a, 3] | [a, 4]: pass
""")
t("or2", """
match [1, 2]:
    case ([a, 3] | [a, 2]): pass
""")
t("cls", """
class P:
    __match_args__ = ('x', 'y')
    def __init__(s): s.x=1; s.y=2
match P():
    case P(a, 3): pass
""")
t("clskw", """
class P:
    def __init__(s): s.x=1; s.y=2
match P():
    case P(x=a, y=3): pass
""")
t("as", """
match [1, 2]:
    case [1, 3] as whole: pass
""")
t("as2", """
match [1, 2]:
    case [a, 2] as whole if False: pass
""")
t("nested", """
match [[1, 2], 3]:
    case [[a, b], 4]: pass
""")
t("multi", """
match [1, 2]:
    case [a, 3]: pass
    case [b, 5]: pass
    case [c, 2]: pass
""")
t("value", """
import types
ns = types.SimpleNamespace(v=5)
match [1, 2]:
    case [a, ns.v]: pass
""")
t("orcapt", """
match 5:
    case (1 as a) | (2 as a): pass
""")
t("guardside", """
match [1, 2]:
    case [a, b] if (z := a) > 5: pass
""")
def f(x):
    match x:
        case [a, b, c] | (a, c, b, 0) if a > 0:
            return ("seq", a, b, c)
        case {'k': (p, q) | [q, p, _]} | {'j': p, 'q': q}:
            return ("map", p, q)
        case [1, [x1, x2] | (x2, x1, _), *r] as whole:
            return ("nest", x1, x2, r, whole)
        case (str() as s) | bytes(s):
            return ("sb", s)
        case _:
            return "none"
for v in [[1,2,3], (1,2,3,0), [0,2,3], {'k': (1,2)}, {'k': [1,2,3]}, {'j': 5, 'q': 6},
          [1, [7,8], 9, 10], [1, (7,8,9)], "s", b"b", 4.5]:
    print(v, f(v))
class O:
    def __init__(self): self.log=[]
    def __setitem__(self, k, v): self.log.append(k); dict.__setitem__(self.d, k, v)
class M(type):
    @classmethod
    def __prepare__(m, n, b):
        class D(dict):
            def __setitem__(self, k, v):
                if not k.startswith("__"): print("set", k); super().__setitem__(k, v)
        return D()
class C(metaclass=M):
    match [1, (2, 3), {'z': 4}]:
        case [a, (b, c) | [c, b], {'z': d}]:
            pass
    match (1, 2):
        case (x, 3) | (x, 4):
            pass
        case (y, z) | (z, y, _):
            pass
import sys
def g(x):
    match x:
        case [a, 2, c]:
            return 1
        case _:
            return sorted(k for k in locals() if k != 'x')
print(g([1,3,3]))
