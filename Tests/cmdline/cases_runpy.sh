# runpy behind -m: sys.argv[0], __spec__, packages, errors; python -m
# sysconfig prints the configuration.
mkdir -p "$tmp/rpm/rpm_pkg"
printf 'import sys\nprint(sys.argv[1:], __name__, __spec__.name, sys.argv[0] == __file__)\n' \
    > "$tmp/rpm/rpm_mod.py"
: > "$tmp/rpm/rpm_pkg/__init__.py"
printf 'print("pkg main", __spec__.name, __package__)\n' > "$tmp/rpm/rpm_pkg/__main__.py"

expect runpy-m-module "['a', '-b'] __main__ rpm_mod True" \
    sh -c 'cd "$1" && "$2" -m rpm_mod a -b' sh "$tmp/rpm" "$PY"
expect runpy-m-package "pkg main rpm_pkg.__main__ rpm_pkg" \
    sh -c 'cd "$1" && "$2" -m rpm_pkg' sh "$tmp/rpm" "$PY"
expect_err runpy-m-missing "No module named rpm_nothing" "$PY" -m rpm_nothing
expect_status runpy-m-missing-status 1 "$PY" -m rpm_nothing
expect_err runpy-m-dotted-py "Try using 'rpm_mod' instead of 'rpm_mod.py' as the module name" \
    sh -c 'cd "$1" && "$2" -m rpm_mod.py' sh "$tmp/rpm" "$PY"
expect sysconfig-main-version 'Python version: "3.15"' \
    sh -c '"$1" -m sysconfig | sed -n 2p' sh "$PY"
expect sysconfig-main-scheme 'Current installation scheme: "posix_prefix"' \
    sh -c '"$1" -m sysconfig | sed -n 3p' sh "$PY"
expect sysconfig-main-gil "	Py_GIL_DISABLED = \"$(case $FT in *t*) echo 1 ;; *) echo 0 ;; esac)\"" \
    sh -c '"$1" -m sysconfig | grep "^	Py_GIL_DISABLED = "' sh "$PY"
