# A generator's handled exception (sys.exc_info(), bare raise, implicit
# __context__) across yields, throw() and resumption from other handlers.
import sys

def name():
    t = sys.exc_info()[0]
    return t.__name__ if t else None

# throw() into a generator suspended inside an except block: the thrown
# exception's context is the generator's own handled exception.
def ctx_gen():
    try:
        raise KeyError('a')
    except Exception:
        yield
g = ctx_gen()
g.send(None)
try:
    g.throw(ValueError)
except ValueError as e:
    print("context:", repr(e.__context__))

# Throwing the caller's own handled exception in: the generator keeps it as
# its handled exception across later yields, and a bare raise re-raises it.
def keeper():
    print("start:", name())
    try:
        yield
    except Exception as exc:
        print("caught:", name(), exc.__context__)
        yield
        print("after yield:", name())
        yield
        raise
m = keeper()
next(m)
try:
    raise ValueError()
except Exception as exc:
    try:
        m.throw(exc)
    except Exception:
        pass
next(m)
try:
    next(m)
except ValueError as e:
    print("re-raised:", type(e).__name__, e.__context__)
print("outside:", sys.exc_info())

# Outside its handlers a generator sees its caller's handled exception,
# also after leaving a handler it was resumed into from elsewhere.
def transparent():
    print("sees:", name())
    try:
        raise KeyError
    except KeyError:
        print("own:", name())
        yield 1
        print("own again:", name())
    print("after handler:", name())
    yield 2
    print("later:", name())
    yield 3

t = transparent()
try:
    raise IndexError
except IndexError:
    next(t)
try:
    raise TypeError
except TypeError:
    next(t)
next(t, None)

# Generators nested in handlers, each keeping its own state.
def inner():
    try:
        raise OSError
    except OSError:
        yield name()
        yield name()
def outer():
    try:
        raise LookupError
    except LookupError:
        i = inner()
        yield (name(), next(i))
        yield (name(), next(i))
o = outer()
print(next(o), name())
print(next(o), name())

# A finally clause running on throw() sees the thrown exception; a
# contextmanager-like chain of throws keeps the contexts exact.
def cm(exc):
    try:
        yield
    finally:
        raise exc
e1, e2, e3 = Exception(1), Exception(2), Exception(3)
gens = [cm(e3), cm(e2)]
for gg in gens:
    next(gg)
pending = e1
try:
    raise e1
except Exception:
    for gg in reversed(gens):
        try:
            gg.throw(pending)
        except Exception as new:
            pending = new
print(pending, pending.__context__, pending.__context__.__context__,
      pending.__context__.__context__.__context__)
