#!/bin/sh
# Run Tools/bench/scaling.py under both builds in one go and report, per
# workload, the free-threaded build's single-thread time over the default
# build's, and their geometric mean.
#
#   Tools/bench/compare_builds.sh DEFAULT_BUILD_DIR FREE_THREADED_BUILD_DIR [scaling.py options]
set -eu
if [ $# -lt 2 ]; then
    echo "usage: $0 DEFAULT_BUILD_DIR FREE_THREADED_BUILD_DIR [scaling.py options]" >&2
    exit 2
fi
default_dir=$1
threaded_dir=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$default_dir/python" "$here/scaling.py" --json "$out/default.json" "$@"
"$threaded_dir/python" "$here/scaling.py" --json "$out/threaded.json" "$@"
"$threaded_dir/python" - "$out/default.json" "$out/threaded.json" <<'PY'
import sys

def read(path):
    # The JSON written by scaling.py is flat enough to read by hand: the
    # json module need not exist in the interpreter being measured.
    results = {}
    for line in open(path):
        line = line.strip()
        if not line.startswith('"'):
            continue
        name, rest = line.split(":", 1)
        fields = rest.strip(" {},").split(",")
        values = dict(field.split(":") for field in fields)
        results[name.strip('"')] = {k.strip().strip('"'): float(v)
                                    for k, v in values.items()}
    return results

default, threaded = read(sys.argv[1]), read(sys.argv[2])
product, count = 1.0, 0
print(f"{'workload':<12} {'t1 default':>11} {'t1 free-thr':>12} {'ratio':>7}")
for name, row in default.items():
    ratio = threaded[name]["t1"] / row["t1"]
    product *= ratio
    count += 1
    print(f"{name:<12} {row['t1']:11.3f} {threaded[name]['t1']:12.3f} {ratio:7.2f}")
print(f"geometric mean of free-threaded / default single-thread time: "
      f"{product ** (1 / count):.2f}")
PY
