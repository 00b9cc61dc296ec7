import sys
def f():
    try:
        raise ValueError("a")
    finally:
        try:
            raise KeyError("b")
        except KeyError as e:
            print("ctx", repr(e.__context__))
try: f()
except ValueError as e: print("outer", repr(e), e.__context__)
def g():
    try:
        1/0
    except ZeroDivisionError:
        try:
            raise TypeError
        finally:
            print("exc in finally", type(sys.exception()).__name__)
try: g()
except TypeError as e: print(type(e.__context__).__name__)
class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit args", [type(x).__name__ for x in a])
        raise RuntimeError("from exit")
try:
    with CM():
        raise ValueError
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
try:
    with CM():
        pass
except RuntimeError as e:
    print(repr(e), e.__context__)
def ret_override():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
print(ret_override())
e = ValueError("v")
print(e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__, e.args)
e.__cause__ = KeyError()
print(e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as te:
    print(te)
try:
    raise 5
except TypeError as te:
    print(te)
try:
    raise ValueError from 5
except TypeError as te:
    print(te)
class NotExc: pass
try:
    raise NotExc
except TypeError as te:
    print(te)
try:
    try: raise KeyError
    except (IndexError, 5): pass
except TypeError as te:
    print(te)
def loop_exc():
    for i in range(3):
        try:
            if i == 1: raise ValueError(i)
        except ValueError as e:
            print("caught", e)
            continue
        else:
            print("no exc", i)
loop_exc()
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* ValueError as eg:
    try:
        raise TypeError("in handler")
    except TypeError: print("nested ok")
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* ValueError:
        raise KeyError("replaced")
except Exception as e:
    print(repr(e), repr(e.__context__))
print(repr(ValueError(1, 2)), str(ValueError(1, 2)), str(KeyError()), repr(BaseException("x")))
print(KeyboardInterrupt.__mro__[1].__name__, issubclass(StopAsyncIteration, Exception), GeneratorExit.__bases__)
e = Exception("x"); e.add_note("n")
print(repr(e), e.__notes__, str(e))
try:
    assert 1 == 2, "msg"
except AssertionError as a:
    print(repr(a))
try:
    assert False
except AssertionError as a:
    print(repr(a), a.args)
print(repr(NameError("n", name="n").name), AttributeError("a", name="x", obj=1).obj)
try:
    undefined_func()
except NameError as ne:
    print(ne, ne.name)
try:
    (1).nope
except AttributeError as ae:
    print(ae, ae.name, ae.obj)
