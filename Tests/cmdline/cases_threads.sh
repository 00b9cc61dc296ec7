# Sourced by Tests/cmdline/run.sh: thread context inheritance, sys.flags
# switches of 3.14 (-X thread_inherit_context, -X context_aware_warnings).

ctxprog='import contextvars, threading, sys
v = contextvars.ContextVar("v", default="unset")
v.set("parent")
seen = []
t = threading.Thread(target=lambda: seen.append(v.get()))
t.start(); t.join()
explicit = []
t = threading.Thread(target=lambda: explicit.append(v.get()),
                     context=contextvars.Context())
t.start(); t.join()
print(sys.flags.thread_inherit_context, seen[0], explicit[0])'

if [ "$FT" = t ]; then
    expect ctx-default "1 parent unset" "$PY" -c "$ctxprog"
    expect cw-default "1" "$PY" -c 'import sys; print(sys.flags.context_aware_warnings)'
else
    expect ctx-default "0 unset unset" "$PY" -c "$ctxprog"
    expect cw-default "0" "$PY" -c 'import sys; print(sys.flags.context_aware_warnings)'
fi
expect ctx-X1 "1 parent unset" "$PY" -X thread_inherit_context=1 -c "$ctxprog"
expect ctx-X0 "0 unset unset" "$PY" -X thread_inherit_context=0 -c "$ctxprog"
expect ctx-env1 "1 parent unset" env PYTHON_THREAD_INHERIT_CONTEXT=1 "$PY" -c "$ctxprog"
expect ctx-X-wins "0 unset unset" env PYTHON_THREAD_INHERIT_CONTEXT=1 "$PY" -X thread_inherit_context=0 -c "$ctxprog"
expect_status ctx-X-bad 1 "$PY" -X thread_inherit_context=2 -c pass
expect_err ctx-X-bad-msg "-X thread_inherit_context=n option: n is missing or invalid" \
    "$PY" -X thread_inherit_context=yes -c pass
expect_err ctx-env-bad-msg "PYTHON_THREAD_INHERIT_CONTEXT=N: N is missing or invalid" \
    env PYTHON_THREAD_INHERIT_CONTEXT=x "$PY" -c pass
expect cw-X1 "1" "$PY" -X context_aware_warnings=1 -c 'import sys; print(sys.flags.context_aware_warnings)'
expect cw-env0 "0" env PYTHON_CONTEXT_AWARE_WARNINGS=0 "$PY" -c 'import sys; print(sys.flags.context_aware_warnings)'
expect_err cw-env-bad-msg "PYTHON_CONTEXT_AWARE_WARNINGS=N: N is missing or invalid" \
    env PYTHON_CONTEXT_AWARE_WARNINGS=3 "$PY" -c pass

# Daemon threads blocked in sleep and file I/O while the main thread exits:
# each one re-attaching during finalization parks for good, and one that had
# just taken a lock (the type lock, an object's mutex) while detached must
# release it first, or finalization waits for it forever (it hung 3 runs in 5
# before the fix).  Several runs, since the window is a race.
daemonprog='import os, random, sys, time, threading
seen = set()
def busy():
    while True:
        with open(sys.executable, "rb") as source:
            data = source.read(200)
            with open(os.devnull, "wb") as sink:
                sink.write(data)
                time.sleep(random.random() / 2000)
        seen.add(threading.current_thread())
for _ in range(40):
    threading.Thread(target=busy, daemon=True).start()
while len(seen) < 40:
    time.sleep(0.001)
print("exiting")
sys.exit(0)'
for run in 1 2 3 4; do
    expect "daemon-exit-$run" "exiting" timeout 60 "$PY" -c "$daemonprog"
done

# Tools/bench/cores_busy.py (issue 5's thread-pool and pipeline programs):
# it runs on both builds and computes the checksums CPython computes.
busy=$(dirname "$0")/../../Tools/bench/cores_busy.py
expect cores-busy "pool 22525 pipeline 443380" sh -c \
    "'$PY' '$busy' -n 2 -s 1 | awk 'NR > 2 { printf \"%s%s %s\", sep, \$1, \$5; sep = \" \" }'"
expect_status cores-busy-bad-n 1 "$PY" "$busy" -n 0
