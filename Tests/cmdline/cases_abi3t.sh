# abi3t checks (sourced by run.sh): this build imports and exercises its
# own compiled abi3t fixture, Tests/capi/ext/abi3t_demo.abi3t.so (the
# same source that Tests/capi/abi3t_both_builds.sh compiles once for both
# builds); the default build also loads the abi3 fixture.

abi3t_ext="$(dirname "$PY")/Tests/capi/ext"
abi3t_dir="$(dirname "$0")/../capi"

if [ ! -f "$abi3t_dir/abi3t_exercise.out" ]; then
    fail abi3t-expected-output "$abi3t_dir/abi3t_exercise.out" "missing"
elif [ -f "$abi3t_ext/abi3t_demo.abi3t.so" ]; then
    expect abi3t-exercise "$(cat "$abi3t_dir/abi3t_exercise.out")" \
        "$PY" "$abi3t_dir/abi3t_exercise.py" "$abi3t_ext"
    expect abi3t-suffix "True" "$PY" -c \
        'import importlib.machinery as m; print(".abi3t.so" in m.EXTENSION_SUFFIXES)'
    # -X gil=0 / PYTHON_GIL=0 change nothing for a module that declared
    # Py_MOD_GIL_NOT_USED; no warning either way.
    if [ "$FT" = "t" ]; then
        expect abi3t-gil-stays-off "False" env PYTHON_GIL=0 "$PY" -W error -c \
            "import sys; sys.path.insert(0, '$abi3t_ext'); import abi3t_demo
print(sys._is_gil_enabled())"
    fi
    expect abi3t-apply-needs-callable "counted" "$PY" -c \
        "import sys; sys.path.insert(0, '$abi3t_ext'); import abi3t_demo
try:
    abi3t_demo.apply()
except TypeError:
    print('counted' if abi3t_demo.calls() == 1 else 'not counted')"
else
    fail abi3t-fixture-built "$abi3t_ext/abi3t_demo.abi3t.so" "missing"
fi

if [ -z "$FT" ]; then
    expect abi3-default-loads "7 5 abi3_demo.Point" "$PY" -c \
        "import sys; sys.path.insert(0, '$abi3t_ext'); import abi3_demo as a
p = a.Point(3, -4)
print(p.norm1(), a.add(2, 3), type(p).__module__ + '.' + type(p).__name__)"
    expect abi3-overflow "OverflowError" "$PY" -c \
        "import sys; sys.path.insert(0, '$abi3t_ext'); import abi3_demo as a
try:
    a.add(sys.maxsize, 1)
except OverflowError as e:
    print(type(e).__name__)"
else
    expect abi3-ft-refuses "ImportError" "$PY" -c \
        "import sys; sys.path.insert(0, '$abi3t_ext')
try:
    import abi3_demo
except ImportError:
    print('ImportError')
else:
    print('loaded')"
fi
