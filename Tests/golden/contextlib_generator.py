# contextlib.contextmanager / asynccontextmanager: generator protocol
# edge cases (no yield, two yields, StopIteration in the body, suppression,
# re-raise rules), ContextDecorator and AsyncContextDecorator.
from contextlib import (contextmanager, asynccontextmanager, ContextDecorator,
                        AsyncContextDecorator, AbstractContextManager)

def run(coro):
    # Drives a coroutine that never really suspends (no event loop yet).
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError('coroutine suspended')

def show(exc):
    cause = exc.__cause__
    print('  %s: %s (cause=%s, context=%s)' % (
        type(exc).__name__, exc,
        type(cause).__name__ if cause else None,
        type(exc.__context__).__name__ if exc.__context__ else None))

log = []

@contextmanager
def tracked(name):
    """Tracks entry and exit."""
    log.append('enter ' + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append('caught %r' % e.args[0])
    finally:
        log.append('exit ' + name)

print(tracked.__name__, tracked.__doc__, tracked('x').__doc__)
with tracked('a') as value:
    log.append('body ' + value)
print(log); log.clear()

with tracked('b'):
    raise KeyError('suppressed')
print(log); log.clear()

try:
    with tracked('c'):
        raise ValueError('passes')
except ValueError as e:
    show(e)
print(log); log.clear()

print('-- generator did not yield / did not stop')
@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    show(e)

@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    show(e)

@contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        yield 'again'
try:
    with keeps_going():
        raise ValueError
except RuntimeError as e:
    show(e)

print('-- StopIteration raised in the body')
@contextmanager
def plain():
    yield
try:
    with plain():
        raise StopIteration('body')
except StopIteration as e:
    show(e)

@contextmanager
def swallow_stop():
    try:
        yield
    except StopIteration:
        pass
with swallow_stop():
    raise StopIteration('swallowed')
print('  swallowed ok')

print('-- the generator raises something else')
@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError('translated') from e
try:
    with translate():
        1 / 0
except ArithmeticError as e:
    show(e)

@contextmanager
def reraise_same():
    try:
        yield
    except LookupError:
        raise
try:
    with reraise_same():
        raise IndexError('same')
except IndexError as e:
    show(e)
    print('  traceback kept:', e.__traceback__ is not None)

print('-- exit with a type only')
cm = plain()
cm.__enter__()
try:
    cm.__exit__(TypeError, None, None)
except TypeError as e:
    print('  thrown instance of', type(e).__name__)

print('-- used as a decorator: a fresh generator per call')
@tracked('deco')
def decorated(x):
    log.append('call %d' % x)
    return x * 2
print(decorated(1), decorated(2), log); log.clear()

class mycm(ContextDecorator):
    def __enter__(self):
        log.append('in')
        return self
    def __exit__(self, *exc):
        log.append('out %s' % (exc[0].__name__ if exc[0] else None))
        return False

@mycm()
def f(fail):
    if fail:
        raise OSError('f')
    return 'ok'
print(f(False))
try:
    f(True)
except OSError as e:
    show(e)
print(log); log.clear()
print(isinstance(plain(), AbstractContextManager))

print('-- asynccontextmanager')
@asynccontextmanager
async def agen(name):
    log.append('aenter ' + name)
    try:
        yield name * 2
    except KeyError:
        log.append('acaught')
    finally:
        log.append('aexit ' + name)

async def use_agen():
    async with agen('z') as v:
        log.append('body ' + v)
    async with agen('k'):
        raise KeyError
    try:
        async with agen('e'):
            raise ValueError('through')
    except ValueError as e:
        show(e)
    return 'finished'
print(run(use_agen()), log); log.clear()

@asynccontextmanager
async def a_no_yield():
    if False:
        yield

@asynccontextmanager
async def a_two_yields():
    yield
    yield

@asynccontextmanager
async def a_keeps_going():
    try:
        yield
    except ValueError:
        yield

@asynccontextmanager
async def a_plain():
    yield

async def a_errors():
    for cm, exc in ((a_no_yield, None), (a_two_yields, None),
                    (a_keeps_going, ValueError), (a_plain, StopIteration),
                    (a_plain, StopAsyncIteration)):
        try:
            async with cm():
                if exc:
                    raise exc('x')
        except (RuntimeError, StopIteration, StopAsyncIteration) as e:
            show(e)
run(a_errors())

class acm(AsyncContextDecorator):
    async def __aenter__(self):
        log.append('ain')
    async def __aexit__(self, *exc):
        log.append('aout')

@acm()
async def g(x):
    return x + 1

@agen('deco')
async def h():
    return 'h'
print(run(g(1)), run(h()), run(h()), log)
