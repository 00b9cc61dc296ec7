# A sweep of valid but tricky programs: f-string and t-string corners,
# decorators, lambda defaults, star expressions in subscripts, class
# scopes and the __class__ cell, super() in nested scopes, comprehension
# scoping (PEP 709 inlining), exception groups and except*, pattern
# matching, type parameters, annotations (PEP 649/749), lazy imports
# (PEP 810), literals and soft keywords.  Each snippet runs in a fresh
# namespace and its `r` is printed.  Expected output: CPython 3.11 where
# 3.15 behaves the same, the 3.12-3.15 documentation for the rest.
SNIPPETS = [
 "r = f'{1+1}'", "r = f'{\"a\"!r}'", "r = f'{3.14159:.2f}'", "w=6\nr = f'{42:>{w}}'", "r = f'{{}}'",
 "r = f'{{{1}}}'", "x=5\nr = f'{x=}'", "x=5\nr = f'{x = }'", "x=5\nr = f'{x=!s}'", "x=5\nr = f'{x=:>4}'",
 "r = f'{(lambda: 7)()}'", "r = f'{[1,2][0]}'", "r = f'{ {\"k\": 1}[\"k\"] }'", "r = f'''{1\n+\n2}'''",
 "r = f'{\"\\n\".join([\"a\",\"b\"])}'", "r = f'{f\"{1}\"}'", "r = f\"{'a' 'b'}\"", "r = f'{1:{\"\"}}'",
 "import datetime\nr = f'{datetime.date(2020,1,2):%Y-%m}'", "r = f'{3!r:>5}'", "r = f'{\"x\"!a}'",
 "r = f'{(x:=4)} {x}'", "r = f'{1,2}'", "r = f'{1 if 0 else 2}'", "r = rf'\\d{1}'", "r = f'\\N{BULLET}{1}'",
 "r = F'{1}' f'{2}' '3'", "r = f'{\"}\"}'", "r = f'{3:}'", "r = len(f'{\"\":10}')",
 "r = (t'{1}').strings", "x=1\nr = [i.value for i in t'a{x}b{x+1}'.interpolations]",
 "x=1\nr = t'{x!r:>3}'.interpolations[0].conversion", "r = type(t'a' t'b').__name__",
 "x = 2\nr = t'{x=}'.strings",
 "def deco(f): return lambda: f() * 2\n@deco\ndef g(): return 21\nr = g()",
 "r = []\n@(lambda f: r.append(1) or f)\ndef g(): pass", "class A:\n    x = [1]\n@A.x.append\ndef g(): pass\nr = callable(A.x[1])",
 "d = {'k': lambda f: 5}\n@d['k']\ndef g(): pass\nr = g", "@staticmethod\n@staticmethod\ndef g(): return 1\nr = type(g).__name__",
 "r = (lambda x=1, *a, y=2, **k: (x, a, y, k))(0, 1, y=3, z=4)", "r = (lambda *, k=1: k)()",
 "r = (lambda a, /, b: a + b)(1, b=2)", "r = [(lambda i=i: i)() for i in range(3)]",
 "r = (lambda: (yield))", "r = (lambda x: lambda y: x + y)(1)(2)", "r = (lambda: [x for x in range(2)])()",
 "a=[1,2,3]\nb=[0]\nr = a[*b]", "d={(1,2):3}\nb=(1,2)\nr = d[*b]", "d={(1,):'x'}\nr = d[*[1]]",
 "class M:\n    def __getitem__(s, k): return k\nr = M()[*[1,2], 3]", "class M:\n    def __getitem__(s, k): return k\nr = M()[1:2, *[3]]",
 "r = [*range(3), *'ab']", "r = {*range(2), 5}", "r = {**{'a': 1}, 'b': 2}", "a, *b = range(4)\nr = b",
 "*a, b = 'xyz'\nr = a", "[a, *b] = (1, 2)\nr = (a, b)", "for a, *b in [(1,2,3)]: r = b", "r = print(*[], sep='')",
 "class C:\n    y = 3\n    r = [y for _ in range(1)] if False else None\nr = 1",
 "class C:\n    y = 3\n    z = [i for i in range(y)]\nr = C.z",
 "class C:\n    def f(self): return __class__\nr = C().f() is C",
 "class C:\n    def f(self):\n        def g(): return __class__\n        return g()\nr = C().f().__name__",
 "class B:\n    def m(self): return 'B'\nclass C(B):\n    def m(self):\n        return [super().m() for _ in range(1)]\nr = C().m()",
 "class B:\n    def m(self): return 'B'\nclass C(B):\n    def m(self):\n        f = lambda: super(C, self).m()\n        return f()\nr = C().m()",
 "class C:\n    x = 1\n    class D:\n        y = 2\nr = C.D.y",
 "class C:\n    a = 1\n    def f(self): return a\ntry:\n    C().f(); r = 'no'\nexcept NameError: r = 'NameError'",
 "x = 'g'\nclass C:\n    x = 'c'\n    def f(self): return x\nr = C().f()",
 "def f():\n    x = 1\n    class C:\n        y = x\n    return C.y\nr = f()",
 "def f():\n    x = 1\n    class C:\n        x = 2\n        z = x\n    return C.z, x\nr = f()",
 "def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 5\n    return x\nr = f()",
 "r = [j for i in range(3) if (j := i * 2)]", "r = [y := 5, y ** 2]", "r = {(k := 1): k}",
 "def f():\n    [(n := i) for i in range(3)]\n    return n\nr = f()", "r = [[i for i in range(j)] for j in range(3)]",
 "i = 'outer'\nr = ([i for i in range(2)], i)", "r = list((x for x in range(3) if x))",
 "g = (i for i in range(3))\nr = (next(g), list(g))", "r = sum(x for x in range(4))",
 "r = {k: v for k, v in zip('ab', range(2))}", "r = [x for x in range(10) if x % 2 if x % 3]",
 "r = [(a, b) for a in range(2) for b in range(a)]", "r = {x for x in 'aab'} == {'a', 'b'}",
 "try:\n    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\nexcept* ValueError as e:\n    r = [type(x).__name__ for x in e.exceptions]\nexcept* TypeError:\n    pass",
 "r = []\ntry:\n    raise ExceptionGroup('g', [ValueError(1), KeyError(2)])\nexcept* (ValueError, KeyError) as e:\n    r.append(len(e.exceptions))",
 "r = []\ntry:\n    try:\n        raise ExceptionGroup('g', [ValueError(1), OSError(2)])\n    except* ValueError:\n        r.append('v')\nexcept* OSError as e:\n    r.append(type(e).__name__)",
 "try:\n    raise ValueError(1)\nexcept* ValueError as e:\n    r = type(e).__name__",
 "eg = ExceptionGroup('x', [ValueError(1), ValueError(2), TypeError(3)])\nm, rest = eg.split(ValueError)\nr = (len(m.exceptions), len(rest.exceptions))",
 "eg = BaseExceptionGroup('x', [ValueError(1)])\nr = type(eg).__name__",
 "eg = ExceptionGroup('x', [ValueError(1), ExceptionGroup('y', [TypeError(2)])])\nr = eg.subgroup(lambda e: isinstance(e, TypeError)).exceptions[0].exceptions[0].args",
 "try:\n    raise ValueError\nexcept (ValueError, TypeError):\n    r = 1",
 "try:\n    raise ValueError\nexcept ValueError, TypeError:\n    r = 2",
 "def f():\n    try:\n        return 1\n    finally:\n        r.append(2)\nr = []\nr.append(f())",
 "r = 0\nfor i in range(3):\n    try:\n        continue\n    finally:\n        r += 1",
 "def f(x):\n    match x:\n        case [1, *rest]: return rest\n        case {'a': a, **kw}: return a, kw\n        case str() | bytes(): return 'sb'\n        case _: return None\nr = (f([1,2,3]), f({'a':1,'b':2}), f(b'x'), f(5))",
 "def f(x):\n    match x:\n        case (1 | 2) as n if n > 1: return n\n        case int(n): return -n\nr = (f(2), f(1))",
 "class P:\n    __match_args__ = ('x', 'y')\n    def __init__(s, x, y): s.x, s.y = x, y\nmatch P(1, 2):\n    case P(a, y=b): r = (a, b)",
 "match 1.0:\n    case 1: r = 'int-eq'",
 "match -1:\n    case -1: r = 'neg'",
 "match 1+2j:\n    case 1+2j: r = 'cplx'",
 "import enum\nclass E(enum.Enum):\n    A = 1\nmatch E.A:\n    case E.A: r = 'A'",
 "match [1, [2, 3]]:\n    case [a, [b, *c]]: r = (a, b, c)",
 "match {'x': None}:\n    case {'x': None}: r = 'none'",
 "match = 1\ncase = 2\nr = match + case", "type = 5\nr = type", "_ = 1\nr = _",
 "def f[T](x: T) -> T: return x\nr = f.__type_params__[0].__name__",
 "type A[T] = list[T]\nr = A.__value__", "class C[T]: pass\nr = C.__type_params__",
 "def f[T = int](): pass\nr = f.__type_params__[0].__default__",
 "def f(a, b=2, /, c=3, *d, e, f=6, **g): return a,b,c,d,e,f,g\nr = f(1, e=5)",
 "def f(x: 'int') -> 'str': pass\nr = f.__annotations__",
 "def f(x: undefined_name): pass\nimport annotationlib\nr = annotationlib.get_annotations(f, format=annotationlib.Format.FORWARDREF)['x'].__forward_arg__",
 "def f(x: undefined_name[int]): pass\nimport annotationlib\nr = annotationlib.get_annotations(f, format=annotationlib.Format.STRING)",
 "class C:\n    a: int\n    b: 'str' = 'x'\nr = C.__annotations__",
 "class C:\n    a: int\nr = callable(C.__annotate__)",
 "def f(x: int): pass\nr = f.__annotate__(1)",
 "x: int = 5\nr = __annotations__ if '__annotations__' in dir() else 'lazy'",
 "lazy import json\nr = 'json' in globals()",
 "lazy import json as j\nr = j.dumps([1])",
 "lazy from os import path\nr = path.join('a', 'b')",
 "r = __debug__", "r = (1).__class__.__name__", "r = 1 .real", "r = 1_000_000", "r = 0x_ff", "r = 1e1_0",
 "r = 0b1_0", "r = 1if 1else 2", "r = [1,2][0]if 1else 3", "r = not-1", "r = 2**-1", "r = -2**2",
 "r = 1 < 2 < 3 > 2", "r = 'a' 'b' \\\n 'c'", "r = (1,)", "r = ()", "r = (yield_ := 3)", "r = {**{}}",
 "r = [] == [] is not None", "r = ...", "r = Ellipsis is ...", "r = __name__", "r = b'\\x00' b'a'",
 "if True: r = 1; r += 1", "while False: pass\nelse: r = 'else'", "for _ in (): pass\nelse: r = 'e'",
 "with open(__import__('os').devnull) as a, open(__import__('os').devnull) as b: r = (a.closed, b.closed)",
 "import os\nwith (open(os.devnull) as a,\n      open(os.devnull) as b,):\n    r = 2",
 "r = (\n  1 +\n  2\n)", "r = [\n 1,\n # comment\n 2,\n]", "def f(\n    a,\n    b,\n): return a+b\nr = f(1, 2)",
 "r = 1; del r; r = 2", "global g_x\ng_x = 1\nr = g_x", "async def f(): return [x async for x in g()]\nr = f.__name__",
 "async def f():\n    async with x as y: pass\nr = 1", "r = eval('1 + 2')", "exec('q = 3'); r = 3",
]
for n, src in enumerate(SNIPPETS):
    ns = {}
    try:
        exec(compile(src, f"<s{n}>", "exec"), ns)
        r = ns.get('r', '<no r>')
        if hasattr(r, '__next__') or type(r).__name__ in ('function',):
            r = type(r).__name__
        print(n, repr(r))
    except BaseException as e:
        print(n, "EXC", type(e).__name__, e)
print(len(SNIPPETS), "snippets")
