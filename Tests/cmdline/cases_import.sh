# Import system checks (sourced by run.sh): the import system's own
# start-up imports no source file (-S: site is a .py module), -v traces
# imports as CPython does, and the default finders are in place.

# ---- start-up ---------------------------------------------------------------
expect import-startup-no-py "[]" "$PY" -S -c 'import sys
print(sorted(n for n, m in sys.modules.items()
             if str(getattr(m, "__file__", None)).endswith(".py")))'
expect import-meta-path "['BuiltinImporter', 'PathFinder']" "$PY" -c \
    'import sys; print([f.__name__ for f in sys.meta_path])'
expect import-path-hooks "zipimporter 2" "$PY" -c \
    'import sys; print(sys.path_hooks[0].__name__, len(sys.path_hooks))'
expect import-frozen-modules "True True" "$PY" -c \
    'import sys; print("_frozen_importlib" in sys.modules, "_frozen_importlib_external" in sys.modules)'

# ---- -v ---------------------------------------------------------------------
mkdir -p "$tmp/impv"
printf 'X = 1\n' > "$tmp/impv/vmod.py"
expect_err import-verbose-source \
    "import 'vmod' # <_frozen_importlib_external.SourceFileLoader object at" \
    sh -c "cd '$tmp/impv' && '$PY' -v -c 'import vmod'"
expect_err import-verbose-builtin \
    "import '_imp' # <class '_frozen_importlib.BuiltinImporter'>" \
    "$PY" -v -c 'import _imp'
expect_err import-verbose-trying "# trying $tmp/impv/vmod.py" \
    sh -c "cd '$tmp/impv' && '$PY' -vv -c 'import vmod'"
got=$(cd "$tmp/impv" && "$PY" -c 'import vmod' 2>&1)
if [ -z "$got" ]; then ok; else fail import-quiet "" "$got"; fi

# ---- errors at the command line -----------------------------------------------
expect_err import-missing "ModuleNotFoundError: No module named 'no_such_mod_xyz'" \
    "$PY" -c 'import no_such_mod_xyz'
expect_status import-missing-status 1 "$PY" -c 'import no_such_mod_xyz'
