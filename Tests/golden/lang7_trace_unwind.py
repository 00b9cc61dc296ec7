# settrace: leaving a try/finally (return, break, continue) shows the
# finally body's lines and no jump back to the leaving statement.
import sys
events = []
def tr(frame, ev, arg):
    if frame.f_code.co_filename != __file__ or frame.f_code.co_name in ('tr', '<module>'):
        return tr
    events.append((frame.f_code.co_name, ev, frame.f_lineno))
    return tr
def r1(x):
    return (
        x
    )
def r2():
    return (
        1
    )
def r3(x):
    return x + \
        1
def r4():
    for i in range(2):
        try:
            break
        finally:
            y = 1
    return i
def r5():
    for i in range(2):
        try:
            continue
        finally:
            y = 1
    return i
def r6():
    try:
        pass
    finally:
        return 5
def r7():
    with open(__file__) as f:
        return 1
def r8():
    try:
        try:
            return 1
        finally:
            a = 1
    finally:
        b = 2
def r9(x):
    if x:
        return
    x = 1
sys.settrace(tr)
r1(1); r2(); r3(1); r4(); r5(); r6(); r7(); r8(); r9(1); r9(0)
sys.settrace(None)
for e in events: print(*e)
