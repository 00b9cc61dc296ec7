# compile(): flags validation and PyCF_ALLOW_TOP_LEVEL_AWAIT producing a
# coroutine code object; dir() of a traceback.
import ast, asyncio, inspect

for flags in (0xff, 0x1, 0x100, ast.PyCF_ONLY_AST | 0x10000000):
    try:
        compile('print(42)\n', '<string>', 'single', flags)
        print(hex(flags), "accepted")
    except ValueError as e:
        print(hex(flags), "ValueError:", e)
for flags in (0, 0x10, 0x100000, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
              ast.PyCF_TYPE_COMMENTS | ast.PyCF_ONLY_AST):
    compile('x = 1\n', '<string>', 'exec', flags)
print("known flags accepted")

async def later(v):
    await asyncio.sleep(0)
    return v

async def agen():
    for i in range(3):
        yield i

ns = {'later': later, 'agen': agen}
src = """
a = await later(5)
async for i in agen():
    a += i
b = [x async for x in agen()]
"""
for mode in ('exec', 'single'):
    code = compile(src if mode == 'exec' else 'c = await later(1)', '<tla>',
                   mode, flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    print(mode, bool(code.co_flags & inspect.CO_COROUTINE))
    result = eval(code, ns)
    print(type(result).__name__)
    asyncio.run(result)
print(ns['a'], ns['b'], ns['c'])
code = compile("await later(7)", '<e>', 'eval',
               flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(code.co_flags & inspect.CO_COROUTINE), asyncio.run(eval(code, ns)))
plain = compile("x = 1", '<p>', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(bool(plain.co_flags & inspect.CO_COROUTINE), eval(plain, ns), ns['x'])
try:
    compile("await later(7)", '<e>', 'exec')
except SyntaxError as e:
    print("SyntaxError:", e.msg)

try:
    1 / 0
except ZeroDivisionError as e:
    print(dir(e.__traceback__))
