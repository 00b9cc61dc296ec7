# The start-up locale (sourced by run.sh): programs start in the user's
# LC_CTYPE, and a plain "C" one is coerced to UTF-8 (PEP 538).

expect locale-from-env "('C', 'UTF-8')" \
    env -u LC_ALL LC_CTYPE=C.UTF-8 "$PY" -c 'import locale; print(locale.getlocale())'
expect locale-coerced "('C', 'UTF-8') C.UTF-8" \
    env -u LC_ALL -u LANG LC_CTYPE=C "$PY" -c \
    'import locale, os; print(locale.getlocale(), os.environ["LC_CTYPE"])'
expect locale-coerced-child "C.UTF-8" \
    env -u LC_ALL -u LANG LC_CTYPE=POSIX "$PY" -c \
    'import subprocess, sys; subprocess.run([sys.executable, "-c", "import os; print(os.environ[\"LC_CTYPE\"])"])'
expect locale-lc-all-pins "(None, None) unset" \
    env LC_ALL=C "$PY" -c \
    'import locale, os; print(locale.getlocale(), os.environ.get("LC_CTYPE", "unset"))'
expect locale-coerce-off "(None, None)" \
    env -u LC_ALL -u LANG LC_CTYPE=C PYTHONCOERCECLOCALE=0 "$PY" -c \
    'import locale; print(locale.getlocale())'
expect_err locale-coerce-warn "LC_CTYPE coerced to C.UTF-8" \
    env -u LC_ALL -u LANG LC_CTYPE=C PYTHONCOERCECLOCALE=warn "$PY" -c pass
expect locale-utf8-io "é" \
    env -u LC_ALL -u LANG LC_CTYPE=C "$PY" -c 'print("\xe9")'
