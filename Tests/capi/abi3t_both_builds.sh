#!/bin/sh
# One abi3t binary, two interpreters: compiles Tests/capi/ext/abi3t_demo.c
# ONCE, with the default build's headers, into abi3t_demo.abi3t.so, then
# has the default and the free-threaded ./python import and exercise that
# same file (Tests/capi/abi3t_exercise.py).  Exits non-zero if either
# output differs from Tests/capi/abi3t_exercise.out.
#   usage: abi3t_both_builds.sh DEFAULT_BUILD_DIR FT_BUILD_DIR
set -u
if [ $# -ne 2 ]; then
    echo "usage: $0 DEFAULT_BUILD_DIR FT_BUILD_DIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "$here/../.." && pwd)
default=$(cd "$1" && pwd)
ft=$(cd "$2" && pwd)
CC=${CC:-cc}

for var in $(env | sed -n 's/^\(PYTHON[A-Z_]*\)=.*/\1/p'); do
    unset "$var"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

so="$tmp/abi3t_demo.abi3t.so"
if ! $CC -shared -fPIC -Wall -Wextra -Werror -Wno-unused-parameter \
        -Wno-missing-field-initializers -DPy_TARGET_ABI3T=0x030f0000 \
        -I"$srcdir/Include" -I"$default" -o "$so" \
        "$srcdir/Tests/capi/ext/abi3t_demo.c"; then
    echo "abi3t: FAIL compiling abi3t_demo.c"
    exit 1
fi
sum_before=$(cksum < "$so")

status=0
for build in "$default" "$ft"; do
    abiflags=$("$build/python" -c 'import sys; print(sys.abiflags or "-")')
    got="$tmp/out.$abiflags"
    ulimit -v 4000000 2>/dev/null
    "$build/python" "$here/abi3t_exercise.py" "$tmp" > "$got" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && cmp -s "$here/abi3t_exercise.out" "$got"; then
        echo "abi3t: ok    $build/python (abiflags '$abiflags')"
    else
        echo "abi3t: FAIL  $build/python (abiflags '$abiflags', exit $rc)"
        diff "$here/abi3t_exercise.out" "$got" | sed 's/^/    /'
        status=1
    fi
done
if [ "$(cksum < "$so")" != "$sum_before" ]; then
    echo "abi3t: FAIL  the extension file changed between the two runs"
    status=1
fi
exit $status
