# Polymorphic attribute and method sites (ftattr, session 12) under
# threads: four threads read attributes and call methods of objects of
# four classes at shared sites while another thread keeps replacing one
# class's method, giving another class new attributes (new versions) and
# shadowing a method on one object.  Every value read must be one the
# program could have produced at some moment; nothing may crash.
import threading

WORKERS = 4
ROUNDS = 4000


class A:
    def __init__(self, n):
        self.x = n

    def who(self):
        return "A"


class B:
    def __init__(self, n):
        self.pad = 0
        self.x = n

    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C"


class D:
    def __init__(self, n):
        self.pad = self.pad2 = 0
        self.x = n

    def who(self):
        return "D"


WHO = {"A", "B", "C", "D", "A1", "A2", "own"}


def read(obj):
    return obj.x, obj.who()


def worker(index, objs, results):
    bad = 0
    for i in range(ROUNDS):
        obj = objs[i % 4]
        x, who = read(obj)
        if x != index or who not in WHO:
            bad += 1
    results[index] = bad


def mutator(stop, shadowed):
    flip = 0
    while not stop.is_set():
        flip ^= 1
        A.who = (lambda self: "A1") if flip else (lambda self: "A2")
        B.extra = flip
        if flip:
            shadowed.who = lambda: "own"
        else:
            del shadowed.who


results = {}
stop = threading.Event()
objs_of = {i: [A(i), B(i), C(i), D(i)] for i in range(1, WORKERS + 1)}
mut = threading.Thread(target=mutator, args=(stop, objs_of[1][3]))
mut.start()
threads = [threading.Thread(target=worker, args=(i, objs_of[i], results))
           for i in range(1, WORKERS + 1)]
for t in threads:
    t.start()
for t in threads:
    t.join()
stop.set()
mut.join()
print(sorted(results.items()))
