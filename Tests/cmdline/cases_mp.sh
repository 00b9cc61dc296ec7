# mp: multiprocessing start-up paths (sourced by run.sh).

# From -c (no main file to re-import) the default (forkserver) context runs.
expect mp-c-forkserver "forkserver [1, 4, 9]" "$PY" -c '
import multiprocessing as mp
with mp.Pool(2) as p:
    print(mp.get_start_method(), p.map(abs, [1, 4, -9]))'
# A spawned child re-imports the main script as __mp_main__: its guarded
# block does not run again, its functions are there.
printf 'import multiprocessing as mp\nprint("imported as", __name__)\ndef f(q):\n    q.put(__name__)\nif __name__ == "__main__":\n    ctx = mp.get_context("spawn")\n    q = ctx.Queue()\n    p = ctx.Process(target=f, args=(q,))\n    p.start()\n    print("child saw", q.get(timeout=60))\n    p.join()\n    print("exit", p.exitcode)\n' > "$tmp/mp_guarded.py"
expect mp-spawn-guarded "imported as __main__
imported as __mp_main__
child saw __mp_main__
exit 0" "$PY" "$tmp/mp_guarded.py"
# Without the guard the child would start processes while importing the
# main module: it fails with the bootstrapping RuntimeError instead.
printf 'import multiprocessing as mp\ndef f():\n    pass\nctx = mp.get_context("spawn")\np = ctx.Process(target=f)\np.start()\np.join()\nprint("exit", p.exitcode)\n' > "$tmp/mp_unguarded.py"
expect_err mp-spawn-unguarded "current process has finished its bootstrapping phase" "$PY" "$tmp/mp_unguarded.py"
# Run with -m, the child imports the main module by its name.
printf 'import multiprocessing as mp\ndef f(q):\n    q.put(__name__)\nif __name__ == "__main__":\n    ctx = mp.get_context("spawn")\n    q = ctx.Queue()\n    p = ctx.Process(target=f, args=(q,))\n    p.start()\n    print(q.get(timeout=60))\n    p.join()\n' > "$tmp/mp_as_module.py"
expect mp-spawn-dash-m "__mp_main__" sh -c "cd '$tmp' && '$PY' -m mp_as_module"
rm -rf "$tmp/__pycache__"
