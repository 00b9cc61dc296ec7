# Sourced by Tests/cmdline/run.sh: every built-in and standard-library C
# module runs without the GIL (issue 7, point 4).  In the free-threaded
# build, importing all of them must leave sys._is_gil_enabled() False and
# print no RuntimeWarning; the default build must import them all too.
# (Tests/capi/test_pyos.c checks each built-in module's Py_MOD_GIL_NOT_USED
# declaration itself.)

cat > "$tmp/capi_gil_all.py" <<'PYEOF'
import importlib.machinery, os, sys, warnings

def stdlib_extension_modules():
    """Names of the C extension files in the standard library's folders."""
    stdlib = os.path.dirname(os.__file__)
    names = set()
    for folder in (stdlib, os.path.join(stdlib, "lib-dynload")):
        if not os.path.isdir(folder):
            continue
        for entry in os.listdir(folder):
            for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                if entry.endswith(suffix):
                    names.add(entry[:-len(suffix)])
    return sorted(names)

names = sorted(set(sys.builtin_module_names) | set(stdlib_extension_modules()))
failed = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for name in names:
        try:
            __import__(name)
        except ImportError as exc:
            failed.append(name)
runtime = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
gil = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True
print(len(names) > 30, failed, runtime, gil)
PYEOF

if [ "$FT" = t ]; then
    expect capi-gil-all-modules "True [] [] False" "$PY" "$tmp/capi_gil_all.py"
    # Without catching the warnings: nothing at all on stderr.
    capi_gil_err=$("$PY" -c "
import sys
for name in sys.builtin_module_names:
    __import__(name)" 2>&1 >/dev/null)
    if [ -z "$capi_gil_err" ]; then ok; else fail capi-gil-stderr-empty "" "$capi_gil_err"; fi
else
    expect capi-gil-all-modules "True [] [] True" "$PY" "$tmp/capi_gil_all.py"
fi
