# Adaptive specialization under threads: several threads hammer the same
# polymorphic attribute, method, global and operator sites while another
# thread keeps changing the classes and globals those sites were
# specialized for.  Every value read must be one the program could have
# produced at some moment; nothing may crash.
import threading

WORKERS = 4
ROUNDS = 3000


class Plain:
    def __init__(self, n):
        self.value = n

    def kind(self):
        return "plain"


class Slotted:
    __slots__ = ("value",)

    def __init__(self, n):
        self.value = n

    def kind(self):
        return "slotted"


class Derived(Plain):
    pass


scale = 1


def read(obj):
    # LOAD_ATTR (instance / slot), LOAD_ATTR method, LOAD_GLOBAL, BINARY_OP
    return obj.value * scale, obj.kind()


KINDS = {"plain", "slotted", "changed-A", "changed-B"}


def worker(index, results):
    objs = [Plain(index), Slotted(index), Derived(index)]
    bad = 0
    total = 0
    for i in range(ROUNDS):
        value, kind = read(objs[i % 3])
        if kind not in KINDS or value not in (index, index * 2):
            bad += 1
        total += 1
    results[index] = (total, bad)


def mutator(stop):
    flip = 0
    global scale
    while not stop.is_set():
        flip ^= 1
        Plain.kind = (lambda self: "changed-A") if flip else (lambda self: "changed-B")
        Derived.extra = flip
        scale = 2 if flip else 1
        for _ in range(50):
            pass
    Plain.kind = lambda self: "plain"


results = {}
stop = threading.Event()
mut = threading.Thread(target=mutator, args=(stop,))
mut.start()
threads = [threading.Thread(target=worker, args=(i + 1, results))
           for i in range(WORKERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
mut.join()

for index in sorted(results):
    total, bad = results[index]
    print("worker", index, "reads", total, "bad", bad)
print("final kind:", Plain(0).kind(), Slotted(0).kind(), Derived(0).kind())
print("final scale in {1, 2}:", scale in (1, 2))
