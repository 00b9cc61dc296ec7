# _pickle: picklers and unpicklers used from several threads at once.
# Separate objects per thread give exact results; one Pickler shared by
# two threads never crashes (each call either succeeds or is refused).
import io
import pickle
import threading

payload = {'k%d' % i: [i, str(i) * 3, (i, 2.5), {i}] for i in range(150)}
expected = pickle.dumps(payload, 4)
results = []
lock = threading.Lock()


def worker(n):
    ok = True
    for proto in range(6):
        for _ in range(2):
            data = pickle.dumps(payload, proto)
            if pickle.loads(data) != payload:
                ok = False
    f = io.BytesIO()
    p = pickle.Pickler(f, 4)
    p.dump(payload)
    ok = ok and f.getvalue() == expected
    with lock:
        results.append((n, ok))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))


class Slow:
    # Pickling this runs Python code, giving another thread a chance to
    # enter the same Pickler.
    def __reduce__(self):
        total = 0
        for i in range(500):
            total += i
        return (int, (total,))


shared_file = io.BytesIO()
shared = pickle.Pickler(shared_file, 2)
outcomes = []


def share(n):
    for _ in range(20):
        try:
            shared.dump([Slow() for _ in range(5)])
            outcome = 'ok'
        except RuntimeError:
            outcome = 'busy'
        with lock:
            outcomes.append(outcome)


threads = [threading.Thread(target=share, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(outcomes), set(outcomes) <= {'ok', 'busy'}, 'ok' in outcomes)

shared_u = pickle.Unpickler(io.BytesIO(pickle.dumps(list(range(50)), 2) * 40))
loaded = []


def unshare():
    for _ in range(20):
        try:
            value = shared_u.load()
        except (RuntimeError, EOFError, pickle.UnpicklingError):
            value = None
        with lock:
            loaded.append(value)


threads = [threading.Thread(target=unshare) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(loaded), all(v is None or v == list(range(50)) for v in loaded))
