#!/bin/sh
# make check: run every test runner on the interpreter just built and print
# one closing line "N passed, N failed" with the totals.  A runner that
# dies without its own closing line counts as one failure.
#   usage: run_tests.sh BUILDDIR SRCDIR
builddir=$1
srcdir=$2
total_passed=0
total_failed=0

# Add a runner's counts, read from its last "... N passed, N failed" line.
tally() {
    name=$1
    output=$2
    line=$(grep -E '([0-9]+) passed, ([0-9]+) failed' "$output" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$name: no result line (crashed?)"
        total_failed=$((total_failed + 1))
        return
    fi
    passed=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
    failed=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== C-API tests"
"$builddir/libtool" --mode=execute "$builddir/Tests/capi/test_objects" >"$log" 2>&1
cat "$log"
tally capi "$log"

# Script runners that drive ./python: Tests/NAME/run.sh PYTHON.
for runner in golden cmdline; do
    script="$srcdir/Tests/$runner/run.sh"
    [ -f "$script" ] || continue
    echo "== $runner tests"
    sh "$script" "$builddir/python" >"$log" 2>&1
    cat "$log"
    tally "$runner" "$log"
done

# unittest suite (Tests/unit, owner: ut): its summary ("Ran N tests",
# "FAILED (failures=F, errors=E, skipped=S, ...)") becomes one
# "unit: N passed, N failed" line.  -B keeps caches out of the source tree.
echo "== unit tests"
(
    for var in $(env | sed -n 's/^\(PYTHON[A-Z_]*\)=.*/\1/p'); do unset "$var"; done
    "$builddir/python" -B -m unittest discover -s "$srcdir/Tests/unit" \
        -t "$srcdir/Tests/unit"
) >"$log" 2>&1
unit_status=$?
cat "$log"
summary=$(sh "$srcdir/Tests/unit/summary.sh" "$log" "$unit_status")
echo "$summary"
echo "$summary" >"$log"
tally unit "$log"
# end of unittest hook

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
