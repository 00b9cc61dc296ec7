# contextlib.ExitStack / AsyncExitStack: callback order, suppression,
# exception context chaining, pop_all, errors.
import sys
from contextlib import ExitStack, AsyncExitStack, nullcontext, closing

def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError('coroutine suspended')

def chain(exc):
    names = []
    while exc is not None:
        names.append('%s(%s)' % (type(exc).__name__, exc))
        exc = exc.__context__
    return ' <- '.join(names)

log = []

class CM:
    def __init__(self, name, suppress=False, fail=None):
        self.name, self.suppress, self.fail = name, suppress, fail
    def __enter__(self):
        log.append('enter ' + self.name)
        return self.name
    def __exit__(self, typ, exc, tb):
        log.append('exit %s %s' % (self.name, typ.__name__ if typ else None))
        if self.fail:
            raise self.fail
        return self.suppress

print('-- order and results')
with ExitStack() as stack:
    print(stack.enter_context(CM('a')), stack.enter_context(CM('b')))
    cb = stack.callback(log.append, 'callback', )
    print(cb is log.append)
    def plain_exit(*exc):
        log.append('plain exit')
    print(stack.push(plain_exit) is plain_exit)
    pushed = CM('pushed')
    print(stack.push(pushed) is pushed)
print(log); log.clear()

print('-- callback kwargs and __wrapped__')
with ExitStack() as stack:
    stack.callback(lambda *a, **k: log.append((a, sorted(k.items()))), 1, 2, callback=3, self=4)
    print(stack._exit_callbacks[-1][1].__wrapped__.__name__)
print(log); log.clear()

print('-- suppression')
with ExitStack() as stack:
    stack.enter_context(CM('outer'))
    stack.enter_context(CM('suppressor', suppress=True))
    stack.enter_context(CM('inner'))
    raise KeyError('gone')
print('suppressed;', log); log.clear()
print(ExitStack().__exit__(None, None, None))

print('-- exceptions raised by callbacks are chained')
try:
    with ExitStack() as stack:
        stack.enter_context(CM('first', fail=IndexError('from first')))
        stack.enter_context(CM('second', fail=KeyError('from second')))
        raise ValueError('body')
except Exception as e:
    print(chain(e))
print(log); log.clear()

try:
    with ExitStack() as stack:
        stack.enter_context(CM('raiser', fail=TypeError('late')))
        stack.enter_context(CM('suppressor', suppress=True))
        raise ValueError('body')
except Exception as e:
    print(chain(e))
log.clear()

try:
    with ExitStack() as stack:
        stack.callback(int, 'x')
except ValueError as e:
    print(chain(e))

print('-- the frame already handles an exception')
try:
    raise OSError('outer')
except OSError:
    try:
        with ExitStack() as stack:
            stack.enter_context(CM('x', fail=AttributeError('in exit')))
            raise LookupError('body')
    except Exception as e:
        print(chain(e))
log.clear()

print('-- pop_all and close')
with ExitStack() as stack:
    stack.enter_context(CM('kept'))
    saved = stack.pop_all()
print(log, type(saved).__name__)
saved.close()
print(log); log.clear()
saved.close()
print(log)

print('-- bad arguments')
for bad in (1, nullcontext):
    try:
        ExitStack().enter_context(bad)
    except TypeError as e:
        print(e)
try:
    ExitStack().callback()
except TypeError as e:
    print('callback() needs a callable')
with ExitStack() as stack:
    print(stack.enter_context(nullcontext(5)))
    class Closable:
        def close(self):
            log.append('closed')
    stack.enter_context(closing(Closable()))
print(log); log.clear()

print('-- AsyncExitStack')
class ACM:
    def __init__(self, name, suppress=False, fail=None):
        self.name, self.suppress, self.fail = name, suppress, fail
    async def __aenter__(self):
        log.append('aenter ' + self.name)
        return self.name
    async def __aexit__(self, typ, exc, tb):
        log.append('aexit %s %s' % (self.name, typ.__name__ if typ else None))
        if self.fail:
            raise self.fail
        return self.suppress

async def main():
    async with AsyncExitStack() as stack:
        print(await stack.enter_async_context(ACM('a')))
        stack.enter_context(CM('sync'))
        async def acb(x, *, y):
            log.append('acb %s %s' % (x, y))
        print(stack.push_async_callback(acb, 1, y=2) is acb)
        async def aexit(*exc):
            log.append('push_async_exit fn')
        stack.push_async_exit(aexit)
        stack.push_async_exit(ACM('pushed'))
        stack.callback(log.append, 'sync cb')
    print(log); log.clear()
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(ACM('f1', fail=IndexError('i')))
            await stack.enter_async_context(ACM('f2', fail=KeyError('k')))
            raise ValueError('abody')
    except Exception as e:
        print(chain(e))
    log.clear()
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(ACM('sup', suppress=True))
        raise ValueError('suppressed')
    print(log); log.clear()
    stack = AsyncExitStack()
    await stack.enter_async_context(ACM('closing'))
    other = stack.pop_all()
    await stack.aclose()
    print(log)
    await other.aclose()
    print(log); log.clear()
    try:
        await AsyncExitStack().enter_async_context(CM('sync only'))
    except TypeError as e:
        print(e)
    async with nullcontext('async null') as n:
        print(n)
    return 'done'
print(run(main()))
