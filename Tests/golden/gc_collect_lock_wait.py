# gc.collect() while another thread's collection runs waits for it, but
# not for ever: here that collection's finalizer needs a lock the waiting
# thread holds, and the wait gives up (returns 0) instead of deadlocking.
import gc
import threading

lock = threading.Lock()
finalizer_started = threading.Event()


class NeedsLock:
    def __del__(self):
        finalizer_started.set()
        with lock:
            pass


def collect_in_thread():
    obj = NeedsLock()
    obj.me = obj
    del obj
    gc.collect()


with lock:
    worker = threading.Thread(target=collect_in_thread)
    worker.start()
    finalizer_started.wait(10)
    print("collect while the other thread's finalizer waits:", gc.collect())
worker.join()
print("both threads finished")
leftover = NeedsLock()
leftover.me = leftover
del leftover
print("collect afterwards finds the cycle:", gc.collect() >= 1)
