# multiprocessing.Pool: every map form, apply and the async variants with
# callbacks, chunking, exceptions re-raised with the worker's traceback,
# initializer, maxtasksperchild, close/join/terminate, the context
# manager, unpicklable results, and ThreadPool.
import multiprocessing as mp
from multiprocessing.pool import ThreadPool
import os
import time


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail_on_three(x):
    if x == 3:
        raise ValueError('three is bad')
    return x


def pid(_=None):
    return os.getpid()


tag = 'parent'


def set_tag(value):
    global tag
    tag = value


def get_tag(_=None):
    return tag


def unpicklable(_):
    return lambda: 0


def slow(x):
    time.sleep(x)
    return x


def main():
    ctx = mp.get_context('fork')
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.map(square, range(10), chunksize=3))
        print(pool.map(square, []))
        print(list(pool.imap(square, range(6))))
        print(list(pool.imap(square, range(7), chunksize=2)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(sorted(pool.imap_unordered(square, range(7), chunksize=3)))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(pool.starmap_async(add, [(1, 1)]).get(30))
        print(pool.apply(add, (2, 3)), pool.apply(add, (), {'a': 1, 'b': 9}))

        got = []
        r = pool.apply_async(square, (9,), callback=got.append)
        print(r.get(30), r.ready(), r.successful(), got)
        m = pool.map_async(square, [1, 2, 3], callback=got.append)
        m.wait(30)
        print(m.get(), got)

        errors = []
        e = pool.apply_async(fail_on_three, (3,), error_callback=errors.append)
        try:
            e.get(30)
        except ValueError as exc:
            cause = exc.__cause__
            print('apply_async raised', repr(exc), type(cause).__name__,
                  "raise ValueError('three is bad')" in str(cause))
        print(e.successful(), [repr(x) for x in errors])
        try:
            pool.map(fail_on_three, range(6))
        except ValueError as exc:
            print('map raised', exc)
        it = pool.imap(fail_on_three, range(5))
        out = []
        for _ in range(5):
            try:
                out.append(next(it))
            except ValueError as exc:
                out.append(str(exc))
        print('imap items', out)
        try:
            pool.apply(unpicklable, (1,))
        except mp.pool.MaybeEncodingError as exc:
            print('MaybeEncodingError', str(exc).startswith('Error sending result:'))

        t = pool.apply_async(slow, (5,))
        try:
            t.get(timeout=0.05)
        except mp.TimeoutError:
            print('TimeoutError', t.ready())
        try:
            t.successful()
        except ValueError as exc:
            print('ValueError', 'not ready' in str(exc))
        pids = set(pool.map(pid, range(20), chunksize=1))
        print('workers', len(pids) <= 2, os.getpid() not in pids)
    # The context manager terminated the pool (and the slow task).
    try:
        pool.map(square, [1])
    except ValueError as exc:
        print('after with:', exc)

    pool = ctx.Pool(1, initializer=set_tag, initargs=('child',))
    print('initializer', pool.apply(get_tag), tag)
    pool.close()
    try:
        pool.apply(get_tag)
    except ValueError as exc:
        print('closed:', exc)
    pool.join()

    pool = ctx.Pool(1, maxtasksperchild=2)
    pids = [pool.apply(pid) for _ in range(5)]
    print('maxtasksperchild', len(set(pids)), pids[0] == pids[1],
          pids[1] != pids[2])
    pool.close()
    pool.join()

    for bad in ({'processes': 0}, {'maxtasksperchild': 0},
                {'initializer': 5}):
        try:
            ctx.Pool(**bad)
        except (ValueError, TypeError) as exc:
            print(type(exc).__name__, exc)

    with ThreadPool(3) as tp:
        print('threads', tp.map(square, range(5)), tp.apply(pid) == os.getpid(),
              sorted(tp.imap_unordered(square, [3, 1, 2])))
        try:
            tp.apply(fail_on_three, (3,))
        except ValueError as exc:
            print('thread pool raised', exc, exc.__cause__)

    # The default (forkserver) and spawn contexts run the same way.
    for method in ('forkserver', 'spawn'):
        with mp.get_context(method).Pool(2) as pool:
            print(method, pool.map(square, range(5)),
                  pool.starmap(add, [(1, 2)]), list(pool.imap(square, [7])))
    print('children left', mp.active_children())


if __name__ == '__main__':
    main()
