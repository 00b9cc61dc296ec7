# Event loop API: callbacks, timers, executor, threads, exception handler.
import asyncio
import concurrent.futures
import contextvars
import threading
import time


def test_callbacks():
    loop = asyncio.new_event_loop()
    log = []
    base = loop.time()
    loop.call_at(base + 0.02, log.append, 'at 0.02')
    loop.call_later(0.001, log.append, 'later 0.001')
    loop.call_at(base + 0.015, log.append, 'at 0.015')
    h = loop.call_later(0.005, log.append, 'cancelled timer')
    print('timer handle', type(h).__name__, h.cancelled())
    h.cancel()
    print('after cancel', h.cancelled())
    loop.call_soon(log.append, 'soon 1')
    h2 = loop.call_soon(log.append, 'cancelled soon')
    loop.call_soon(log.append, 'soon 2')
    h2.cancel()
    loop.call_at(base + 0.03, loop.stop)
    print('running before', loop.is_running())
    loop.run_forever()
    print('log', log)
    print('running after', loop.is_running(), 'closed', loop.is_closed())
    var = contextvars.ContextVar('v', default='none')
    ctx = contextvars.copy_context()
    ctx.run(var.set, 'in ctx')
    loop.call_soon(lambda: print('context value', var.get()), context=ctx)
    loop.call_soon(loop.stop)
    loop.run_forever()
    print('run_until_complete', loop.run_until_complete(asyncio.sleep(0, 'r')))
    loop.close()
    print('closed', loop.is_closed())
    try:
        loop.call_soon(print)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro = asyncio.sleep(0)
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro.close()
    loop.close()


def test_exception_handler():
    loop = asyncio.new_event_loop()
    seen = []

    def handler(loop, context):
        seen.append((context['message'], type(context.get('exception'))))

    print('default handler', loop.get_exception_handler())
    loop.set_exception_handler(handler)

    def bad():
        raise ZeroDivisionError('x')

    loop.call_soon(bad)
    loop.call_soon(loop.stop)
    loop.run_forever()
    print('handler saw', seen[0][0].startswith('Exception in callback'),
          seen[0][1].__name__)
    loop.call_exception_handler({'message': 'custom'})
    print('custom', seen[-1])
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print('TypeError', e)
    loop.set_exception_handler(None)
    loop.close()


def cpu_bound(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def test_executor():
    loop = asyncio.get_running_loop()
    ticks = 0
    stop = False

    async def ticker():
        nonlocal ticks
        while not stop:
            ticks += 1
            await asyncio.sleep(0.001)

    t = asyncio.create_task(ticker())
    result = await loop.run_in_executor(None, cpu_bound, 200000)
    stop = True
    await t
    print('executor result', result, 'loop ticked', ticks > 0)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(
            *(loop.run_in_executor(pool, cpu_bound, n) for n in (10, 20)))
    print('custom pool', results)

    def fails():
        raise ValueError('in thread')

    try:
        await loop.run_in_executor(None, fails)
    except ValueError as e:
        print('executor raised', e)

    var = contextvars.ContextVar('var')
    var.set('main value')

    def read_var(suffix):
        return var.get() + suffix

    print('to_thread', await asyncio.to_thread(read_var, '!'))
    print('thread name', await asyncio.to_thread(
        lambda: threading.current_thread() is threading.main_thread()))


async def test_threadsafe():
    loop = asyncio.get_running_loop()

    async def add(a, b):
        await asyncio.sleep(0.001)
        return a + b

    answers = []

    def from_thread():
        fut = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
        answers.append(('type', type(fut).__module__))
        answers.append(('result', fut.result(timeout=5)))
        loop.call_soon_threadsafe(answers.append, ('soon', 'threadsafe'))

    thread = threading.Thread(target=from_thread)
    thread.start()
    while thread.is_alive():
        await asyncio.sleep(0.001)
    await asyncio.sleep(0.001)
    thread.join()
    print('threadsafe', answers)

    cf = concurrent.futures.Future()
    wrapped = asyncio.wrap_future(cf)
    threading.Timer(0.01, cf.set_result, ('wrapped value',)).start()
    print('wrap_future', await wrapped)


async def test_futures():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print('future', fut.done(), fut.cancelled(), fut.get_loop() is loop)
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError', e)
    calls = []
    fut.add_done_callback(lambda f: calls.append('cb1'))
    cb2 = lambda f: calls.append('cb2')
    fut.add_done_callback(cb2)
    print('removed', fut.remove_done_callback(cb2))
    loop.call_later(0.001, fut.set_result, 'value')
    print('awaited', await fut)
    await asyncio.sleep(0)
    print('callbacks', calls)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError:
        print('set twice InvalidStateError')
    fut = loop.create_future()
    fut.set_exception(KeyError('k'))
    print('exception', repr(fut.exception()))
    fut = loop.create_future()
    print('cancel', fut.cancel(msg='why'), fut.cancelled())
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print('cancel message', e.args)
    print('isfuture', asyncio.isfuture(fut), asyncio.isfuture(1))


async def main():
    for test in (test_executor, test_threadsafe, test_futures):
        print(f'== {test.__name__}')
        await test()


print('== test_callbacks')
test_callbacks()
print('== test_exception_handler')
test_exception_handler()
asyncio.run(main())
with asyncio.Runner() as runner:
    print('runner', runner.run(asyncio.sleep(0, 'one')),
          runner.run(asyncio.sleep(0, 'two')))
    print('runner loop', runner.get_loop().is_running())
print('runner closed loop', runner.get_loop is not None)
coro = asyncio.sleep(0)
try:
    runner.run(coro)
except RuntimeError as e:
    print('RuntimeError', e)
coro.close()
