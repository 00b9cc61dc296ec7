# ast.unparse: precedence, literals, f-strings, every statement kind, and
# round trips parse -> unparse -> parse over some library modules.
import ast
import os

SNIPPETS = [
    "(a + b) * c - d ** -e ** f",
    "(-1) ** 2, -1 ** 2, not (a and b) or c",
    "a and (b or c) and not d",
    "x if (y if z else w) else (lambda: 1)",
    "(yield)",
    "f(*args, **kw)(x)[1:2, ::3].attr",
    "1 .real, 1.5.imag, 'a'.join",
    "{**a, 'b': 1}, {*()}, set(), {1, 2}",
    "[x async for x in y if x if not x]",
    "f(x for x in y)",
    "(x := 1, y := 2)",
    "a < b < c, (a < b) < c, a < (b < c)",
    "f'{a!r} {b:>{w}} {{literal}} {c!s:x}'",
    "f\"it's\" + 'say \"hi\"' + '''both ' and \"'''",
    "1e400, -1e400j, 10 ** 100",
    "b'\\x00\\n' + u'x'",
    "lambda a, /, b=1, *c, d, e=2, **f: 0",
    "(a, b), [a, b], (a,), ()",
    "await x if 0 else (await y)",
]
for source in SNIPPETS:
    print(ast.unparse(ast.parse(source)))

PROGRAM = '''
"""Module docstring."""
from __future__ import annotations
import os.path as p, sys
from . import x
@decorator(1)
class A(B, metaclass=M):
    """Class doc."""
    x: int = 1
    def method(self, a: int=1, *, b, **kw) -> str:
        global g
        nonlocal_holder = None
        del self.x, y[0]
        assert a, "message"
        return
async def coro():
    async with a as b, c:
        await b
    async for i in j:
        yield i
    else:
        pass
for i, (j, k) in items:
    if i:
        continue
    elif j:
        break
    else:
        pass
while True:
    try:
        raise ValueError from None
    except (TypeError, ValueError) as e:
        pass
    except Exception:
        raise
    else:
        pass
    finally:
        x += 1
with open(f) as fp:
    data: list[int]
    (y): int = 3
match command.split():
    case [action]:
        pass
    case [action, obj, *_]:
        pass
    case Point(x=0, y=0) | {"k": 1, **rest}:
        pass
    case [1, 2] as pair if pair:
        pass
    case None | True | -1 | 1 + 2j:
        pass
'''
print(ast.unparse(ast.parse(PROGRAM)))

# Python 3.12+ syntax (expected output written by hand).
print(ast.unparse(ast.parse("type Alias[T: int, *Ts, **P] = list[T]")))
print(ast.unparse(ast.parse("def f[T = int](x: T) -> T: pass")))
print(ast.unparse(ast.parse("class C[T]: pass")))
print(ast.unparse(ast.parse("try:\n    pass\nexcept* E:\n    pass")))
print(ast.unparse(ast.parse("f'{x!r}' f\"{'nested'}\"", mode='eval')))
print(ast.unparse(ast.parse("t'{a} {b!r:>{w}}'", mode='eval')))
print(ast.unparse(ast.parse("[*x for x in y], {**m for m in ms}")))
print(ast.unparse(ast.parse("lazy import a.b as c\nlazy from . import d")))

# Round trips over modules of the standard library.
library = os.path.dirname(ast.__file__)
for name in ['bisect.py', 'heapq.py', 'textwrap.py', 'keyword.py',
             'contextlib.py']:
    with open(os.path.join(library, name), 'rb') as fp:
        source = fp.read()
    tree = ast.parse(source)
    again = ast.parse(ast.unparse(tree))
    print(name, ast.dump(tree) == ast.dump(again))

# The unparsed text of an f-string with format spec parses back equally.
tree = ast.parse("f'{x:{y}.{z}f}'")
print(ast.dump(tree) == ast.dump(ast.parse(ast.unparse(tree))))
