"""Specialized sites whose types change (ftcost, session 9).

A site that sees a second type deoptimizes and, on a single thread,
specializes again for the new type, in both builds.  Each loop below
changes what a site sees and checks every result, so a payload rewritten
wrongly (a stale version, index or object) shows as a wrong value or an
AttributeError.  The last part starts a thread, after which the
free-threaded build keeps payloads write-once: results stay the same.
"""
import threading


class Base:
    def __init__(self, n):
        self.n = n

    def value(self):
        return self.n


class Twice(Base):
    def value(self):
        return 2 * self.n


class Slotted:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n

    def value(self):
        return -self.n


class Prop:
    def __init__(self, n):
        self._n = n

    @property
    def n(self):
        return self._n + 1000

    def value(self):
        return 0


def call_values(objs, rounds):
    total = 0
    for _ in range(rounds):
        for o in objs:
            total += o.value()
    return total


def read_n(objs, rounds):
    total = 0
    for _ in range(rounds):
        for o in objs:
            total += o.n
    return total


def phases(make_groups):
    results = []
    for group in make_groups():
        # Each group runs long enough to specialize, then the next group
        # (other types) deoptimizes the same sites.
        results.append(call_values(group, 40))
        results.append(read_n(group, 40))
    return results


def groups():
    return [
        [Base(1), Base(2)],
        [Twice(3)],
        [Slotted(4)],
        [Prop(5)],
        [Base(6), Twice(7), Slotted(8), Prop(9)],
        [Base(10)],
    ]


print("alone", phases(groups))


# Attribute stores that replace a value, then ones that cannot (a hole,
# a materialized __dict__, a deleted attribute), on the same site.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def bump(points, rounds):
    for _ in range(rounds):
        for p in points:
            p.x = p.x + 1
    return [p.x for p in points]


pts = [Point(i, -i) for i in range(3)]
print("bump", bump(pts, 30))
vars(pts[1])                    # now a real dict
print("bump dict", bump(pts, 30), sorted(vars(pts[1])))
del pts[2].x
pts[2].x = 100                  # re-added after y: order changes
print("bump readd", bump(pts, 30), list(vars(pts[2])))


# A replaced value whose destructor stores into the same instance.
class Noisy:
    log = []

    def __init__(self, owner, tag):
        self.owner = owner
        self.tag = tag

    def __del__(self):
        Noisy.log.append(self.tag)
        self.owner.last = self.tag


holder = Point(0, 0)
for i in range(25):
    holder.x = Noisy(holder, i)
print("noisy", Noisy.log[:3], len(Noisy.log), holder.last, holder.x.tag)
holder.x = None
print("noisy end", len(Noisy.log), holder.last)


# A builtin shadowed by a new global, then unshadowed, mid-run.
def lengths(items, rounds):
    return [len(items) for _ in range(rounds)]


print("len", lengths([1, 2], 3)[-1], lengths("abcd", 40)[-1])
len = lambda obj: 42            # noqa: shadows the builtin
print("shadowed", lengths([1, 2], 3))
del len
print("restored", lengths([1, 2, 3], 40)[-1])

# After a second thread has existed, payloads are write-once in the
# free-threaded build; the same phases give the same answers.
worker = threading.Thread(target=lambda: None)
worker.start()
worker.join()
print("after thread", phases(groups))
sub = []
t = threading.Thread(target=lambda: sub.append(phases(groups)))
t.start()
t.join()
print("in thread", sub[0] == phases(groups))
