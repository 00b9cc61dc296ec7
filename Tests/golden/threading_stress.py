# Several threads share one list, dict and set without user locks:
# nothing may be lost, duplicated or crash (both builds).
import threading

N_THREADS = 4
N_ITEMS = 5000
shared_list = []
shared_dict = {}
shared_set = set()
pop_source = list(range(N_THREADS * N_ITEMS))
popped = [[] for _ in range(N_THREADS)]
start = threading.Barrier(N_THREADS)


def worker(index):
    start.wait()
    base = index * N_ITEMS
    for i in range(N_ITEMS):
        shared_list.append(base + i)
        shared_dict[base + i] = index
        shared_set.add(base + i)
    mine = popped[index]
    while True:
        try:
            mine.append(pop_source.pop())
        except IndexError:
            break


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = N_THREADS * N_ITEMS
print(len(shared_list), sorted(shared_list) == list(range(total)))
print(len(shared_dict), all(shared_dict[k] == k // N_ITEMS for k in shared_dict))
print(len(shared_set), shared_set == set(range(total)))
all_popped = [x for part in popped for x in part]
print(len(all_popped), sorted(all_popped) == list(range(total)), pop_source)

# Iterating while another thread mutates never crashes.
stop = threading.Event()
data = list(range(100))
def mutate():
    while not stop.is_set():
        data.append(1)
        del data[0]
m = threading.Thread(target=mutate)
m.start()
for _ in range(200):
    for x in data:
        pass
    sum(data)
stop.set()
m.join()
print("iterated", len(data) == 100)

# Many short-lived threads.
counter = [0]
lock = threading.Lock()
def bump():
    with lock:
        counter[0] += 1
for _ in range(20):
    batch = [threading.Thread(target=bump) for _ in range(10)]
    for t in batch:
        t.start()
    for t in batch:
        t.join()
print("short-lived", counter[0], threading.active_count())
