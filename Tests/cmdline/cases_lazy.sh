# PEP 810 lazy imports: -X lazy_imports and PYTHON_LAZY_IMPORTS.
lazy_probe='import sys; print(sys.get_lazy_imports())'
expect lazy-default "normal" "$PY" -c "$lazy_probe"
expect lazy-X-all "all" "$PY" -X lazy_imports=all -c "$lazy_probe"
expect lazy-X-none "none" "$PY" -X lazy_imports=none -c "$lazy_probe"
expect lazy-env-all "all" env PYTHON_LAZY_IMPORTS=all "$PY" -c "$lazy_probe"
expect lazy-X-beats-env "normal" env PYTHON_LAZY_IMPORTS=all "$PY" -X lazy_imports=normal -c "$lazy_probe"
expect lazy-E-ignores-env "normal" env PYTHON_LAZY_IMPORTS=all "$PY" -E -c "$lazy_probe"
expect_status lazy-X-invalid 1 "$PY" -X lazy_imports=sometimes -c pass
expect_err lazy-env-invalid "PYTHON_LAZY_IMPORTS: invalid value" env PYTHON_LAZY_IMPORTS=bad "$PY" -c pass
mkdir -p "$tmp/lazy"
printf 'print("loaded")\n' > "$tmp/lazy/lazy_noisy.py"
printf 'import lazy_noisy\nprint("first")\nlazy_noisy\n' > "$tmp/lazy/lazy_main.py"
expect lazy-all-defers "first
loaded" "$PY" -X lazy_imports=all "$tmp/lazy/lazy_main.py"
expect lazy-normal-eager "loaded
first" "$PY" "$tmp/lazy/lazy_main.py"
