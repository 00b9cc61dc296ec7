# A sys.monitoring LINE callback can move its frame with f_lineno, as a
# debugger built on PEP 669 does; PY_START refuses.  Python 3.11 has no
# sys.monitoring: the expected output is written by hand.
import sys

mon = sys.monitoring
mon.use_tool_id(mon.DEBUGGER_ID, "dbg")
out = []

def f():
    out.append(1)
    out.append(2)
    out.append(3)
    return out

state = {"jumped": False, "start_error": None}

def on_line(code, line):
    if code is f.__code__ and line == f.__code__.co_firstlineno + 1:
        if not state["jumped"]:
            state["jumped"] = True
            sys._getframe(1).f_lineno = line + 2

def on_start(code, offset):
    if code is f.__code__:
        try:
            sys._getframe(1).f_lineno = code.co_firstlineno + 2
        except ValueError as e:
            state["start_error"] = str(e)

mon.register_callback(mon.DEBUGGER_ID, mon.events.LINE, on_line)
mon.register_callback(mon.DEBUGGER_ID, mon.events.PY_START, on_start)
mon.set_events(mon.DEBUGGER_ID, mon.events.LINE | mon.events.PY_START)
print(f())
mon.set_events(mon.DEBUGGER_ID, 0)
print(state["start_error"])
print(f())
mon.free_tool_id(mon.DEBUGGER_ID)
