# sys.flags.context_aware_warnings: with it on, catch_warnings in one
# thread does not change the filters or the record log another thread
# sees; with it off, the filters are module-global (both builds, each
# run in a child with the flag given explicitly).
import subprocess
import sys

CHILD = r'''
import sys, threading, warnings
flag = sys.flags.context_aware_warnings
ready = threading.Barrier(2)
results = {}

def worker(name, action):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        ready.wait()
        warnings.warn(name + " warning", UserWarning)
        ready.wait()
        results[name] = [str(w.message) for w in log]

threads = [threading.Thread(target=worker, args=("A", "always")),
           threading.Thread(target=worker, args=("B", "ignore"))]
for t in threads: t.start()
for t in threads: t.join()
print("flag", flag)
if flag:
    print("A", results["A"], "B", results["B"])

# Nested catch_warnings inherit the filters and the record log.
with warnings.catch_warnings(record=True) as outer:
    warnings.simplefilter("always")
    with warnings.catch_warnings():
        warnings.warn("inner", DeprecationWarning)
    warnings.warn("outer", UserWarning)
print([str(w.message) for w in outer])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom")
    except UserWarning as exc:
        print("raised", exc)
print("restored", any(f[0] == "error" for f in warnings.filters))
'''

for flag in ("0", "1"):
    done = subprocess.run([sys.executable, "-X", f"context_aware_warnings={flag}",
                           "-c", CHILD], capture_output=True, text=True)
    print(done.stdout, end="")
    if done.returncode:
        print("exit", done.returncode, done.stderr)
