# contextvars and threads: every thread has its own current context;
# Context.run in several threads at once; one Context cannot be entered
# by two threads at the same time.
import threading
from contextvars import Context, ContextVar, copy_context

# The main thread sets var only after the first threads ran: whether new
# threads inherit a copy of the caller's context depends on the build
# (sys.flags.thread_inherit_context), so this test does not rely on it.
var = ContextVar('var', default='main-default')

N = 4
ROUNDS = 300
results = {}
barrier = threading.Barrier(N)

def worker(n):
    seen_start = var.get()
    barrier.wait()
    ok = True
    for i in range(ROUNDS):
        var.set((n, i))
        if var.get() != (n, i):
            ok = False
    results[n] = (seen_start, ok, var.get())

threads = [threading.Thread(target=worker, args=(n,)) for n in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for n in range(N):
    print(n, results[n])
print('main still', var.get())
var.set('main')

print('-- Context.run in two threads at once')
copies = [copy_context() for _ in range(2)]
run_barrier = threading.Barrier(2)
run_results = []
lock = threading.Lock()

def in_context(n):
    run_barrier.wait()
    for i in range(ROUNDS):
        var.set(n * 1000 + i)
    run_barrier.wait()
    return var.get()

def runner(n):
    value = copies[n].run(in_context, n)
    with lock:
        run_results.append((n, value))

threads = [threading.Thread(target=runner, args=(n,)) for n in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(run_results), [c[var] for c in copies], var.get())

print('-- one context entered by two threads')
shared = Context()
entered = threading.Event()
release = threading.Event()
outcome = []

def hold():
    entered.set()
    release.wait()
    return 'held'

def holder():
    outcome.append(shared.run(hold))

def intruder():
    entered.wait()
    try:
        shared.run(var.get)
    except RuntimeError as e:
        outcome.append(str(e).split(' at ')[0] + ' ...')
    release.set()

threads = [threading.Thread(target=holder), threading.Thread(target=intruder)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(outcome)
print(shared.run(var.get), len(shared))

print('-- racing to enter one context: exactly one wins each round')
wins = []
errors = []
race = threading.Barrier(3)
stop = threading.Barrier(3)

def contender(ctx):
    race.wait()
    try:
        ctx.run(stop.wait)
        wins.append(1)
    except RuntimeError:
        errors.append(1)
        stop.wait()

for _ in range(20):
    ctx = Context()
    threads = [threading.Thread(target=contender, args=(ctx,))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(len(wins), len(errors))

print('-- a thread reads a context another thread is changing')
live = copy_context()
done = threading.Event()

def writer():
    for i in range(2000):
        var.set(i)
    done.set()

def reader():
    n = 0
    while not done.is_set():
        value = live.get(var)
        assert value == 'main' or isinstance(value, int), value
        n += 1
    return n

t = threading.Thread(target=live.run, args=(writer,))
t.start()
reader()
t.join()
print(live[var])
