# sys.settrace: call/line/return/exception events of nested calls, loops,
# exceptions caught and propagated, and local trace functions.
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    line = frame.f_lineno - frame.f_code.co_firstlineno
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return':
        arg = repr(arg)
    else:
        arg = ''
    events.append(f"{event:9} {name}:{line} {arg}".rstrip())
    return tracer

def leaf(x):
    y = x * 2
    return y

def loop(n):
    total = 0
    for i in range(n):
        total += leaf(i)
    while n > 0:
        n -= 1
    return total

def raiser():
    raise KeyError('k')

def catcher():
    try:
        raiser()
    except KeyError:
        result = 'caught'
    finally:
        done = True
    return result

def propagate():
    raiser()

def outer():
    try:
        propagate()
    except KeyError as e:
        return str(e)

sys.settrace(tracer)
loop(2)
catcher()
outer()
sys.settrace(None)
for e in events:
    print(e)

# A global function that returns None traces calls only.
calls = []
def calls_only(frame, event, arg):
    calls.append((event, frame.f_code.co_name))
sys.settrace(calls_only)
loop(1)
sys.settrace(None)
print(calls)

# Local trace function switched off midway.
seen = []
def local_off(frame, event, arg):
    seen.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    if event == 'line' and len(seen) > 2:
        return None
    return local_off
def three():
    a = 1
    b = 2
    c = 3
    return a + b + c
sys.settrace(lambda f, e, a: local_off if f.f_code is three.__code__ else None)
three()
sys.settrace(None)
print(seen)
print(sys.gettrace())
