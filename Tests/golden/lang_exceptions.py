import sys
def show(e):
    print(type(e).__name__, e.args, type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("v") from z
except ValueError as e:
    show(e)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("t")
except TypeError as e:
    show(e)
try:
    try:
        pass; [][1]
    except IndexError:
        raise RuntimeError("r") from None
except RuntimeError as e:
    show(e)
try:
    raise ValueError from KeyError
except ValueError as e:
    show(e)

e = ValueError("x")
e.add_note("note one")
e.add_note("note two")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as te:
    print(te)

print(sys.exc_info())
try:
    raise KeyError("ki")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v)
    try:
        raise IndexError
    except IndexError:
        print(type(sys.exception()).__name__)
    print(type(sys.exception()).__name__)
print(sys.exception(), sys.exc_info()[0])

def order():
    try:
        print("try")
        return "ret-try"
    finally:
        print("finally")
print(order())
def order2():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("fin", i)
    else:
        print("no else")
order2()
def nested_finally():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("caught", e)
    finally:
        print("outer finally")
nested_finally()
try:
    pass
except Exception:
    print("never")
else:
    print("else runs")
finally:
    print("finally runs")

eg = ExceptionGroup("grp", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
print(repr(eg))
print(eg.message, len(eg.exceptions))
m, rest = eg.split(ValueError)
print(repr(m))
print(repr(rest))
print(repr(eg.subgroup(lambda x: isinstance(x, KeyError))))
print(eg.subgroup(OSError))
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)
print(type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("x", [])
except ValueError as e2:
    print(e2)

try:
    raise ExceptionGroup("eg", [ValueError("a"), TypeError("b"), OSError("c")])
except* ValueError as g:
    print("star V", repr(g))
except* (TypeError, KeyError) as g:
    print("star T", repr(g))
except* OSError:
    print("star OS")
try:
    try:
        raise ExceptionGroup("eg", [ValueError("a"), KeyError("b")])
    except* ValueError:
        print("handled V")
except ExceptionGroup as rest:
    print("rest", repr(rest))
try:
    raise TypeError("naked")
except* TypeError as g:
    print("naked wrapped", repr(g))

class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyErr(7)
except Exception as e:
    print(e, e.code, repr(e), e.args)
print(repr(Exception()), str(Exception()), str(Exception(1, 2)), repr(KeyError("a")), str(KeyError("a")))
print(issubclass(KeyError, LookupError), KeyError.__mro__)
e = None
try:
    raise ValueError
except ValueError as e:
    pass
try:
    e
except NameError as ne:
    print(ne)
print(OSError(2, "No such file").errno, str(OSError(2, "nf")), str(OSError(2, "nf", "path")))
print(repr(StopIteration(5).value), SystemExit(3).code)
def gen_ctx():
    try:
        raise KeyError(1)
    except KeyError:
        yield sys.exception()
g = gen_ctx()
print(repr(next(g)), sys.exception())
