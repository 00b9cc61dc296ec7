# queue.Queue.shutdown (3.13+): put raises at once; get drains first
# unless immediate; blocked callers are woken; join is released.
import queue
import threading
import time


def expect_shutdown(call, **kwargs):
    try:
        call(**kwargs)
    except queue.ShutDown:
        print("get ShutDown")


def case0():
    q = queue.Queue()
    q.put(1)
    q.put(2)
    q.shutdown()
    print("is_shutdown", q.is_shutdown)
    try:
        q.put(3)
    except queue.ShutDown as e:
        print("put ShutDown", repr(e))
    print("drain", q.get(), q.get_nowait())
    expect_shutdown(q.get)
    expect_shutdown(q.get_nowait)
    expect_shutdown(q.get, timeout=0.01)


def case1():
    # immediate: the items are discarded and their tasks marked done
    q = queue.LifoQueue()
    for i in range(3):
        q.put(i)
    q.get()
    q.task_done()
    print("unfinished before", q.unfinished_tasks, q.qsize())
    q.shutdown(immediate=True)
    print("unfinished after", q.unfinished_tasks, q.qsize())
    q.join()
    print("join returned")
    try:
        q.get()
    except queue.ShutDown:
        print("get ShutDown")


def case2():
    # blocked getters and putters are woken up
    q = queue.Queue(maxsize=1)
    q.put("x")
    results = []
    lock = threading.Lock()
    def blocked_put():
        try:
            q.put("y")
            res = "put ok"
        except queue.ShutDown:
            res = "put ShutDown"
        with lock:
            results.append(res)
    p = threading.Thread(target=blocked_put)
    p.start()
    time.sleep(0.03)
    e = queue.Queue()
    def blocked_get():
        try:
            e.get()
            res = "get ok"
        except queue.ShutDown:
            res = "get ShutDown"
        with lock:
            results.append(res)
    g = [threading.Thread(target=blocked_get) for _ in range(2)]
    for t in g:
        t.start()
    time.sleep(0.03)
    q.shutdown()
    e.shutdown()
    p.join()
    for t in g:
        t.join()
    print(sorted(results))
    print("remaining", q.get())


def case3():
    # a join blocked on unfinished tasks is released by an immediate shutdown
    q = queue.Queue()
    q.put("task")
    joined = threading.Thread(target=q.join)
    joined.start()
    time.sleep(0.02)
    q.shutdown(immediate=True)
    joined.join(2)
    print("join released", not joined.is_alive())
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError", e)
    print(issubclass(queue.ShutDown, Exception), queue.ShutDown.__module__)


case0()
case1()
case2()
case3()
