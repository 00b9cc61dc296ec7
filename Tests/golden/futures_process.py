# ProcessPoolExecutor over multiprocessing (forkserver by default): results and exceptions come back by
# pickle, map with chunksize, initializer, max_tasks_per_child, a dead
# worker breaks the pool, shutdown and argument checks.
import concurrent.futures as cf
from concurrent.futures.process import BrokenProcessPool
import os


def square(x):
    return x * x


def my_pid(_=None):
    return os.getpid()


def fail(message):
    raise ValueError(message)


def die():
    os._exit(3)


def count_primes(limit):
    sieve = bytearray([1]) * limit
    sieve[0:2] = b'\x00\x00'
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytes(len(range(i * i, limit, i)))
    return sum(sieve)


state = {'tag': 'parent'}


def set_tag(tag):
    state['tag'] = tag


def get_tag():
    return state['tag'], os.getpid() != PARENT


def bad_init():
    raise RuntimeError('no init')


def unpicklable_result():
    return lambda: 0


PARENT = os.getpid()


def main():

    print(issubclass(BrokenProcessPool, cf.BrokenExecutor))
    for kwargs in ({'max_workers': 0}, {'initializer': 3},
                   {'max_tasks_per_child': 0}, {'max_tasks_per_child': 1.5}):
        try:
            cf.ProcessPoolExecutor(**kwargs)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)

    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(square, i) for i in range(8)]
        print([f.result() for f in futures])
        print(list(ex.map(square, range(10), chunksize=4)))
        print(list(ex.map(pow, [2, 3], [10, 3])))
        print('primes', list(ex.map(count_primes, [10**4, 2 * 10**4, 5 * 10**4])))
        err = ex.submit(fail, 'child failed').exception()
        print('exception', repr(err), type(err.__cause__).__name__,
              'ValueError: child failed' in str(err.__cause__))
        pickling = ex.submit(lambda: 1).exception()
        print('unpicklable call', type(pickling).__name__)
        back = ex.submit(unpicklable_result).exception()
        print('unpicklable result', type(back).__name__)
        pids = {f.result() for f in [ex.submit(my_pid) for _ in range(10)]}
        print('workers', len(pids) <= 2, PARENT not in pids)
        try:
            ex.map(square, [1], chunksize=0)
        except ValueError as e:
            print('ValueError', e)

    with cf.ProcessPoolExecutor(max_workers=1, initializer=set_tag,
                                initargs=('child',)) as ex:
        print('initializer', ex.submit(get_tag).result(), state['tag'])

    with cf.ProcessPoolExecutor(max_workers=1, max_tasks_per_child=2) as ex:
        pids = [ex.submit(my_pid).result() for _ in range(6)]
        print('max_tasks_per_child', len(set(pids)), pids[0] == pids[1],
              pids[1] != pids[2])

    ex = cf.ProcessPoolExecutor(max_workers=2)
    print(ex.submit(square, 3).result())
    try:
        ex.submit(die).result()
    except BrokenProcessPool as e:
        print('BrokenProcessPool', e)
    try:
        ex.submit(square, 2)
    except BrokenProcessPool as e:
        print('BrokenProcessPool', e)
    ex.shutdown()

    ex = cf.ProcessPoolExecutor(max_workers=1, initializer=bad_init)
    try:
        ex.submit(square, 2).result()
    except BrokenProcessPool:
        print('initializer failure breaks the pool')
    ex.shutdown()

    ex = cf.ProcessPoolExecutor(max_workers=1)
    ex.submit(square, 1).result()
    ex.shutdown()
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print('RuntimeError', e)

    # Left running: interpreter exit finishes the queued work.
    leftover = cf.ProcessPoolExecutor(max_workers=1)
    last = leftover.submit(square, 12)
    # atexit handlers run after the executors were shut down at exit.
    import atexit
    atexit.register(lambda: print('at exit', last.done(), last.result()))
    print('main done')


if __name__ == '__main__':
    main()
