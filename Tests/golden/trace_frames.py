# Frame object attributes used by debuggers: f_back, f_code, f_globals,
# f_builtins, f_locals (write-through from a trace function), f_lasti,
# f_trace, f_trace_lines, f_trace_opcodes, f_generator, clear().
# Expected output: CPython 3.11's, except f_generator (3.14), PEP 667's
# write-through of f_locals (3.13+: 42, not 3) and clearing a
# suspended generator's frame (3.13+: RuntimeError), written by hand.
import sys

def inner():
    return sys._getframe()

def outer():
    f = inner()
    return f, sys._getframe()

f, caller = outer()
print(f.f_back is caller, f.f_code is inner.__code__, f.f_code.co_name)
print(f.f_globals is globals(), f.f_builtins is __builtins__.__dict__
      if hasattr(__builtins__, '__dict__') else f.f_builtins is __builtins__)
print(isinstance(f.f_lasti, int), f.f_lasti >= 0, f.f_lineno)
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
for name, value in (('f_trace_lines', 0), ('f_trace_opcodes', 'yes')):
    try:
        setattr(f, name, value)
    except TypeError as e:
        print(name, 'TypeError:', e)
f.f_trace = print
print(f.f_trace is print)
f.f_trace = None
print(f.f_trace)

# Writing locals from a trace function (PEP 667 proxy).
def victim():
    a = 1
    b = 2
    return a + b

def setter(frame, event, arg):
    if event == 'line' and frame.f_lineno - frame.f_code.co_firstlineno == 3:
        frame.f_locals['a'] = 40
        frame.f_locals['extra'] = 'kept'
        print(sorted(frame.f_locals.keys()), 'extra' in frame.f_locals)
    return setter

sys.settrace(setter)
print(victim())
sys.settrace(None)

# clear()
def live():
    frame = sys._getframe()
    try:
        frame.clear()
    except RuntimeError as e:
        print('RuntimeError:', e)
    x = 'local'
    return frame
done = live()
print(sorted(done.f_locals))
done.clear()
print(dict(done.f_locals))

def gen():
    yield sys._getframe()
g = gen()
gf = next(g)
print(gf.f_generator is g)
try:
    gf.clear()
except RuntimeError as e:
    print('RuntimeError:', e)
print(f.f_generator)
