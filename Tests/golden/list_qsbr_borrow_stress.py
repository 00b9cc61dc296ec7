# Readers keep items of lists other threads own in locals (`for x in
# items`, `x = items[i]`): the free-threaded build stores them there
# without a reference (QSBR-borrowed, Doc/internals/refcounting.md) while
# writers replace, pop, clear, extend, sort and slice-assign the lists
# and a dict.  Every item a reader holds must stay alive until it is done
# with it: across calls, a detach (time.sleep), a collection it starts, a
# comprehension that shadows it, an f_locals overwrite, and the death of
# the list it came from.  Nothing may crash.
import gc
import sys
import threading
import time


class Token:
    __slots__ = ("value", "alive")

    def __init__(self, value):
        self.value = value
        self.alive = True

    def __del__(self):
        self.alive = False

    def __lt__(self, other):
        return self.value < other.value


errors = []
stop = threading.Event()
shared = [Token(i) for i in range(64)]          # owned by the main thread
table = {i: Token(i) for i in range(64)}
handoff = []            # lists a finished thread made, eaten by readers


def check(item, where):
    try:
        good = type(item) is Token and item.alive and 0 <= item.value < 1000
    except AttributeError:          # its slots were cleared: it died
        good = False
    if not good:
        errors.append(f"{where}: bad item")


def check_both(item, _ignored, where):
    check(item, where)


def clobber_caller_x():
    sys._getframe(1).f_locals["x"] = Token(999)
    return 0


def read_iterate():
    x = None                        # both loops may see an emptied list
    for x in shared:
        check(x, "iterate")
    for x in shared:
        pass
    if x is not None:
        check(x, "after loop")


def read_index():
    n = len(shared)
    for i in range(n):
        try:
            x = shared[i]
        except IndexError:
            continue
        time.sleep(0)               # a detach: a quiescent point
        check(x, "index")


def read_shadowed():
    for x in shared:
        squares = [x for x in shared if x.alive]
        check(x, "comprehension")
        del squares
        break


def read_overwritten():
    for x in shared:
        check_both(x, clobber_caller_x(), "f_locals")
        check(x, "overwritten")


def read_collected(rounds):
    if rounds % 50 == 0:
        for x in shared:
            gc.collect()
            check(x, "collect")
            break


def read_dying_list():
    while handoff:
        try:
            items = handoff.pop()
        except IndexError:
            return
        for x in items:
            pass
        del items                   # this thread may free the list here
        check(x, "list died")


def read_dict():
    for key in range(64):
        value = table.get(key)
        if value is not None:
            check(value, "dict")


def reader():
    try:
        read_until_stopped()
    except Exception as exc:
        errors.append(f"reader: {type(exc).__name__}")


def read_until_stopped():
    rounds = 0
    while not stop.is_set() or rounds < 5:
        read_iterate()
        read_index()
        read_shadowed()
        read_overwritten()
        read_collected(rounds)
        read_dying_list()
        read_dict()
        rounds += 1


def writer(seed):
    try:
        write(seed)
    except Exception as exc:
        errors.append(f"writer: {type(exc).__name__}")


def write(seed):
    rng = seed
    for step in range(1500):
        rng = (rng * 1103515245 + 12345) & 0x7FFFFFFF
        op = rng % 8
        n = len(shared)
        if op == 0 and n:
            try:                    # the other writer may have shrunk it
                shared[rng % n] = Token(rng % 1000)
            except IndexError:
                pass
        elif op == 1 and n:
            try:
                shared.pop(rng % n)
            except IndexError:
                pass
        elif op == 2 and n > 48:
            shared.clear()
        elif op == 3:
            shared.extend(Token(rng % 1000 + k) for k in range(4))
        elif op == 4:
            try:
                shared.sort()
            except ValueError:      # "list modified during sort"
                pass
        elif op == 5 and n > 8:
            shared[2:6] = [Token(rng % 1000)]
        elif op == 6:
            table[rng % 64] = Token(rng % 1000)
        else:
            table.pop(rng % 64, None)
        if len(shared) < 16:
            shared.extend(Token(k) for k in range(16))


def stopper():
    # Stops the world again and again while the writers contend for the
    # list: a writer that took the list's mutex detached then waits for
    # the stop, holding it, and the other writer, resuming its suspended
    # section on the same list (inside sort's comparisons), must wait for
    # the mutex detached, or the stop never completes (a hang, fixed in
    # Python/critical_section.c, relock_section).
    while not stop.is_set():
        gc.collect()
        time.sleep(0.001)


def feeder():
    # Its objects outlive it: a reader dropping the last reference to one
    # frees it at once (there is no owner left to merge counts with).
    for _ in range(300):
        handoff.append([Token(k) for k in range(8)])


# Single-thread cases first, while the main thread waits: emptying a list
# (or freeing it) records more than a batch of delayed references, so the
# thread's next eval-breaker check may run them; the item borrowed before
# must have been made owned by then.
inbox = []              # the runner's list, so popping from it delays nothing
ready = threading.Event()
go = threading.Event()


def make_big_lists():
    ready.wait()
    inbox.extend([Token(k) for k in range(300)] for _ in range(40))


def check_later(item, where):
    check(item, where)


def emptied(items):
    x = items[0]
    items[:] = []
    check_later(x, "emptied list")


def dropped(box):
    items = box.pop()
    x = items[0]
    del items
    check(x, "freed list")
    check_later(x, "freed list, later")


def single_thread():
    global inbox
    inbox = []
    ready.set()
    go.wait()
    # Twenty rounds each: the subscript specializes after a few.
    for _ in range(20):
        emptied(inbox.pop())
    for _ in range(20):
        dropped(inbox)


# The runner starts before the maker, so the two never share a thread id;
# the maker has exited when the runner reads, so dropping the last
# reference to one of its objects frees it at once.
runner = threading.Thread(target=single_thread)
runner.start()
maker = threading.Thread(target=make_big_lists)
maker.start()
maker.join()
go.set()
runner.join()
print("single-thread errors:", errors)

maker = threading.Thread(target=feeder)
maker.start()
maker.join()
readers = [threading.Thread(target=reader) for _ in range(2)]
readers.append(threading.Thread(target=stopper))
writers = [threading.Thread(target=writer, args=(seed,)) for seed in (1, 2)]
for t in readers + writers:
    t.start()
for t in writers:
    t.join()
stop.set()
for t in readers:
    t.join()

print("errors:", errors[:5])
print("items alive at the end:", all(type(x) is Token and x.alive for x in shared))
print("dict values alive:", all(v.alive for v in table.values()))
