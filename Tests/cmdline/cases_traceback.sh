# traceback: the module's report of an uncaught exception is the
# interpreter's own, character for character.  Each script runs twice:
# once with the built-in display, once with sys.excepthook set to
# traceback.print_exception (the -c wrapper's own frame is left out).
tb_same() {
    name=$1 script=$2
    printf '%s\n' "$script" > "$tmp/tb_case.py"
    want=$("$PY" "$tmp/tb_case.py" 2>&1 >/dev/null)
    got=$("$PY" -c 'import sys, traceback
sys.excepthook = lambda t, v, tb: traceback.print_exception(v)
sys.argv[0] = path = sys.argv[1]
code = compile(open(path).read(), path, "exec")
exec(code, {"__name__": "__main__"})' "$tmp/tb_case.py" 2>&1 >/dev/null \
        | grep -v 'File "<string>", line 5, in <module>$')
    case $want in
        *Traceback*) ;;
        *) fail "$name" "a traceback" "$want"; return ;;
    esac
    if [ "$want" = "$got" ]; then ok; else fail "$name" "$want" "$got"; fi
}

tb_same tb-binop 'def f(a, b):
    return a["k"] + b * 2
x = f({"k": 1}, None)'
tb_same tb-call-subscript 'data = {"a": [1, 2]}
def get(key, i):
    return data[key][i]
print(get("a", 0), get("b", 1))'
tb_same tb-chain 'def inner():
    try:
        int("x")
    except ValueError as e:
        raise KeyError("k") from e
try:
    inner()
except KeyError:
    len(5)'
tb_same tb-recursion 'def r(n):
    return r(n + 1) if n < 40 else n / 0
r(0)'
tb_same tb-notes-str 'class E(Exception):
    def __str__(self):
        raise RuntimeError
e = E()
e.add_note("first\nsecond")
raise e'
tb_same tb-group 'def boom(i):
    raise ValueError(i)
errors = []
for i in range(3):
    try:
        boom(i)
    except ValueError as exc:
        errors.append(exc)
raise ExceptionGroup("many", errors + [ExceptionGroup("inner", [TypeError("t")])])'
tb_same tb-syntax 'source = "x = (1,\n  2 +)"
exec(source)'
tb_same tb-unicode 'mot = "é"
valeur = mot + 1'
# sys.tracebacklimit counts from the most recent entry in the display of an
# uncaught exception (traceback.py's own limit counts from the oldest).
tblimit='import sys
def f1():
    1 / 0
def f2():
    f1()
sys.tracebacklimit = LIMIT
f2()'
expect_err tb-limit-2-last "Traceback (most recent call last):
  File \"<string>\", line 5, in f2
  File \"<string>\", line 3, in f1
ZeroDivisionError" "$PY" -c "$(echo "$tblimit" | sed 's/LIMIT/2/')"
expect_err tb-limit-1-last "Traceback (most recent call last):
  File \"<string>\", line 3, in f1
ZeroDivisionError" "$PY" -c "$(echo "$tblimit" | sed 's/LIMIT/1/')"
expect_err tb-limit-huge "line 7, in <module>" "$PY" -c "$(echo "$tblimit" | sed 's/LIMIT/1 << 1000/')"
expect tb-limit-module-first "1 line 5" "$PY" -c 'import sys, traceback
def f(): 1/0
sys.tracebacklimit = 1
try:
    f()
except Exception as e:
    s = traceback.extract_tb(e.__traceback__)
    print(len(s), "line", s[0].lineno)'
