# The line a frame reports when no except clause matched (the implicit
# re-raise takes the line of the last clause tested), and line events.
import sys

def other_except():
    try:
        1/0
    except TypeError as ex:
        pass

def two_clauses():
    try:
        {}['k']
    except TypeError:
        pass
    except ValueError:
        pass

def unnamed():
    try:
        raise OSError
    except (KeyError, IndexError):
        return 1

def frame_lines(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__.tb_next
    out = []
    while t:
        fr = t.tb_frame
        out.append(None if fr.f_lineno is None
                   else fr.f_lineno - fr.f_code.co_firstlineno)
        t = t.tb_next
    return tuple(out)

for f in (other_except, two_clauses, unnamed):
    print(f.__name__, frame_lines(f))

events = []
def tracer(frame, event, arg):
    if frame.f_code is other_except.__code__:
        events.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer
sys.settrace(tracer)
try:
    other_except()
except ZeroDivisionError:
    pass
sys.settrace(None)
print(events)
