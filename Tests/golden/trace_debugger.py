# A tiny pdb-like debugger on sys.settrace: breakpoints by line, step,
# next, return, locals inspection and modification through f_locals,
# f_back walking, f_trace_lines / f_trace_opcodes, a trace function that
# raises, sys.call_tracing.  Expected output: CPython 3.11's, except that
# sys.call_tracing traces the call as documented (3.11 showed no event).
import sys

class MiniDebugger:
    def __init__(self, commands):
        self.commands = list(commands)
        self.breaks = set()
        self.mode = 'continue'
        self.stop_frame = None
        self.log = []

    def rel(self, frame):
        return frame.f_lineno - frame.f_code.co_firstlineno

    def dispatch(self, frame, event, arg):
        if event == 'call':
            if self.mode == 'step' or self.breaks:
                return self.dispatch
            return None
        if event == 'line':
            key = (frame.f_code.co_name, self.rel(frame))
            if (self.mode == 'step'
                    or (self.mode == 'next' and frame is self.stop_frame)
                    or key in self.breaks):
                self.interact(frame)
        elif event == 'return' and self.mode == 'return' and frame is self.stop_frame:
            self.log.append(f"returning {arg!r} from {frame.f_code.co_name}")
            self.mode = 'continue'
        return self.dispatch

    def interact(self, frame):
        where = f"{frame.f_code.co_name}:{self.rel(frame)}"
        while self.commands:
            cmd = self.commands.pop(0)
            if cmd == 'where':
                stack = []
                f = frame
                while f is not None and f.f_code.co_name != '<module>':
                    stack.append(f.f_code.co_name)
                    f = f.f_back
                self.log.append(f"{where} stack {stack}")
            elif cmd.startswith('p '):
                name = cmd[2:]
                self.log.append(f"{where} {name} = {frame.f_locals.get(name)!r}")
            elif cmd.startswith('set '):
                name, value = cmd[4:].split('=')
                frame.f_locals[name] = int(value)
                self.log.append(f"{where} set {name}")
            elif cmd in ('step', 'next', 'return', 'continue'):
                self.mode = cmd
                self.stop_frame = frame
                self.log.append(f"{where} {cmd}")
                return
        self.mode = 'continue'

def helper(n):
    m = n * 10
    return m + 1

def program():
    a = 1
    b = helper(a)
    c = a + b
    return c

dbg = MiniDebugger(['where', 'p a', 'step', 'step', 'where', 'p n',
                    'return', 'p b', 'set a=100', 'next', 'p c',
                    'continue'])
dbg.breaks.add(('program', 2))
dbg.breaks.add(('program', 3))
sys.settrace(dbg.dispatch)
result = program()
sys.settrace(None)
for line in dbg.log:
    print(line)
print('result', result)

# f_trace_lines = False: only call/return; f_trace_opcodes: opcode events.
kinds = []
def quiet(frame, event, arg):
    if event == 'call':
        frame.f_trace_lines = False
        frame.f_trace_opcodes = True
    kinds.append(event)
    return quiet
sys.settrace(quiet)
helper(2)
sys.settrace(None)
print(kinds[0], kinds[-1], 'line' in kinds, kinds.count('opcode') > 3)

# A trace function that raises: tracing stops, the error propagates.
def failing(frame, event, arg):
    if event == 'line':
        raise LookupError('trace failed')
    return failing
sys.settrace(failing)
try:
    helper(3)
except LookupError as e:
    print('propagated:', e)
print('trace removed:', sys.gettrace() is None)

# sys.call_tracing traces even from inside a trace function.
inner = []
def inner_tracer(frame, event, arg):
    inner.append((event, frame.f_code.co_name))
def outer_tracer(frame, event, arg):
    if event == 'call' and frame.f_code.co_name == 'program':
        sys.settrace(inner_tracer)
        sys.call_tracing(helper, (5,))
        sys.settrace(outer_tracer)
    return None
sys.settrace(outer_tracer)
program()
sys.settrace(None)
print(inner)
print('call_tracing:', sys.call_tracing(helper, (4,)))
