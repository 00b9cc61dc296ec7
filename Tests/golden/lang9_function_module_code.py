# A function built from module-level code (types.FunctionType(code, g))
# looks its names up in its globals (3.12+), also when called repeatedly
# from Python code, and top-level-await code run that way is a coroutine.
from types import FunctionType
import ast, asyncio

g = {"x": 1}
f = FunctionType(compile("y = x + 1\nx = y", "<m>", "exec"), g)
for _ in range(50):
    f()
print(g["x"], g["y"])

async def arange(n):
    for i in range(n):
        yield i

for src in ["a = await asyncio.sleep(0, result=1)",
            "async for i in arange(3):\n    a = i",
            "a = [x async for x in arange(2)][1]",
            "a = {x: 1 async for x in arange(1)}[0]"]:
    co = compile(src, "?", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    ns = {'asyncio': asyncio, 'a': None, 'arange': arange}
    asyncio.run(FunctionType(co, ns)())
    print(repr(src.splitlines()[0]), ns['a'])
