# PEP 484 type comments through ast.parse(type_comments=True): the
# type_comment fields, Module.type_ignores, mode='func_type', the errors
# for misplaced type comments, and that without the flag they are plain
# comments.
import ast

def comments(tree):
    found = []
    for node in ast.walk(tree):
        comment = getattr(node, "type_comment", None)
        if comment is not None:
            name = getattr(node, "arg", None) or getattr(node, "name", None)
            label = type(node).__name__ + (f" {name}" if name else "")
            found.append(f"{label}: {comment!r}")
    for ignore in getattr(tree, "type_ignores", []):
        found.append(f"ignore line {ignore.lineno}: {ignore.tag!r}")
    return found

def show(title, source, mode="exec", type_comments=True):
    try:
        tree = ast.parse(source, mode=mode, type_comments=type_comments)
    except SyntaxError as e:
        print(f"{title}: {type(e).__name__}: {e.msg} "
              f"({e.lineno}, {e.offset}, {e.end_lineno}, {e.end_offset})")
        return
    print(f"{title}: {comments(tree) or 'none'}")

show("assign", "x = 1  # type: int\n")
show("spaces", "x = []  #type:List[int]   \n")
show("chained", "a = b = None  # type: Optional[str]\n")
show("second of two", "x = 1; y = 2  # type: int\n")
show("ignore", "import foo  # type: ignore\n")
show("ignore tag", "import foo  # type: ignore[import] because\n")
show("ignore punct", "x = 1  # type: ignore-x\n")
show("not ignore", "x = 1  # type: ignored\n")
show("ignore alone", "# type: ignore\nx = 1\n")
show("ignore in body", "def f():  # type: () -> int\n    # type: ignore\n    return 1\n")
show("nested", "x = 1  # type: ignore # type: int\n")
show("plain comment", "x = 1  # types: int\n")
show("prefix only", "x = 1  # type:\n")
show("def same line", "def f(a, b):  # type: (int, str) -> None\n    pass\n")
show("def own line", "def f(a, b):\n    # type: (int, str) -> None\n    pass\n")
show("async def", "async def f():  # type: () -> None\n    pass\n")
show("per argument", "def f(a,  # type: int\n      b=1,  # type: str\n      *args,  # type: bytes\n      c,  # type: float\n      **kw  # type: dict\n      ):\n    # type: (...) -> None\n    pass\n")
show("for", "for x in y:  # type: int\n    pass\n")
show("with", "with open(p) as f:  # type: IO[str]\n    pass\n")
show("with parens", "with (open(p) as f, open(q) as g):  # type: int\n    pass\n")
show("async for/with", "async def f():\n    async for x in y:  # type: int\n        pass\n    async with a as b:  # type: T\n        pass\n")
show("single mode", "x = 1  # type: int\n", mode="single")
show("flag off", "x = 1  # type: int\n", type_comments=False)
show("flag off ignore", "x = 1  # type: ignore\n", type_comments=False)
show("flag off misplaced", "def f(): pass  # type: () -> int\nx: int = 1  # type: int\n", type_comments=False)

# Misplaced type comments are syntax errors, only with the flag.
show("own line", "x = 1\n# type: int\ny = 2\n")
show("annotated", "x: int = 1  # type: int\n")
show("augmented", "x += 1  # type: int\n")
show("expression", "f()  # type: int\n")
show("class", "class A:  # type: int\n    pass\n")
show("if", "if x:  # type: int\n    pass\n")
show("def one line", "def f(): pass  # type: () -> int\n")
show("lambda", "lambda a,  # type: int\n   b: 1\n")
show("two on def", "def f():  # type: () -> int\n    # type: () -> str\n    pass\n")
show("list display", "x = [1,  # type: int\n     2]\n")

# mode='func_type'
for source in ["(int, *str) -> List[int]", "(int, *str, **Any) -> None",
               "() -> int", "(*a, **k) -> int", "(**k) -> int",
               "(int,) -> int", "(*a, b) -> int", "(**k, *a) -> int",
               "(int) -> str -> x", "int -> str"]:
    try:
        tree = ast.parse(source, mode="func_type")
    except SyntaxError as e:
        print(f"{source!r}: {e.msg} ({e.lineno}, {e.offset})")
    else:
        args = ", ".join(ast.unparse(a) for a in tree.argtypes)
        print(f"{source!r}: {type(tree).__name__} [{args}] -> "
              f"{ast.unparse(tree.returns)}")
try:
    compile("() -> int", "<s>", "func_type")
except ValueError as e:
    print("ValueError:", e)
flags = ast.PyCF_ONLY_AST | ast.PyCF_TYPE_COMMENTS
tree = compile("x = 1  # type: int\n", "<s>", "exec", flags)
print(type(tree).__name__, tree.body[0].type_comment)
print(ast.PyCF_TYPE_COMMENTS == 0x1000)
