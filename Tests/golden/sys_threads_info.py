# sys._current_frames, sys._current_exceptions, coroutine origin
# tracking (cr_origin), dlopen flags and a few runtime attributes.
import os
import sys
import threading

print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(2)

async def co():
    pass

def make():
    return co()

c = make()
print([(os.path.basename(f), name) for f, line, name in c.cr_origin])
c.close()
sys.set_coroutine_origin_tracking_depth(0)
c = co()
print(c.cr_origin)
c.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as exc:
    print("ValueError:", exc)

started = threading.Event()
release = threading.Event()
def waiter():
    started.set()
    release.wait()
t = threading.Thread(target=waiter)
t.start()
started.wait()
frames = sys._current_frames()
print(t.ident in frames, threading.get_ident() in frames)
print(frames[threading.get_ident()].f_code.co_name)
try:
    raise KeyError("k")
except KeyError:
    current = sys._current_exceptions()
    print(repr(current[threading.get_ident()]))
release.set()
t.join()

old = sys.getdlopenflags()
sys.setdlopenflags(old | 0x100)
print(sys.getdlopenflags() == old | 0x100)
sys.setdlopenflags(old)
print(type(sys.getallocatedblocks()).__name__)
sys._clear_type_cache()
print(sys._base_executable == sys.executable, os.path.isdir(sys._stdlib_dir))
