# Signals interrupt blocking waits of the main thread: the handler runs
# during the wait and its exception ends it promptly.
import signal, os, threading, time, _thread

class Alarm(Exception):
    pass

def handler(signum, frame):
    raise Alarm(signal.Signals(signum).name)

signal.signal(signal.SIGALRM, handler)
signal.signal(signal.SIGUSR1, handler)

def timed(label, func):
    start = time.monotonic()
    try:
        func()
    except Alarm as e:
        print(label, "interrupted by", e, time.monotonic() - start < 0.5)
    except KeyboardInterrupt:
        print(label, "KeyboardInterrupt", time.monotonic() - start < 0.5)
    else:
        print(label, "not interrupted")

lock = threading.Lock(); lock.acquire()
signal.setitimer(signal.ITIMER_REAL, 0.05)
timed("lock.acquire", lock.acquire)
signal.setitimer(signal.ITIMER_REAL, 0.05)
timed("lock.acquire(timeout)", lambda: lock.acquire(timeout=5))
rlock = threading.RLock()
threading.Thread(target=rlock.acquire).start()
time.sleep(0.02)
signal.setitimer(signal.ITIMER_REAL, 0.05)
timed("rlock.acquire", rlock.acquire)
ev = threading.Event()
signal.setitimer(signal.ITIMER_REAL, 0.05)
timed("Event.wait", ev.wait)
t = threading.Thread(target=ev.wait)
t.start()
signal.setitimer(signal.ITIMER_REAL, 0.05)
timed("Thread.join", t.join)
signal.setitimer(signal.ITIMER_REAL, 0.05)
timed("time.sleep", lambda: time.sleep(5))
signal.setitimer(signal.ITIMER_REAL, 0.05)
timed("signal.pause", signal.pause)
# a signal sent by another thread, delivered to the process
def later():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)
threading.Thread(target=later).start()
timed("Event.wait(kill)", lambda: ev.wait(5))
threading.Thread(target=lambda: (time.sleep(0.05), _thread.interrupt_main())).start()
try:
    ev.wait(0.3)
    time.sleep(0.01)
except KeyboardInterrupt:
    print("interrupt_main KeyboardInterrupt")
# Ctrl-C: SIGINT with Python's default handler raises KeyboardInterrupt
def ctrl_c():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGINT)
threading.Thread(target=ctrl_c).start()
timed("lock.acquire(SIGINT)", lock.acquire)
# a handler that returns lets the wait go on
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.02)
print("acquire(timeout=0.1) ->", lock.acquire(timeout=0.1), hits)
ev.set(); t.join()
