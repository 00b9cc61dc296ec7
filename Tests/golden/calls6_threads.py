# Threads calling shared functions at specialized sites while another
# thread rebinds the function's __code__ and __defaults__ and a method.
import threading


def target(a, b):
    return a + b


def alt_body(a, b):
    return a * b


def defaults(a, b=1):
    return a + b


class K:
    def m(self, x):
        return x


codes = [target.__code__, alt_body.__code__]
stop = False
errors = []


def caller(results, idx):
    total = 0
    k = K()
    try:
        for i in range(3000):
            r = target(i, 2)
            if r != i + 2 and r != i * 2:
                errors.append(("target", i, r))
            r = defaults(i)
            if r not in (i + 1, i + 5):
                errors.append(("defaults", i, r))
            r = k.m(i)
            if r not in (i, -i):
                errors.append(("method", i, r))
            total += 1
    except Exception as e:      # pragma: no cover - reported below
        errors.append(repr(e))
    results[idx] = total


def rebinder():
    n = 0
    while not stop:
        target.__code__ = codes[n % 2]
        defaults.__defaults__ = (1,) if n % 2 else (5,)
        K.m = (lambda self, x: -x) if n % 2 else (lambda self, x: x)
        n += 1


results = [0] * 4
threads = [threading.Thread(target=caller, args=(results, i)) for i in range(4)]
rb = threading.Thread(target=rebinder)
rb.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
stop = True
rb.join()
print(results, errors[:3])
target.__code__ = codes[0]
print(target(2, 3), defaults(1, 1))
