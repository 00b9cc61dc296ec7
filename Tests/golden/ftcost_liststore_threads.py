# `items[i] = value` through the specialized list store (STORE_SUBSCR_LIST_INT,
# which replaces the item inline in both builds since session 10): the
# replaced item is released at the store, an index that has gone out of
# range raises list assignment's IndexError without keeping the value,
# a list of the wrong kind falls back to the generic path, and threads
# storing into one list while others read it never see a dead or foreign
# item.  Every result is checked by value, so both builds print the same.
import threading
import weakref

LOG = []


class Item:
    __slots__ = ("value", "alive", "__weakref__")

    def __init__(self, value):
        self.value = value
        self.alive = True

    def __del__(self, log=LOG):
        # The default keeps the log alive through interpreter teardown.
        self.alive = False
        log.append(self.value)


def store_all(items, count):
    # Enough iterations for the store to specialize.
    for i in range(count):
        items[i % len(items)] = Item(i)


# --- the replaced item is released by the store itself ------------------------

items = [Item(-1), Item(-2), Item(-3)]
store_all(items, 300)
print("released in order:", LOG[:6], LOG[-3:], "count", len(LOG))
print("kept:", [item.value for item in items])
LOG.clear()


def replace_and_log(items, index, value):
    items[index] = value
    LOG.append("stored")


for n in range(100):
    replace_and_log(items, n % 3, Item(1000 + n))
print("finalized before the next instruction:", LOG[:4])
LOG.clear()

# --- out of range after specializing ---------------------------------------------

def store_at(items, index, value):
    items[index] = value


target = [0] * 8
for n in range(200):
    store_at(target, n % 8, n)
print("specialized stores:", target)
del target[4:]
value = Item(42)
ref = weakref.ref(value)
for index in (3, 4, 7, 10 ** 6):
    try:
        store_at(target, index, value)
        print("stored at", index)
    except IndexError as error:
        print("IndexError at", index, "-", error)
print("holds the value:", target[3] is value)
store_at(target, -1, "negative")
del value
print("after:", target, "value released:", ref() is None)

# Other receivers at the same site: a list subclass, a dict, a bool index.
class Recording(list):
    def __setitem__(self, index, value):
        LOG.append(("subclass", index))
        super().__setitem__(index, value)


LOG.clear()
sub = Recording([0, 0])
store_at(sub, 1, "x")
mapping = {}
store_at(mapping, 5, "five")
flags = [0, 0]
store_at(flags, True, "by bool")
print("fallbacks:", LOG, list(sub), mapping, flags)
LOG.clear()

# --- threads storing into one list while others read it -------------------------

SIZE = 16
ROUNDS = 3000
shared = [Item(-1) for _ in range(SIZE)]
errors = []


def writer(seed):
    for n in range(ROUNDS):
        shared[(n * 7 + seed) % SIZE] = Item(seed * ROUNDS + n)


def reader(seed):
    seen = 0
    for n in range(ROUNDS):
        item = shared[(n + seed) % SIZE]
        if type(item) is not Item or not item.alive:
            errors.append(repr(item))
        seen += 1
    return seen


threads = [threading.Thread(target=writer, args=(s,)) for s in range(3)]
threads += [threading.Thread(target=reader, args=(s,)) for s in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
final = sorted(item.value for item in shared)
print("errors:", errors)
print("final items valid:", all(type(item) is Item and item.alive
                                 and 0 <= item.value < 3 * ROUNDS
                                 for item in shared), len(final))
finalized = len(LOG)
print("every replaced item finalized:", finalized == 3 * ROUNDS)

# --- the other short sections: slots, instance values, list unpacking -----------
# Several threads take these objects' sections at once (stores of a slot
# and of an instance attribute, reads of a slot, unpacking a list), so
# the uncontended fast path and the waiting path both run.

class Slotted:
    __slots__ = ("a", "b")


class Plain:
    pass


slotted = Slotted()
slotted.a = slotted.b = 0
plain = Plain()
plain.x = 0
pair = [0, 0]
unpack_errors = []


def contend(seed):
    for n in range(ROUNDS):
        slotted.a = n
        plain.x = n
        pair[seed % 2] = n
        first, second = pair
        if type(first) is not int or type(second) is not int:
            unpack_errors.append((first, second))
        if type(slotted.b) is not int:
            unpack_errors.append(slotted.b)
    slotted.b = seed


threads = [threading.Thread(target=contend, args=(s,)) for s in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("unpack errors:", unpack_errors)
print("last stores:", slotted.a, plain.x, pair, slotted.b in range(4))
