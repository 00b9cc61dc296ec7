# Sourced by Tests/cmdline/run.sh: the C API checks that need a process of
# their own (capi, session 6).  Tests/capi/embed_capi6 is built by make
# check next to ./python; see its header for the modes.
EMBED=$(dirname "$PY")/Tests/capi/embed_capi6
FT6=$("$PY" -c 'import sys; print(sys.abiflags)')

# Py_Main: the python command line, through the shared implementation.
expect capi6-py-main "42 ['-c', 'x']" "$EMBED" main -c 'import sys; print(6 * 7, sys.argv)' x
expect_status capi6-py-main-exit 3 "$EMBED" main -c 'raise SystemExit(3)'
expect capi6-py-main-version "Python 3.15" sh -c "'$EMBED' main --version | cut -c1-11"

# PEP 741.
expect capi6-initconfig "unknown: unknown config option name: no_such_option
wrong type: config option type is not string: verbose
has: 1 1 0
read back: 1 0 embedded 3 sécond
['embed', 'first', 'sécond'] True 1 1 741" "$EMBED" initconfig

# The GIL gate covers built-in modules an embedder adds.
if [ "$FT6" = t ]; then
    expect capi6-gil-gate "after no_gil: False
after needs_gil: True
['The global interpreter lock (GIL) has been enabled to load m']" "$EMBED" gil-gate
    expect capi6-gil-gate-forced "after no_gil: False
after needs_gil: False
[]" env PYTHON_GIL=0 "$EMBED" gil-gate
else
    expect capi6-gil-gate "after no_gil: True
after needs_gil: True
[]" "$EMBED" gil-gate
fi

# Debug hooks: a clean program runs; a bad block ends the process.
expect capi6-debug-hooks "ran True True" "$EMBED" debug-hooks
expect capi6-debug-fill "ran True True
fill cd" "$EMBED" debug-fill
expect_err capi6-debug-overflow "bad trailing pad byte" "$EMBED" debug-overflow
expect_status capi6-debug-overflow-status 134 "$EMBED" debug-overflow
expect_err capi6-debug-mixed "bad ID: allocated using API 'o', verified using API 'm'" \
    "$EMBED" debug-mixed
expect capi6-preinit-malloc "allocator changed: 1
second call ok: 1
49995000" "$EMBED" preinit-malloc

# PYTHONMALLOC, read by pre-initialization.
expect capi6-pythonmalloc-debug "3" env PYTHONMALLOC=debug "$PY" -c 'print(len({1: [2], 3: "x", 4: 5}))'
expect capi6-pythonmalloc-malloc "ok" env PYTHONMALLOC=malloc "$PY" -c 'import json; print(json.loads("\"ok\""))'
expect_status capi6-pythonmalloc-pymalloc 1 env PYTHONMALLOC=pymalloc "$PY" -c 'pass'
expect_err capi6-pythonmalloc-bad "PYTHONMALLOC: unknown allocator" env PYTHONMALLOC=nonsense "$PY" -c 'pass'
