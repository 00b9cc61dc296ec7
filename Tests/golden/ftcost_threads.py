# The free-threaded build's single-thread fast paths at their edges:
# constants and functions made immortal when the first thread starts,
# objects made by one thread then shared, critical sections taken
# re-entrantly or while another thread waits, and the collector running
# while many threads allocate.  Every result is checked by value, so the
# output is the same in both builds.
import gc
import sys
import threading
import time

N_THREADS = 4


def run_threads(target, count=N_THREADS):
    results = [None] * count

    def body(index):
        results[index] = target(index)

    workers = [threading.Thread(target=body, args=(i,)) for i in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results


# --- constants, made before any thread exists -------------------------------

def float_loop(n):
    total = 0.0
    for i in range(n):
        total += 0.5 * i - 1.25
    return total


def mixed_constants():
    return (3.75, 10 ** 20, "a constant string", b"bytes", (1, 2.5, "x"),
            2j)


class Shape:
    def area(self, side):
        return side * side * 1.5


before = mixed_constants()
expected_loop = float_loop(1000)
counts_before = [sys.getrefcount(c) for c in before]

# The first thread: constants of existing code become shared.
print("loop", run_threads(lambda i: float_loop(1000)) == [expected_loop] * N_THREADS)
print("constants", run_threads(lambda i: mixed_constants()) == [before] * N_THREADS)
print("method", run_threads(lambda i: Shape().area(i)) == [i * i * 1.5 for i in range(N_THREADS)])
after = mixed_constants()
print("same objects", all(a is b for a, b in zip(before, after)))
counts_after = [sys.getrefcount(c) for c in after]
# Counted or immortal, a reference count never drops below what is held.
print("counts sane", all(n >= 2 for n in counts_before + counts_after))
print("function count", sys.getrefcount(float_loop) >= 2)


# Code compiled after threads exist keeps ordinary counts.
namespace = {}
exec("def late():\n    return 6.25 * 2\n", namespace)
print("late", run_threads(lambda i: namespace["late"]()) == [12.5] * N_THREADS)


# --- made by one thread, then shared ------------------------------------------

def make_private():
    return {"k%d" % i: [float(i)] for i in range(200)}


shared_box = {}


def producer(index):
    if index == 0:
        shared_box["table"] = make_private()
    return None


run_threads(producer, 1)
table = shared_box["table"]


def reader_writer(index):
    total = 0.0
    for round_ in range(50):
        for i in range(200):
            key = "k%d" % i
            total += table[key][0]
            if i % N_THREADS == index:
                table[key] = [float(i)]
    return total


print("shared dict", run_threads(reader_writer) == [50 * sum(range(200)) * 1.0] * N_THREADS)
del shared_box["table"]
print("released", sys.getrefcount(table) >= 2, len(table))


# --- critical sections under contention ---------------------------------------

items = []
slots = [None] * N_THREADS


def appender(index):
    for i in range(2000):
        items.append(i)
        if i % 7 == 0:
            slots[index] = i        # one list, each thread its own slot
    return None


run_threads(appender)
print("appends", len(items), sum(items) == N_THREADS * sum(range(2000)), slots)

counter_dict = {}


def setter(index):
    for i in range(1000):
        counter_dict[(index, i)] = i
        counter_dict.setdefault((index, i), -1)
    return sum(counter_dict.get((index, i), 0) for i in range(1000))


print("dict writes", run_threads(setter) == [sum(range(1000))] * N_THREADS, len(counter_dict))


# A key whose __eq__ re-enters the dict being searched: the lookup's
# critical section is taken again by the same thread.
class ReentrantKey:
    def __init__(self, value, owner):
        self.value = value
        self.owner = owner

    def __hash__(self):
        return 42

    def __eq__(self, other):
        self.owner.get("plain")        # same dict, same thread
        time.sleep(0)                  # may detach while holding it
        return isinstance(other, ReentrantKey) and other.value == self.value


def reentrant(index):
    own = {"plain": 1}
    keys = [ReentrantKey(i, own) for i in range(20)]
    for key in keys:
        own[key] = key.value
    found = sum(own[ReentrantKey(i, own)] for i in range(20))
    return found


print("reentrant", run_threads(reentrant) == [sum(range(20))] * N_THREADS)

# The same shared dict with such keys, from several threads at once.
common = {"plain": 0}
common_keys = [ReentrantKey(i, common) for i in range(10)]
for key in common_keys:
    common[key] = key.value


def shared_reentrant(index):
    return sum(common[ReentrantKey(i, common)] for i in range(10))


print("shared reentrant", run_threads(shared_reentrant) == [45] * N_THREADS)

# Two-object sections over one object: update and extend with themselves.
selfish = {"a": 1, "b": 2}
selfish.update(selfish)
doubled = [1, 2, 3]
doubled.extend(doubled)
doubled[:] = doubled
print("self ops", selfish, doubled)


# --- the collector while many threads allocate ------------------------------

class Node:
    def __init__(self, value):
        self.value = value
        self.partner = None


def churn(index):
    kept = 0
    for round_ in range(300):
        a = Node(round_)
        b = Node(-round_)
        a.partner = b
        b.partner = a            # a cycle only the collector frees
        kept += a.value + b.value
        if index == 0 and round_ % 100 == 0:
            gc.collect()
    return kept


print("gc churn", run_threads(churn, 6) == [0] * 6)
gc.collect()
print("nodes left", sum(1 for o in gc.get_objects() if type(o) is Node))
