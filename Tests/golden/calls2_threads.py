# Threads running the same specialized call sites (class instantiation,
# keyword calls) with different types while another thread swaps the
# code and defaults of __init__ and of a keyword callee and changes the
# classes (new type versions).  Every swap keeps the observable result
# the same, so the totals are deterministic.  (Assigning a new __init__
# to the class while other threads instantiate it is left out: the slot
# update in Objects/typeslots.c races with type_call's read of tp_init,
# which ThreadSanitizer reports, independently of the specialization.)
import threading


class A:
    def __init__(self, v, w=1):
        self.v = v * w


class B(A):
    pass


class C:
    __slots__ = ("v",)

    def __init__(self, v, w=1):
        self.v = v * w


def init_one(self, v, w=1):
    self.v = v * w


def init_two(self, v, w=1):
    # Same effect, another code object and frame size.
    tmp = [v, w]
    self.v = tmp[0] * tmp[1]


def scale(x, by=1, plus=0):
    return x * by + plus


def scale2(x, by=1, plus=0):
    return plus + by * x


class Holder:
    def m(self, x, by=1):
        return x * by


ROUNDS = 3000
classes = [A, B, C]
results = {}
stop = threading.Event()


def worker(k):
    total = 0
    holder = Holder()
    for i in range(ROUNDS):
        cls = classes[(i + k) % 3]
        total += cls(i).v + cls(i, w=2).v
        total += scale(i, by=2) + scale(i, plus=1)
        total += holder.m(i, by=3)
        total += sorted((i, k), reverse=True)[0]
    results[k] = total


def swapper():
    flip = 0
    while not stop.is_set():
        flip ^= 1
        A.__init__.__code__ = init_two.__code__ if flip else a_code
        C.__init__.__code__ = init_two.__code__ if flip else c_code
        A.__init__.__defaults__ = (1,)
        A.tag = flip        # new versions of A and of its subclass B
        C.tag = flip
        scale.__code__ = scale2.__code__ if flip else scale_code
        Holder.m = Holder.m


scale_code = scale.__code__
a_code = A.__init__.__code__
c_code = C.__init__.__code__
threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
swap = threading.Thread(target=swapper)
swap.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
swap.join()


def expected(k):
    total = 0
    for i in range(ROUNDS):
        total += i + 2 * i
        total += (2 * i) + (i + 1)
        total += 3 * i
        total += max(i, k)
    return total


print([results[k] == expected(k) for k in range(4)])
print(sorted(results.values())[0])
