# sys.exit(message) and an uncaught SystemExit(message): the message and a
# newline go to sys.stderr (a replacement included), the status is 1; the
# C library's stderr gets them when sys.stderr is None, missing or closed.

# stderr_of NAME WANT COMMAND...: the whole of stderr, exactly.
stderr_of() {
    name=$1 want=$2
    shift 2
    got=$("$@" 2>&1 >/dev/null </dev/null)
    if [ "$got" = "$want" ]; then ok; else fail "$name" "$want" "$got"; fi
}

stderr_of stdlib-exit-msg "msg" "$PY" -c 'import sys; sys.exit("msg")'
expect_status stdlib-exit-msg-status 1 "$PY" -c 'import sys; sys.exit("msg")'
stderr_of stdlib-systemexit-msg "boom" "$PY" -c 'raise SystemExit("boom")'
expect_status stdlib-systemexit-msg-status 1 "$PY" -c 'raise SystemExit("boom")'
stderr_of stdlib-exit-tuple "('a', 1)" "$PY" -c 'import sys; sys.exit(("a", 1))'
expect_status stdlib-exit-none 0 "$PY" -c 'import sys; sys.exit(None)'
expect_status stdlib-exit-int 7 "$PY" -c 'import sys; sys.exit(7)'

# A replaced sys.stderr gets the message; nothing reaches file descriptor 2.
expect stdlib-exit-replaced "W:'custom' W:'\\n' " "$PY" -c '
import sys
class W:
    def write(self, s): sys.__stdout__.write("W:%r " % s)
    def flush(self): pass
sys.stderr = W()
sys.exit("custom")'
stderr_of stdlib-exit-replaced-quiet "" "$PY" -c '
import io, sys
sys.stderr = io.StringIO()
sys.exit("hidden")'
expect_status stdlib-exit-replaced-status 1 "$PY" -c '
import io, sys
sys.stderr = io.StringIO()
sys.exit("hidden")'
expect stdlib-exit-to-file "to-file" sh -c "'$PY' -c 'import sys; sys.stderr = open(sys.argv[1], \"w\"); sys.exit(\"to-file\")' '$tmp/exit_err.txt'; cat '$tmp/exit_err.txt'"

# Closed, None or deleted: the C-level stderr.
stderr_of stdlib-exit-closed "closed" "$PY" -c 'import sys; sys.stderr.close(); sys.exit("closed")'
expect_status stdlib-exit-closed-status 1 "$PY" -c 'import sys; sys.stderr.close(); sys.exit("closed")'
stderr_of stdlib-exit-stderr-none "none" "$PY" -c 'import sys; sys.stderr = None; sys.exit("none")'
stderr_of stdlib-exit-stderr-deleted "deleted" "$PY" -c 'import sys; del sys.stderr; sys.exit("deleted")'
