# A thread started with a copy of its starter's contextvars context (what
# sys.flags.thread_inherit_context does, on by default in the free-threaded
# build) starts from a copy of the starter's decimal context: same settings,
# but its own object, so its changes and flags stay its own.
import asyncio
import contextvars
import threading
from decimal import Decimal, Inexact, getcontext, localcontext, setcontext, Context

main_ctx = getcontext()
main_ctx.prec = 12
main_ctx.clear_flags()
seen = {}


def child(name, prec):
    ctx = getcontext()
    seen[name] = (ctx.prec, ctx is main_ctx, getcontext() is ctx)
    ctx.prec = prec
    barrier.wait()
    for _ in range(50):
        value = Decimal(1) / Decimal(7)
        assert getcontext().prec == prec
    seen[name + ' result'] = str(value)
    seen[name + ' inexact'] = ctx.flags[Inexact]


barrier = threading.Barrier(2)
threads = [threading.Thread(target=child, args=(name, prec),
                            context=contextvars.copy_context())
           for name, prec in (('a', 3), ('b', 30))]
for t in threads:
    t.start()
for t in threads:
    t.join()
for key in sorted(seen):
    print(key, seen[key])
print('main', getcontext() is main_ctx, getcontext().prec,
      getcontext().flags[Inexact])


# A thread with its own empty context starts from DefaultContext.
def fresh():
    seen['fresh'] = getcontext().prec

t = threading.Thread(target=fresh, context=contextvars.Context())
t.start()
t.join()
print('fresh', seen['fresh'])


# setcontext and localcontext in an inheriting thread leave the starter's
# context alone.
def switcher():
    with localcontext(prec=5) as ctx:
        seen['local'] = str(Decimal(2).sqrt()), getcontext() is ctx
    seen['after local'] = getcontext().prec
    setcontext(Context(prec=7))
    seen['set'] = str(Decimal(2).sqrt())

t = threading.Thread(target=switcher, context=contextvars.copy_context())
t.start()
t.join()
print('local', seen['local'], seen['after local'], 'set', seen['set'])
print('main', getcontext() is main_ctx, getcontext().prec)


# asyncio tasks run in the creating thread and share its decimal context,
# as in CPython.
async def task_child():
    getcontext().prec = 9
    return getcontext() is main_ctx

async def task_main():
    same = await asyncio.create_task(task_child())
    print('task', same, getcontext().prec)

asyncio.run(task_main())
