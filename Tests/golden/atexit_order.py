# atexit: last registered runs first, args/kwargs, unregister; a failing
# callback is reported (on stderr) and the others still run.
import atexit
import threading


def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))


def boom():
    raise ValueError("boom")


atexit._clear()
print(atexit.register(show, 1) is show)
atexit.register(boom)
atexit.register(show, 2, key="v")
atexit.register(print, "unregistered")
atexit.register(print, "unregistered again")
atexit.unregister(print)
print("count", atexit._ncallbacks())

atexit._run_exitfuncs()   # boom is reported on stderr
print("count after run", atexit._ncallbacks())

try:
    atexit.register(42)
except TypeError as exc:
    print("TypeError:", exc)
try:
    atexit.register()
except TypeError as exc:
    print("TypeError")

# Registration from many threads at once loses nothing.
def register_many():
    for _ in range(200):
        atexit.register(show)


threads = [threading.Thread(target=register_many) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("threaded count", atexit._ncallbacks())
atexit._clear()
print("cleared", atexit._ncallbacks())


# These run at interpreter exit, after the main program, before stdout
# is flushed; a failing one does not stop the others or the exit status.
@atexit.register
def last():
    print("exit: registered first, runs last")


atexit.register(boom)
atexit.register(lambda: print("exit: a lambda"))
atexit.register(show, "exit", when="first")
print("end of main program")
