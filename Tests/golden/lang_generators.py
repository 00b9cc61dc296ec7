def gen():
    x = yield 1
    print("got", x)
    try:
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "from-except"
    finally:
        print("gen finally")
    return "done"

g = gen()
print(next(g), g.send("a"), g.throw(ValueError("v")))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)

g = gen(); next(g)
g.close()
print("closed", g.gi_frame is None)
g = gen()
try:
    g.send(1)
except TypeError as e:
    print(e)

def sub():
    r = yield "s1"
    print("sub got", r)
    yield "s2"
    return "subret"
def outer():
    res = yield from sub()
    print("res", res)
    yield from [7, 8]
    return "outret"
o = outer()
print(next(o), o.send("X"), next(o), next(o), next(o, "dflt"))
print(list(outer()))

def pep479():
    yield 1
    raise StopIteration("inner")
try:
    list(pep479())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
c = closer(); next(c); c.close()
def bad_closer():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_closer(); next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)

def running():
    yield g2.send(None)
g2 = running()
try:
    next(g2)
except ValueError as e:
    print(e)

def thrower():
    while True:
        try:
            yield
        except KeyError as e:
            print("thrower got", repr(e))
t = thrower(); next(t)
t.throw(KeyError("a"))
t.throw(KeyError, KeyError("b"))
try:
    t.throw(IndexError)
except IndexError:
    print("propagated IndexError")
print(next(t, "exhausted"))

gexp = (i * i for i in range(5) if i % 2 == 0)
print(type(gexp).__name__, list(gexp), list(gexp))
print(sum(x for x in range(101)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])

def delegating_throw():
    try:
        yield from thrower2()
    except ZeroDivisionError:
        print("outer got ZDE")
        yield "recovered"
def thrower2():
    yield "t2"
d = delegating_throw(); next(d)
print(d.throw(ZeroDivisionError))

def gen_ret_in_finally():
    try:
        yield 1
    finally:
        return 5
gr = gen_ret_in_finally(); next(gr)
try:
    next(gr)
except StopIteration as e:
    print("finally ret", e.value)
print(gen.__name__, gen.__qualname__, g.__name__)
def ident(): yield from range(3)
it = ident()
print(it.gi_running, next(it), list(it))
print(list(zip(fib(), "abc")))
print(list(enumerate(ident(), 10)))
