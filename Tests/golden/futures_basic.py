# concurrent.futures: Future states and callbacks, wait(), as_completed(),
# Executor.map through a thread pool, the exception hierarchy.
import concurrent.futures as cf
from concurrent.futures import Future
import threading
import time

print(sorted(cf.__all__))
print(cf.TimeoutError is TimeoutError, issubclass(cf.CancelledError, cf._base.Error),
      issubclass(cf.InvalidStateError, cf._base.Error),
      issubclass(cf.BrokenExecutor, RuntimeError))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)


def state(f):
    return (f.running(), f.cancelled(), f.done())


def future_states():
    f = Future()
    print("new", state(f), repr(f).split(" state=")[1])
    calls = []
    f.add_done_callback(lambda fut: calls.append(("cb1", fut.result())))
    print("run", f.set_running_or_notify_cancel(), state(f), f.cancel())
    print(repr(f).split(" state=")[1])
    try:
        f.result(timeout=0.01)
    except TimeoutError as e:
        print("TimeoutError", repr(e))
    f.set_result(42)
    print("done", state(f), f.result(), f.exception(), calls)
    print(repr(f).split(" state=")[1])
    try:
        f.set_result(1)
    except cf.InvalidStateError as e:
        print("InvalidStateError", str(e).startswith("FINISHED: <Future at"))
    try:
        f.set_running_or_notify_cancel()
    except RuntimeError as e:
        print("RuntimeError", e)
    f.add_done_callback(lambda fut: calls.append("late"))
    print(calls)

    g = Future()
    g.set_exception(ValueError("bad"))
    print(repr(g).split(" state=")[1], repr(g.exception()))
    try:
        g.result()
    except ValueError as e:
        print("raised", e)

    c = Future()
    c.add_done_callback(lambda fut: print("callback sees cancelled", fut.cancelled()))
    print("cancel", c.cancel(), c.cancel(), state(c))
    print("notify", c.set_running_or_notify_cancel())
    for call in (c.result, c.exception):
        try:
            call()
        except cf.CancelledError as e:
            print("CancelledError", repr(e))
    try:
        c.set_exception(KeyError())
    except cf.InvalidStateError as e:
        print("InvalidStateError", str(e).split(":")[0])
    print(Future[int])


future_states()


def setter(f, delay, value, exc=None):
    def run():
        time.sleep(delay)
        if exc is not None:
            f.set_exception(exc)
        else:
            f.set_result(value)
    t = threading.Thread(target=run)
    t.start()
    return t


def waiting():
    a, b, c = Future(), Future(), Future()
    ta = setter(a, 0.01, "a")
    done, not_done = cf.wait([a, b, c], return_when=cf.FIRST_COMPLETED)
    print("first completed", done == {a}, not_done == {b, c})
    tb = setter(b, 0.01, None, ValueError("b"))
    done, not_done = cf.wait([a, b, c], return_when=cf.FIRST_EXCEPTION)
    print("first exception", done == {a, b}, not_done == {c})
    done, not_done = cf.wait([a, b, c], timeout=0.02)
    print("timeout", len(done), len(not_done), type(done).__name__)
    tc = setter(c, 0.01, "c")
    result = cf.wait([a, b, c, c])
    print("all", len(result.done), result.not_done, type(result).__name__)
    for t in (ta, tb, tc):
        t.join()

    # as_completed yields finished ones first, then in completion order
    x, y, z = Future(), Future(), Future()
    z.set_result("z")
    setter(x, 0.15, "x")
    setter(y, 0.01, "y")
    print([f.result() for f in cf.as_completed([x, y, z, z])])
    p, q = Future(), Future()
    q.set_result(1)
    try:
        for f in cf.as_completed([p, q], timeout=0.02):
            print("yielded", f.result())
    except TimeoutError as e:
        print("TimeoutError", e)
    print("waiters left", p._waiters, q._waiters)
    try:
        cf.wait([p], return_when="bogus")
    except ValueError as e:
        print("ValueError", e)


waiting()


def mapping():
    with cf.ThreadPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(pow, [2, 3, 4], [5, 6, 7])))
        print(list(ex.map(str.upper, "abc", buffersize=1)))
        seen = []
        def record(x):
            seen.append(x)
            return x
        it = ex.map(record, range(100), buffersize=2)
        print(next(it), next(it))
        time.sleep(0.02)
        print("lazy", len(seen) <= 4)
        print(sum(it))
        for bad in (0, -1):
            try:
                ex.map(abs, [1], buffersize=bad)
            except ValueError as e:
                print("ValueError", e)
        try:
            ex.map(abs, [1], buffersize=1.5)
        except TypeError as e:
            print("TypeError", e)
        results = ex.map(lambda x: 10 // x, [5, 2, 0, 1])
        try:
            for r in results:
                print("map result", r)
        except ZeroDivisionError as e:
            print("map raised", e)
        slow = ex.map(time.sleep, [0.2], timeout=0.01)
        try:
            list(slow)
        except TimeoutError:
            print("map timeout")


mapping()

# An exception in a callback is logged, not raised.
f = Future()
f.add_done_callback(lambda fut: 1 / 0)
f.set_result(None)
print("after bad callback", f.result())
