"""Exercises the abi3t fixture (Tests/capi/ext/abi3t_demo.c) and prints
what it sees; the output must be the same in both builds and equal to
abi3t_exercise.out.  usage: python abi3t_exercise.py DIR_WITH_THE_SO"""
import sys
import threading
import warnings

# Importing a module that declares Py_MOD_GIL_NOT_USED must not warn.
warnings.simplefilter("error")
sys.path.insert(0, sys.argv[1])
gil_before = sys._is_gil_enabled()
import abi3t_demo as d

print(d.__name__, "|", d.__doc__)
print(d.__file__.endswith("abi3t_demo.abi3t.so"), type(d.__spec__.loader).__name__)
print(sorted(n for n in dir(d) if not n.startswith("__")))
print(d.info())
print(hex(d.ABI_VERSION))

c = d.Counter(5, label="hits")
print(c, c.value, c.label, c.increment(), c.increment(3), c.value)
try:
    c.increment(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    c.value = 1
except AttributeError:
    print("value is read-only")
try:
    d.Counter(label=3)
except TypeError:
    print("label must be str")

print(d.apply(lambda a, b: a * b, 6, 7))
try:
    d.apply(lambda: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(d.total(lambda x: x * x, range(5)))
try:
    d.total(lambda x: x, 5)
except TypeError:
    print("total needs an iterable")
try:
    d.fail("boom")
except d.DemoError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))


class Sub(d.Counter):
    def twice(self):
        return self.increment(2)


s = Sub(label="sub")
print(s.twice(), s.value, s.label, d.is_counter(s), d.is_counter(5), d.is_counter(c))
print(d.calls())
print(d.Counter.__module__, d.Counter.__name__, d.DemoError.__module__)

# Threads share one Counter: every increment counts, in either build.
shared = d.Counter()


def work():
    for _ in range(1000):
        shared.increment()


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared.value)

# The GIL is as it was: the module declared it does not need it.
print(sys._is_gil_enabled() == gil_before)
del c, s, shared, Sub
import gc
gc.collect()
print("done")
