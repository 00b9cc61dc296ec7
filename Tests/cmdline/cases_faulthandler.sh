# faulthandler: fatal signals report the Python stack and still kill the
# process; -X faulthandler and PYTHONFAULTHANDLER enable it at start-up.
# Crashing commands run in a child shell (fh_crash) so that its report of
# the signal goes into the captured output, not the runner's.
fh_crash() { sh -c '"$@"; exit $?' sh "$@"; }
cat > "$tmp/fh_crash.py" <<'PYEOF'
import faulthandler

def inner():
    faulthandler._sigsegv()

def outer():
    inner()

outer()
PYEOF

expect fh-off "False" "$PY" -c 'import faulthandler; print(faulthandler.is_enabled())'
expect fh-xoption "True" "$PY" -X faulthandler -c 'import faulthandler; print(faulthandler.is_enabled())'
expect fh-env "True" env PYTHONFAULTHANDLER=1 "$PY" -c 'import faulthandler; print(faulthandler.is_enabled())'
expect fh-env-ignored "False" env PYTHONFAULTHANDLER=1 "$PY" -E -c 'import faulthandler; print(faulthandler.is_enabled())'
expect fh-flags-unaffected "False" "$PY" -X faulthandler -c 'import sys; print(sys.flags.dev_mode)'
# Under AddressSanitizer its own SIGSEGV handler would turn the crash into
# exit status 1: handle_segv=0 lets the signal through, as without it.
asan_segv="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0"
expect_status fh-segv-status 139 env ASAN_OPTIONS="$asan_segv" sh -c '"$1" -X faulthandler "$2" 2>/dev/null' sh "$PY" "$tmp/fh_crash.py"
expect_status fh-segv-status-off 139 env ASAN_OPTIONS="$asan_segv" sh -c '"$1" "$2" 2>/dev/null' sh "$PY" "$tmp/fh_crash.py"
expect_err fh-segv-header "Fatal Python error: Segmentation fault" fh_crash "$PY" -X faulthandler "$tmp/fh_crash.py"
expect_err fh-segv-stack "(most recent call first):
  File \"$tmp/fh_crash.py\", line 4 in inner
  File \"$tmp/fh_crash.py\", line 7 in outer
  File \"$tmp/fh_crash.py\", line 9 in <module>" fh_crash "$PY" -X faulthandler "$tmp/fh_crash.py"
expect_err fh-env-segv "Current thread 0x" fh_crash env PYTHONFAULTHANDLER=1 "$PY" "$tmp/fh_crash.py"
expect_err fh-c-stack "Current thread's C stack trace (most recent call first):" fh_crash "$PY" -X faulthandler "$tmp/fh_crash.py"
expect_err fh-abort "Fatal Python error: Aborted" fh_crash "$PY" -c 'import faulthandler; faulthandler.enable(); faulthandler._sigabrt()'
expect_err fh-fpe "Fatal Python error: Floating-point exception" fh_crash "$PY" -c 'import faulthandler; faulthandler.enable(c_stack=False); faulthandler._sigfpe()'
expect_err fh-later-exit "Timeout (0:00:00.100000)!" "$PY" -c 'import faulthandler, time; faulthandler.dump_traceback_later(0.1, exit=True); time.sleep(5)'
expect_status fh-later-exit-status 1 "$PY" -c 'import faulthandler, time; faulthandler.dump_traceback_later(0.1, exit=True); time.sleep(5)'
# After the stacks, a fatal error lists the C extension modules that are not
# in sys.stdlib_module_names (here all, the names being emptied).
expect_err fh-ext-modules "Extension modules: builtins, sys," fh_crash "$PY" -c 'import faulthandler, sys
sys.stdlib_module_names = frozenset()
faulthandler.enable()
faulthandler._sigsegv()'
expect_err fh-ext-modules-total ", faulthandler (total: " fh_crash "$PY" -c 'import faulthandler, sys
sys.stdlib_module_names = frozenset()
faulthandler.enable()
faulthandler._sigsegv()'
# Standard-library modules alone: no list.
expect fh-ext-modules-stdlib "0" sh -c "(ulimit -c 0; '$PY' -c 'import faulthandler; faulthandler.enable(); faulthandler._sigsegv()') 2>&1 | grep -c 'Extension modules'"
