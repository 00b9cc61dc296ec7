# Locks, events, conditions, semaphores, barriers and queues.
import asyncio


async def test_lock():
    lock = asyncio.Lock()
    log = []

    async def user(name, hold):
        async with lock:
            log.append(f'{name} in')
            await asyncio.sleep(hold)
            log.append(f'{name} out')

    await asyncio.gather(user('a', 0.01), user('b', 0), user('c', 0.01))
    print('lock order', log)
    print('locked', lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)
    await lock.acquire()
    print('repr locked', '[locked]' in repr(lock))
    lock.release()

    # A cancelled waiter must not keep the lock.
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    lock.release()
    try:
        await waiter
    except asyncio.CancelledError:
        print('waiter cancelled, locked', lock.locked())


async def test_event():
    ev = asyncio.Event()
    results = []

    async def waiter(i):
        await ev.wait()
        results.append(i)

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print('is_set', ev.is_set(), results)
    ev.set()
    await asyncio.gather(*tasks)
    print('after set', sorted(results), await ev.wait())
    ev.clear()
    print('cleared', ev.is_set())


async def test_condition():
    cond = asyncio.Condition()
    items = []
    got = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            got.append((name, items.pop(0)))

    consumers = [asyncio.create_task(consumer(n)) for n in 'xy']
    await asyncio.sleep(0)
    async with cond:
        items.append(1)
        cond.notify()
    await asyncio.sleep(0)
    async with cond:
        items.append(2)
        cond.notify_all()
    await asyncio.gather(*consumers)
    print('condition', got)
    try:
        cond.notify()
    except RuntimeError as e:
        print('RuntimeError', e)


async def test_semaphore():
    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0

    async def job():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.005)
            active -= 1

    await asyncio.gather(*(job() for _ in range(6)))
    print('semaphore peak', peak, 'locked', sem.locked())
    bsem = asyncio.BoundedSemaphore(1)
    try:
        bsem.release()
    except ValueError as e:
        print('ValueError', e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError', e)


async def test_barrier():
    barrier = asyncio.Barrier(3)
    indexes = []

    async def party():
        indexes.append(await barrier.wait())

    await asyncio.gather(party(), party(), party())
    print('barrier indexes', sorted(indexes), barrier.n_waiting,
          barrier.broken)
    t = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    await barrier.abort()
    try:
        await t
    except asyncio.BrokenBarrierError:
        print('BrokenBarrierError, broken', barrier.broken)


async def test_queue():
    q = asyncio.Queue(maxsize=2)
    print('empty', q.empty(), 'full', q.full(), 'maxsize', q.maxsize)
    await q.put(1)
    q.put_nowait(2)
    print('full', q.full(), 'qsize', q.qsize())
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print('QueueFull')
    putter = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    print('putter blocked', not putter.done())
    print('get', await q.get(), q.get_nowait())
    await putter
    print('get after put', q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')

    work = asyncio.Queue()
    done = []

    async def worker():
        while True:
            item = await work.get()
            done.append(item * 10)
            work.task_done()

    workers = [asyncio.create_task(worker()) for _ in range(2)]
    for i in range(5):
        work.put_nowait(i)
    await work.join()
    print('joined', sorted(done))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        work.task_done()
    except ValueError as e:
        print('ValueError', e)

    pq = asyncio.PriorityQueue()
    for item in (5, 1, 4, 2):
        pq.put_nowait(item)
    print('priority', [pq.get_nowait() for _ in range(4)])
    lq = asyncio.LifoQueue()
    for item in 'abc':
        lq.put_nowait(item)
    print('lifo', [lq.get_nowait() for _ in range(3)])


async def main():
    for test in (test_lock, test_event, test_condition, test_semaphore,
                 test_barrier, test_queue):
        print(f'== {test.__name__}')
        await test()


asyncio.run(main())
