# Standard streams (sourced by Tests/cmdline/run.sh): buffering, -u and
# PYTHONUNBUFFERED, PYTHONIOENCODING, output ordering, closed and broken
# stdout, input().

# ---- buffering --------------------------------------------------------------
layers='import sys; print(sys.stdout.write_through, type(sys.stdout.buffer).__name__, sys.stderr.write_through, sys.stderr.line_buffering, sys.stdout.line_buffering)'
expect io-buffered "False BufferedWriter False True False" "$PY" -c "$layers"
expect io-u "True FileIO True False False" "$PY" -u -c "$layers"
expect io-unbuffered-env "True FileIO True False False" env PYTHONUNBUFFERED=1 "$PY" -c "$layers"
expect io-unbuffered-E "False BufferedWriter False True False" env PYTHONUNBUFFERED=1 "$PY" -E -c "$layers"
expect io-stdin-buffered "BufferedReader" "$PY" -u -c 'import sys; print(type(sys.stdin.buffer).__name__)'

# ---- ordering between stdout and stderr -------------------------------------
order='import sys
print("out1")
print("err1", file=sys.stderr)
print("out2")'
# stdout is a pipe here: block-buffered, so stderr (line-buffered) comes first.
expect io-order-buffered "err1
out1
out2" sh -c "'$PY' -c '$order' 2>&1"
expect io-order-u "out1
err1
out2" sh -c "'$PY' -u -c '$order' 2>&1"
expect io-order-flush "out1
err1
out2" sh -c "'$PY' -c 'import sys
print(\"out1\", flush=True)
print(\"err1\", file=sys.stderr)
print(\"out2\")' 2>&1"
# Text waits in the text layer until a flush, as in CPython.
expect io-order-layers "b
a" sh -c "'$PY' -c 'import sys; sys.stdout.write(\"a\n\"); sys.stdout.buffer.write(b\"b\n\")'"
expect io-order-layers-flushed "a
b" sh -c "'$PY' -c 'import sys; sys.stdout.write(\"a\n\"); sys.stdout.flush(); sys.stdout.buffer.write(b\"b\n\")'"

# ---- encodings ----------------------------------------------------------------
expect io-default-encoding "utf-8 surrogateescape surrogateescape backslashreplace" \
    "$PY" -c 'import sys; print(sys.stdout.encoding, sys.stdout.errors, sys.stdin.errors, sys.stderr.errors)'
expect io-utf8-bytes " c3 a9 0a" sh -c "'$PY' -c 'print(\"\\xe9\")' | od -An -tx1"
expect io-ioencoding-latin1 " e9 0a" sh -c "PYTHONIOENCODING=latin-1 '$PY' -c 'print(\"\\xe9\")' | od -An -tx1"
expect io-ioencoding-errors "ascii replace ?" env PYTHONIOENCODING=ascii:replace \
    "$PY" -c 'import sys; print(sys.stdout.encoding, sys.stdout.errors, "\xe9")'
expect io-ioencoding-errors-only "utf-8 ignore backslashreplace" env PYTHONIOENCODING=:ignore \
    "$PY" -c 'import sys; print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors)'
expect io-ioencoding-E "utf-8" env PYTHONIOENCODING=latin-1 "$PY" -E -c 'import sys; print(sys.stdout.encoding)'
# Without UTF-8 Mode the errors handler depends on the locale: strict in
# a real one, surrogateescape in C/POSIX and the C.UTF-8 they are coerced
# to (the only ones sure to exist here).
expect io-utf8-off "utf-8 surrogateescape" env LC_ALL=C.UTF-8 "$PY" -X utf8=0 -c \
    'import sys; print(sys.stdout.encoding, sys.stdout.errors)'
expect io-surrogateescape " ff 0a" sh -c "'$PY' -c 'print(\"\\udcff\")' | od -An -tx1"
expect_err io-stderr-backslashreplace '\udcff' "$PY" -c 'import sys; print("\udcff", file=sys.stderr)'
expect_status io-encode-error 1 env PYTHONIOENCODING=ascii "$PY" -c 'print("\xe9")'
expect_err io-encode-error-msg "UnicodeEncodeError: 'ascii' codec can't encode character" \
    env PYTHONIOENCODING=ascii "$PY" -c 'print("\xe9")'

# ---- closed and broken stdout -------------------------------------------------
expect_err io-closed-stdout "None None" sh -c "'$PY' -c 'import sys; print(sys.stdout, sys.__stdout__, file=sys.stderr); print(\"lost\")' 1>&-"
expect_status io-closed-stdout-status 0 sh -c "'$PY' -c 'print(\"lost\")' 1>&-"
expect_err io-closed-stdin "None" sh -c "'$PY' -c 'import sys; print(sys.stdin, file=sys.stderr)' 0<&-"
broken='import posix
r, w = posix.pipe()
posix.close(r)
posix.dup2(w, 1)
print("x")'
expect_status io-broken-pipe-status 120 "$PY" -c "$broken"
expect_err io-broken-pipe-msg "Exception ignored on flushing sys.stdout:
BrokenPipeError: [Errno 32] Broken pipe" "$PY" -c "$broken"
expect_status io-broken-pipe-u 1 "$PY" -u -c "$broken"

# ---- input() and stdin ----------------------------------------------------------
expect io-input-prompt "p> 'abc' 'd e'" sh -c "printf 'abc\nd e\n' | '$PY' -c 'x = input(\"p> \"); print(repr(x), repr(input()))'"
expect io-input-no-newline "'last'" sh -c "printf 'last' | '$PY' -c 'print(repr(input()))'"
expect_err io-input-eof "EOFError: EOF when reading a line" sh -c "printf '' | '$PY' -c 'input()'"
expect io-stdin-lines "['a\\n', 'b\\r\\n', 'c']" sh -c "printf 'a\nb\r\nc' | '$PY' -c 'import sys; print(sys.stdin.readlines())'"
expect io-stdin-iter "3 x" sh -c "printf 'x\ny\nz\n' | '$PY' -c 'import sys; lines = list(sys.stdin); print(len(lines), lines[0].strip())'"
expect io-stdin-binary "b'\\xff\\x00'" sh -c "printf '\377\000' | '$PY' -c 'import sys; print(sys.stdin.buffer.read())'"

# ---- files left open are flushed at exit ------------------------------------
expect io-exit-flush-text "kept" sh -c "'$PY' -c 'f = open(\"$tmp/io_exit.txt\", \"w\"); f.write(\"kept\")' && cat '$tmp/io_exit.txt'"
expect io-exit-flush-binary "kept" sh -c "'$PY' -c 'f = open(\"$tmp/io_exit.bin\", \"wb\"); f.write(b\"kept\")' && cat '$tmp/io_exit.bin'"
expect io-exit-flush-local "kept" sh -c "'$PY' -c 'def g():
    f = open(\"$tmp/io_exit2.txt\", \"w\")
    f.write(\"kept\")
    f.self = f
g()' && cat '$tmp/io_exit2.txt'"

# ---- EncodingWarning (PEP 597) ----------------------------------------------
expect_err io-encoding-warning "EncodingWarning: 'encoding' argument not specified" \
    "$PY" -X warn_default_encoding -c 'open("/dev/null").close()'
expect io-encoding-no-warning "ok" "$PY" -X warn_default_encoding -W error -c 'open("/dev/null", encoding="utf-8").close(); print("ok")'

# ---- a daemon thread holding a buffered stream's lock at shut-down ----------
# The thread blocks forever inside raw.write(), holding sys.stdout's buffer
# lock; flushing sys.stdout at shut-down waits a second, then stops the
# process with CPython's fatal error (not a hang, not a silent loss).
# (No core file: the fatal error aborts.)
expect_err io-daemon-holds-buffer-lock "Fatal Python error: _enter_buffered_busy: could not acquire lock for <_io.BufferedWriter name='stuck'> at interpreter shutdown, possibly due to daemon threads" \
    sh -c 'ulimit -c 0; exec "$@"' sh timeout 60 "$PY" -c 'import io, sys, threading
class Stuck(io.RawIOBase):
    name = "stuck"
    def writable(self):
        return True
    def write(self, data):
        entered.set()
        threading.Event().wait()
entered = threading.Event()
sys.stdout = io.TextIOWrapper(io.BufferedWriter(Stuck()), write_through=False)
def writer():
    sys.stdout.write("x")
    sys.stdout.flush()
threading.Thread(target=writer, daemon=True).start()
entered.wait()
sys.stdout.write("y")'
# Any other buffered writer a daemon thread is stuck in is skipped by the
# shut-down flush of open files (CPython does not flush it either): a clean
# exit, not the fatal error.
expect io-daemon-holds-other-buffer "exiting
rc=0" sh -c 'ulimit -c 0; "$@"; echo rc=$?' sh timeout 60 "$PY" -c 'import io, threading
class Stuck(io.RawIOBase):
    def writable(self):
        return True
    def write(self, data):
        entered.set()
        threading.Event().wait()
entered = threading.Event()
w = io.BufferedWriter(Stuck(), buffer_size=4)
threading.Thread(target=w.write, args=(b"0123456789",), daemon=True).start()
entered.wait()
print("exiting")'
