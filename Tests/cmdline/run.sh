#!/bin/sh
# Command-line and start-up configuration tests for ./python: each check
# runs the interpreter and compares its output or exit status with the
# expected value.  Prints "cmdline: N passed, N failed"; exits 1 on failure.
#   usage: run.sh PYTHON
PY=$1
case $PY in /*) ;; *) PY=$(pwd)/$PY ;; esac
passed=0
failed=0

# The checks set the PYTHON* variables they need themselves.
for var in $(env | sed -n 's/^\(PYTHON[A-Z_]*\)=.*/\1/p'); do
    unset "$var"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    printf 'FAIL %s\n  expected: %s\n  got:      %s\n' "$1" "$2" "$3"
}

# expect NAME EXPECTED_STDOUT COMMAND...: stdout (stderr ignored).
expect() {
    name=$1 want=$2
    shift 2
    got=$("$@" 2>/dev/null)
    if [ "$got" = "$want" ]; then ok; else fail "$name" "$want" "$got"; fi
}

# expect_status NAME STATUS COMMAND...
expect_status() {
    name=$1 want=$2
    shift 2
    "$@" >/dev/null 2>&1 </dev/null
    got=$?
    if [ "$got" = "$want" ]; then ok; else fail "$name" "status $want" "status $got"; fi
}

# expect_err NAME TEXT COMMAND...: stderr contains TEXT.
expect_err() {
    name=$1 want=$2
    shift 2
    got=$("$@" 2>&1 >/dev/null </dev/null)
    case $got in
        *"$want"*) ok ;;
        *) fail "$name" "stderr containing: $want" "$got" ;;
    esac
}

FT=$("$PY" -c 'import sys; print(sys.abiflags)')

# ---- modes and sys.argv ----------------------------------------------------
expect c-argv "['-c', 'a', 'b']" "$PY" -c 'import sys; print(sys.argv)' a b
expect c-joined "['-c']" "$PY" '-cimport sys; print(sys.argv)'
expect c-ends-options "['-c', '-E', '-O']" "$PY" -c 'import sys; print(sys.argv)' -E -O
expect c-path0 "''" "$PY" -c 'import sys; print(repr(sys.path[0]))'
expect c-orig-argv "['-c', 'import sys; print(sys.orig_argv[1:])', 'x']" \
    "$PY" -c 'import sys; print(sys.orig_argv[1:])' x
expect c-main-name "__main__" "$PY" -c 'print(__name__)'
expect stdin-argv "['-', 'x']" sh -c "echo 'import sys; print(sys.argv)' | '$PY' - x"
expect stdin-default "['']" sh -c "echo 'import sys; print(sys.argv)' | '$PY'"
printf 'import sys\nprint(sys.argv[1:], __file__.endswith("script.py"))\n' > "$tmp/script.py"
expect file-argv "['p', 'q'] True" "$PY" "$tmp/script.py" p q
printf 'import sys\nprint(sys.argv[0], sys.path[0])\n' > "$tmp/showargv.py"
expect file-argv0 "$tmp/showargv.py $tmp" "$PY" "$tmp/showargv.py"
expect file-relative "showargv.py $tmp" sh -c "cd '$tmp' && '$PY' showargv.py"
expect file-P "showargv.py False" sh -c "cd '$tmp' && '$PY' -P -c 'import sys; print(\"showargv.py\", \"$tmp\" in sys.path)'"
expect dashdash "['-c'] True" "$PY" -- "$tmp/script.py" -c
printf 'print(1/0)\n' > "$tmp/boom.py"
expect_status file-exception 1 "$PY" "$tmp/boom.py"
expect_err file-traceback "ZeroDivisionError" "$PY" "$tmp/boom.py"
expect_status file-missing 2 "$PY" "$tmp/nonexistent.py"
expect_err file-missing-msg "can't open file '$tmp/nonexistent.py': [Errno 2] No such file or directory" \
    "$PY" "$tmp/nonexistent.py"
printf '#!not python\nprint("skipped")\n' > "$tmp/bang.txt"
expect x-skips-line "skipped" "$PY" -x "$tmp/bang.txt"
expect_status sysexit 3 "$PY" -c 'raise SystemExit(3)'

# ---- -m ---------------------------------------------------------------------
printf 'import sys\nprint(__name__, sys.argv[1:])\n' > "$tmp/cmdmod.py"
expect m-runs "__main__ ['z']" sh -c "cd '$tmp' && '$PY' -m cmdmod z"
expect m-argv0 "$tmp/cmdmod2.py" sh -c "cd '$tmp' && printf 'import sys\nprint(sys.argv[0])\n' > cmdmod2.py && '$PY' -m cmdmod2"
expect_status m-missing 1 "$PY" -m no_such_module_xyz
expect_err m-missing-msg "No module named no_such_module_xyz" "$PY" -m no_such_module_xyz

# ---- help and version -------------------------------------------------------
expect version "Python 3.15.0" "$PY" -V
expect version-long "Python 3.15.0" "$PY" --version
expect_status version-status 0 "$PY" -V
vv=$("$PY" -VV)
case $vv in "Python 3.15.0 ("*) ok ;; *) fail VV "Python 3.15.0 (..." "$vv" ;; esac
help=$("$PY" -h)
case $help in usage:*"-c cmd"*"-X opt"*) ok ;; *) fail help "usage text" "$help" ;; esac
expect_status help-status 0 "$PY" --help
expect_status help-qmark 0 "$PY" '-?'
case $("$PY" --help-env) in *PYTHONHASHSEED*) ok ;; *) fail help-env PYTHONHASHSEED "?" ;; esac
case $("$PY" --help-xoptions) in *int_max_str_digits*) ok ;; *) fail help-xoptions int_max_str_digits "?" ;; esac

# ---- usage errors -----------------------------------------------------------
expect_status unknown-option 2 "$PY" -z
expect_err unknown-option-msg "unknown option -z" "$PY" -z
expect_err unknown-option-usage "Try 'python -h' for more information." "$PY" -z
expect_status unknown-long 2 "$PY" --frobnicate
expect_status c-missing 2 "$PY" -c
expect_err c-missing-msg "Argument expected for the -c option" "$PY" -c
expect_status m-no-arg 2 "$PY" -m
expect_status W-no-arg 2 "$PY" -W
expect_status hash-pycs-ok 0 "$PY" --check-hash-based-pycs never -c pass
expect_status hash-pycs-bad 2 "$PY" --check-hash-based-pycs sometimes -c pass
expect_status hash-pycs-missing 2 "$PY" --check-hash-based-pycs
expect_status X-no-arg 2 "$PY" -X
expect_err usage-line "usage: " "$PY" -X

# ---- flags ------------------------------------------------------------------
flag() { "$PY" "$@" -c 'import sys, os; f = sys.flags; print(eval(os.environ["FLAG"]))'; }
q='import sys; f = sys.flags; print'
expect default-flags "0 0 0 0 0 0 0 0 1 False -1" \
    "$PY" -c "$q(f.optimize, f.verbose, f.quiet, f.inspect, f.bytes_warning, f.debug, f.isolated, f.ignore_environment, f.hash_randomization, f.safe_path, f.int_max_str_digits)"
expect O-flag "1 False" "$PY" -O -c "$q(f.optimize, __debug__)"
expect OO-flag "2" "$PY" -OO -c "$q(f.optimize)"
expect O-assert "reached" "$PY" -O -c 'assert False, "boom"; print("reached")'
expect_status no-O-assert 1 "$PY" -c 'assert False'
expect OO-docstring "None" "$PY" -OO -c 'def f():
    "doc"
print(f.__doc__)'
expect O-keeps-docstring "doc" "$PY" -O -c 'def f():
    "doc"
print(f.__doc__)'
expect B-flag "1 True" "$PY" -B -c "$q(f.dont_write_bytecode, sys.dont_write_bytecode)"
expect v-flag "2" "$PY" -vv -c "$q(f.verbose)"
expect q-flag "1" "$PY" -q -c "$q(f.quiet)"
expect b-flag "1" "$PY" -b -c "$q(f.bytes_warning)"
expect bb-flag "2" "$PY" -bb -c "$q(f.bytes_warning)"
expect d-flag "1" "$PY" -d -c "$q(f.debug)"
expect s-flag "1" "$PY" -s -c "$q(f.no_user_site)"
expect S-flag "1" "$PY" -S -c "$q(f.no_site)"
expect E-flag "1" "$PY" -E -c "$q(f.ignore_environment)"
expect P-flag "True" "$PY" -P -c "$q(f.safe_path)"
expect P-path0 "False" "$PY" -P -c "import sys; print('' in sys.path)"
expect I-flag "1 1 1 True" "$PY" -I -c "$q(f.isolated, f.ignore_environment, f.no_user_site, f.safe_path)"
expect cluster "1 1 2" "$PY" -Esbb -c "$q(f.ignore_environment, f.no_user_site, f.bytes_warning)"
expect i-flag "1 1" sh -c "'$PY' -i -c \"$q(f.inspect, f.interactive)\" </dev/null"
expect u-accepted "ok" "$PY" -u -c 'print("ok")'

# ---- -W and -X ----------------------------------------------------------------
expect W-options "['ignore', 'error::DeprecationWarning']" \
    "$PY" -W ignore -Werror::DeprecationWarning -c 'import sys; print(sys.warnoptions)'
expect X-options "{'foo': True, 'bar': 'baz', 'importtime': True, 'faulthandler': True}" \
    "$PY" -X foo -Xbar=baz -X importtime -X faulthandler -c 'import sys; print(sys._xoptions)'
expect X-dev "True" "$PY" -X dev -c "$q(f.dev_mode)"
expect X-utf8 "1" "$PY" -X utf8 -c "$q(f.utf8_mode)"
expect X-utf8-0 "0" "$PY" -X utf8=0 -c "$q(f.utf8_mode)"
expect utf8-default "1" "$PY" -c "$q(f.utf8_mode)"
expect utf8-env-0 "0" env PYTHONUTF8=0 "$PY" -c "$q(f.utf8_mode)"
expect utf8-x-wins "1" env PYTHONUTF8=0 "$PY" -X utf8 -c "$q(f.utf8_mode)"
expect utf8-c-locale "utf-8 utf-8" env LC_ALL=C "$PY" -c \
    "import locale, sys; print(locale.getpreferredencoding(False).lower(), sys.getfilesystemencoding())"
expect X-digits "700 700" "$PY" -X int_max_str_digits=700 -c "$q(f.int_max_str_digits, sys.get_int_max_str_digits())"
expect X-digits-0 "0" "$PY" -X int_max_str_digits=0 -c "import sys; print(sys.get_int_max_str_digits())"
expect_status X-digits-bad 1 "$PY" -X int_max_str_digits=5 -c pass
expect_err X-digits-bad-msg "-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited." \
    "$PY" -X int_max_str_digits=abc -c pass

# -X importtime: one line per module loaded, nested two columns a level,
# printed when the module is done (CPython's format; times masked).
mkdir -p "$tmp/itime/tpkg"
echo 'from . import helper' >"$tmp/itime/tpkg/__init__.py"
: >"$tmp/itime/tpkg/helper.py"
echo 'import tpkg.helper' >"$tmp/itime/tpkg/sub.py"
importtime() {
    (cd "$tmp/itime" && "$PY" -B "$@" 2>&1 >/dev/null) \
        | grep -e tpkg -e 'imported package' | sed -E 's/ +[0-9]+ [|]/ N |/g' | tr '\n' '/'
}
expect X-importtime "import time: self [us] | cumulative | imported package/import time: N | N |     tpkg.helper/import time: N | N |   tpkg/import time: N | N | tpkg.sub/" \
    importtime -X importtime -c 'import tpkg.sub'
expect X-importtime-2 "import time: self [us] | cumulative | imported package/import time: cached    | cached     | tpkg/import time: N | N |     tpkg.helper/import time: N | N |   tpkg/import time: cached    | cached     | tpkg.helper/import time: N | N | tpkg.sub/import time: cached    | cached     | tpkg/" \
    importtime -X importtime=2 -c 'import tpkg.sub, tpkg'
expect X-importtime-env "import time: self [us] | cumulative | imported package/import time: N | N | tpkg/" \
    env PYTHONPROFILEIMPORTTIME=1 sh -c "cd '$tmp/itime' && '$PY' -B -c 'import tpkg' 2>&1 >/dev/null | grep -e 'tpkg\$' -e 'imported package' | sed -E 's/ +[0-9]+ [|]/ N |/g' | tr '\\n' '/'"
expect X-importtime-off "0" env PYTHONPROFILEIMPORTTIME=0 sh -c "'$PY' -c 'import json' 2>&1 | grep -c 'import time'"
expect_err X-importtime-3 "-X importtime: numeric values other than 1 and 2 are reserved for future use." \
    "$PY" -X importtime=3 -c pass
expect_err X-importtime-env-3 "PYTHONPROFILEIMPORTTIME: numeric values other than 1 and 2 are reserved for future use." \
    env PYTHONPROFILEIMPORTTIME=7 "$PY" -c pass

# ---- the environment ----------------------------------------------------------
expect env-optimize "1" env PYTHONOPTIMIZE=1 "$PY" -c "$q(f.optimize)"
expect env-optimize-2 "2" env PYTHONOPTIMIZE=2 "$PY" -c "$q(f.optimize)"
expect env-optimize-text "1" env PYTHONOPTIMIZE=yes "$PY" -c "$q(f.optimize)"
expect env-optimize-E "0" env PYTHONOPTIMIZE=1 "$PY" -E -c "$q(f.optimize)"
expect env-verbose "1" env PYTHONVERBOSE=1 "$PY" -c "$q(f.verbose)"
expect env-inspect "1" sh -c "PYTHONINSPECT=1 '$PY' -c \"$q(f.inspect)\" </dev/null"
expect env-dontwrite "1" env PYTHONDONTWRITEBYTECODE=1 "$PY" -c "$q(f.dont_write_bytecode)"
expect env-dontwrite-I "0" env PYTHONDONTWRITEBYTECODE=1 "$PY" -I -c "$q(f.dont_write_bytecode)"
expect env-safepath "True" env PYTHONSAFEPATH=1 "$PY" -c "$q(f.safe_path)"
expect env-unbuffered "ok" env PYTHONUNBUFFERED=1 "$PY" -c 'print("ok")'
expect env-warnings "['ignore', 'default', 'error']" env PYTHONWARNINGS=ignore,default \
    "$PY" -W error -c 'import sys; print(sys.warnoptions)'
expect env-warnings-E "[]" env PYTHONWARNINGS=ignore "$PY" -E -c 'import sys; print(sys.warnoptions)'
expect env-digits "800" env PYTHONINTMAXSTRDIGITS=800 "$PY" -c "import sys; print(sys.get_int_max_str_digits())"
expect env-digits-X-wins "900" env PYTHONINTMAXSTRDIGITS=800 "$PY" -X int_max_str_digits=900 -c "import sys; print(sys.get_int_max_str_digits())"
expect_status env-digits-bad 1 env PYTHONINTMAXSTRDIGITS=1 "$PY" -c pass
expect env-hashseed-0 "0" env PYTHONHASHSEED=0 "$PY" -c "$q(f.hash_randomization)"
expect env-hashseed-same "True" sh -c "a=\$(PYTHONHASHSEED=123 '$PY' -c 'print(hash(\"weft\"))'); b=\$(PYTHONHASHSEED=123 '$PY' -c 'print(hash(\"weft\"))'); [ \"\$a\" = \"\$b\" ] && echo True"
expect_status env-hashseed-bad 1 env PYTHONHASHSEED=banana "$PY" -c pass
expect_err env-hashseed-bad-msg 'PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]' \
    env PYTHONHASHSEED=4294967296 "$PY" -c pass
expect_status env-hashseed-bad-E 0 env PYTHONHASHSEED=banana "$PY" -E -c pass
expect env-path "True" env PYTHONPATH=/weft/nowhere "$PY" -c "import sys; print('/weft/nowhere' in sys.path)"
expect env-path-E "False" env PYTHONPATH=/weft/nowhere "$PY" -E -c "import sys; print('/weft/nowhere' in sys.path)"

# ---- the GIL (DESIGN.md section 7) -------------------------------------------
expect gil-X1 "1 True" "$PY" -X gil=1 -c "$q(f.gil, sys._is_gil_enabled())"
expect gil-env1 "1 True" env PYTHON_GIL=1 "$PY" -c "$q(f.gil, sys._is_gil_enabled())"
expect_status gil-X-bad 1 "$PY" -X gil=x -c pass
expect_err gil-X-bad-msg 'must be "0" or "1"' "$PY" -X gil=x -c pass
expect_status gil-env-bad 1 env PYTHON_GIL=2 "$PY" -c pass
if [ "$FT" = t ]; then
    expect gil-env-E "None" env PYTHON_GIL=1 "$PY" -E -c "$q(f.gil)"
    expect gil-unset "None" "$PY" -c "$q(f.gil)"
    expect gil-ft-default "False" "$PY" -c 'import sys; print(sys._is_gil_enabled())'
    expect gil-X0 "0 False" "$PY" -X gil=0 -c "$q(f.gil, sys._is_gil_enabled())"
    expect gil-env0 "0 False" env PYTHON_GIL=0 "$PY" -c "$q(f.gil, sys._is_gil_enabled())"
    expect gil-X-wins "0 False" env PYTHON_GIL=1 "$PY" -X gil=0 -c "$q(f.gil, sys._is_gil_enabled())"
    expect gil-X-wins-1 "1 True" env PYTHON_GIL=0 "$PY" -X gil=1 -c "$q(f.gil, sys._is_gil_enabled())"
else
    expect gil-default-on "True" "$PY" -c 'import sys; print(sys._is_gil_enabled())'
    # The default build always runs with the GIL: sys.flags.gil is 1, as
    # in CPython, whatever the environment says.
    expect gil-unset "1" "$PY" -c "$q(f.gil)"
    expect gil-env-E "1" env PYTHON_GIL=1 "$PY" -E -c "$q(f.gil)"
    expect_status gil-X0 1 "$PY" -X gil=0 -c pass
    expect_err gil-X0-msg "Disabling the GIL is not supported by this build" "$PY" -X gil=0 -c pass
    expect_status gil-env0 1 env PYTHON_GIL=0 "$PY" -c pass
    expect gil-X-wins "1" env PYTHON_GIL=0 "$PY" -X gil=1 -c "$q(f.gil)"
fi

# ---- the interactive loop ------------------------------------------------------
expect repl-stdin "yes
42" sh -c "printf 'x = 1\nif x:\n    print(\"yes\")\n\nx + 41\n' | '$PY' -i -q"
expect_err repl-prompts ">>> ... ... >>> " sh -c "printf 'if 1:\n    pass\n\n' | '$PY' -i -q"
expect repl-after-c "3" sh -c "printf 'y + 1\n' | '$PY' -i -c 'y = 2'"
expect repl-ps1 "1" sh -c "printf 'import sys\nsys.ps1 = \"A> \"\n1\n' | '$PY' -i -q"
expect_err repl-ps1-shown "A> " sh -c "printf 'import sys\nsys.ps1 = \"A> \"\n1\n' | '$PY' -i -q"
expect_err repl-ps2-default ">>> ... " sh -c "printf 'for i in ():\n  pass\n\n' | '$PY' -i -q"
expect repl-multiline-bracket "(1, 2)" sh -c "printf '(1,\n2)\n' | '$PY' -i -q"
expect repl-error-continues "after" sh -c "printf '1/0\nprint(\"after\")\n' | '$PY' -i -q"
expect repl-eof-runs-block "5" sh -c "printf 'if 1:\n    print(5)\n' | '$PY' -i -q"
expect_err repl-blank-in-block "IndentationError" sh -c "printf 'if 1:\n\nprint(2)\n' | '$PY' -i -q"
expect repl-blank-lines "3" sh -c "printf '\n\n1 + 2\n' | '$PY' -i -q"
printf 'start_value = 7\n' > "$tmp/startup.py"
expect repl-startup "7" sh -c "printf 'start_value\n' | PYTHONSTARTUP='$tmp/startup.py' '$PY' -i -q"
expect_err repl-startup-missing "Could not open PYTHONSTARTUP" sh -c "printf '' | PYTHONSTARTUP='$tmp/none.py' '$PY' -i -q"
expect_err repl-banner "Python 3.15.0" sh -c "printf '' | '$PY' -i"
expect repl-quiet-no-banner ">>> " sh -c "printf '' | '$PY' -i -q 2>&1"
expect X-warn-default-encoding "1" "$PY" -X warn_default_encoding -c "$q(f.warn_default_encoding)"
expect env-warn-default-encoding "1" env PYTHONWARNDEFAULTENCODING=1 "$PY" -c "$q(f.warn_default_encoding)"

# More checks, one file per area: Tests/cmdline/cases_AREA.sh, sourced
# here so they share the helpers above.
for cases in "$(dirname "$0")"/cases_*.sh; do
    [ -f "$cases" ] && . "$cases"
done

echo "cmdline: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
