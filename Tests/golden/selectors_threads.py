# A selector blocked in select() lets other threads run (the wait is
# detached), and wakes when another thread writes.
import os
import selectors
import threading
import time

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    r, w = os.pipe()
    counter = [0]

    def writer():
        # Runs Python code while the main thread waits in select().
        for i in range(1000):
            counter[0] += 1
        time.sleep(0.01)
        os.write(w, b"go")

    with cls() as sel:
        sel.register(r, selectors.EVENT_READ, "pipe")
        t = threading.Thread(target=writer)
        t.start()
        events = sel.select(5)
        t.join()
        print(cls.__name__, [(k.data, ev) for k, ev in events], counter[0], os.read(r, 2))
    os.close(r)
    os.close(w)
