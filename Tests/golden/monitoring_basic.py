# sys.monitoring (PEP 669): tool ids, callbacks, global and local events,
# DISABLE and MISSING, the events a coverage tool uses.  Python 3.11 has no
# sys.monitoring: the expected output is written from the 3.12+ docs.
import sys

mon = sys.monitoring
E = mon.events
TOOL = mon.COVERAGE_ID

print(mon.DEBUGGER_ID, mon.COVERAGE_ID, mon.PROFILER_ID, mon.OPTIMIZER_ID)
print(E.PY_START, E.PY_RESUME, E.PY_RETURN, E.PY_YIELD, E.CALL, E.LINE,
      E.INSTRUCTION, E.JUMP, E.BRANCH_LEFT, E.BRANCH_RIGHT, E.STOP_ITERATION,
      E.RAISE, E.EXCEPTION_HANDLED, E.PY_UNWIND, E.PY_THROW, E.RERAISE,
      E.C_RETURN, E.C_RAISE, E.NO_EVENTS)

print(mon.get_tool(TOOL))
mon.use_tool_id(TOOL, "cov")
print(mon.get_tool(TOOL))
try:
    mon.use_tool_id(TOOL, "again")
except ValueError as e:
    print("ValueError:", e)
try:
    mon.use_tool_id(9, "bad")
except ValueError as e:
    print("ValueError:", e)
try:
    mon.set_events(3, E.LINE)
except ValueError as e:
    print("ValueError:", e)

log = []
WATCHED = {"work", "gen", "fails", "loop"}
def rel(code, line):
    return line - code.co_firstlineno

def on_start(code, offset):
    if code.co_name in WATCHED:
        log.append(("start", code.co_name))
def on_resume(code, offset):
    if code.co_name in WATCHED:
        log.append(("resume", code.co_name))
def on_return(code, offset, value):
    if code.co_name in WATCHED:
        log.append(("return", code.co_name, value))
def on_yield(code, offset, value):
    if code.co_name in WATCHED:
        log.append(("yield", code.co_name, value))
def on_line(code, line):
    if code.co_name in WATCHED:
        log.append(("line", code.co_name, rel(code, line)))
def on_raise(code, offset, exc):
    if code.co_name in WATCHED:
        log.append(("raise", code.co_name, type(exc).__name__))
def on_handled(code, offset, exc):
    if code.co_name in WATCHED:
        log.append(("handled", code.co_name, type(exc).__name__))
def on_unwind(code, offset, exc):
    if code.co_name in WATCHED:
        log.append(("unwind", code.co_name, type(exc).__name__))
def on_call(code, offset, callable, arg0):
    if code.co_name in WATCHED:
        name = getattr(callable, "__name__", "?")
        log.append(("call", code.co_name, name, arg0 is mon.MISSING))

callbacks = [(E.PY_START, on_start), (E.PY_RESUME, on_resume),
             (E.PY_RETURN, on_return), (E.PY_YIELD, on_yield),
             (E.LINE, on_line), (E.RAISE, on_raise),
             (E.EXCEPTION_HANDLED, on_handled), (E.PY_UNWIND, on_unwind),
             (E.CALL, on_call)]
for ev, fn in callbacks:
    print(mon.register_callback(TOOL, ev, fn))
print(mon.register_callback(TOOL, E.CALL, on_call) is on_call)

def gen():
    yield 1
    return None

def fails():
    raise KeyError("x")

def work(n):
    total = 0
    for v in gen():
        total += v
    try:
        fails()
    except KeyError:
        total += 10
    return total + n

ALL = 0
for ev, fn in callbacks:
    ALL |= ev
mon.set_events(TOOL, ALL)
print(mon.get_events(TOOL) == ALL)
work(5)
mon.set_events(TOOL, 0)
for entry in log:
    print(entry)

# DISABLE: a LINE callback that disables itself fires once per line.
counts = {}
def count_line(code, line):
    if code.co_name == "loop":
        counts[rel(code, line)] = counts.get(rel(code, line), 0) + 1
    return mon.DISABLE
mon.register_callback(TOOL, E.LINE, count_line)
def loop():
    s = 0
    for i in range(5):
        s += i
    return s
mon.set_events(TOOL, E.LINE)
loop()
loop()
mon.set_events(TOOL, 0)
print(sorted(counts.items()))
mon.restart_events()
counts.clear()
mon.set_events(TOOL, E.LINE)
loop()
mon.set_events(TOOL, 0)
print(sorted(counts.items()))
mon.restart_events()

# Local events: only one code object reports.
mon.register_callback(TOOL, E.LINE, on_line)
log.clear()
mon.set_local_events(TOOL, loop.__code__, E.LINE)
print(mon.get_local_events(TOOL, loop.__code__) == E.LINE)
print(mon.get_local_events(TOOL, work.__code__))
loop()
work(1)
mon.set_local_events(TOOL, loop.__code__, 0)
print(log)

# DISABLE is refused for non-local events.
def bad_raise(code, offset, exc):
    return mon.DISABLE
mon.register_callback(TOOL, E.RAISE, bad_raise)
mon.set_events(TOOL, E.RAISE)
try:
    try:
        fails()
    except KeyError:
        pass
except ValueError as e:
    print("ValueError:", e)
mon.set_events(TOOL, 0)
try:
    mon.set_events(TOOL, E.C_RETURN)
except ValueError as e:
    print("ValueError:", e)

# BRANCH_LEFT / BRANCH_RIGHT and JUMP, as coverage.py's sysmon core uses.
seen = set()
def on_branch_left(code, src, dest):
    if code.co_name == "branchy":
        seen.add("left")
def on_branch_right(code, src, dest):
    if code.co_name == "branchy":
        seen.add("right")
        return mon.DISABLE
def on_jump(code, src, dest):
    if code.co_name == "branchy":
        seen.add("jump" if dest < src else "forward")
mon.register_callback(TOOL, E.BRANCH_LEFT, on_branch_left)
mon.register_callback(TOOL, E.BRANCH_RIGHT, on_branch_right)
mon.register_callback(TOOL, E.JUMP, on_jump)
def branchy(flag):
    n = 0
    while n < 2:
        n += 1
    if flag:
        n = 10
    return n
mon.set_events(TOOL, E.BRANCH_LEFT | E.BRANCH_RIGHT | E.JUMP)
branchy(True)
branchy(False)
mon.set_events(TOOL, 0)
print(sorted(seen))

mon.free_tool_id(TOOL)
print(mon.get_tool(TOOL))
