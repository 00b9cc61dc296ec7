#!/bin/sh
# Golden-output tests: run each Tests/golden/NAME.py with the interpreter
# given as $1 and compare its stdout with NAME.out (stderr is not
# compared).  uncaught.py must also exit with status 1.
# Prints "golden: N passed, N failed"; exits 1 when any test failed.
# GOLDEN_ONLY, when set, is a space-separated list of shell patterns: only
# the tests whose names match one of them run (CI's ThreadSanitizer stage
# runs the threading tests this way).
python=${1:?usage: run.sh PYTHON}
dir=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0

# The programs run in a known environment: none of the caller's PYTHON*
# settings (bytecode writing, unbuffered output...) leak into them.
for var in $(env | sed -n 's/^\(PYTHON[A-Z_]*\)=.*/\1/p'); do
    unset "$var"
done
# A program that hangs fails (status 124) instead of stalling the run:
# GOLDEN_TIMEOUT seconds each (generous: sanitizer builds are slow).
limit=
if command -v timeout >/dev/null 2>&1; then
    limit="timeout -k 10 ${GOLDEN_TIMEOUT:-600}"
fi
tmp=${TMPDIR:-/tmp}/golden.$$
trap 'rm -f "$tmp"' EXIT
for script in "$dir"/*.py; do
    name=$(basename "$script" .py)
    expected="$dir/$name.out"
    [ -f "$expected" ] || continue
    if [ -n "${GOLDEN_ONLY:-}" ]; then
        selected=0
        for pattern in $GOLDEN_ONLY; do
            case "$name" in $pattern) selected=1 ;; esac
        done
        [ $selected -eq 1 ] || continue
    fi
    status=0
    $limit "$python" "$script" > "$tmp" 2>/dev/null || status=$?
    ok=1
    cmp -s "$tmp" "$expected" || ok=0
    if [ "$name" = uncaught ]; then
        [ "$status" -eq 1 ] || ok=0
    elif [ "$status" -ne 0 ]; then
        ok=0
    fi
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "golden: FAIL $name (exit status $status)"
        diff "$expected" "$tmp" | head -20
    fi
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
