# SyntaxError ranges: "positional patterns follow keyword patterns" spans
# only the first run of positional patterns after a keyword pattern; an
# invalid target after "as" in a parenthesized with statement is named
# (CPython's invalid_with_item), while before the end of the line it is
# plain invalid syntax.
sources = [
    "match x:\n    case C(a=1, b):\n        pass\n",
    "match x:\n    case C(a=1, b, c, d=2):\n        pass\n",
    "match x:\n    case C(a=1, b, c=3, d):\n        pass\n",
    "match x:\n    case C(1, a=1, b, c, d=2, e, f):\n        pass\n",
    "match x:\n    case C(a=1, [b,\n  c], d=2, e):\n        pass\n",
    "match x:\n    case C(a=b, c, d=e, f, g=h, i, j=k, ...):\n        pass\n",
    "match x:\n    case C(a=1, b, c, ...):\n        pass\n",
    "match x:\n    case C(a=1, b c):\n        pass\n",
    "match x:\n    case C(a=1, b, c=...):\n        pass\n",
    "match x:\n    case C(a=..., b):\n        pass\n",
    "with (a as 1): pass\n",
    "with (a as b, c as f()): pass\n",
    "with (a as b, c as (d, 1),): pass\n",
    "with (a, b as [1, c]):\n    pass\n",
    "with a as 1, b: pass\n",
    "with a as 1\n    pass\n",
    "with a as b\n    pass\n",
    "with (a as b)\n    pass\n",
    "with (a as b) as c: pass\n",
    "with (a as b, c): pass\nwith (a, b): pass\nwith (a as [b, c.d], e[0]): pass\n",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)

# A bare * carries no type comment (CPython's invalid_star_etc).
import ast
for src in ["def f(\n    *, # type: int\n    a, # type: int\n):\n    pass\n",
            "def f(*, # type: int\n a): pass\n",
            "def f(*, a, # type: int\n): pass\n"]:
    try:
        tree = ast.parse(src, type_comments=True)
        print("parsed", [a.type_comment for a in tree.body[0].args.kwonlyargs])
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)
