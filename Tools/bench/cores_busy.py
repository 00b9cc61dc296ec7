"""How busy do issue 5's two threaded programs keep the machine's cores?

    python Tools/bench/cores_busy.py [-n THREADS] [-s SCALE]

Runs, in this interpreter, the two programs issue 5 names:

  pool      a ThreadPoolExecutor computing CPU-bound results (prime counts
            over ranges), collected with as_completed;
  pipeline  a producer/consumer pipeline over queue.Queue with THREADS
            producers and THREADS consumers; each side does CPU work per
            item (producers build a work item, consumers reduce it).

For each it prints the wall time, the process's CPU time (all threads,
`time.process_time`) and their ratio.  On a free-threaded build with N
idle cores the ratio approaches min(N, THREADS); with the GIL it stays
near 1.0.  The checksum column shows that every build computed the same
results.  THREADS defaults to os.cpu_count().

This is a measurement, not a test: the ratio depends on what else the
machine runs.  Doc/performance.md records figures and the command.
"""

import os
import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed


def count_primes(low, high):
    """Primes in [low, high) by trial division: pure interpreter work."""
    count = 0
    for n in range(max(low, 2), high):
        divisor = 2
        while divisor * divisor <= n:
            if n % divisor == 0:
                break
            divisor += 1
        else:
            count += 1
    return count


def pool_program(threads, scale):
    span = 4000
    chunks = 64 * scale
    with ThreadPoolExecutor(max_workers=threads) as executor:
        futures = [executor.submit(count_primes, k * span, (k + 1) * span)
                   for k in range(chunks)]
        return sum(future.result() for future in as_completed(futures))


def make_item(seed):
    """The producer's share: a list of pseudo-random ints from seed."""
    state = seed * 2654435761 % 2**32
    values = []
    for _ in range(400):
        state = (state * 1103515245 + 12345) % 2**31
        values.append(state % 1000)
    return values


def reduce_item(values):
    """The consumer's share: a histogram folded into one number."""
    histogram = {}
    for value in values:
        bucket = value // 10
        histogram[bucket] = histogram.get(bucket, 0) + value
    return sum(key * total for key, total in histogram.items()) % 1000003


def pipeline_program(threads, scale):
    items_per_producer = 1500 * scale
    work = queue.Queue(maxsize=64)
    totals = []
    totals_lock = threading.Lock()

    def produce(first_seed):
        for seed in range(first_seed, first_seed + items_per_producer):
            work.put(make_item(seed))

    def consume():
        total = 0
        while (item := work.get()) is not None:
            total += reduce_item(item)
        with totals_lock:
            totals.append(total)

    consumers = [threading.Thread(target=consume) for _ in range(threads)]
    producers = [threading.Thread(target=produce,
                                  args=(k * items_per_producer,))
                 for k in range(threads)]
    for thread in consumers + producers:
        thread.start()
    for thread in producers:
        thread.join()
    for _ in consumers:
        work.put(None)
    for thread in consumers:
        thread.join()
    return sum(totals) % 1000003


PROGRAMS = {"pool": pool_program, "pipeline": pipeline_program}


def measure(program, threads, scale):
    wall_start = time.perf_counter()
    cpu_start = time.process_time()
    checksum = program(threads, scale)
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start
    return wall, cpu, checksum


def gil_state():
    is_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_enabled is None:
        return "GIL"
    return "GIL" if is_enabled() else "no GIL"


USAGE = "usage: cores_busy.py [-n THREADS] [-s SCALE]"


def parse_arguments(argv):
    options = {"-n": os.cpu_count() or 2, "-s": 1}
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag in ("-h", "--help"):
            print(USAGE)
            sys.exit(0)
        if flag not in options:
            sys.exit(f"{USAGE}\ncores_busy.py: error: unknown option {flag}")
        if not args:
            sys.exit(f"{USAGE}\ncores_busy.py: error: {flag} needs a value")
        value = args.pop(0)
        if not value.isdigit() or int(value) < 1:
            sys.exit(f"cores_busy.py: error: {flag} needs a positive integer")
        options[flag] = int(value)
    return options["-n"], options["-s"]


def main(argv):
    threads, scale = parse_arguments(argv)
    print(f"{sys.executable} ({gil_state()}), {threads} threads, "
          f"{os.cpu_count()} CPUs, scale {scale}")
    print(f"{'program':<10} {'wall (s)':>9} {'CPU (s)':>9} {'CPU/wall':>9} "
          f"{'checksum':>9}")
    for name, program in PROGRAMS.items():
        wall, cpu, checksum = measure(program, threads, scale)
        print(f"{name:<10} {wall:9.3f} {cpu:9.3f} {cpu / wall:9.2f} "
              f"{checksum:>9}")


if __name__ == "__main__":
    main(sys.argv[1:])
