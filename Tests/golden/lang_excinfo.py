import sys
print(sys.exc_info())
def show():
    print(sys.exception())
try:
    raise ValueError("one")
except ValueError:
    show()
    try:
        raise TypeError("two")
    except TypeError:
        show()
    show()
show()
def gen():
    try:
        raise KeyError("g")
    except KeyError:
        yield
        show()
g = gen(); next(g)
show()
try:
    next(g)
except StopIteration:
    pass
try:
    raise IndexError("i")
except IndexError as e:
    err = e
print(err.__traceback__ is not None, type(err.__traceback__).__name__, err.__traceback__.tb_lineno, err.__traceback__.tb_frame.f_code.co_name)
def inner(): raise RuntimeError("deep")
def outer(): inner()
try:
    outer()
except RuntimeError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
f = sys._getframe()
print(f.f_code.co_name, f.f_lineno, f.f_back, type(f.f_globals).__name__)
def who(): return sys._getframe(1).f_code.co_name
def caller(): return who()
print(caller())
try:
    raise ValueError
except ValueError:
    try:
        raise
    except ValueError as again:
        print("reraised", repr(again))
try:
    raise
except RuntimeError as e:
    print(e)
def ctx_in_finally():
    try:
        return "r"
    finally:
        print("exc in finally:", sys.exception())
print(ctx_in_finally())
