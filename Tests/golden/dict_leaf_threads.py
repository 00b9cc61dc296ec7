# Readers and writers on one dict keyed by exact ints and strs, the keys
# whose lookups, stores and setdefault run in the dict's leaf critical
# section in the free-threaded build (session 13, ftdict): counters that
# own their keys (get + store, setdefault + store), a thread that inserts
# and deletes keys (resizes, deleted entries), readers of keys nobody
# changes (subscript, `in`, get, absent keys, iteration), and a mixed
# table whose float key makes int lookups fall back to the full section.
import threading

ROUNDS = 3000
d = {}
for i in range(64):
    d[i] = ("int", i)
    d["s%d" % i] = ("str", i)
mixed = {1.0: "one", "a": "str", 2 ** 70: "big"}
barrier = threading.Barrier(6)
bad = []


def counter(tid):
    keys = [1000 + tid * 10 + j for j in range(10)]
    skeys = ["c%d_%d" % (tid, j) for j in range(10)]
    barrier.wait()
    for n in range(ROUNDS):
        k = keys[n % 10]
        d[k] = d.get(k, 0) + 1
        s = skeys[n % 10]
        d[s] = d.setdefault(s, 0) + 1


def churner():
    barrier.wait()
    for n in range(ROUNDS):
        d[100000 + n] = n
        d["t%d" % n] = n
        if n >= 8:
            del d[100000 + n - 8]
            del d["t%d" % (n - 8)]
        mixed[1] = "one" if n % 2 else "uno"
    for n in range(ROUNDS - 8, ROUNDS):
        del d[100000 + n]
        del d["t%d" % n]


def reader():
    wrong = 0
    barrier.wait()
    for n in range(ROUNDS):
        i = n % 64
        if d[i] != ("int", i) or d["s%d" % i] != ("str", i):
            wrong += 1
        if i not in d or "s%d" % i not in d or d.get(i) is None:
            wrong += 1
        if -1 - i in d or d.get("absent%d" % i) is not None:
            wrong += 1
        if mixed[1] not in ("one", "uno") or mixed[2 ** 70] != "big":
            wrong += 1
        if n % 300 == 0:
            try:
                for key, value in d.items():
                    if value is None:
                        wrong += 1
            except RuntimeError:
                pass        # the churner changed the size meanwhile
    bad.append(wrong)


threads = [threading.Thread(target=counter, args=(t,)) for t in range(2)]
threads.append(threading.Thread(target=churner))
threads += [threading.Thread(target=reader) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("readers saw wrong values:", bad)
print("keys:", len(d))
print("int counts:", sorted({d[1000 + t * 10 + j] for t in range(2) for j in range(10)}))
print("str counts:", sorted({d["c%d_%d" % (t, j)] for t in range(2) for j in range(10)}))
print("mixed:", sorted(map(repr, mixed.items())))
