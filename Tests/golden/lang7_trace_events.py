# settrace event sequences (call/line/return/exception) for control flow
# that leaves try/finally, loops, with blocks and multi-line returns.
import sys
events = []
def tr(frame, ev, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name in ('tr', '<module>'):
        return tr
    a = arg
    if ev == 'exception':
        a = arg[0].__name__
    elif ev == 'return':
        a = repr(arg)
    events.append((frame.f_code.co_name, ev, frame.f_lineno, a))
    return tr
def deco(f):
    return f
@deco
def decorated(x):
    return x
def tf():
    try:
        return 1
    finally:
        x = 2
def brk():
    for i in range(5):
        if i == 1:
            continue
        if i == 3:
            break
    else:
        pass
    return i
def wh():
    i = 0
    while i < 2:
        i += 1
    return i
def raises():
    raise KeyError('k')
def outer():
    try:
        raises()
    except KeyError:
        pass
    finally:
        y = 1
def gen_exc():
    try:
        yield 1
    except GeneratorExit:
        raise
def lam():
    f = lambda v: v + 1
    return f(1)
def cls():
    class K:
        a = 1
        def m(self): pass
    return K
def unwinds():
    def inner():
        raise ValueError
    inner()
def cond(x):
    return 'a' if x else 'b'
def boolops(a, b):
    if a and b or not a:
        return 1
    return 2
def assert_fail():
    assert False, "msg"
sys.settrace(tr)
decorated(1); tf(); brk(); wh(); outer()
g = gen_exc(); next(g); g.close()
lam(); cls(); cond(1); cond(0); boolops(1, 0); boolops(0, 1)
try:
    unwinds()
except ValueError:
    pass
try:
    assert_fail()
except AssertionError:
    pass
sys.settrace(None)
for e in events:
    print(*e)
