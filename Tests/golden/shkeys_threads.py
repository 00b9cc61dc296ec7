# Threads writing attributes of one shared instance while others read it
# (values arrays replaced while readers run), plus per-thread instances.
import threading


class Shared:
    def __init__(self):
        self.a = 0
        self.b = 0


class Item:
    def __init__(self, n):
        self.n = n
        self.sq = n * n


obj = Shared()
N = 5000
errors = []
start = threading.Barrier(4)


def writer(name):
    start.wait()
    for i in range(N):
        setattr(obj, name, i)
        obj.a = i
    setattr(obj, name, N)


def reader():
    start.wait()
    seen = 0
    for _ in range(N):
        a = obj.a
        if not isinstance(a, int) or a < 0 or a > N:
            errors.append(a)
        for extra in ("w1", "w2"):
            v = getattr(obj, extra, None)
            if v is not None and not 0 <= v <= N:
                errors.append((extra, v))
            seen += v is not None
    return seen


def builder(out):
    start.wait()
    out.append(sum(Item(i).sq for i in range(5000)))


totals = []
threads = [threading.Thread(target=writer, args=("w1",)),
           threading.Thread(target=writer, args=("w2",)),
           threading.Thread(target=reader),
           threading.Thread(target=builder, args=(totals,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors", errors)
print(obj.w1, obj.w2, sorted(vars(obj)), totals)


# one thread materializes __dict__ while others store and load
class Box:
    def __init__(self):
        self.v = 0


boxes = [Box() for _ in range(200)]
go = threading.Barrier(3)


def store():
    go.wait()
    for r in range(50):
        for b in boxes:
            b.v = r


def take_dicts(out):
    go.wait()
    out.append(sum(len(b.__dict__) for b in boxes))


def load(out):
    go.wait()
    bad = 0
    for r in range(50):
        for b in boxes:
            if not 0 <= b.v < 50:
                bad += 1
    out.append(bad)


res = []
ts = [threading.Thread(target=store), threading.Thread(target=take_dicts, args=(res,)),
      threading.Thread(target=load, args=(res,))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(res), {b.v for b in boxes}, all(b.__dict__ == {"v": 49} for b in boxes))
