# The collector runs while borrowed stack slots are live: from __eq__,
# __hash__ and __getattr__ called on values the VM borrowed from locals.
import gc
import weakref


class Node:
    collected = 0

    def __init__(self, name):
        self.name = name
        self.partner = None

    def __eq__(self, other):
        # Make garbage cycles and collect them in the middle of COMPARE_OP.
        for _ in range(3):
            a, b = Node("tmp"), Node("tmp")
            a.partner, b.partner = b, a
        gc.collect()
        return isinstance(other, Node) and self.name == other.name

    def __hash__(self):
        gc.collect()
        return hash(self.name)

    def __getattr__(self, attr):
        gc.collect()
        return attr.upper()


def compare_locals():
    left = Node("x")
    right = Node("x")
    other = Node("y")
    left.partner = right
    right.partner = left        # a cycle reachable only from locals
    results = (left == right, left == other, left != other)
    return results, left.partner is right, right.partner.name


print(compare_locals())


def lookups():
    table = {Node("k"): 1}
    key = Node("k")
    found = key in table
    value = table[key]
    missing = key.whatever
    return found, value, missing


print(lookups())


def survivors():
    keep = Node("keep")
    ref = weakref.ref(keep)
    for _ in range(5):
        keep == keep
    gc.collect()
    return ref() is keep, keep.name


print(survivors())


def cycle_in_generator():
    node = Node("gen")
    node.partner = node
    yield node == node
    yield node.partner.name


print(list(cycle_in_generator()))
gc.collect()
print("garbage:", gc.garbage)
