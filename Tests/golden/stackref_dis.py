# Which local loads the compiler turns into LOAD_FAST_BORROW, and that
# the code still computes the right values.
import dis


def ops(func):
    return [(i.opname, i.argval) for i in dis.get_instructions(func)
            if i.opname.startswith("LOAD_FAST")]


def add(a, b):
    return a + b


def attr_and_index(obj, seq, i):
    return obj.real + seq[i]


def stored(x):
    y = x           # STORE_FAST keeps the reference: no borrow
    return y


def called(f, x):
    return f(x)     # the argument is borrowed, the callable owned


def walrus(x):
    return x + (x := 2)


def branchy(x, y):
    if x is None:
        return y
    return x < y


def looped(items):
    total = 0
    for v in items:
        total += v
    return total


def deleted(x):
    y = x + 1       # x is bound here (deleted only later): borrowed
    del x
    return y


def maybe(flag):
    if flag:
        z = 1
    return z + 1    # z may be unbound here: checked


for func in (add, attr_and_index, stored, called, walrus, branchy, looped,
             deleted, maybe):
    print(func.__name__, ops(func))

print(add(2, 3), attr_and_index(4, [5, 6], 1), stored(7), called(abs, -8),
      walrus(10), branchy(None, 1), branchy(1, 2), looped([1, 2, 3]),
      deleted(4), maybe(True))
try:
    maybe(False)
except UnboundLocalError as exc:
    print(exc)
print("LOAD_FAST_BORROW" in dis.opmap, "LOAD_FAST_BORROW" in
      [dis.opname[op] for op in dis.haslocal])
