# One array shared by threads: appends, extends, pops and reads run in
# parallel; the final contents are exactly what the operations imply.
import array
import threading

shared = array.array("q")
N, T = 2000, 6
start = threading.Barrier(T + 2)

def writer(k):
    start.wait()
    for i in range(N):
        shared.append(k * N + i)
        if i % 100 == 0:
            shared.extend(array.array("q", [-1, -1]))

def reader():
    start.wait()
    for _ in range(200):
        n = len(shared)
        data = shared.tobytes()
        assert len(data) % 8 == 0
        part = shared[: n // 2]
        assert all(isinstance(x, int) for x in part[:10])
        for x in shared[::97]:
            pass

def popper():
    start.wait()
    popped = 0
    while popped < T * (N // 100) * 2 // 2:
        try:
            shared.remove(-1)
            popped += 1
        except ValueError:
            pass

threads = [threading.Thread(target=writer, args=(k,)) for k in range(T)]
threads += [threading.Thread(target=reader), threading.Thread(target=popper)]
for t in threads:
    t.start()
for t in threads:
    t.join()
values = sorted(shared)
minus = values.count(-1)
rest = values[minus:]
print(len(shared), minus, rest == list(range(T * N)))
for k in range(T):
    mine = [x for x in shared if k * N <= x < (k + 1) * N]
    assert mine == sorted(mine), k
print("per-thread order kept")
