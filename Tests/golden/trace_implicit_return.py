import sys
def f(x):
    if x:
        y = 1
    else:
        y = 2
def g():
    for i in range(2):
        pass
events = []
def tr(frame, event, arg):
    if frame.f_code.co_name in ("f", "g"):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tr
sys.settrace(tr); f(1); f(0); g(); sys.settrace(None)
print(events)
