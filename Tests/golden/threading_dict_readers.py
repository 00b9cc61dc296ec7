# Lock-free dict reads (free-threaded build) racing with writers that
# replace, delete and re-insert values, grow the table, and replace an
# instance's __dict__: readers only ever see values that were stored, and
# nothing crashes (both builds).
import threading

KEYS = [f"key{i}" for i in range(64)]
shared = {key: [key] for key in KEYS}
ROUNDS = 3000
stop = threading.Event()
bad = []


def writer(index):
    for round_number in range(ROUNDS):
        key = KEYS[(round_number * 7 + index) % len(KEYS)]
        if round_number % 3 == 0:
            shared.pop(key, None)
        shared[key] = [key, round_number]
        if round_number % 500 == 0:
            # Grow and shrink the table so readers see it replaced.
            for extra in range(100):
                shared[f"extra{index}-{extra}"] = extra
            for extra in range(100):
                del shared[f"extra{index}-{extra}"]


def reader():
    while not stop.is_set():
        for key in KEYS:
            value = shared.get(key)
            if value is not None and value[0] != key:
                bad.append((key, value))


class Holder:
    pass


holder = Holder()
holder.name = "first"


def dict_replacer():
    for round_number in range(ROUNDS):
        holder.__dict__ = {"name": f"round{round_number}"}


def attribute_reader():
    while not stop.is_set():
        name = holder.name
        if not name.startswith(("first", "round")):
            bad.append(name)


writers = [threading.Thread(target=writer, args=(i,)) for i in range(2)]
writers.append(threading.Thread(target=dict_replacer))
readers = [threading.Thread(target=reader) for _ in range(2)]
readers.append(threading.Thread(target=attribute_reader))
for thread in readers + writers:
    thread.start()
for thread in writers:
    thread.join()
stop.set()
for thread in readers:
    thread.join()
print("bad reads:", bad)
print(sorted(shared) == sorted(KEYS), all(shared[key][0] == key for key in KEYS))
print(holder.name)
