# frame.f_lineno assignment from a trace function (the debugger's jump),
# and the errors for jumps CPython refuses.  Expected output: CPython
# 3.11's, except the last line, 3.12+'s message outside a trace function.
import sys

class JumpTracer:
    """Jump from line `frm` to line `to` (relative to the function's def
    line) on the first `event` at `frm` in `func`."""
    def __init__(self, func, frm, to, event='line'):
        self.code = func.__code__
        self.frm = frm
        self.to = to
        self.event = event
        self.done = False
        self.error = None

    def trace(self, frame, event, arg):
        if frame.f_code is not self.code:
            return self.trace
        first = self.code.co_firstlineno
        if (not self.done and event == self.event
                and frame.f_lineno == first + self.frm):
            self.done = True
            try:
                frame.f_lineno = first + self.to
            except ValueError as e:
                self.error = str(e).replace(str(first + self.to), 'N')
        return self.trace

def run(func, frm, to, event='line'):
    tracer = JumpTracer(func, frm, to, event)
    out = []
    sys.settrace(tracer.trace)
    try:
        func(out)
    finally:
        sys.settrace(None)
    print(func.__name__, out, tracer.error)

def forward(out):
    out.append(1)
    out.append(2)
    out.append(3)
    return None

def backward(out):
    out.append(1)
    out.append(2)
    if len(out) < 5:
        out.append(4)
    return None

def skip_loop(out):
    for i in range(3):
        out.append(i)
    out.append('after')
    return None

def into_loop(out):
    out.append(1)
    for i in range(2):
        out.append(i)
    return None

def out_of_loop(out):
    for i in range(3):
        out.append(i)
        out.append('x')
    out.append('end')
    return None

def out_of_except(out):
    try:
        1 / 0
    except ZeroDivisionError:
        out.append('handler')
        out.append('x')
    out.append('end')
    return None

def into_except(out):
    out.append(1)
    try:
        out.append(3)
    except KeyError:
        out.append(5)
    return None

def from_call(out):
    out.append(1)
    return None

def from_return(out):
    out.append(1)
    return None

def from_exception(out):
    out.append(1)
    try:
        1 / 0
    except ZeroDivisionError:
        pass
    return None

def too_far(out):
    out.append(1)
    return None

run(forward, 1, 3)
run(backward, 4, 1)
run(skip_loop, 1, 3)
run(into_loop, 1, 3)
run(out_of_loop, 3, 4)
run(out_of_except, 5, 6)
run(into_except, 1, 5)
run(from_call, 0, 1, 'call')
run(from_return, 2, 1, 'return')
run(from_exception, 3, 1, 'exception')
run(too_far, 1, 100)
run(too_far, 1, -100)

def not_tracing():
    f = sys._getframe()
    try:
        f.f_lineno = f.f_lineno
    except ValueError as e:
        print(e)
not_tracing()
