# ctypes from the command line (sourced by run.sh): importing it leaves the
# free-threaded build's GIL off and warns about nothing; python -m
# ctypes.util finds the C library; a callback's exception is reported on
# stderr and the C call goes on.  Skipped when _ctypes is not built.

if "$PY" -c 'import _ctypes' 2>/dev/null; then
    if [ "$FT" = "t" ]; then
        expect ctypes-gil-stays-off "False" "$PY" -W error -c \
            'import sys, ctypes; print(sys._is_gil_enabled())'
    fi
    expect ctypes-util-main-libc "libc.so.6" sh -c '"$0" -m ctypes.util | sed -n 2p' "$PY"
    expect ctypes-callback-error-result "0" "$PY" -c '
import ctypes
f = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int)(lambda x: 1 / 0)
print(f(3))'
    expect_err ctypes-callback-error-report "Exception ignored while calling ctypes callback function" \
        "$PY" -c '
import ctypes
ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int)(lambda x: 1 / 0)(3)'
else
    echo "ctypes command-line checks skipped: _ctypes is not built"
fi
