# gc.collect() from inside a running collection (a finalizer, a gc.callbacks
# entry) returns 0 instead of waiting for itself; a forked child can
# collect even when the parent forked from inside a finalizer.
import gc
import os
import sys


class Finalized:
    def __del__(self):
        print("collect inside __del__ ->", gc.collect(), flush=True)


a = Finalized()
a.self = a
del a
print("outer collect found the cycle:", gc.collect() >= 1)


def callback(phase, info):
    if phase == "start":
        print("collect inside callback ->", gc.collect())


gc.callbacks.append(callback)
print("outer collect:", gc.collect())
gc.callbacks.clear()


class ForksInDel:
    def __del__(self):
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            b = Finalized()
            b.self = b
            del b
            print("child collect:", gc.collect(), flush=True)
            os._exit(0)
        os.waitpid(pid, 0)


c = ForksInDel()
c.self = c
del c
print("parent collect found the cycle:", gc.collect() >= 1)
print("after the fork:", gc.collect())
