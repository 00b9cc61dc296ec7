# Line and return events CPython reports that depend on the compiler:
# a constant test (`if False:`) keeps its line, in a match case too, and
# the implicit `return None` at the end of nested if/else arms is reported
# on the line that ran last.
import sys

def match_dead(command):
    match command:
        case 1:
            if False:
                return 1
        case _:
            if False:
                return 0

def nested_ifs(a, b):
    if a == 1:
        if b == 1:
            x = 4
        else:
            y = 6
    else:
        z = 8

def else_const():
    try:
        v = 2
    except:
        v = 4
    else:
        v = 6
        if False:
            v = 8
        else:
            v = 10
    finally:
        v = 12

events = []
def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_name in ('match_dead', 'nested_ifs', 'else_const'):
        events.append((event, frame.f_lineno - code.co_firstlineno))
    return tracer

def trace(fn, *args):
    del events[:]
    sys.settrace(tracer)
    try:
        fn(*args)
    finally:
        sys.settrace(None)
    print(fn.__name__, args, events)

trace(match_dead, 1)
trace(match_dead, 0)
for a, b in ((1, 1), (1, 2), (2, 1)):
    trace(nested_ifs, a, b)
trace(else_const)

# A debugger jump to the last line of an except body, from outside the
# handler, is refused: the implicit return is part of that line's code.
def qualified(output):
    output.append(1)
    try:
        output.append(3)
    except Exception:
        output.append(5)

def jumper(frame, event, arg):
    if frame.f_code is qualified.__code__:
        if event == 'line' and frame.f_lineno == qualified.__code__.co_firstlineno + 1:
            try:
                frame.f_lineno = qualified.__code__.co_firstlineno + 5
                print('jumped')
            except ValueError as e:
                print('ValueError:', e)
        return jumper
    return None

out = []
sys.settrace(jumper)
qualified(out)
sys.settrace(None)
print(out)
