# Tasks, gather, wait, wait_for, shield, cancellation, timeouts, TaskGroup.
import asyncio
import contextvars

order = []


async def worker(name, delay, result=None, fail=None):
    order.append(f'start {name}')
    await asyncio.sleep(delay)
    if fail is not None:
        raise fail
    order.append(f'end {name}')
    return result if result is not None else name


async def test_basic():
    t = asyncio.create_task(worker('a', 0.01, 1), name='first')
    print('name', t.get_name(), 'done', t.done())
    print('result', await t, t.done(), t.result())
    t.set_name('renamed')
    print('renamed', t.get_name())
    print('current is task', asyncio.current_task() is not None)
    print('current coro', asyncio.current_task().get_coro().__name__)
    try:
        t.set_result(3)
    except RuntimeError as e:
        print('RuntimeError', e)


async def test_gather():
    order.clear()
    res = await asyncio.gather(worker('x', 0.09), worker('y', 0.01),
                               worker('z', 0.05))
    print('gather', res)
    print('order', order)
    res = await asyncio.gather(worker('p', 0.01),
                               worker('q', 0.0, fail=ValueError('boom')),
                               return_exceptions=True)
    print('gather exc', [type(r).__name__ if isinstance(r, Exception) else r
                         for r in res])
    try:
        await asyncio.gather(worker('r', 0.0, fail=KeyError('k')),
                             worker('s', 0.01))
    except KeyError as e:
        print('gather raised', repr(e))
    print('empty gather', await asyncio.gather())


async def test_cancel():
    started = asyncio.Event()

    async def sleeper():
        started.set()
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print('sleeper cancelled with', e.args)
            raise

    t = asyncio.create_task(sleeper())
    await started.wait()
    print('cancel ->', t.cancel('stop now'), 'cancelling', t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaited cancelled', e.args)
    print('cancelled()', t.cancelled(), 'cancel again', t.cancel())
    try:
        t.result()
    except asyncio.CancelledError:
        print('result raises CancelledError')

    async def uncancelling():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            print('uncancel ->', task.uncancel(), task.cancelling())
        return 'survived'

    t = asyncio.create_task(uncancelling())
    await asyncio.sleep(0)
    t.cancel()
    print('uncancelling result', await t)


async def test_wait():
    t1 = asyncio.create_task(worker('w1', 0.01, 'one'))
    t2 = asyncio.create_task(worker('w2', 0.2, 'two'))
    done, pending = await asyncio.wait({t1, t2},
                                       return_when=asyncio.FIRST_COMPLETED)
    print('FIRST_COMPLETED', [t.result() for t in done], len(pending))
    done, pending = await asyncio.wait({t2}, timeout=0.01)
    print('timeout', len(done), len(pending))
    t2.cancel()
    t3 = asyncio.create_task(worker('w3', 0.0, fail=OSError('bad')))
    t4 = asyncio.create_task(worker('w4', 0.1))
    done, pending = await asyncio.wait([t3, t4],
                                       return_when=asyncio.FIRST_EXCEPTION)
    print('FIRST_EXCEPTION', [repr(t.exception()) for t in done],
          len(pending))
    t4.cancel()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError', e)
    coro = worker('c', 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print('TypeError', e)
    coro.close()


async def test_wait_for():
    print('wait_for ok', await asyncio.wait_for(worker('f', 0.01, 7), 1))
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.02)
    except TimeoutError as e:
        print('wait_for timeout', type(e).__name__,
              type(e.__cause__).__name__)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0)
    except TimeoutError:
        print('wait_for zero timeout')


async def test_timeout():
    try:
        async with asyncio.timeout(0.02) as cm:
            print('timeout when set', cm.when() is not None)
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout expired', cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print('no timeout', cm.expired(), cm.when())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 10) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        print('rescheduled timeout expired')
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except RuntimeError as e:
        print('RuntimeError', e)


async def test_shield():
    inner_done = []

    async def inner():
        await asyncio.sleep(0.02)
        inner_done.append(True)
        return 'inner result'

    inner_task = asyncio.create_task(inner())
    outer = asyncio.shield(inner_task)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled')
    print('inner', await inner_task, inner_done)


async def test_taskgroup():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(worker('g1', 0.01, 1))
        t2 = tg.create_task(worker('g2', 0.02, 2))
    print('taskgroup', t1.result(), t2.result())
    slow = None
    try:
        async with asyncio.TaskGroup() as tg:
            slow = tg.create_task(worker('slow', 1))
            tg.create_task(worker('bad1', 0.01, fail=ValueError('v')))
            tg.create_task(worker('bad2', 0.01, fail=TypeError('t')))
    except* ValueError as eg:
        print('except* ValueError', [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print('except* TypeError', [repr(e) for e in eg.exceptions])
    print('slow cancelled', slow.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker('b', 0.01, fail=KeyError('x')))
            raise RuntimeError('body')
    except ExceptionGroup as eg:
        print('group', eg.message,
              sorted(type(e).__name__ for e in eg.exceptions))


var = contextvars.ContextVar('var', default='default')


async def test_context():
    var.set('outer')

    async def read():
        return var.get()

    print('inherits', await asyncio.create_task(read()))
    ctx = contextvars.Context()
    ctx.run(var.set, 'custom')
    print('custom context', await asyncio.create_task(read(), context=ctx))

    async def change():
        var.set('changed in task')

    await asyncio.create_task(change())
    print('isolated', var.get())


async def test_as_completed():
    coros = [worker('ac3', 0.09, 3), worker('ac1', 0.01, 1),
             worker('ac2', 0.05, 2)]
    results = []
    for fut in asyncio.as_completed(coros):
        results.append(await fut)
    print('as_completed', results)


async def test_ensure_future():
    class Awaitable:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return 'from awaitable'

    fut = asyncio.ensure_future(Awaitable())
    print('ensure_future', type(fut).__name__, await fut)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print('TypeError', e)


async def main():
    for test in (test_basic, test_gather, test_cancel, test_wait,
                 test_wait_for, test_timeout, test_shield, test_taskgroup,
                 test_context, test_as_completed, test_ensure_future):
        print(f'== {test.__name__}')
        await test()
    print('all_tasks', len(asyncio.all_tasks()))


asyncio.run(main())
coro = main()
print('iscoroutine', asyncio.iscoroutine(coro), asyncio.iscoroutine(main))
coro.close()
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)
