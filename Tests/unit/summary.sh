#!/bin/sh
# Turn the output of `python -m unittest` into one line
# "unit: N passed, N failed" for Tests/run_tests.sh.
#   usage: summary.sh LOGFILE EXIT_STATUS
# A test counts as failed once however many of its subtests failed;
# unexpected successes are failures; skipped tests and expected failures
# count as neither.  A run that printed no "Ran N tests" line, or that
# exited non-zero although it reported no failing test, counts as one
# failure (the interpreter crashed or the suite could not start).
log=${1:?usage: summary.sh LOGFILE EXIT_STATUS}
status=${2:?usage: summary.sh LOGFILE EXIT_STATUS}

ran=$(sed -n 's/^Ran \([0-9][0-9]*\) tests\{0,1\} in .*/\1/p' "$log" | tail -n 1)
if [ -z "$ran" ]; then
    echo "unit: no \"Ran N tests\" line (exit status $status)"
    echo "unit: 0 passed, 1 failed"
    exit 1
fi

# The last summary line, e.g. "FAILED (failures=2, errors=1, skipped=3)"
# or "OK (skipped=1, expected failures=1)".
verdict=$(grep -E '^(OK|FAILED)( \(.*\))?$' "$log" | tail -n 1)
count() {
    n=$(echo "$verdict" | grep -oE "$1=[0-9]+" | grep -oE '[0-9]+')
    echo "${n:-0}"
}
skipped=$(count skipped)
expected=$(count 'expected failures')
unexpected=$(count 'unexpected successes')

# Distinct failing tests, from the "FAIL: name (id)" / "ERROR: ..." headers.
failing=$(grep -E '^(FAIL|ERROR): ' "$log" | sed 's/^[A-Z]*: \([^ ]* ([^)]*)\).*/\1/' |
          sort -u | wc -l)
failed=$((failing + unexpected))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "unit: exit status $status although no test failed"
    failed=1
fi
passed=$((ran - skipped - expected - failing - unexpected))
[ "$passed" -ge 0 ] || passed=0
[ "$skipped" -eq 0 ] || echo "unit: $skipped skipped"
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
