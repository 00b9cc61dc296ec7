# ast.parse + ast.dump of every statement and expression kind (Python 3.15
# dump format: empty lists and None fields left out).
import ast

STATEMENTS = [
    "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    return a",
    "@dec\nasync def g():\n    await x\n    async for i in y: pass\n    async with a as b: pass",
    "class C(B, metaclass=M):\n    'doc'\n    x: int = 3",
    "del a, b[0], c.d",
    "a = b = 1",
    "x += 1\ny @= z",
    "(x): int",
    "for i, j in k:\n    continue\nelse:\n    break",
    "while x:\n    pass\nelse:\n    pass",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
    "with a as (b, c), d:\n    pass",
    "raise E from e",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nexcept* E:\n    pass",
    "assert x, 'msg'",
    "from ..pkg import a as b, c",
    "global g\nnonlocal n",
    "match p:\n    case [1, *rest] if rest:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case P(x, y=0) | None:\n        pass\n    case (True as t):\n        pass\n    case _:\n        pass",
]

EXPRESSIONS = [
    "a and b or not c",
    "(y := 5)",
    "a + b - c * d / e // f % g ** h @ i << j >> k | l ^ m & n",
    "-x, +x, ~x",
    "lambda x, *y, z=1, **w: x",
    "a if b else c",
    "{1: 2, **d}",
    "{1, 2}",
    "[x for x in y if x]",
    "{x for x in y}",
    "{k: v for k, v in d.items()}",
    "(x async for x in y)",
    "a < b <= c != d is e is not f in g not in h",
    "f(a, *b, c=1, **d)",
    "f'{x!r:>{w}} {y=}'",
    "'abc' 'd' if 0 else b'x' + ...",
    "a.b[c:d:e, ::2]",
    "[*a, b]",
    "(yield x), (yield from y)",
    "None, True, False, 1.5, 2j",
]

for source in STATEMENTS:
    print(ast.dump(ast.parse(source)))
for source in EXPRESSIONS:
    print(ast.dump(ast.parse(source, mode='eval')))

print(ast.dump(ast.parse("x = 1"), indent=4))
print(ast.dump(ast.parse("f(a)", mode='eval'), annotate_fields=False))
print(ast.dump(ast.parse("pass"), show_empty=True))
print(ast.dump(ast.parse("(x\n  + y)", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1", mode='single')))

# Python 3.12+ nodes (expected output written from the 3.15 grammar).
print(ast.dump(ast.parse("type A[T: int = str, *Ts, **P] = list[T]")))
print(ast.dump(ast.parse("t'{a!r:>3}'", mode='eval')))
print(ast.dump(ast.parse("lazy from m import n")))
print(ast.dump(ast.parse("{**m for m in ms}", mode='eval')))
