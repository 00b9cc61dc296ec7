# misc7: -X tracemalloc / PYTHONTRACEMALLOC start tracing at start-up;
# python -m pickletools and -m symtable.
tm_show='import tracemalloc; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())'
expect tm-off "False 1" "$PY" -c "$tm_show"
expect tm-xoption "True 1" "$PY" -X tracemalloc -c "$tm_show"
expect tm-xoption-n "True 7" "$PY" -X tracemalloc=7 -c "$tm_show"
expect tm-xoption-0 "False 1" "$PY" -X tracemalloc=0 -c "$tm_show"
expect tm-env "True 3" env PYTHONTRACEMALLOC=3 "$PY" -c "$tm_show"
expect tm-env-E "False 1" env PYTHONTRACEMALLOC=3 "$PY" -E -c "$tm_show"
expect tm-x-wins "True 2" env PYTHONTRACEMALLOC=3 "$PY" -X tracemalloc=2 -c "$tm_show"
expect_err tm-bad-x "-X tracemalloc=NFRAME: invalid number of frames" \
    "$PY" -X tracemalloc=abc -c pass
expect_status tm-bad-x-status 1 "$PY" -X tracemalloc=70000 -c pass
expect_err tm-bad-env "PYTHONTRACEMALLOC: invalid number of frames" \
    env PYTHONTRACEMALLOC=-1 "$PY" -c pass
expect tm-traced-at-start "True" "$PY" -X tracemalloc -c \
    'import tracemalloc; x = [1.5] * 1000; print(tracemalloc.get_object_traceback(x) is not None)'
"$PY" -c 'import pickle, sys; sys.stdout.buffer.write(pickle.dumps([1, "a"], 2))' > "$tmp/misc7.pickle"
expect pickletools-cli "    0: \\x80 PROTO      2
    2: ]    EMPTY_LIST
    3: q    BINPUT     0
    5: (    MARK
    6: K        BININT1    1
    8: X        BINUNICODE 'a'
   14: q        BINPUT     1
   16: e        APPENDS    (MARK at 5)
   17: .    STOP
highest protocol among opcodes = 2" "$PY" -m pickletools "$tmp/misc7.pickle"
expect pickletools-cli-preamble "== x ==" sh -c "'$PY' -m pickletools -p '== x ==' '$tmp/misc7.pickle' '$tmp/misc7.pickle' | head -1"
printf 'def f(a):\n    return a\n' > "$tmp/misc7_st.py"
expect symtable-cli "2" sh -c "'$PY' -m symtable '$tmp/misc7_st.py' | grep -c \"symbol 'a'\\|function 'f'\""
