# ast.parse(feature_version=(3, N)) and compile(..., _feature_version=N)
# reject syntax newer than Python 3.N with CPython's message
# "<construct> ... only supported in Python 3.M and greater"; the same
# source parses under 3.M.  Expected output: CPython 3.11 for the
# constructs it knows, the 3.12-3.15 grammar's texts for the rest.
import ast

CASES = [
    ('(x := 1)\n', 8),
    ('match x:\n    case 1:\n        pass\n', 10),
    ('try:\n    pass\nexcept* E:\n    pass\n', 11),
    ('def f[T](): pass\n', 12),
    ('class C[T]: pass\n', 12),
    ('type X = int\n', 12),
    ('type X[T] = list[T]\n', 12),
    ('def f[T=int](): pass\n', 13),
    ('try:\n    pass\nexcept A, B:\n    pass\n', 14),
    ('t"x"\n', 14),
    ('x = t"{y}" t"z"\n', 14),
    ('def f(a, /): pass\n', 8),
    ('lambda a, /: 1\n', 8),
    ('async def f(): pass\n', 5),
    ('a @ b\n', 5),
    ('a @= b\n', 5),
    ('x: int = 1\n', 6),
    ('x.y: int\n', 6),
    ('async def f():\n    [x async for x in y]\n', 6),
    ('async def f():\n    await x\n', 5),
    ('async def f():\n    async for x in y: pass\n', 5),
    ('async def f():\n    async with x: pass\n', 5),
    ('lazy import x\n', 15),
    ('lazy from x import y\n', 15),
]


def attempt(source, minor):
    try:
        ast.parse(source, feature_version=(3, minor))
    except SyntaxError as e:
        return e.msg
    return "ok"


for number, (source, needed) in enumerate(CASES):
    too_old = attempt(source, needed - 1)
    just_right = attempt(source, needed)
    print(f"{number:2d} {too_old} / 3.{needed}: {just_right}")

# compile()'s private _feature_version applies with PyCF_ONLY_AST only.
for minor in (7, 8, -1):
    try:
        compile("(y := 2)\n", "<s>", "exec", ast.PyCF_ONLY_AST,
                _feature_version=minor)
    except SyntaxError as e:
        print(minor, e.msg)
    else:
        print(minor, "ok")
print(type(compile("(y := 2)\n", "<s>", "exec", _feature_version=7)).__name__)
# Newer syntax the tokenizer handles (PEP 701 f-strings) is not gated.
print(attempt('f"{"a"}"\n', 11))
try:
    ast.parse("x", feature_version=(2, 7))
except ValueError as e:
    print("ValueError", e)
