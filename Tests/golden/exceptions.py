def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return n
for n in range(3):
    try:
        r = risky(n)
    except ValueError as e:
        print("ValueError", e)
    except (KeyError, IndexError) as e:
        print("lookup", repr(e))
    else:
        print("ok", r)
    finally:
        print("finally", n)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    print(e, repr(e.__context__))
class MyError(Exception):
    def __init__(self, code):
        super(MyError, self).__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except Exception as e:
    print(e, e.code, isinstance(e, MyError), e.args)
def f():
    try:
        return "try"
    finally:
        print("cleanup")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("fin", i)
g()
try:
    raise
except RuntimeError as e:
    print(e)
import sys
try:
    raise ValueError("x")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exception())
print(sys.exception())
try:
    assert 1 == 2, "nope"
except AssertionError as e:
    print("assert", e)
try:
    undefined_name
except NameError as e:
    print(e)
def unbound():
    print(v)
    v = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print("star", eg.exceptions)
except* TypeError as eg:
    print("star2", eg.exceptions)
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("recursion:", e)
