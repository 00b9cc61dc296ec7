# Pattern syntax and compile errors: each pattern is compiled as the one
# case of a match statement; the error's message and location are
# printed.  Expected output: CPython 3.11, except where 3.12+ locates a
# compiler error at the whole offending pattern (the node's span) and
# where 3.12+ parses f-string patterns (then refused by the compiler).
import warnings

warnings.simplefilter("ignore")
P = [
 "case {**rest, 'a': 1}", "case {'a': 1, **rest, 'b': 2}", "case {**_}", "case {**rest,}", "case {'a' 1}",
 "case {'a':}", "case {1+1: x}", "case {f'x': 1}", "case {-a: 1}", "case C(x=1, y)", "case C(**kw)",
 "case C(*args)", "case C(x=)", "case C(1=x)", "case C(a.b=1)", "case [*a, *b]", "case (*a, *b)", "case *a, *b",
 "case *a", "case *_", "case 1 +", "case 1 + 1", "case 1 - 1j", "case 1j + 1", "case -1j", "case 1 + x",
 "case a.b.c", "case a.b()", "case a()", "case a[0]", "case a if b else c", "case lambda: 1", "case x as y as z",
 "case x as _", "case _ as x", "case (x as y) as z", "case x as y.z", "case x as (y)", "case x as 1",
 "case 1 | 2 as y", "case (1 | 2) as y", "case 1 | (2 as y)", "case f'{x}'", "case t'x'", "case b'x' 'y'",
 "case 'a' b'b'", "case ...", "case not x", "case x:=1", "case {'a': 1, 'a': 2}", "case {True: 1, 1: 2}",
 "case {1: a, 'x': a}", "case [a, (b, a)]", "case {**a, **b}", "case C(a=1, a=2)", "case C(a, b=a)",
 "case (a | b)", "case [a | b, c]", "case [1 | x]", "case x | y if z", "case None | True | False",
 "case -0 | 0", "case 'x' 'y'", "case \"a\" f\"b\"", "case 1 if", "case", "case :", "case x, :", "case (,)",
 "case [,]", "case {,}", "case x y", "case 1 2", "case [1 2]", "case {'a': 1 'b': 2}", "case C(1 2)",
 "case __debug__", "case C(__debug__=1)", "case {**__debug__}", "case [*__debug__]", "case 1 as __debug__",
]
for n, pat in enumerate(P):
    src = f"match x:\n    {pat}:\n        pass\n"
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(f"{n:3d} {e.msg} ({e.lineno}, {e.offset}, {e.end_lineno}, {e.end_offset})")
    else:
        print(f"{n:3d} compiled")
print(len(P), "patterns")
