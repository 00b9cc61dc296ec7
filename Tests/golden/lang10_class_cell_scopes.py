# The implicit __class__ cell of a class body against the names __class__
# the body and its functions declare: `nonlocal __class__` in the body
# binds the enclosing function's variable, never the class cell.

def run(src):
    try:
        ns = {}
        exec(src, ns)
        print(ns.get('out'))
    except Exception as e:
        print(type(e).__name__, e)

run("class X: nonlocal __class__")
run("""
def f():
    __class__ = 1
    class X:
        nonlocal __class__
        __class__ = 42
        def g(self): return __class__
    return X, __class__
X, c = f()
out = (X().g() is X, c)
""")
run("""
def f():
    __class__ = 1
    class X:
        nonlocal __class__
        def g(self): return __class__
        seen = __class__
    return X, __class__
X, c = f()
out = (X().g() is X, X.seen, c)
""")
run("""
def f():
    class X:
        nonlocal __class__
        def g(self): return __class__
    return X
out = f()
""")
run("""
def f():
    __class__ = 'outer'
    class X:
        def g(self): return __class__
        h = __class__
    return X
X = f()
out = (X().g() is X, X.h)
""")
run("""
class X:
    def g(self): return __class__
    def h(self): return super().__class__
    k = lambda self: __class__
out = (X().g() is X, X().k() is X, X.__dict__.get('__classcell__'))
""")
run("""
class X:
    __class__ = 5
    def g(self): return __class__
out = (X().g() is X, X.__dict__['__class__'])
""")
run("""
class X:
    def g(self):
        __class__ = 3
        return __class__
    def m(self):
        def inner(): return __class__
        return inner()
out = (X().g(), X().m() is X)
""")
run("""
class X:
    def g(self):
        nonlocal __class__
        __class__ = 7
        return __class__
x = X()
out = (x.g(), x.g())
""")
run("""
class X:
    global __class__
    def g(self): return __class__
out = 1
try: X().g()
except NameError as e: out = str(e)
""")
run("""
def f():
    __class__ = 9
    class X:
        def g(self): return __class__
    class Y:
        nonlocal __class__
        def g(self): return __class__
    return X, Y, __class__
X, Y, c = f()
out = (X().g() is X, Y().g() is Y, c)
""")
run("""
def f():
    __class__ = 'f'
    class X:
        nonlocal __class__
        class Inner:
            def g(self): return __class__
        __class__ = 'set by X'
    return X, __class__
X, c = f()
out = (X.Inner().g() is X.Inner, c)
""")
