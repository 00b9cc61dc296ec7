# Interpreter exit: objects the program leaves in __main__ are finalized
# while the modules they use still work (sourced by run.sh).

# logging imports modules lazily (lazy import objects keep their declaring
# frame, whose f_back chain reaches __main__'s): the program's __del__ must
# still see `logging` and format an exception with traceback.
cat > "$tmp/fin_logging.py" <<'PYEOF'
import logging
class A:
    def __del__(self):
        try:
            raise ValueError("some error")
        except Exception:
            logging.exception("exception in __del__")
a = A()
PYEOF
expect_err fin-logging-del "exception in __del__" "$PY" "$tmp/fin_logging.py"
expect_err fin-logging-del-exc "ValueError: some error" "$PY" "$tmp/fin_logging.py"
expect_err fin-logging-del-c "ValueError: some error" "$PY" -c "$(cat "$tmp/fin_logging.py")"

# A module of the program that declared a lazy import: its globals, and
# __main__'s, are intact when __main__'s objects die.
mkdir -p "$tmp/finlazy"
cat > "$tmp/finlazy/finlazy_mod.py" <<'PYEOF'
lazy import json
def where():
    return "mod ok"
PYEOF
cat > "$tmp/finlazy/fin_main.py" <<'PYEOF'
import os, finlazy_mod
class A:
    def __del__(self):
        print(finlazy_mod.where(), os.sep)
a = A()
PYEOF
expect fin-lazy-module-globals "mod ok /" "$PY" "$tmp/finlazy/fin_main.py"
rm -rf "$tmp/fin_logging.py" "$tmp/finlazy"
