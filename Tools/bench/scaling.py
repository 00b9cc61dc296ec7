"""Thread-scaling benchmark for Weft's two builds.

Each workload is a CPU-bound function that does a fixed amount of work.
It is run once on one thread (time t1), then on N threads at once with
every thread doing the same amount of work (time tN).  The reported
figure, N * t1 / tN, is the speed-up: N on a perfectly parallel runtime
with N free cores, about 1.0 with a GIL.

    ./python Tools/bench/scaling.py [-n THREADS] [-r REPEATS] [-s SCALE]
                                    [-w NAME]... [--json FILE]

Each time is the best of REPEATS runs, which filters out the noise of a
shared machine better than a mean.  `Tools/bench/compare_builds.sh`
runs this script under both builds in one go and reports the ratio of
their single-thread times.

The script uses only `sys`, `os`, `time` and `threading` so that it runs
on an interpreter whose standard library is still incomplete.
"""

import os
import sys
import threading
import time


# --- workloads ------------------------------------------------------------
# Each takes a scale factor and returns a value so the work cannot be
# skipped.  Private-data workloads touch nothing another thread touches.

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def workload_fib(scale):
    return fib(26 + scale)


def workload_float(scale):
    total = 0.0
    x = 1.0001
    for i in range(300_000 * scale):
        total += x * i - total * 0.5
        x = x * 1.0000001
    return total


def workload_sort_dict(scale):
    checksum = 0
    seed = 12345
    for _ in range(60 * scale):
        values = []
        for _ in range(2000):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            values.append(seed)
        values.sort()
        table = {}
        for index, value in enumerate(values):
            table[value] = index
        checksum += len(table) + table[values[0]]
    return checksum


class SharedShape:
    """An object whose method every thread calls in the shared workload."""

    def __init__(self, factor):
        self.factor = factor

    def scaled(self, value):
        return value * self.factor


SHARED_TABLE = {f"key{i}": i for i in range(512)}
SHARED_KEYS = list(SHARED_TABLE)
SHARED_SHAPE = SharedShape(3)
SHARED_LIST = [i * 7 for i in range(1000)]
SHARED_NEEDLES = list(range(0, 64, 3))


def shared_helper(value):
    return value + 1


def workload_shared_read(scale):
    """Reads one shared dict and list, calls one shared function and method."""
    table = SHARED_TABLE
    keys = SHARED_KEYS
    shape = SHARED_SHAPE
    total = 0
    count = len(keys)
    for i in range(150_000 * scale):
        key = keys[i % count]
        total += shared_helper(table[key])
        total += shape.scaled(i & 7)
    return total


def workload_shared_list(scale):
    """Indexes, iterates and searches one shared list (lock-free reads)."""
    items = SHARED_LIST
    needles = SHARED_NEEDLES
    count = len(items)
    total = 0
    for round_ in range(600 * scale):
        for value in items:
            total += value
        for i in range(0, count, 3):
            total += items[i] + len(items)
        total += (round_ % 64) in needles
    return total


WORKLOADS = {
    "fib": workload_fib,
    "float": workload_float,
    "sort_dict": workload_sort_dict,
    "shared_read": workload_shared_read,
    "shared_list": workload_shared_list,
}


# --- timing ---------------------------------------------------------------

def time_threads(function, scale, threads):
    """Wall time for `threads` threads each running function(scale)."""
    barrier = threading.Barrier(threads + 1)

    def run():
        barrier.wait()
        function(scale)

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    barrier.wait()
    start = time.perf_counter()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start


def best_time(function, scale, threads, repeats):
    return min(time_threads(function, scale, threads) for _ in range(repeats))


def gil_state():
    probe = getattr(sys, "_is_gil_enabled", None)
    if probe is None:
        return "GIL"
    return "GIL" if probe() else "no GIL"


# --- command line ---------------------------------------------------------

USAGE = ("usage: scaling.py [-n THREADS] [-r REPEATS] [-s SCALE] "
         "[-w NAME]... [--json FILE]")


def parse_arguments(argv):
    options = {"threads": os.cpu_count() or 2, "repeats": 3, "scale": 1,
               "workloads": [], "json": None}
    numeric = {"-n": "threads", "-r": "repeats", "-s": "scale"}
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag in ("-h", "--help"):
            print(USAGE)
            sys.exit(0)
        if not args:
            sys.exit(f"{USAGE}\nscaling.py: error: {flag} needs a value")
        value = args.pop(0)
        if flag in numeric:
            if not value.isdigit() or int(value) < 1:
                sys.exit(f"scaling.py: error: {flag} needs a positive integer")
            options[numeric[flag]] = int(value)
        elif flag == "-w":
            if value not in WORKLOADS:
                sys.exit(f"scaling.py: error: unknown workload {value!r} "
                         f"(choose from {', '.join(WORKLOADS)})")
            options["workloads"].append(value)
        elif flag == "--json":
            options["json"] = value
        else:
            sys.exit(f"{USAGE}\nscaling.py: error: unknown option {flag}")
    if not options["workloads"]:
        options["workloads"] = list(WORKLOADS)
    return options


def write_json(path, results):
    """A tiny JSON writer: the json module may not exist yet."""
    rows = []
    for name, (t1, tn, threads) in results.items():
        rows.append(f'  "{name}": {{"t1": {t1:.6f}, "tN": {tn:.6f}, '
                    f'"threads": {threads}}}')
    with open(path, "w") as stream:
        stream.write("{\n" + ",\n".join(rows) + "\n}\n")


def main(argv):
    options = parse_arguments(argv)
    threads = options["threads"]
    print(f"{sys.executable} ({gil_state()}), {threads} threads, "
          f"best of {options['repeats']}")
    print(f"{'workload':<12} {'t1 (s)':>9} {'tN (s)':>9} {'N*t1/tN':>9}")
    results = {}
    for name in options["workloads"]:
        function = WORKLOADS[name]
        function(1)  # warm caches and specialisation before timing
        t1 = best_time(function, options["scale"], 1, options["repeats"])
        tn = best_time(function, options["scale"], threads, options["repeats"])
        results[name] = (t1, tn, threads)
        print(f"{name:<12} {t1:9.3f} {tn:9.3f} {threads * t1 / tn:9.2f}")
    if options["json"]:
        write_json(options["json"], results)


if __name__ == "__main__":
    main(sys.argv[1:])
