import threading, time
out = []
def worker(n, delay=0):
    time.sleep(delay)
    out.append(n)
ts = [threading.Thread(target=worker, args=(i,), kwargs={"delay": 0.01 * (3 - i)}) for i in range(3)]
print(ts[0].name, ts[0].is_alive(), ts[0].ident, ts[0].daemon)
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out), [t.is_alive() for t in ts], all(t.ident for t in ts))
class MyThread(threading.Thread):
    def run(self):
        self.result = threading.current_thread() is self, threading.current_thread().name
t = MyThread(name="custom"); t.start(); t.join(); print(t.result, repr(t).startswith("<MyThread(custom, stopped"))
lock = threading.Lock(); rl = threading.RLock()
print(type(lock).__name__, lock.acquire(), lock.locked()); lock.release()
with rl:
    with rl: print("nested rlock ok")
cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        out.append(("consumed", list(items)))
c = threading.Thread(target=consumer); c.start()
for i in range(3):
    with cond:
        items.append(i); cond.notify()
c.join(); print(out[-1])
ev = threading.Event(); print(ev.is_set(), ev.wait(0.01))
threading.Timer(0.01, ev.set).start(); print(ev.wait(5), ev.is_set())
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
sem.release(); sem.release()
try: sem.release()
except ValueError as e: print("ValueError", e)
b = threading.Barrier(3)
res = []
def party(): res.append(b.wait())
ps = [threading.Thread(target=party) for i in range(3)]
for p in ps: p.start()
for p in ps: p.join()
print(sorted(res), b.broken, b.n_waiting)
local = threading.local()
local.x = "main"
def setl(): local.x = "worker"; out.append(("local", local.x))
t = threading.Thread(target=setl); t.start(); t.join(); print(local.x, out[-1])
class MyLocal(threading.local):
    def __init__(self, v): self.v = v; self.seen = threading.current_thread().name
ml = MyLocal(5)
def readml(): out.append((ml.v, ml.seen))
t = threading.Thread(target=readml, name="reader"); t.start(); t.join(); print(out[-1], ml.seen)
def fails(): raise KeyError("oops")
captured = []
threading.excepthook = lambda args: captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=fails, name="failer"); t.start(); t.join(); print(captured)
threading.excepthook = threading.__excepthook__
print(threading.active_count(), len(threading.enumerate()), threading.get_ident() == threading.main_thread().ident)
d = threading.Thread(target=time.sleep, args=(30,), daemon=True); d.start(); print(d.daemon, d.is_alive())
nd = threading.Thread(target=lambda: (time.sleep(0.05), print("non-daemon finished")))
nd.start()
print("main done")
