# A debugger jump (frame.f_lineno) out of an except block inside a
# generator leaves the handler: once outside every handler, the generator
# sees its caller's handled exception again, as in CPython.
import sys
def gen():
    try:
        1/0
    except ZeroDivisionError:
        yield repr(sys.exception())
        x = 1
    y = 2
    yield repr(sys.exception())
    yield repr(sys.exception())

def tracer(frame, event, arg):
    if frame.f_code is gen.__code__:
        if event == 'line' and frame.f_lineno == gen.__code__.co_firstlineno + 5:
            frame.f_lineno = gen.__code__.co_firstlineno + 6
        return tracer
    return None

g = gen()
print(next(g))
sys.settrace(tracer)
try:
    raise KeyError('k')
except KeyError:
    print(next(g))
sys.settrace(None)
print(next(g))
try:
    raise ValueError('v')
except ValueError:
    print(next(g, 'done'))
