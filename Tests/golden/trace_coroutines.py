# sys.settrace and sys.setprofile with coroutines driven by hand (send,
# throw), await chains and async generators.
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith('<') or name == 'drive':
        return tracer
    line = frame.f_lineno - frame.f_code.co_firstlineno
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return':
        arg = repr(arg) if arg is None or isinstance(arg, (int, str)) else type(arg).__name__
    else:
        arg = ''
    events.append(f"{event:9} {name}:{line} {arg}".rstrip())
    return tracer

class Suspend:
    def __await__(self):
        value = yield 'suspended'
        return value

async def leaf():
    got = await Suspend()
    return got * 2

async def middle():
    a = await leaf()
    return a + 1

async def agen():
    yield 1
    yield 2
    return

async def use_agen():
    total = 0
    async for v in agen():
        total += v
    return total

def drive(coro, *sends):
    out = []
    try:
        out.append(coro.send(None))
        for s in sends:
            out.append(coro.send(s))
    except StopIteration as e:
        out.append(('done', e.value))
    return out

sys.settrace(tracer)
r1 = drive(middle(), 20)
r2 = drive(use_agen())
sys.settrace(None)
for e in events:
    print(e)
print(r1, r2)
