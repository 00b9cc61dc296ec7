# sys.settrace with generators, yield from, throw, close, and `with`.
# Expected output: CPython 3.11's (explicit returns: the events of implicit
# ones depend on the compiler's locations), except that close() of a
# generator at a plain yield fires no events, as in CPython 3.12+.
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    line = frame.f_lineno and frame.f_lineno - frame.f_code.co_firstlineno
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return':
        arg = type(arg).__name__ if isinstance(arg, Ctx) else repr(arg)
    else:
        arg = ''
    events.append(f"{event:9} {name}:{line} {arg}".rstrip())
    return tracer

def gen(n):
    for i in range(n):
        yield i
    return 'end'

def delegate():
    result = yield from gen(2)
    yield result
    return None

def consumer():
    out = []
    for v in gen(2):
        out.append(v)
    out.extend(delegate())
    return out

def thrower():
    g = gen(3)
    next(g)
    try:
        g.throw(ValueError('x'))
    except ValueError:
        pass
    g2 = gen(3)
    next(g2)
    g2.close()
    return None

class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return exc[0] is KeyError

def with_user():
    with Ctx() as c:
        x = 1
    with Ctx():
        raise KeyError('swallowed')
    return x

sys.settrace(tracer)
consumer()
thrower()
with_user()
sys.settrace(None)
for e in events:
    print(e)
