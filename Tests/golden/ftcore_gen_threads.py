# Generators claimed before and after the second thread state exists
# (ftcore, session 13: while one thread state has ever existed a resume
# marks the generator executing with a plain store, afterwards with a
# compare-and-swap).  A generator that was claimed by the plain store and
# is still running when the first extra thread starts must look executing
# to that thread; afterwards, threads racing on one generator, on one
# coroutine driven by send() and on a `yield from` chain each see every
# value exactly once.
import threading

def probe_from_thread(gen):
    seen = []
    def worker():
        try:
            next(gen)
        except ValueError as e:
            seen.append(str(e))
    t = threading.Thread(target=worker)
    t.start()
    t.join()
    return seen

def running_gen():
    # The first resume happens before any thread starts.
    seen = probe_from_thread(me[0])
    yield seen
    yield "second"

me = [None]
g = running_gen()
me[0] = g
print("claimed before threads:", next(g))
print("resumed after:", next(g))

N = 2000
WORKERS = 4

def numbers():
    for i in range(N):
        yield i

def chain():
    yield from numbers()

def drain(source, out):
    while True:
        try:
            for x in source:
                out.append(x)
            return
        except ValueError as e:
            if "already executing" not in str(e):
                raise

def race(source):
    outs = [[] for _ in range(WORKERS)]
    threads = [threading.Thread(target=drain, args=(source, outs[i]))
               for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    values = sorted(x for out in outs for x in out)
    return values == list(range(N))

print("generator race:", race(numbers()))
print("yield from race:", race(chain()))

class Counter:
    def __await__(self):
        for i in range(N):
            yield i
        return "done"

async def counting():
    return await Counter()

def send_all(coro, out):
    while True:
        try:
            out.append(coro.send(None))
        except ValueError as e:
            if "already executing" not in str(e):
                raise
        except StopIteration as stop:
            out.append(stop.value)
        except RuntimeError as e:
            if "cannot reuse already awaited coroutine" not in str(e):
                raise
            return

def coroutine_race():
    # The threads share one coroutine; a send racing another gets
    # "already executing" and retries, a send after the end gets
    # RuntimeError.
    coro = counting()
    outs = [[] for _ in range(WORKERS)]
    threads = [threading.Thread(target=send_all, args=(coro, outs[i]))
               for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    values = [x for out in outs for x in out]
    done = values.count("done")
    numbers_seen = sorted(x for x in values if x != "done")
    return numbers_seen == list(range(N)), done

print("coroutine race:", coroutine_race())
