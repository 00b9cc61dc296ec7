# python -m doctest on modules and text files: output, flags, exit status
# (sourced by run.sh).

dt="$tmp/dtcase"
mkdir -p "$dt"
printf '"""\n>>> double(2)\n4\n"""\ndef double(x):\n    """\n    >>> double(5)\n    10\n    """\n    return 2 * x\n' \
    > "$dt/dt_good.py"
printf 'def half(x):\n    """\n    >>> half(4)\n    3\n    >>> half(2)\n    0\n    """\n    return x // 2\n' \
    > "$dt/dt_bad.py"
printf 'Text.\n\n    >>> 1 + 1\n    2\n' > "$dt/good.txt"
printf '    >>> list(range(6))\n    [0, 1, ..., 5]\n    >>> 2\n    3\n' > "$dt/ell.txt"
printf '    >>> import pdb; pdb.set_trace(); x = 7\n    >>> x\n    7\n' > "$dt/trace.txt"

expect doctest-module-pass "" "$PY" -m doctest "$dt/dt_good.py"
expect_status doctest-module-pass-status 0 "$PY" -m doctest "$dt/dt_good.py"
expect doctest-module-fail-tail "**********************************************************************
1 item had failures:
   2 of   2 in dt_bad.half
***Test Failed*** 2 failures." sh -c "'$PY' -m doctest '$dt/dt_bad.py' | tail -n 4"
expect doctest-module-fail-head "**********************************************************************
File \"$dt/dt_bad.py\", line 3, in dt_bad.half
Failed example:
    half(4)
Expected:
    3
Got:
    2" sh -c "'$PY' -m doctest '$dt/dt_bad.py' | head -n 8"
expect_status doctest-module-fail-status 1 "$PY" -m doctest "$dt/dt_bad.py"
expect doctest-fail-fast "***Test Failed*** 1 failure." \
    sh -c "'$PY' -m doctest -f '$dt/dt_bad.py' | tail -n 1"
expect doctest-option-fail-fast "   1 of   1 in dt_bad.half" \
    sh -c "'$PY' -m doctest -o FAIL_FAST '$dt/dt_bad.py' | tail -n 2 | head -n 1"
expect doctest-verbose-tail "2 items passed all tests:
   1 test in dt_good
   1 test in dt_good.double
2 tests in 2 items.
2 passed.
Test passed." sh -c "'$PY' -m doctest -v '$dt/dt_good.py' | tail -n 6"
expect doctest-verbose-head "Trying:
    double(2)
Expecting:
    4
ok" sh -c "'$PY' -m doctest -v '$dt/dt_good.py' | head -n 5"
expect doctest-text-pass "" "$PY" -m doctest "$dt/good.txt"
expect doctest-text-ellipsis-fail "   2 of   2 in ell.txt" \
    sh -c "'$PY' -m doctest '$dt/ell.txt' | tail -n 2 | head -n 1"
expect doctest-text-ellipsis-option "   1 of   2 in ell.txt" \
    sh -c "'$PY' -m doctest -o ELLIPSIS '$dt/ell.txt' | tail -n 2 | head -n 1"
expect_status doctest-text-status 1 "$PY" -m doctest -o ELLIPSIS "$dt/ell.txt"
expect_status doctest-stops-at-failing-file 1 \
    "$PY" -m doctest "$dt/ell.txt" "$dt/good.txt"
expect_status doctest-several-files 0 \
    "$PY" -m doctest "$dt/good.txt" "$dt/dt_good.py"
expect_status doctest-no-args 2 "$PY" -m doctest
expect_err doctest-no-args-msg "the following arguments are required: file" \
    "$PY" -m doctest
expect_err doctest-bad-option "invalid choice: 'BOGUS'" \
    "$PY" -m doctest -o BOGUS "$dt/good.txt"
expect_err doctest-missing-file "No such file or directory" \
    "$PY" -m doctest "$dt/missing.txt"
# pdb.set_trace() inside an example talks to the real stdout.
expect doctest-set-trace "(Pdb) " \
    sh -c "printf 'c\n' | '$PY' -m doctest '$dt/trace.txt' | grep -o '(Pdb) ' | head -n 1"
expect_status doctest-set-trace-status 0 \
    sh -c "printf 'c\n' | '$PY' -m doctest '$dt/trace.txt'"
# A script testing itself: testmod() defaults to __main__, -v in argv.
printf 'def sq(x):\n    """\n    >>> sq(3)\n    9\n    """\n    return x * x\nif __name__ == "__main__":\n    import doctest\n    print(doctest.testmod())\n' \
    > "$dt/selftest.py"
expect doctest-testmod-main "TestResults(failed=0, attempted=1)" "$PY" "$dt/selftest.py"
expect doctest-testmod-main-verbose "1 item had no tests:
    __main__
1 item passed all tests:
   1 test in __main__.sq
1 test in 2 items.
1 passed.
Test passed.
TestResults(failed=0, attempted=1)" sh -c "'$PY' '$dt/selftest.py' -v | tail -n 8"
rm -rf "$dt"
