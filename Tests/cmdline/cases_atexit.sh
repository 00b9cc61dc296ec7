# atexit callbacks at interpreter exit (sourced by run.sh).

cat > "$tmp/atexit_exit.py" <<'PYEOF'
import atexit, threading, time
atexit.register(print, "first registered")
@atexit.register
def fail():
    raise ValueError("exit boom")
atexit.register(print, "last registered")
def worker():
    time.sleep(0.05)
    print("thread done")
threading.Thread(target=worker).start()
print("main done")
PYEOF
# Non-daemon threads finish first; then callbacks, newest first; an error
# in one is reported and the rest still run; the exit status stays 0.
expect atexit-order "main done
thread done
last registered
first registered" "$PY" "$tmp/atexit_exit.py"
expect_err atexit-error-report "Exception ignored in atexit callback <function fail at" \
    "$PY" "$tmp/atexit_exit.py"
expect_err atexit-error-type "ValueError: exit boom" "$PY" "$tmp/atexit_exit.py"
expect_status atexit-status 0 "$PY" "$tmp/atexit_exit.py"
expect atexit-after-sysexit "bye" "$PY" -c 'import atexit, sys; atexit.register(print, "bye"); sys.exit(3)'
expect_status atexit-sysexit-status 3 "$PY" -c 'import atexit, sys; atexit.register(print, "bye"); sys.exit(3)'
expect atexit-unhandled "cleanup" "$PY" -c 'import atexit; atexit.register(print, "cleanup"); 1/0'
expect atexit-flushed "buffered" "$PY" -c 'import atexit, sys; atexit.register(sys.stdout.write, "buffered")'
rm -f "$tmp/atexit_exit.py"
