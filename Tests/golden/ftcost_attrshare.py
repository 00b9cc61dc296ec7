"""Attribute stores and method sites shared by threads (ftcost, session 9).

Several threads replace the attributes of shared instances (the inline
values-array store) while others read them, and call methods through one
site on instances of several classes (whose payload is write-once while
threads run).  Every value read must be one that some thread stored.
"""
import threading


class Box:
    def __init__(self):
        self.a = 0
        self.b = "start"


class Left:
    def tag(self):
        return "L"


class Right(Left):
    def tag(self):
        return "R"


class Other:
    def tag(self):
        return "O"


boxes = [Box() for _ in range(4)]
ROUNDS = 3000
errors = []


def writer(base):
    for i in range(ROUNDS):
        for box in boxes:
            box.a = base + i
            box.b = str(i)


def reader():
    seen = 0
    for _ in range(ROUNDS):
        for box in boxes:
            a = box.a
            b = box.b
            if not isinstance(a, int) or not isinstance(b, str):
                errors.append((a, b))
            seen += 1
    return seen


def caller(results):
    objs = [Left(), Right(), Other(), Right()]
    counts = {}
    for i in range(ROUNDS):
        t = objs[i % 4].tag()
        counts[t] = counts.get(t, 0) + 1
    results.append(sorted(counts.items()))


results = []
threads = [threading.Thread(target=writer, args=(k * 1000000,)) for k in range(2)]
threads += [threading.Thread(target=reader) for _ in range(2)]
threads += [threading.Thread(target=caller, args=(results,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("errors", errors)
print("finals", sorted({box.a % 1000000 for box in boxes}), {box.b for box in boxes})
print("calls", results)
