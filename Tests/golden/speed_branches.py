# Tests whose bool goes straight to a branch (COMPARE_OP's int, float and
# str forms, CONTAINS_OP's forms and IS_OP followed by POP_JUMP_IF_FALSE /
# POP_JUMP_IF_TRUE jump without pushing the bool in untraced code), and
# BINARY_OP_CONCAT (list + list, tuple + tuple and tuple +=).  Every site
# runs warm, in both directions of its branch, then traced: the line
# events and results must be those of the plain path.
import sys
import threading


def classify(a, b):
    out = []
    if a < b:
        out.append("lt")
    if not a <= b:
        out.append("gt")
    if a == b:
        out.append("eq")
    elif a != b:
        out.append("ne")
    out.append("ge" if a >= b else "lt2")
    while a > b:
        a = b if isinstance(a, str) else a - 1
    return out, a


def members(x, d, s, text):
    out = []
    if x in d:
        out.append("d")
    if x not in s:
        out.append("!s")
    if str(x) in text:
        out.append("t")
    if not str(x) not in text:
        out.append("t2")
    if x is None:
        out.append("none")
    if x is not None:
        out.append("some")
    if not x is True:
        out.append("nottrue")
    return out


def loop_until_none(items):
    count = 0
    it = iter(items)
    value = next(it)
    while value is not None:
        count += value
        value = next(it)
    return count


def run_all():
    results = []
    for a, b in [(1, 2), (2, 1), (3, 3), (-5, 7), (2**40, 2**40 + 1),
                 (1.5, 2.5), (2.5, 1.5), (2.0, 2.0), (float("nan"), 1.0),
                 ("a", "b"), ("b", "a"), ("x", "x"), (2, 2.0), (True, 1)]:
        results.append((a, b, classify(a, b)))
    d = {1: "one", "k": 2, None: 0}
    s = {2, 3, "k", frozenset()}
    for x in (1, 2, 3, "k", None, True, 0, frozenset(), 4.0):
        results.append((x, members(x, d, s, "k1 2 True")))
    results.append(loop_until_none([1, 2, 3, None, 4]))
    return results


first = None
for round_ in range(60):
    got = run_all()
    if first is None:
        first = got
        for row in got:
            print(row)
    elif repr(got) != repr(first):
        print("round", round_, "differs:", got)
print("warm rounds agree")


# Traced: the jumps are run as instructions, with their line events.
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("classify", "members"):
        lines.append((frame.f_code.co_name, event,
                      frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


lines = []
sys.settrace(tracer)
traced = run_all()
sys.settrace(None)
print(repr(traced) == repr(first), len(lines))
print(lines[:40])
print(lines[-20:])

# Tracing turned on while a warm loop runs, and off again.
def switcher(n):
    hits = 0
    for i in range(n):
        if i == 30:
            sys.settrace(tracer)
        if i == 60:
            sys.settrace(None)
        if i % 7 < 3:
            hits += 1
        if i is None or i in (5, 50, 70):
            hits += 100
    return hits


lines = []
print(switcher(100), len(lines) > 0)


# Errors from a test in a branch: the exception and its line.
class Bad:
    def __eq__(self, other):
        raise ValueError("no eq")

    def __hash__(self):
        return 1


def raises(x, d):
    if x in d:
        return "in"
    return "out"


d = {1: 1, 2: 2}
for i in range(40):
    raises(i, d)
try:
    raises(Bad(), {Bad(): 1})
except ValueError as e:
    print("ValueError", e, e.__traceback__.tb_next.tb_lineno - raises.__code__.co_firstlineno)
try:
    raises([], d)
except TypeError as e:
    print("TypeError", e)


# A generic comparison converted to bool for its branch: __bool__ runs
# once per test, and its exception is raised at the test.
class Truthy:
    calls = 0

    def __init__(self, value):
        self.value = value

    def __bool__(self):
        Truthy.calls += 1
        if self.value is None:
            raise RuntimeError("no truth")
        return self.value


class Odd:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return Truthy(None if self.n < 0 else self.n % 2 == 1)


def odd_count(items, limit):
    count = 0
    for item in items:
        if item < limit:
            count += 1
        while not item < limit:
            break
    return count


print(odd_count([Odd(i) for i in range(50)], 0), Truthy.calls)
try:
    odd_count([Odd(1), Odd(-1)], 0)
except RuntimeError as e:
    print("RuntimeError", e, e.__traceback__.tb_next.tb_lineno - odd_count.__code__.co_firstlineno)
print(odd_count([(1, 2), (1, 3), (2, 0)], (1, 3)), odd_count([True, False, 2], True))


# Concatenation.
def add(a, b):
    return a + b


def iadd(a, b):
    a += b
    return a


lst, tup = [1, 2], (1, 2)
for i in range(40):
    add([i], [i, i])
    add((i,), (i, i))
    iadd((i,), (i,))
    iadd([i], [i])
print(add([1], [2, 3]), add([], []), add((1,), ()), add((), ()), add((1, 2), (3,)))
print(iadd((1,), (2,)), add("ab", "cd"), add(1, 2), add(b"x", b"y"))
keep = [0]
grown = iadd(keep, [1, 2])
print(grown, keep, grown is keep)
t = (5,)
print(iadd(t, (6,)), t)


class MyList(list):
    def __add__(self, other):
        return "MyList.__add__"

    def __radd__(self, other):
        return "MyList.__radd__"


class MyTuple(tuple):
    pass


print(add(MyList([1]), [2]), add([1], MyList([2])), add(MyTuple((1,)), (2,)),
      type(add((1,), MyTuple((2,)))).__name__)
for a, b in (([1], (2,)), ((1,), [2]), ([1], None), ((1,), "x"), ([1], 5)):
    try:
        print(add(a, b))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(iadd(a, b))
    except TypeError as e:
        print("TypeError:", e)


# Threads concatenate shared lists while another thread replaces them.
shared = [list(range(10)), (1, 2, 3)]
stop = False


def concat_worker(out, k):
    total = 0
    for i in range(3000):
        a = shared[0]
        total += len(add(a, a)) + len(add(shared[1], (i,)))
        if i % 3 == k % 3:
            total += 1
    out[k] = total


def replacer():
    i = 0
    while not stop:
        shared[0] = list(range(i % 10 + 10))
        shared[0] = list(range(10))
        i += 1


out = [0] * 4
r = threading.Thread(target=replacer)
r.start()
workers = [threading.Thread(target=concat_worker, args=(out, k)) for k in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
stop = True
r.join()
print([o > 0 for o in out])
