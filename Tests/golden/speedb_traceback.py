# tb_lineno is computed from tb_lasti at its first read (speedb, session
# 9); it must give the line of each frame the exception passed through.
import sys
import traceback


def lines(err):
    out = []
    tb = err.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name,
                    tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno))
        tb = tb.tb_next
    return out


def inner(n):
    if n:
        x = 1
        return 1 // (n - n)
    return 0


def middle(n):
    y = 2
    return inner(n) + y


def outer():
    try:
        middle(3)
    except ZeroDivisionError as err:
        return err


print("chain", lines(outer()))

# A caught exception's tb read twice, and after its frames are gone.
err = outer()
print("again", lines(err), lines(err))
print("extract", [(f.name, f.lineno - err.__traceback__.tb_frame.f_code.co_firstlineno
                   if f.name == "outer" else f.name) for f in traceback.extract_tb(err.__traceback__)][0])

# Many exceptions in a loop on different lines.
found = []
for i in range(6):
    try:
        if i % 3 == 0:
            raise KeyError(i)
        elif i % 3 == 1:
            {}[i]
        else:
            [][i]
    except LookupError as e:
        found.append(e.__traceback__.tb_lineno)
base = found[0]
print("loop", [n - base for n in found])

# Re-raised and chained exceptions keep their own lines.
def reraiser():
    try:
        inner(1)
    except ZeroDivisionError:
        raise


def chainer():
    try:
        inner(1)
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e


for fn in (reraiser, chainer):
    try:
        fn()
    except Exception as e:
        print(fn.__name__, lines(e)[1:],
              lines(e.__cause__)[1:] if e.__cause__ else None)

# The constructor keeps the line it is given.
frame = sys._getframe()
tb = type(err.__traceback__)(None, frame, 0, 1234)
print("constructed", tb.tb_lineno, tb.tb_lasti)
tb2 = type(err.__traceback__)(tb, frame, 2, -1)
print("none line", tb2.tb_lineno, tb2.tb_next is tb)

# A traceback made while tracing (f_lineno maintained by the tracer).
def traced_fail():
    a = 1
    raise RuntimeError(a)


def tracer(frame, event, arg):
    return tracer


sys.settrace(tracer)
try:
    traced_fail()
except RuntimeError as e:
    traced = lines(e)
sys.settrace(None)
print("traced", traced[1:])

tb3 = type(err.__traceback__)(None, frame, 0, -5)
print("negative line", tb3.tb_lineno)

# Exceptions through a generator and a class body.
def gen():
    yield 1
    raise KeyError("g")


def use_gen():
    try:
        for _ in gen():
            pass
    except KeyError as e:
        return [name for name, _ in lines(e)]


print("generator", use_gen())
try:
    class Broken:
        value = 1 // 0
except ZeroDivisionError as e:
    print("class body", [name for name, _ in lines(e)])
