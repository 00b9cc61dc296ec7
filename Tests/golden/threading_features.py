# 3.13-3.15 concurrency additions: Thread(context=...), Queue.shutdown,
# threading.serialize_iterator, asyncio Runner/TaskGroup/timeout/eager tasks.
import asyncio, contextvars, queue, sys, threading, time

# Thread(context=...) and sys.flags.thread_inherit_context
var = contextvars.ContextVar("var", default="default")
var.set("main")
print("flag type", type(sys.flags.thread_inherit_context).__name__)
seen = []
ctx = contextvars.Context()
ctx.run(var.set, "explicit")
t = threading.Thread(target=lambda: seen.append(var.get()), context=ctx)
t.start(); t.join()
t = threading.Thread(target=lambda: seen.append(var.get()), context=contextvars.copy_context())
t.start(); t.join()
print(seen)

# queue.Queue.shutdown
q = queue.Queue()
q.put(1); q.put(2)
q.shutdown()
try:
    q.put(3)
except queue.ShutDown:
    print("put after shutdown: ShutDown")
print(q.get(), q.get())
try:
    q.get()
except queue.ShutDown:
    print("get on empty shut-down queue: ShutDown")
q2 = queue.Queue()
q2.put("x")
q2.shutdown(immediate=True)
print("immediate empties:", q2.qsize())
waiter_result = []
q3 = queue.Queue()
def waiter():
    try:
        q3.get()
    except queue.ShutDown:
        waiter_result.append("woken by shutdown")
t = threading.Thread(target=waiter); t.start()
# Whether the waiter is already blocked or not, get() on an empty queue
# that is shut down raises ShutDown.
time.sleep(0.01)
q3.shutdown(); t.join()
print(waiter_result)

# serialize_iterator
it = threading.serialize_iterator(iter(range(1000)))
out = []
def drain():
    for x in it:
        out.append(x)
ts = [threading.Thread(target=drain) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("serialized", sorted(out) == list(range(1000)))

# asyncio: Runner, TaskGroup, timeout, eager tasks
async def work(n, log):
    log.append(("start", n))
    await asyncio.sleep(0)
    log.append(("end", n))
    return n * 2

async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work(1, log))
        b = tg.create_task(work(2, log))
    print("taskgroup", a.result(), b.result())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout: TimeoutError")
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    elog = []
    t = asyncio.create_task(work(3, elog))
    print("eager started before await:", elog)
    print("eager result", await t)
    loop.set_task_factory(None)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(4, []))
            async def boom():
                raise ValueError("boom")
            tg.create_task(boom())
    except* ValueError as eg:
        print("taskgroup error", [str(e) for e in eg.exceptions])
    return "done"

with asyncio.Runner() as runner:
    print(runner.run(main()))
    print(runner.run(asyncio.sleep(0, "second run")))
