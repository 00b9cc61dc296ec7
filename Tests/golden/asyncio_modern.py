# asyncio features of 3.12-3.15: eager tasks, async as_completed,
# Queue.shutdown, get_event_loop without a loop, Runner with awaitables.
import asyncio


async def child(name, log):
    log.append(f'{name} first step')
    await asyncio.sleep(0)
    log.append(f'{name} second step')
    return name


async def test_eager():
    loop = asyncio.get_running_loop()
    log = []
    loop.set_task_factory(asyncio.eager_task_factory)
    print('factory set', loop.get_task_factory() is asyncio.eager_task_factory)
    t = asyncio.create_task(child('eager', log))
    log.append('after create_task')
    print('eager log', log, t.done())
    await t

    async def immediate():
        return 'done at once'

    t = asyncio.create_task(immediate())
    print('finished eagerly', t.done(), t.result())
    loop.set_task_factory(None)
    log.clear()
    t = asyncio.create_task(child('lazy', log))
    log.append('after create_task')
    await t
    print('lazy log', log)
    factory = asyncio.create_eager_task_factory(asyncio.Task)
    t = factory(loop, immediate(), name='custom')
    print('custom factory', t.get_name(), t.done())
    t = asyncio.Task(immediate(), eager_start=True)
    print('eager_start', t.done(), await t)


async def test_as_completed_async():
    async def after(delay, value):
        await asyncio.sleep(delay)
        return value

    tasks = [asyncio.create_task(after(d, v))
             for d, v in ((0.09, 'c'), (0.01, 'a'), (0.05, 'b'))]
    order = []
    async for task in asyncio.as_completed(tasks):
        order.append((task in tasks, await task))
    print('async as_completed', order)
    try:
        async for _ in asyncio.as_completed([asyncio.sleep(1)],
                                            timeout=0.01):
            pass
    except TimeoutError:
        print('as_completed timeout')


async def test_queue_shutdown():
    q = asyncio.Queue()
    q.put_nowait(1)
    getter_q = asyncio.Queue()
    getter = asyncio.create_task(getter_q.get())
    await asyncio.sleep(0)
    getter_q.shutdown()
    try:
        await getter
    except asyncio.QueueShutDown:
        print('blocked get -> QueueShutDown')
    q.shutdown()
    try:
        q.put_nowait(2)
    except asyncio.QueueShutDown:
        print('put after shutdown -> QueueShutDown')
    print('get still works', await q.get())
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print('empty get -> QueueShutDown')
    q2 = asyncio.Queue()
    for i in range(3):
        q2.put_nowait(i)
    q2.shutdown(immediate=True)
    print('immediate drops items', q2.qsize(), q2.empty())
    await q2.join()
    print('join returns after immediate shutdown')


async def test_timeout_repr():
    async with asyncio.timeout(None) as cm:
        print('timeout repr', repr(cm))
    print('finished repr', repr(cm))
    print('task repr', repr(asyncio.current_task()).startswith(
        "<Task pending name='Task-"))


async def job(i, d, log):
    try:
        await asyncio.sleep(d)
        log.append(f'job {i} done')
    except asyncio.CancelledError:
        log.append(f'job {i} cancelled')
        raise


async def test_taskgroup_cancel():
    log = []
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(1, 0.01, log))
        tg.create_task(job(2, 1, log))
        await asyncio.sleep(0.03)
        tg.cancel()
        await asyncio.sleep(1)
        log.append('not reached')
    print('body cancel', log, asyncio.current_task().cancelling())
    log = []
    async with asyncio.TaskGroup() as tg:
        async def stopper():
            await asyncio.sleep(0.01)
            tg.cancel()
        tg.create_task(stopper())
        tg.create_task(job(3, 1, log))
    print('cancel from child while exiting', log)
    tg = asyncio.TaskGroup()
    tg.cancel()
    log = []
    async with tg:
        await asyncio.sleep(0)
        log.append('not reached')
    print('cancel before entry', log)
    tg.cancel()
    print('after exit ok', asyncio.current_task().cancelling())
    t = asyncio.current_task()
    async def outer_cancel():
        await asyncio.sleep(0.01)
        t.cancel()
    asyncio.create_task(outer_cancel())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(5, 1, log))
    except asyncio.CancelledError:
        print('external cancel still propagates')


class Later:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 'awaitable result'


print('== test_get_event_loop')
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print('RuntimeError', e)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print('get_event_loop', asyncio.get_event_loop() is loop)
asyncio.set_event_loop(None)
loop.close()
try:
    asyncio.set_event_loop(42)
except TypeError as e:
    print('TypeError', e)


async def main():
    for test in (test_eager, test_as_completed_async, test_queue_shutdown,
                 test_timeout_repr, test_taskgroup_cancel):
        print(f'== {test.__name__}')
        await test()


asyncio.run(main())
with asyncio.Runner() as runner:
    print('runner awaitable', runner.run(Later()))
try:
    asyncio.run(42)
except TypeError as e:
    print('TypeError', e)

print('== deprecated policies')
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    policy = asyncio.get_event_loop_policy()
    base = asyncio.DefaultEventLoopPolicy

    class Policy(base):
        def new_event_loop(self):
            print('policy creates the loop')
            return super().new_event_loop()

    asyncio.set_event_loop_policy(Policy())
    print('with policy', asyncio.run(asyncio.sleep(0, 'ok')))
    asyncio.set_event_loop_policy(None)
print('policy is default', isinstance(policy, base))
print('warnings', sorted({str(w.message) for w in caught}))
