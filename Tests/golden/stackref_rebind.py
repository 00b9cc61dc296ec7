# Locals rebound while a borrowed copy of their old value is on the VM's
# stack: the old value must stay alive until the instruction using it ran.
import gc
import sys
import weakref


class Box:
    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        return self.value + other

    def __getitem__(self, key):
        return self.value * key

    def __eq__(self, other):
        return self.value == other


def clobber(name, depth=1):
    # PEP 667: f_locals of a function frame writes through to the local.
    sys._getframe(depth).f_locals[name] = None
    return 1


def through_f_locals():
    x = Box(40)
    ref = weakref.ref(x)
    # x is loaded (borrowed) before clobber() rebinds it to None.
    total = x + clobber("x")
    print("sum with old value:", total)
    print("x is now:", x)
    del x
    return ref


ref = through_f_locals()
gc.collect()
print("old value freed after return:", ref() is None)


def subscript_then_rebind():
    x = Box(7)
    r = x[clobber("x")]
    print("subscript:", r, "x:", x)


subscript_then_rebind()


def compare_then_rebind():
    x = Box(3)
    print("compare:", x == clobber("x") + 2, "x:", x)


compare_then_rebind()


def through_exec():
    x = Box(100)
    frame_locals = sys._getframe().f_locals
    total = x + (exec("x = Box(-1)", None, frame_locals) or 5)
    print("exec:", total, "x.value:", x.value)


through_exec()


def rebind_in_expression():
    # The compiler must not borrow a load whose local is stored before the
    # value is used: the walrus rebinds x between its load and the add.
    x = 10
    return x + (x := 1) + x


print("walrus:", rebind_in_expression())


def delete_between():
    x = [1, 2, 3]
    y = x
    del x
    return len(y), y[0]


print("del:", delete_between())


def tracer_rebinds():
    hits = []

    def trace(frame, event, arg):
        if event == "line" and frame.f_code is target.__code__:
            lineno = frame.f_lineno - target.__code__.co_firstlineno
            if lineno == 3:
                frame.f_locals["x"] = Box(0)
                hits.append(lineno)
        return trace

    def target():
        x = Box(5)
        return (x +
                1)

    sys.settrace(trace)
    try:
        value = target()
    finally:
        sys.settrace(None)
    print("tracer:", value, hits)


tracer_rebinds()


def set_local(name, value):
    sys._getframe(1).f_locals[name] = value
    return 0


def loop_rebinds(n):
    # Each iteration replaces x while its old value is borrowed on the
    # stack; the replaced values are released at the loop's jump.
    x = Box(0)
    refs = [weakref.ref(x)]
    total = 0
    for i in range(n):
        fresh = Box(i + 1)
        refs.append(weakref.ref(fresh))
        total += x + set_local("x", fresh)
        del fresh
    alive = sum(ref() is not None for ref in refs)
    return total, x.value, alive


print("loop:", loop_rebinds(100))


def many_loads(n):
    # Borrowed loads in a loop leave every count as it was.
    data = {"a": 1}
    items = [1, 2, 3]
    box = Box(2)
    before = (sys.getrefcount(data), sys.getrefcount(items),
              sys.getrefcount(box))
    total = 0
    for i in range(n):
        total += data["a"] + items[i % 3] + box.value
        if items and data is not None and not box == 9:
            total += 1
    after = (sys.getrefcount(data), sys.getrefcount(items),
             sys.getrefcount(box))
    return total, before == after


print("counts unchanged:", many_loads(1000))
