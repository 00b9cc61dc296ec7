# The bytecode cache, py_compile and compileall from the command line
# (sourced by Tests/cmdline/run.sh: $PY, $tmp, expect, expect_err...).

pyc_dir="$tmp/pyc"
mkdir -p "$pyc_dir"
pyc_tag=$("$PY" -c 'import sys; print(sys.implementation.cache_tag)')
printf 'VALUE = "one"\n\ndef boom():\n    x = 1\n    return x / 0\n' > "$pyc_dir/pycmain.py"
pyc_file="$pyc_dir/__pycache__/pycmain.$pyc_tag.pyc"
pyc_run() { (cd "$pyc_dir" && "$PY" "$@"); }

# -B and PYTHONDONTWRITEBYTECODE: nothing written; they set the flag.
expect pyc-B-import "one" pyc_run -B -c 'import pycmain; print(pycmain.VALUE)'
expect pyc-B-nofile "no" sh -c "test -e '$pyc_file' && echo yes || echo no"
expect pyc-env-dont-write "one True" env PYTHONDONTWRITEBYTECODE=1 \
    sh -c "cd '$pyc_dir' && '$PY' -c 'import sys, pycmain; print(pycmain.VALUE, sys.dont_write_bytecode)'"
expect pyc-env-nofile "no" sh -c "test -e '$pyc_file' && echo yes || echo no"
expect pyc-B-flag "True 1" "$PY" -B -c 'import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)'

# A normal import writes the cache; the next run loads it (-v says so).
expect pyc-writes "one" pyc_run -c 'import pycmain; print(pycmain.VALUE)'
expect pyc-file "yes" sh -c "test -f '$pyc_file' && echo yes || echo no"
expect_err pyc-loads-cache "code object from '$pyc_file'" pyc_run -v -c 'import pycmain'

# Same size, new mtime: the old cache is stale.
touch -d '2020-01-01 00:00:00' "$pyc_dir/pycmain.py"
expect pyc-first-old-mtime "one" pyc_run -c 'import pycmain; print(pycmain.VALUE)'
printf 'VALUE = "two"\n\ndef boom():\n    x = 1\n    return x / 0\n' > "$pyc_dir/pycmain.py"
touch -d '2021-01-01 00:00:00' "$pyc_dir/pycmain.py"
expect pyc-stale-mtime "two" pyc_run -c 'import pycmain; print(pycmain.VALUE)'
# New size with the old mtime kept: stale too.
printf 'VALUE = "three"\n\ndef boom():\n    x = 1\n    return x / 0\n' > "$pyc_dir/pycmain.py"
touch -d '2021-01-01 00:00:00' "$pyc_dir/pycmain.py"
expect pyc-stale-size "three" pyc_run -c 'import pycmain; print(pycmain.VALUE)'
expect_err pyc-fresh-again "code object from" pyc_run -v -c 'import pycmain'

# A traceback through code loaded from the cache names the right line and
# shows its source text.
expect_err pyc-traceback-line "pycmain.py\", line 5, in boom" pyc_run -c 'import pycmain; pycmain.boom()'
expect_err pyc-traceback-text "return x / 0" pyc_run -c 'import pycmain; pycmain.boom()'

# A truncated cache file is ignored and rewritten.
head -c 20 "$pyc_file" > "$pyc_dir/cut" && mv "$pyc_dir/cut" "$pyc_file"
expect pyc-truncated "three" pyc_run -c 'import pycmain; print(pycmain.VALUE)'
expect pyc-rewritten "yes" sh -c "test \$(wc -c < '$pyc_file') -gt 20 && echo yes || echo no"

# -O and -OO write their own files.
expect pyc-O "three" pyc_run -O -c 'import pycmain; print(pycmain.VALUE)'
expect pyc-O-file "yes" sh -c "test -f '$pyc_dir/__pycache__/pycmain.$pyc_tag.opt-1.pyc' && echo yes || echo no"
expect pyc-OO "three" pyc_run -OO -c 'import pycmain; print(pycmain.VALUE)'
expect pyc-OO-file "yes" sh -c "test -f '$pyc_dir/__pycache__/pycmain.$pyc_tag.opt-2.pyc' && echo yes || echo no"

# sys.pycache_prefix from -X pycache_prefix and PYTHONPYCACHEPREFIX.
expect pyc-prefix-default "None" "$PY" -c 'import sys; print(sys.pycache_prefix)'
expect pyc-prefix-X "$tmp/pfx" "$PY" -X "pycache_prefix=$tmp/pfx" -c 'import sys; print(sys.pycache_prefix)'
expect pyc-prefix-env "$tmp/pfx2" env PYTHONPYCACHEPREFIX="$tmp/pfx2" "$PY" -c 'import sys; print(sys.pycache_prefix)'
expect pyc-prefix-X-wins "$tmp/pfx" env PYTHONPYCACHEPREFIX="$tmp/pfx2" "$PY" -X "pycache_prefix=$tmp/pfx" -c 'import sys; print(sys.pycache_prefix)'
expect pyc-prefix-E "None" env PYTHONPYCACHEPREFIX="$tmp/pfx2" "$PY" -E -c 'import sys; print(sys.pycache_prefix)'
pyc_run -X "pycache_prefix=$tmp/pfx" -c 'import pycmain' >/dev/null 2>&1
expect pyc-prefix-file "yes" sh -c "test -f '$tmp/pfx$pyc_dir/pycmain.$pyc_tag.pyc' && echo yes || echo no"

# Two processes importing a fresh module at once both succeed and leave
# one good cache file and no temporary files.
printf 'DATA = list(range(2000))\n' > "$pyc_dir/racy.py"
for i in 1 2 3 4; do
    (cd "$pyc_dir" && "$PY" -c 'import racy; print(len(racy.DATA))' > "$tmp/racy.$i" 2>&1) &
done
wait
expect pyc-race-results "2000 2000 2000 2000" sh -c "cat '$tmp'/racy.1 '$tmp'/racy.2 '$tmp'/racy.3 '$tmp'/racy.4 | tr '\n' ' ' | sed 's/ \$//'"
expect pyc-race-files "racy.$pyc_tag.pyc" sh -c "ls '$pyc_dir/__pycache__' | grep racy"
expect_err pyc-race-valid "code object from" pyc_run -v -c 'import racy'

# py_compile: the default path, an explicit cfile, errors.
printf 'A = 1\n' > "$pyc_dir/pc.py"
expect pyc-py_compile "$pyc_dir/__pycache__/pc.$pyc_tag.pyc" "$PY" -c "import py_compile; print(py_compile.compile('$pyc_dir/pc.py'))"
expect pyc-py_compile-cli "yes" sh -c "rm -f '$pyc_dir/__pycache__/pc.$pyc_tag.pyc'; '$PY' -m py_compile '$pyc_dir/pc.py' && test -f '$pyc_dir/__pycache__/pc.$pyc_tag.pyc' && echo yes"
printf 'def f(:\n    pass\n' > "$pyc_dir/bad.py"
expect_status pyc-py_compile-bad 1 "$PY" -m py_compile "$pyc_dir/bad.py"
expect_err pyc-py_compile-bad-msg "SyntaxError" "$PY" -m py_compile "$pyc_dir/bad.py"
expect pyc-py_compile-quiet "" sh -c "'$PY' -m py_compile -q '$pyc_dir/bad.py' 2>&1"
expect pyc-py_compile-doraise "PyCompileError bad.py" "$PY" -c "
import py_compile
try:
    py_compile.compile('$pyc_dir/bad.py', doraise=True)
except py_compile.PyCompileError as e:
    print(type(e).__name__, e.file.rsplit('/', 1)[-1])"

# compileall: a tree, -q, -f, -l.
mkdir -p "$pyc_dir/tree/sub"
printf 'A = 1\n' > "$pyc_dir/tree/a.py"
printf 'B = 2\n' > "$pyc_dir/tree/sub/b.py"
expect pyc-compileall-q "" "$PY" -m compileall -q "$pyc_dir/tree"
expect pyc-compileall-files "a.$pyc_tag.pyc b.$pyc_tag.pyc" sh -c "(ls '$pyc_dir/tree/__pycache__'; ls '$pyc_dir/tree/sub/__pycache__') | tr '\n' ' ' | sed 's/ \$//'"
expect pyc-compileall-uptodate "Listing '$pyc_dir/tree'...
Listing '$pyc_dir/tree/sub'..." "$PY" -m compileall "$pyc_dir/tree"
expect pyc-compileall-force "Listing '$pyc_dir/tree'...
Compiling '$pyc_dir/tree/a.py'...
Listing '$pyc_dir/tree/sub'...
Compiling '$pyc_dir/tree/sub/b.py'..." "$PY" -m compileall -f "$pyc_dir/tree"
rm -rf "$pyc_dir/tree/__pycache__" "$pyc_dir/tree/sub/__pycache__"
expect pyc-compileall-l "yes no" sh -c "'$PY' -m compileall -q -l '$pyc_dir/tree'; test -d '$pyc_dir/tree/__pycache__' && printf 'yes ' || printf 'no '; test -d '$pyc_dir/tree/sub/__pycache__' && echo yes || echo no"
printf 'x = (\n' > "$pyc_dir/tree/broken.py"
expect_status pyc-compileall-fails 1 "$PY" -m compileall -q "$pyc_dir/tree"
