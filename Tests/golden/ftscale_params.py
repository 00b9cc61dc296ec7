# Borrowed parameters (session 8): a specialized call of a Python
# function may leave an argument borrowed in the callee's frame when the
# callee never rebinds that parameter.  Frames that outlive the call,
# f_locals writes, super() and locals() must still see owned values.
import sys
import weakref

saved = []


class Thing:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Thing({self.n})"


def plain(a, b):
    return a.n + b.n


def keeps_frame(a):
    saved.append(sys._getframe())
    return a.n


def raises(a):
    raise ValueError(a.n)


def rebinds_own(a):
    sys._getframe().f_locals["a"] = Thing(-1)
    return a.n


def stores(a, into):
    into.append(a)
    return len(into)


def peeks(a):
    return sorted(locals())


def drops_caller(a):
    # The caller's only reference goes while we still use `a`.
    sys._getframe(1).f_locals["t"] = None
    return a.n * 2


def rebound(a):
    a = a.n     # stored: this parameter is never borrowed
    return a


def gen(a):
    yield a.n
    yield a.n + 1


class Base:
    def who(self):
        return "base of " + repr(self)


class Derived(Base):
    def who(self):
        return "derived, " + super().who()

    def dynamic(self):
        s = super
        return s().who()


def run(label, func, *args):
    for _ in range(60):     # specialize the call site
        result = func(*args)
    print(label, result)


def main():
    t = Thing(3)
    u = Thing(4)
    before = sys.getrefcount(t), sys.getrefcount(u)
    for _ in range(100):
        plain(t, u)
    print("plain", plain(t, u), (sys.getrefcount(t), sys.getrefcount(u)) == before)

    # A frame object kept past the call owns its parameters.
    for i in range(50):
        keeps_frame(Thing(i))
    ok = all(f.f_locals["a"].n == i for i, f in enumerate(saved))
    print("kept frames", len(saved), ok)
    saved.clear()

    # A traceback's frame likewise.
    tbs = []
    for i in range(50):
        try:
            raises(Thing(i))
        except ValueError as exc:
            tbs.append(exc.__traceback__)
    ok = all(tb.tb_next.tb_frame.f_locals["a"].n == i
             for i, tb in enumerate(tbs))
    print("tracebacks", len(tbs), ok)
    del tbs

    # The callee rebinds its own parameter through f_locals.
    x = Thing(9)
    before = sys.getrefcount(x)
    for _ in range(100):
        r = rebinds_own(x)
    print("rebinds own", r, sys.getrefcount(x) == before)

    # Stored by a C function: the container takes its own reference.
    box = []
    for i in range(100):
        stores(Thing(i), box)
    print("stored", len(box), box[0], box[-1])

    print("locals", peeks(t))

    # The caller drops its reference while the callee runs.
    results = []
    for i in range(100):
        t = Thing(i)
        ref = weakref.ref(t)
        results.append(drops_caller(t))
        if t is not None:
            print("not rebound")
        if ref() is not None and ref().n != i:
            print("corrupted")
    print("caller dropped", results[:3], results[-1])

    print("rebound", [rebound(Thing(i)) for i in range(3)])
    g = None
    for i in range(60):
        g = gen(Thing(i))
    print("generator", list(g))
    d = Derived()
    for _ in range(60):
        w = d.who()
    print(w.split(" object")[0] if "object" in w else w)
    run("dynamic super", lambda: d.dynamic().startswith("base of <"))

    # Deep recursion: each frame lends its parameter to the next.
    def depth(node, n):
        return n if n == 0 else depth(node, n - 1) + node.n
    print("recursion", depth(Thing(2), 300))


main()
