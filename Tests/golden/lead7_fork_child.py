# In a forked child only the forking thread exists: it is the main thread,
# the parent's other threads are not listed, new threads work, and the
# child's normal exit does not wait for the parent's threads (it hung).
# Not in CI's ThreadSanitizer selection: TSan cannot run a child forked
# from a multi-threaded process.
import os
import sys
import threading

release = threading.Event()
waiter = threading.Thread(target=release.wait, args=(10,))
waiter.start()


def fork_and_report(label):
    sys.stdout.flush()  # else the child would print the parent's buffer too
    pid = os.fork()
    if pid == 0:
        print(label, "threads:", len(threading.enumerate()),
              threading.main_thread() is threading.current_thread(),
              threading.current_thread().name)
        helper = threading.Thread(target=lambda: print(label, "thread runs"))
        helper.start()
        helper.join()
        sys.stdout.flush()
        sys.exit(0)
    # The child's exit status is not printed: under LeakSanitizer a forked
    # child reports the parent's other threads' memory and exits with 23.
    os.waitpid(pid, 0)
    print(label, "child finished")


fork_and_report("from main")
worker = threading.Thread(target=fork_and_report, args=("from worker",),
                          name="worker")
worker.start()
worker.join()
release.set()
waiter.join()
print("parent done")
