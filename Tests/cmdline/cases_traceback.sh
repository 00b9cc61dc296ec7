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
