# Readers keep values of dicts other threads own without a reference
# (QSBR-borrowed, Doc/internals/refcounting.md, "Container reads"):
# `value = table[key]` stores it in a local, and `helper(table[key])` /
# `helper(items[i])` hand it straight to a Python function's parameter;
# `x in items` compares ints and strs uncounted.
# Writers meanwhile replace, pop, clear, update and popitem the dict and
# replace the list's items.  Every value a reader holds must stay alive
# until it is done with it: across a detach (time.sleep), a collection,
# a call into C, and the death of the dict it came from.  Nothing may
# crash.  First, that the free-threaded build really takes no reference.
import gc
import sys
import threading
import time


class Token:
    __slots__ = ("value", "alive", "__weakref__")

    def __init__(self, value):
        self.value = value
        self.alive = True

    def __del__(self):
        self.alive = False


FREE_THREADED = not getattr(sys, "_is_gil_enabled", lambda: True)()
errors = []


def check(item, where):
    try:
        good = type(item) is Token and item.alive and 0 <= item.value < 1000
    except AttributeError:          # its slots were cleared: it died
        good = False
    if not good:
        errors.append(f"{where}: bad value")


# ---- no reference taken ----------------------------------------------------

probe_table = {"probe": Token(7), "other": Token(9)}   # the main thread's
probe_list = [Token(8)]
counts = {}


def held(value):
    return sys.getrefcount(value)


def count_reads():
    table = probe_table
    items = probe_list
    for _ in range(30):                 # long enough to specialize
        value = table["probe"]
        local_count = sys.getrefcount(value)
        param_count = held(table["other"])
        item_count = held(items[0])
    counts["local"] = local_count
    counts["param"] = param_count
    counts["item"] = item_count


reader = threading.Thread(target=count_reads)
reader.start()
reader.join()
# The container's reference only; a counted read adds the local's or the
# parameter's own (sys.getrefcount's argument is borrowed in both builds).
extra = 0 if FREE_THREADED else 1
print("dict value in a local:", counts["local"] == 1 + extra)
print("dict value as a parameter:", counts["param"] == 1 + extra)
print("list item as a parameter:", counts["item"] == 1 + extra)


# ---- readers against writers -----------------------------------------------

stop = threading.Event()
KEYS = [f"key{i}" for i in range(48)]
table = {key: Token(i) for i, key in enumerate(KEYS)}   # main thread's
items = [Token(i) for i in range(48)]
numbers = [10**6 + i for i in range(48)]    # not immortal, the main thread's
words = [f"word{i}" for i in range(48)]
handoff = []            # dicts a finished thread made, eaten by readers


def sleep_then_check(value):
    time.sleep(0)                       # a detach: a quiescent point
    check(value, "parameter")
    return 1


def collect_then_check(value):
    gc.collect()
    check(value, "parameter, collect")
    return 1


def read_locals():
    for key in KEYS:
        try:
            value = table[key]
        except KeyError:
            continue
        time.sleep(0)
        check(value, "local")


def read_parameters(rounds):
    for key in KEYS:
        try:
            sleep_then_check(table[key])
        except KeyError:
            pass
    for i in range(len(items)):
        try:
            sleep_then_check(items[i])
        except IndexError:
            pass
    if rounds % 40 == 0:
        try:
            collect_then_check(table[KEYS[rounds % len(KEYS)]])
        except KeyError:
            pass


def read_members():
    # `in` compares ints and strs with another thread's items uncounted.
    for _ in range(20):
        if int("1000000") not in numbers or "word0" not in words:
            errors.append("member: first item not found")
        if -1 in numbers or "absent" in words:
            errors.append("member: absent item found")


def read_dying_dict():
    while handoff:
        try:
            box = handoff.pop()
        except IndexError:
            return
        value = box["a"]
        del box                         # this thread may free the dict here
        time.sleep(0)
        check(value, "dict died")


def reader_body():
    rounds = 0
    while not stop.is_set() or rounds < 5:
        read_locals()
        read_parameters(rounds)
        read_members()
        read_dying_dict()
        rounds += 1


def reader():
    try:
        reader_body()
    except Exception as exc:
        errors.append(f"reader: {type(exc).__name__}: {exc}")


def write(seed):
    rng = seed
    for _ in range(1200):
        rng = (rng * 1103515245 + 12345) & 0x7FFFFFFF
        op = rng % 7
        key = KEYS[rng % len(KEYS)]
        if op == 0:
            table[key] = Token(rng % 1000)
        elif op == 1:
            table.pop(key, None)
        elif op == 2 and len(table) > 40:
            table.clear()
        elif op == 3:
            table.update({k: Token(rng % 1000) for k in KEYS[:8]})
        elif op == 4 and table:
            try:
                table.popitem()
            except KeyError:            # the other writer emptied it
                pass
        elif op == 5:
            items[rng % len(items)] = Token(rng % 1000)
            index = 1 + rng % (len(numbers) - 1)     # the first one stays
            numbers[index] = 10**6 + 100 + rng % 1000
            words[index] = f"word{100 + rng % 1000}"
        else:
            table.setdefault(key, Token(rng % 1000))
        if len(table) < 16:
            table.update({k: Token(i) for i, k in enumerate(KEYS)})


def writer(seed):
    try:
        write(seed)
    except Exception as exc:
        errors.append(f"writer: {type(exc).__name__}: {exc}")


def feeder():
    # Its dicts outlive it: a reader dropping the last reference to one
    # frees it at once (there is no owner left to merge counts with).
    for i in range(300):
        handoff.append({"a": Token(i), "b": Token(i + 1)})


# ---- one reader alone ------------------------------------------------------
# Clearing a dict records more than a batch of delayed references, so the
# thread's next eval-breaker check may run them; a value borrowed before
# must have been made owned by then.
inbox = []
ready = threading.Event()
go = threading.Event()


def make_big_dicts():
    ready.wait()
    inbox.extend({f"k{k}": Token(k) for k in range(300)} for _ in range(40))


def check_later(value, where):
    check(value, where)


def emptied(box):
    value = box["k0"]
    box.clear()
    check_later(value, "emptied dict")


def dropped(boxes):
    box = boxes.pop()
    value = box["k1"]
    del box
    check(value, "freed dict")
    check_later(value, "freed dict, later")


def single_thread():
    ready.set()
    go.wait()
    for _ in range(20):
        emptied(inbox.pop())
    for _ in range(20):
        dropped(inbox)


# The runner starts before the maker, so the two never share a thread id;
# the maker has exited when the runner reads.
runner = threading.Thread(target=single_thread)
runner.start()
maker = threading.Thread(target=make_big_dicts)
maker.start()
maker.join()
go.set()
runner.join()
print("single-thread errors:", errors)

maker = threading.Thread(target=feeder)
maker.start()
maker.join()
readers = [threading.Thread(target=reader) for _ in range(2)]
writers = [threading.Thread(target=writer, args=(seed,)) for seed in (3, 4)]
for t in readers + writers:
    t.start()
for t in writers:
    t.join()
stop.set()
for t in readers:
    t.join()

print("errors:", errors[:5])
print("values alive:", all(v.alive for v in table.values()))
print("items alive:", all(x.alive for x in items))
