"""Runs one workload once in a fresh interpreter for Tools/bench/run.py.

    python bench_child.py WORKLOADS_DIR NAME SCALE

Prints exactly one line on stdout, fields separated by tabs:

    RESULT  <cpu seconds>  <wall seconds>  <peak RSS in KiB or ->  <checksum>
    MISSING <error>        (the interpreter lacks a module the workload needs)

Any other failure leaves a traceback on stderr and a non-zero status.
Only `sys`, `os` and `time` are used, so the script runs on an
interpreter whose standard library is incomplete.
"""

import os
import sys
import time


def peak_rss_kib():
    """The process's peak resident set size, or None when unknown.

    /proc/self/status's VmHWM is read first since it needs no module;
    the resource module is the fallback on systems without /proc.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def one_line(text):
    return " ".join(str(text).split())


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: bench_child.py WORKLOADS_DIR NAME SCALE")
    directory, name, scale = argv[0], argv[1], float(argv[2])
    sys.dont_write_bytecode = True  # never leave caches in the source tree
    sys.path.insert(0, directory)
    try:
        module = __import__("bm_" + name)
        cpu, wall = time.process_time(), time.perf_counter()
        checksum = module.run(scale)
        wall = time.perf_counter() - wall
        cpu = time.process_time() - cpu
    except ImportError as error:
        print(f"MISSING\t{type(error).__name__}: {one_line(error)}")
        return
    rss = peak_rss_kib()
    print(f"RESULT\t{cpu:.6f}\t{wall:.6f}\t{'-' if rss is None else rss}\t"
          f"{one_line(checksum)}")


if __name__ == "__main__":
    main(sys.argv[1:])
