# contextlib: suppress (with exception groups), redirect_stdout/stderr,
# chdir, closing, aclosing, nullcontext and the abstract base classes.
import io
import os
import sys
from contextlib import (suppress, redirect_stdout, redirect_stderr, chdir,
                        closing, aclosing, nullcontext, AbstractContextManager,
                        AbstractAsyncContextManager)

def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError('coroutine suspended')

print('-- suppress')
with suppress(KeyError):
    {}['x']
print('after KeyError')
with suppress(LookupError, ZeroDivisionError):
    1 / 0
with suppress():
    pass
try:
    with suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print('escaped:', e)
print(suppress(OSError).__exit__(None, None, None))

with suppress(ValueError):
    raise ExceptionGroup('all match', [ValueError(1), ValueError(2)])
print('whole group suppressed')
try:
    with suppress(ValueError):
        raise ExceptionGroup('mixed', [ValueError(1), TypeError(2),
                                       ExceptionGroup('nested', [ValueError(3), KeyError(4)])])
except ExceptionGroup as eg:
    print('rest:', repr(eg))
try:
    with suppress(ValueError):
        raise BaseExceptionGroup('base', [KeyboardInterrupt(), ValueError()])
except BaseExceptionGroup as eg:
    print('rest:', repr(eg))
with suppress(ExceptionGroup):
    raise ExceptionGroup('eg', [OSError()])
print('group type suppressed')

print('-- redirect_stdout / redirect_stderr')
buf = io.StringIO()
with redirect_stdout(buf) as target:
    print('captured line')
    print(target is buf)
print(repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    sys.stderr.write('to err\n')
print(repr(err.getvalue()), sys.stderr is sys.__stderr__)
first, second = io.StringIO(), io.StringIO()
r = redirect_stdout(first)
with r:
    print('one')
    with redirect_stdout(second):
        print('two')
    with r:
        print('reentered')
    print('back to one')
print(repr(first.getvalue()), repr(second.getvalue()))

print('-- chdir')
start = os.getcwd()
here = os.path.dirname(os.path.abspath(__file__))
with chdir(here) as entered:
    print(entered, os.getcwd() == here)
    with chdir(os.pardir):
        print(os.getcwd() == os.path.dirname(here))
    print(os.getcwd() == here)
print(os.getcwd() == start)
try:
    with chdir(os.path.join(here, 'no-such-directory-here')):
        pass
except FileNotFoundError:
    print('FileNotFoundError', os.getcwd() == start)

print('-- closing / aclosing')
class Thing:
    def close(self):
        print('  closed')
    async def aclose(self):
        print('  aclosed')
t = Thing()
with closing(t) as x:
    print(x is t)
try:
    with closing(Thing()):
        raise RuntimeError('body failed')
except RuntimeError as e:
    print('  propagated', e)

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print('  agen finalized')

async def use_aclosing():
    async with aclosing(Thing()) as thing:
        print(type(thing).__name__)
    async with aclosing(agen()) as g:
        async for v in g:
            print('  got', v)
            break
    return 'ok'
print(run(use_aclosing()))

print('-- nullcontext')
with nullcontext() as n:
    print(n)
obj = object()
with nullcontext(obj) as n:
    print(n is obj)
async def use_null():
    async with nullcontext(42) as n:
        return n
print(run(use_null()))

print('-- ABCs')
class Yes:
    def __enter__(self): return self
    def __exit__(self, *a): pass
class No:
    def __enter__(self): return self
class AYes:
    async def __aenter__(self): return self
    async def __aexit__(self, *a): pass
class ExitNone(Yes):
    __exit__ = None
print(issubclass(Yes, AbstractContextManager), issubclass(No, AbstractContextManager),
      issubclass(ExitNone, AbstractContextManager))
print(issubclass(AYes, AbstractAsyncContextManager), issubclass(Yes, AbstractAsyncContextManager))
print(isinstance(nullcontext(), AbstractContextManager),
      isinstance(nullcontext(), AbstractAsyncContextManager))
class Mine(AbstractContextManager):
    def __exit__(self, *exc):
        return super().__exit__(*exc)
m = Mine()
with m as entered:
    print(entered is m)
try:
    AbstractContextManager()
except TypeError:
    print('abstract: cannot instantiate')
class Incomplete(AbstractContextManager):
    pass
try:
    Incomplete()
except TypeError:
    print('missing __exit__: cannot instantiate')
class AMine(AbstractAsyncContextManager):
    async def __aexit__(self, *exc):
        return None
async def use_amine():
    async with AMine() as a:
        return type(a).__name__
print(run(use_amine()))
print(AbstractContextManager[int], AbstractAsyncContextManager[str])
