# Session 11 (ftst): the paths the free-threaded build's single-thread
# work changed, run under threads: instance attributes whose values are
# immortal (read without a reference or a re-check) while other threads
# replace them or turn the values array into a dict; cached methods and
# class attributes that are immortal while they are replaced;
# critical sections begun above a section suspended by a wait; object
# deaths on the owner's fast path and after a merge of the counts.
import sys
import threading

ROUNDS = 3000


class Point:
    def __init__(self):
        self.a = None
        self.b = 0
        self.c = True


IMMORTAL_A = (None, False, True, 1)


def attribute_readers():
    """Readers only ever see values that were stored."""
    shared = [Point() for _ in range(8)]
    bad = []
    stop = threading.Event()

    def read():
        seen = 0
        while not stop.is_set() or seen < ROUNDS:
            for p in shared:
                if p.a not in IMMORTAL_A or not 0 <= p.b < 256:
                    bad.append((p.a, p.b))
                seen += 1

    def write():
        for i in range(ROUNDS):
            p = shared[i % len(shared)]
            p.a = IMMORTAL_A[i % 4]
            p.b = i % 256
            if i % 97 == 0:
                vars(p)             # materializes the values as a dict
            if i % 389 == 0:
                shared[i % len(shared)] = Point()

    readers = [threading.Thread(target=read) for _ in range(2)]
    writer = threading.Thread(target=write)
    for t in readers:
        t.start()
    writer.start()
    writer.join()
    stop.set()
    for t in readers:
        t.join()
    print("attribute reads: bad values", len(bad))


def nested_sections():
    """Sections on two lists, one begun while the other waits."""
    left, right = [], []

    def work(n):
        for i in range(ROUNDS):
            # append, the slice, extend, sort and del each take a
            # list's section that the other threads contend for.
            left.append(i)
            right.extend(left[-2:])
            if i % 500 == 0:
                right.sort()
                del left[:-5]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("nested sections: ints only, left kept",
          all(isinstance(v, int) for v in right), len(left) > 0)


def one(self):
    return 1


def two(self):
    return 2


class K:
    """Its functions exist when the first thread starts, so they become
    immortal: cached method reads take no reference to them."""
    f = one
    tag = "first"


def method_swap():
    """Cached methods and class attributes while another thread replaces
    them."""
    k = K()
    seen = set()

    def call():
        for _ in range(ROUNDS):
            seen.add((k.f(), K.tag))

    threads = [threading.Thread(target=call) for _ in range(2)]
    for t in threads:
        t.start()
    for i in range(200):
        K.f = two if i % 2 else one
        K.tag = "second" if i % 2 else "first"
    for t in threads:
        t.join()
    print("method swap:", seen <= {(1, "first"), (1, "second"),
                                   (2, "first"), (2, "second")},
          k.f(), K.tag)


class Witness:
    deaths = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Witness.deaths.append(self.name)


def deaths():
    """The owner's last decrement frees at once; an object another
    thread referenced dies when the merged count reaches zero."""
    w = Witness("local")
    del w
    print("local death immediate:", Witness.deaths == ["local"])

    box = []

    def make():
        box.append(Witness("made in thread"))

    t = threading.Thread(target=make)
    t.start()
    t.join()
    box.clear()
    print("merged death after clear:", Witness.deaths[-1] == "made in thread")

    shared = Witness("shared")
    seen = []

    def hold():
        seen.append(sys.getrefcount(shared) >= 2)

    t = threading.Thread(target=hold)
    t.start()
    t.join()
    del shared
    print("shared death:", seen == [True], Witness.deaths[-1] == "shared")


attribute_readers()
nested_sections()
method_swap()
deaths()
