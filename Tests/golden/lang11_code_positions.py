# co_positions: RESUME spans column 0 of the first line (a module's sits on
# line 0), and an instruction's position is either complete or has no
# columns at all (never a line without an end line).
import textwrap

def f():
    pass

async def g():
    pass

class C:
    x = 1

module = compile("x = 1\n", "<s>", "exec")
print(next(f.__code__.co_positions()), next(g.__code__.co_positions()))
print(next(module.co_positions()))

ns = {}
exec(textwrap.dedent("""\
    class K:
        y = 2
    try:
        1/0
    except Exception as e:
        exc = e
    """), ns)
for code in (f.__code__, g.__code__, module, ns['exc'].__traceback__.tb_frame.f_code,
             ns['K'].__init__.__code__ if hasattr(ns['K'].__init__, '__code__') else module):
    counts = {p.count(None) for p in code.co_positions()}
    print(code.co_name, counts <= {0, 3, 4})
