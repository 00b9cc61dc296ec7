# multiprocessing.Process under each start method: arguments, results
# through a Queue, exit codes, names, repr, sentinels, terminate/kill,
# close, parent_process, and the spawn bootstrap re-importing the main
# module as __mp_main__ (so the guard below must be there).
import multiprocessing as mp
import os
import signal
import sys
import time

IMPORTED_AS = __name__


def report(q, *args, **kwargs):
    me = mp.current_process()
    parent = mp.parent_process()
    q.put((args, kwargs, me.name, parent is not None and parent.name,
           IMPORTED_AS, sys.modules['__main__'].__name__))


def exit_with(code):
    sys.exit(code)


def fail():
    raise KeyError('from the child')


def sleep_long():
    time.sleep(30)


def print_and_exit(text):
    print(text)


def main():
    print(mp.get_start_method(), mp.get_all_start_methods())
    print(sorted(mp.get_context(m).get_start_method()
                 for m in ('fork', 'spawn', 'forkserver')))
    try:
        mp.get_context('nope')
    except ValueError as e:
        print('ValueError', e)
    print(mp.current_process().name, mp.parent_process())

    for method in ('fork', 'spawn', 'forkserver'):
        ctx = mp.get_context(method)
        q = ctx.Queue()
        p = ctx.Process(target=report, args=(q, 1, 'two'), kwargs={'k': 3},
                        name='worker-' + method)
        print(method, repr(p).startswith("<%s name='worker-%s' parent=%d "
                                         "initial>" % (type(p).__name__,
                                                       method, os.getpid())))
        p.start()
        result = q.get(timeout=30)
        p.join(30)
        print(method, result[:4], result[4] in ('__main__', '__mp_main__'),
              p.exitcode, p.is_alive(), 'stopped' in repr(p))
        if method != 'fork':
            # The child re-ran this file as __mp_main__, not __main__.
            print(method, 'main imported as', result[4], result[5])

        codes = []
        for target, args in ((exit_with, (0,)), (exit_with, (7,)),
                             (exit_with, ('text',)), (fail, ())):
            c = ctx.Process(target=target, args=args)
            c.start()
            c.join(30)
            codes.append(c.exitcode)
        print(method, 'exit codes', codes)

        c = ctx.Process(target=sleep_long, daemon=True)
        c.start()
        print(method, 'alive', c.is_alive(), c.daemon,
              c in mp.active_children())
        c.terminate()
        c.join(30)
        print(method, 'terminated', c.exitcode == -signal.SIGTERM,
              'exitcode=-SIGTERM' in repr(c))
        c.close()
        try:
            c.is_alive()
        except ValueError as e:
            print(method, 'closed:', e)

        k = ctx.Process(target=sleep_long)
        k.start()
        from multiprocessing.connection import wait
        print(method, 'sentinel ready before kill',
              wait([k.sentinel], timeout=0) != [])
        k.kill()
        print(method, 'sentinel ready after kill',
              wait([k.sentinel], timeout=30) == [k.sentinel])
        k.join()
        print(method, 'killed', k.exitcode == -signal.SIGKILL)
        try:
            k.start()
        except AssertionError as e:
            print(method, 'AssertionError', e)

        # Output of the child reaches our stdout (flushed at its exit).
        sys.stdout.flush()
        o = ctx.Process(target=print_and_exit, args=(method + ' child says hi',))
        o.start()
        o.join(30)
        sys.stdout.flush()

    print('children left', mp.active_children())


if __name__ == '__main__':
    main()
