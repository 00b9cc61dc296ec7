# warnings under threads: filters edited and warnings issued in parallel.
import threading
import warnings

errors = []


def issuer(n):
    try:
        for i in range(300):
            warnings.warn(f"t{n} {i % 7}", UserWarning)
    except Exception as exc:
        errors.append(exc)


def editor(n):
    try:
        for i in range(200):
            warnings.filterwarnings("ignore", message=f"x{n}-{i % 5}")
            warnings.simplefilter("ignore", category=ImportWarning)
            if i % 50 == 0:
                warnings.simplefilter("ignore")
    except Exception as exc:
        errors.append(exc)


warnings.simplefilter("ignore")
threads = [threading.Thread(target=issuer, args=(n,)) for n in range(4)]
threads += [threading.Thread(target=editor, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
print("filters are 5-tuples:", all(len(f) == 5 for f in warnings.filters))
items = warnings.filters
print("no duplicates:", len(items) == len(set((f[0], getattr(f[1], 'pattern', f[1]), f[2], f[4]) for f in items)))
# Registry consistency: a warning shown once per location under "default".
warnings.resetwarnings()
warnings.simplefilter("default")
shown = []
warnings.showwarning = lambda *a, **k: shown.append(a[0])


def once_each():
    for i in range(100):
        warnings.warn("same message")


threads = [threading.Thread(target=once_each) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("shown once:", len(shown))
