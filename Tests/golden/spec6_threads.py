# Session 6 specializations under threads: workers run the same
# specialized STORE_ATTR, FOR_ITER, UNPACK_SEQUENCE and STORE_SUBSCR sites
# on shared objects while a mutator thread changes the class those sites
# were specialized for and resizes the list they iterate.  Every value
# seen must be one the program could have produced; nothing may crash.
import threading

WORKERS = 4
ROUNDS = 1500


class Box:
    def __init__(self):
        self.value = 0
        self.other = 0


class SlotBox:
    __slots__ = ("value", "other")

    def __init__(self):
        self.value = 0
        self.other = 0


shared = [Box(), SlotBox(), Box()]
items = list(range(20))
pairs = [(i, -i) for i in range(10)]
table = [0] * 8
stop = threading.Event()
errors = []


def store(obj, v):
    obj.value = v           # STORE_ATTR (instance dict or slot)
    obj.other = -v


def walk(seq):
    total = 0
    count = 0
    for v in seq:           # FOR_ITER over a list another thread resizes
        if not isinstance(v, int):
            errors.append(("item", v))
        total += v
        count += 1
    return count


def worker(n):
    try:
        for r in range(ROUNDS):
            obj = shared[r % len(shared)]
            store(obj, r)
            v = obj.value
            if not (isinstance(v, int) or v == "prop"):
                errors.append(("value", v))
            if walk(items) > 41:
                errors.append(("count",))
            for a, b in pairs:          # FOR_ITER list + UNPACK_SEQUENCE
                if a != -b:
                    errors.append(("pair", a, b))
            for i in range(4):          # FOR_ITER range + STORE_SUBSCR
                table[(n + i) % len(table)] = r
    except Exception as e:  # noqa: BLE001 -- reported below
        errors.append(("exception", repr(e)))


def mutator():
    flip = 0
    while not stop.is_set():
        flip += 1
        if flip % 2:
            Box.value = property(lambda self: "prop", lambda self, v: None)
        else:
            del Box.value
        items.append(flip % 7)
        if len(items) > 40:
            del items[20:]
        if flip % 5 == 0:
            shared[0].__dict__ = {"value": 0, "other": 0}


threads = [threading.Thread(target=worker, args=(n,)) for n in range(WORKERS)]
m = threading.Thread(target=mutator)
m.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
m.join()
if isinstance(Box.__dict__.get("value"), property):
    del Box.value
print("errors:", errors[:5])
print("table ints:", all(isinstance(v, int) for v in table))
b = Box()
store(b, 5)
print("after:", b.value, b.other, len(items) <= 40)
