# A call's node starts where its primary starts, parentheses around the
# callee included; tracebacks underline the callee with ~ and the call's
# arguments with ^ (3.13+).
import ast, traceback, sys

for src in ['(f)(5)', '((a))(1)', '(a)(b)(c)', '(lambda: 1)()', 'a.b(c)',
            '(a.b)(c)', 'f(x)(y)', '(a)[1](2)', 'x = (g)(\n  1)']:
    calls = [n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.Call)]
    print(repr(src), [(c.lineno, c.col_offset, c.end_lineno, c.end_col_offset)
                      for c in calls])

def show(fn):
    try:
        fn()
    except Exception:
        lines = traceback.format_exc().replace(__file__, 'FILE').splitlines()
        print("\n".join(lines[3:]))

def calls_lambda():
    return (lambda q: q.missing)(5)

def calls_parenthesized():
    f = int
    return (f)('zz') + 1

show(calls_lambda)
show(calls_parenthesized)
