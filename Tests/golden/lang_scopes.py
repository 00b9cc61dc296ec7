x = "global"
def outer():
    x = "enclosing"
    def inner():
        nonlocal x
        x = "modified"
    inner()
    return x
print(outer(), x)
def set_global():
    global x
    x = "set by function"
set_global()
print(x)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c(), c.__closure__[0].cell_contents)
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
class K:
    y = 10
    z = [y for _ in range(2)] if False else None
    w = (lambda: "lam")()
    def m(self): return y_global
y_global = "yg"
print(K.z, K.w, K().m())
class K2:
    a = 1
    try:
        b = [a for _ in range(1)]
    except NameError as e:
        b = str(e)
print(K2.b)
def unbound():
    try:
        print(q)
    except UnboundLocalError as e:
        print(e)
    q = 1
unbound()
def free_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(e)
    v = 2
    return inner()
print(free_unbound())
print([y := 5, y ** 2])
print([last := n for n in range(4)], last)
if (m := len("abcd")) > 3:
    print("walrus", m)
def comp_walrus():
    total = 0
    vals = [total := total + v for v in range(5)]
    return vals, total
print(comp_walrus())
print({k: v for k, v in zip("ab", range(2))}, {v for v in "aab"} == {"a", "b"})
n = 100
print([n for n in range(3)], n)
print(list(map(lambda n: n * 2, range(3))))
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            return a + b
        return l2
    return l1()()
print(deep())
def class_in_func():
    val = "closure"
    class C:
        val = "class attr"
        def get(self): return val
    return C().get(), C.val
print(class_in_func())
def shadow():
    list = "shadowed"
    return list
print(shadow(), list("ab"))
try:
    del undefined_name
except NameError as e:
    print(e)
def del_local():
    a = 1
    del a
    try:
        a
    except UnboundLocalError as e:
        print(e)
del_local()
g = 1
def read_global(): return g + 1
print(read_global())
print(sorted(k for k in locals().keys() if k in ("g", "n", "x")))
def f_locals(a, b=2):
    c = 3
    return sorted(locals().items())
print(f_locals(1))
lam = lambda *a, **k: (a, k)
print(lam(1, x=2), (lambda: None).__name__)
def gen_scope():
    return [j for j in range(3) for _ in range(j)]
print(gen_scope())
class Priv:
    __secret = 1
    def get(self): return self.__secret
print(Priv().get(), hasattr(Priv, "_Priv__secret"), hasattr(Priv, "__secret"))
# Regression: names read only inside an inlined comprehension in a function.
def outer():
    v = 10
    def f(a):
        return [v + x for x in a]
    return f([1, 2])
print(outer())
G = 5
def g(a):
    global G
    G = 6
    return [G + len(str(x)) for x in a], {x: G for x in a}, {type(x) for x in a}
print(g([1, 22]))
class C:
    y = 1
    def m(self, a):
        return [self, __class__, len(a)][1:] + [z for z in a if isinstance(z, int)]
print(C().m([1, "s"]))
def lens(xs):
    return [len(x) for x in xs]
print(lens(["a", "bb"]))
