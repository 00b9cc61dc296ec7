# Threads read one list (index, iterate, `in`, len, index, count) while
# other threads append, insert, pop, clear, sort, extend and slice-assign
# it.  Every item a reader sees must be one that was inserted and still
# alive; nothing may crash.  Lock-free reads in the free-threaded build.
import threading

LIVE = set()          # ids of tokens that were made and not yet finalized
LIVE_LOCK = threading.Lock()


class Token:
    __slots__ = ("value", "alive", "__weakref__")

    def __init__(self, value):
        self.value = value
        self.alive = True

    def __del__(self):
        self.alive = False

    def __lt__(self, other):
        return self.value < other.value

    def __eq__(self, other):
        return isinstance(other, Token) and self.value == other.value

    def __hash__(self):
        return hash(self.value)


VALUES = range(1000)
shared = [Token(i) for i in range(50)]
stop = threading.Event()
errors = []


def check(item, where):
    if type(item) is not Token or not item.alive or item.value not in VALUES:
        errors.append(f"{where}: bad item {item!r}")


def reader_index():
    reads = 0
    while not stop.is_set():
        n = len(shared)
        for i in range(-3, n + 3):
            try:
                item = shared[i]
            except IndexError:
                continue
            check(item, "index")
            reads += 1
    return reads


def reader_iterate():
    while not stop.is_set():
        for item in shared:
            check(item, "iterate")
        for item in reversed(shared):
            check(item, "reversed")
        probe = Token(7)
        _ = probe in shared
        _ = shared.count(probe)
        try:
            shared.index(probe)
        except ValueError:
            pass
        snapshot = shared[:]
        for item in snapshot:
            check(item, "slice")


def writer_small(seed):
    rng = seed
    for step in range(3000):
        rng = (rng * 1103515245 + 12345) & 0x7FFFFFFF
        op = rng % 6
        if op == 0:
            shared.append(Token(rng % 1000))
        elif op == 1:
            shared.insert(rng % 7, Token(rng % 1000))
        elif op == 2:
            try:
                shared.pop()
            except IndexError:
                pass
        elif op == 3:
            try:
                shared.pop(0)
            except IndexError:
                pass
        elif op == 4:
            if shared:
                try:
                    shared[rng % 5] = Token(rng % 1000)
                except IndexError:
                    pass
        else:
            try:
                del shared[rng % 3]
            except IndexError:
                pass


def sort_shared(reverse=False):
    try:
        shared.sort(reverse=reverse)
    except ValueError:
        pass    # "list modified during sort": another writer got in


def writer_bulk(seed):
    global shared       # `+=` rebinds the name (to the same list)
    rng = seed
    for step in range(400):
        rng = (rng * 1103515245 + 12345) & 0x7FFFFFFF
        op = rng % 6
        if op == 0:
            shared.clear()
        elif op == 1:
            shared.extend(Token(v % 1000) for v in range(rng % 40))
        elif op == 2:
            sort_shared()
        elif op == 3:
            shared[1:4] = [Token(v) for v in range(rng % 9)]
        elif op == 4:
            shared.extend([Token(v) for v in range(30)])
            sort_shared(reverse=True)
        else:
            del shared[::2]
            shared += [Token(3)] * 5


def run(target, *args, results=None):
    def body():
        value = target(*args)
        if results is not None:
            results.append(value)
    thread = threading.Thread(target=body)
    thread.start()
    return thread


reads = []
readers = [run(reader_index, results=reads), run(reader_iterate)]
writers = [run(writer_small, 1), run(writer_small, 2), run(writer_bulk, 3)]
for thread in writers:
    thread.join()
stop.set()
for thread in readers:
    thread.join()

print("errors:", errors[:5])
print("readers read:", len(reads) == 1 and reads[0] > 0)
print("items valid at the end:",
      all(type(t) is Token and t.alive for t in shared))
shared.sort()
print("sorted:", all(shared[i].value <= shared[i + 1].value
                     for i in range(len(shared) - 1)))
shared[:] = [Token(i) for i in range(5)]
print([t.value for t in shared])
