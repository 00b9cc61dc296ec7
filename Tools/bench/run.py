"""Run the benchmark workloads under one or more interpreters and compare them.

    python Tools/bench/run.py --python A [--python B ...] [-n REPEATS]
                              [--only PATTERN] [--json FILE] [--scale S]
                              [--clock cpu|wall] [--startup-runs N]

Every workload in Tools/bench/workloads/ runs REPEATS times per
interpreter, each time in a fresh process, interleaved A B A B ... so
that load changes on the machine hit every interpreter alike.  The
report gives, per workload, the median time per interpreter and its
speed relative to the first interpreter (first's time / this time: above
1.0 is faster), then the geometric mean of those speeds.  It also
measures start-up (`python -c pass`) and the peak memory (max RSS) of a
few workloads.

Time is the child's CPU time by default (`--clock cpu`): on a shared,
overloaded machine wall time mostly measures the other users, while CPU
time stays close to what an idle machine would show.  `--clock wall`
uses wall time.  Workload time covers `run()` only, not start-up or
imports.

The run fails (exit status 1) when the checksums a workload returns
differ between interpreters or runs, or when a run crashes.  A workload
whose module an interpreter lacks is reported as "missing: <error>" for
that interpreter and left out of its geometric mean.

The runner uses only `sys`, `os`, `time`, `fnmatch` and `subprocess`,
so the interpreter under test can run it too.
"""

import fnmatch
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS_DIR = os.path.join(HERE, "workloads")
CHILD = os.path.join(HERE, "bench_child.py")
# Workloads whose peak memory is reported: one each of object churn,
# container copying, serialisation, text and big integers.
MEMORY_WORKLOADS = ("float_churn", "deepcopy", "json", "text_processing", "pidigits")
CHILD_TIMEOUT = 600

USAGE = ("usage: run.py --python A [--python B ...] [-n REPEATS] [--only PATTERN]\n"
         "              [--json FILE] [--scale S] [--clock cpu|wall] [--startup-runs N]")


class UsageError(Exception):
    pass


# --- command line ---------------------------------------------------------

def parse_arguments(argv):
    options = {"pythons": [], "repeats": 3, "only": None, "json": None,
               "scale": 1.0, "clock": "cpu", "startup_runs": 20}
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag in ("-h", "--help"):
            print(__doc__.strip())
            sys.exit(0)
        if "=" in flag and flag.startswith("--"):
            flag, value = flag.split("=", 1)
        elif args:
            value = args.pop(0)
        else:
            raise UsageError(f"{flag} needs a value")
        if flag == "--python":
            options["pythons"].append(value)
        elif flag in ("-n", "--repeats", "--startup-runs"):
            key = "startup_runs" if flag == "--startup-runs" else "repeats"
            least = 1 if key == "repeats" else 0
            if not value.isdigit() or int(value) < least:
                kind = "positive" if least else "non-negative"
                raise UsageError(f"{flag} needs a {kind} integer, got {value!r}")
            options[key] = int(value)
        elif flag == "--only":
            options["only"] = value
        elif flag == "--json":
            options["json"] = value
        elif flag == "--scale":
            try:
                options["scale"] = float(value)
            except ValueError:
                raise UsageError(f"--scale needs a number, got {value!r}") from None
            if not options["scale"] > 0:
                raise UsageError("--scale must be positive")
        elif flag == "--clock":
            if value not in ("cpu", "wall"):
                raise UsageError("--clock must be 'cpu' or 'wall'")
            options["clock"] = value
        else:
            raise UsageError(f"unknown option {flag}")
    if not options["pythons"]:
        raise UsageError("at least one --python is required")
    return options


def all_workloads():
    return sorted(name[3:-3] for name in os.listdir(WORKLOADS_DIR)
                  if name.startswith("bm_") and name.endswith(".py"))


def select_workloads(pattern):
    """Workloads matching a comma-separated list of shell patterns.

    A pattern without wildcards matches any name containing it.
    """
    names = all_workloads()
    if not pattern:
        return names
    patterns = [p.strip() for p in pattern.split(",") if p.strip()]
    chosen = [name for name in names
              if any(fnmatch.fnmatchcase(name, p) if any(c in p for c in "*?[")
                     else p in name for p in patterns)]
    if not chosen:
        raise UsageError(f"--only {pattern!r} matches no workload "
                         f"(choose from {', '.join(names)})")
    return chosen


# --- child processes ------------------------------------------------------

def child_environment():
    # The caller's PYTHON* settings would make the interpreters differ.
    return {key: value for key, value in os.environ.items()
            if not key.startswith("PYTHON")}


class Interpreter:
    def __init__(self, label, command):
        self.label = label
        self.command = command
        self.executable = command
        self.description = "?"

    def probe(self, environment):
        """Resolve the real executable (python3 may be a launcher script)."""
        script = ("import sys; probe = getattr(sys, '_is_gil_enabled', None); "
                  "print(sys.executable); print(sys.version.split()[0], "
                  "'GIL' if probe is None or probe() else 'no GIL')")
        try:
            done = subprocess.run([self.command, "-c", script], capture_output=True,
                                  text=True, env=environment, timeout=120)
        except (OSError, subprocess.SubprocessError) as error:
            raise UsageError(f"cannot run {self.command}: {error}") from None
        lines = done.stdout.splitlines()
        if done.returncode != 0 or len(lines) < 2:
            raise UsageError(f"cannot run {self.command}: {done.stderr.strip()}")
        if lines[0] and os.path.exists(lines[0]):
            self.executable = lines[0]
        self.description = lines[1]


class Outcome:
    """One run of one workload: a result, a missing module, or a failure."""

    def __init__(self, kind, cpu=None, wall=None, rss=None, checksum=None, message=""):
        self.kind = kind
        self.cpu = cpu
        self.wall = wall
        self.rss = rss
        self.checksum = checksum
        self.message = message


def run_child(interpreter, name, scale, environment):
    command = [interpreter.executable, CHILD, WORKLOADS_DIR, name, repr(scale)]
    try:
        done = subprocess.run(command, capture_output=True, text=True,
                              env=environment, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return Outcome("error", message=f"timed out after {CHILD_TIMEOUT} s")
    line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    fields = line.split("\t")
    if done.returncode == 0 and fields[0] == "MISSING" and len(fields) == 2:
        return Outcome("missing", message=fields[1])
    if done.returncode == 0 and fields[0] == "RESULT" and len(fields) == 5:
        rss = None if fields[3] == "-" else int(fields[3])
        return Outcome("ok", float(fields[1]), float(fields[2]), rss, fields[4])
    error_lines = done.stderr.strip().splitlines()
    last = error_lines[-1] if error_lines else "no output"
    return Outcome("error", message=f"exit status {done.returncode}: {last}")


def measure_startup(interpreters, runs, environment):
    """Per interpreter: (median wall seconds, mean CPU seconds) of `-c pass`.

    CPU time comes from os.times()'s children fields, which tick coarsely
    (often 10 ms), so it is summed over all runs and averaged rather
    than taken per run.
    """
    walls = {i.label: [] for i in interpreters}
    cpus = {i.label: 0.0 for i in interpreters}
    for _ in range(runs):
        for interpreter in interpreters:
            before = os.times()
            start = time.perf_counter()
            subprocess.run([interpreter.executable, "-c", "pass"], env=environment,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            walls[interpreter.label].append(time.perf_counter() - start)
            after = os.times()
            cpus[interpreter.label] += ((after.children_user - before.children_user)
                                        + (after.children_system - before.children_system))
    return {label: (median(walls[label]), cpus[label] / runs) for label in walls}


# --- statistics and report ------------------------------------------------

def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def geometric_mean(values):
    product = 1.0
    for value in values:
        product *= value
    return product ** (1.0 / len(values)) if values else None


def summarise(name, interpreters, outcomes, clock):
    """Median time per interpreter, plus the problems found for one workload."""
    summary = {"medians": {}, "rss": {}, "missing": {}, "errors": [], "checksum": None}
    seen = {}
    for interpreter in interpreters:
        runs = outcomes[interpreter.label]
        label = interpreter.label
        errors = [o.message for o in runs if o.kind == "error"]
        missing = [o.message for o in runs if o.kind == "missing"]
        good = [o for o in runs if o.kind == "ok"]
        if errors:
            summary["errors"].append(f"{name} under {label}: {errors[0]}")
        elif missing:
            summary["missing"][label] = missing[0]
        if errors or missing or not good:
            continue
        summary["medians"][label] = median([getattr(o, clock) for o in good])
        peaks = [o.rss for o in good if o.rss is not None]
        summary["rss"][label] = max(peaks) if peaks else None
        for outcome in good:
            seen.setdefault(outcome.checksum, []).append(label)
    if len(seen) > 1:
        detail = "; ".join(f"{', '.join(sorted(set(labels)))} -> {checksum[:60]!r}"
                           for checksum, labels in seen.items())
        summary["errors"].append(f"CHECKSUM MISMATCH in {name}: {detail}")
    elif seen:
        summary["checksum"] = next(iter(seen))
    return summary


def print_report(options, interpreters, names, summaries, startup):
    first = interpreters[0].label
    letters = {i.label: chr(ord("A") + k) for k, i in enumerate(interpreters)}
    clock = "CPU time of the child" if options["clock"] == "cpu" else "wall time"
    print(f"\n{len(names)} workloads, median of {options['repeats']} runs, "
          f"scale {options['scale']}, time = {clock} (seconds)")
    for interpreter in interpreters:
        print(f"  {letters[interpreter.label]}: {interpreter.label} = "
              f"{interpreter.executable} ({interpreter.description})")
    print("  speed = A's time / this time (above 1.00: faster than A)\n")
    header = f"{'workload':<17}"
    for interpreter in interpreters:
        letter = letters[interpreter.label]
        header += f"{letter + ' time':>9}"
        if interpreter.label != first:
            header += f"{letter + ' speed':>9}"
    print(header)
    speeds = {i.label: [] for i in interpreters}
    for name in names:
        medians = summaries[name]["medians"]
        row = f"{name:<17}"
        for interpreter in interpreters:
            label = interpreter.label
            value = medians.get(label)
            if value is not None:
                row += f"{value:9.3f}"
            else:
                state = "missing" if label in summaries[name]["missing"] else "error"
                row += f"{state:>9}"
            if label == first:
                continue
            # A failed workload (crash, checksum mismatch) gets no speed.
            if value and medians.get(first) and not summaries[name]["errors"]:
                speed = medians[first] / value
                speeds[label].append(speed)
                row += f"{speed:9.2f}"
            else:
                row += f"{'-':>9}"
        print(row)
    footer = f"{'geometric mean':<17}{'':>9}"
    for interpreter in interpreters[1:]:
        mean = geometric_mean(speeds[interpreter.label])
        footer += f"{'':>9}" + (f"{mean:9.2f}" if mean else f"{'-':>9}")
    print(footer)
    for name in names:
        for label, message in summaries[name]["missing"].items():
            print(f"  {name} under {label}: missing: {message}")
    if startup:
        print(f"\nstart-up ({options['startup_runs']} runs of -c pass): "
              "median wall ms / mean CPU ms")
        for interpreter in interpreters:
            wall, cpu = startup[interpreter.label]
            print(f"  {letters[interpreter.label]}: {wall * 1000:8.1f} {cpu * 1000:8.1f}")
    measured = [n for n in MEMORY_WORKLOADS if n in names]
    if measured:
        print("\npeak memory (max RSS, MiB; ratio to A)")
        for name in measured:
            row = f"  {name:<17}"
            base = summaries[name]["rss"].get(first)
            for interpreter in interpreters:
                rss = summaries[name]["rss"].get(interpreter.label)
                if rss is None:
                    row += f"{'-':>8}"
                    continue
                row += f"{rss / 1024:8.1f}"
                if interpreter.label != first and base:
                    row += f" ({rss / base:4.2f})"
            print(row)
    return speeds


# --- JSON output (written by hand: json may be absent from the runner) ---

def to_json(value, indent=0):
    pad = "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{to_json(str(k))}: {to_json(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * indent + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(to_json(v, indent + 1) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    escaped = (str(value).replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\t", "\\t"))
    return f'"{escaped}"'


def write_json(path, options, interpreters, names, summaries, outcomes, startup, speeds):
    document = {
        "scale": options["scale"], "repeats": options["repeats"], "clock": options["clock"],
        "interpreters": [{"label": i.label, "executable": i.executable,
                          "description": i.description} for i in interpreters],
        "startup": {label: {"median_wall": w, "mean_cpu": c}
                    for label, (w, c) in (startup or {}).items()},
        "geometric_mean_speed": {label: geometric_mean(values)
                                 for label, values in speeds.items() if values},
        "workloads": {},
    }
    for name in names:
        summary = summaries[name]
        document["workloads"][name] = {
            "checksum": summary["checksum"], "median": summary["medians"],
            "max_rss_kib": summary["rss"], "missing": summary["missing"],
            "errors": summary["errors"],
            "runs": {label: [[o.kind, o.cpu, o.wall, o.rss] for o in runs]
                     for label, runs in outcomes[name].items()},
        }
    with open(path, "w") as stream:
        stream.write(to_json(document) + "\n")


# --- main -----------------------------------------------------------------

def main(argv):
    try:
        options = parse_arguments(argv)
        names = select_workloads(options["only"])
        environment = child_environment()
        interpreters = []
        for command in options["pythons"]:
            interpreter = Interpreter(command, command)
            interpreter.probe(environment)
            interpreters.append(interpreter)
    except UsageError as error:
        print(f"{USAGE}\nrun.py: error: {error}", file=sys.stderr)
        return 2
    if len({i.label for i in interpreters}) != len(interpreters):
        print("run.py: error: the same --python is given twice", file=sys.stderr)
        return 2
    outcomes, summaries = {}, {}
    for index, name in enumerate(names, 1):
        print(f"[{index}/{len(names)}] {name}", file=sys.stderr, flush=True)
        outcomes[name] = {i.label: [] for i in interpreters}
        for _ in range(options["repeats"]):
            for interpreter in interpreters:
                outcome = run_child(interpreter, name, options["scale"], environment)
                outcomes[name][interpreter.label].append(outcome)
        summaries[name] = summarise(name, interpreters, outcomes[name], options["clock"])
    startup = None
    if options["startup_runs"]:
        print("start-up", file=sys.stderr, flush=True)
        startup = measure_startup(interpreters, options["startup_runs"], environment)
    speeds = print_report(options, interpreters, names, summaries, startup)
    if options["json"]:
        write_json(options["json"], options, interpreters, names, summaries,
                   outcomes, startup, speeds)
    problems = [error for name in names for error in summaries[name]["errors"]]
    for problem in problems:
        print(f"run.py: FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
