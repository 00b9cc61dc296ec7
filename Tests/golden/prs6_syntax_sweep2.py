# A second sweep of invalid programs: missing colons and commas, bad
# parameter lists, call arguments, comprehension forms, literals and
# escapes, misplaced keywords, yield/await/async misuse, string prefix
# mixes.  Expected output: CPython 3.11 where 3.15 says the same; the
# 3.12+ parameter-default message and PEP 798's unpacking in
# comprehensions (3.15) from the documentation.
import warnings

warnings.simplefilter("ignore")
CASES = [
 "for x y:\n    pass\n", "def f(a b): pass\n", "import a.b.c as\n", "x = 1 if True\n", "f(a=1 for x in y)\n",
 "with a as b c:\n    pass\n", "class A(metaclass=M, x): pass\n", "[x, y for x in z]\n", "{x, y for x in z}\n",
 "(x, y for x in z)\n", "{x: y, z for x in w}\n", "if x == 1 and:\n    pass\n", "del x + 1\n", "del (x for x in y)\n",
 "(a, b) += 1\n", "[a] += 1\n", "async lambda: 1\n", "async x = 1\n", "class C:\n    nonlocal x\n",
 "€ = 1\n", "x = 1 \u2018a\u2019\n", "x = 0777\n", "x = 00\n", "x = 1__2\n", "x = 0b\n", "x = 0x_\n", "x = 1.0j5\n",
 "x = '\\N'\n", "x = '\\x1'\n", "x = b'\\x1'\n", "x = '\\U1234'\n", "x = \"\"\"abc\n", "x = 'abc\n", "x = 'a\\\n",
 "x = (\n", "if 1:\n  a\n    b\n", "else:\n    pass\n", "elif x:\n    pass\n", "case 1:\n    pass\n",
 "match x:\n    pass\n", "match x:\n", "match x:\n    case 1:\n", "except:\n    pass\n", "finally:\n    pass\n",
 "x = [1, 2, 3,, 4]\n", "f(,)\n", "f(a,,)\n", "x = {1: 2,, 3: 4}\n", "x = (,)\n", "print(1,,2)\n",
 "def f(*args, *, a): pass\n", "def f(a, *, *b): pass\n", "def f(**a, **b): pass\n", "def f(**a, *b): pass\n",
 "def f(*a, **b, c): pass\n", "def f(a, /, b, /): pass\n", "def f(a, *b, /): pass\n", "def f(/, a): pass\n",
 "def f(a=1, /, b, c=2): pass\n", "def f(*, a, /): pass\n", "lambda x, *y, **z, w: 1\n", "def f(a, b=1 c): pass\n",
 "x = not\n", "x = 1 +* 2\n", "x = a b c d\n", "x = 1 2\n", "x y\n", "1 2\n", "x = (a b)\n", "x = [a b]\n",
 "f(a b)\n", "f(a, b c)\n", "x = {a b}\n", "x = {a: b c}\n", "x = a.1\n", "x = a.\n", "x = .a\n", "x = a..b\n",
 "import a..b\n", "import .a\n", "from .a import (b\n", "from a import b,\n", "from a import (b,\n", "import a,\n",
 "global x,\n", "x: int = 1 = 2\n", "x = y: int\n", "def f(): -> int\n", "def f() -> int\n    pass\n",
 "class C\n", "class C(:\n    pass\n", "class C():\nx = 1\n", "def f()\n", "while True\n    pass\n",
 "for x in range(10)\n    pass\n", "if True\n", "try\n", "with open(x) as f\n    pass\n",
 "x = yield\n", "yield x = 1\n", "await = 1\n", "async = 1\n", "def async(): pass\n", "class await: pass\n",
 "x = 1 if 2 else\n", "x = lambda: yield\n", "x = lambda: *a\n", "x = lambda: **a\n", "f(**a=1)\n", "f(*a=1)\n",
 "f(a=*b)\n", "f(a, *)\n", "f(x=1, *y, z)\n", "f(*a, **b, *c)\n", "f(1 for x in y for)\n", "f(x for x in)\n",
 "[x for x in]\n", "[x for in y]\n", "[for x in y]\n", "[x for x in y if]\n", "[x if y for x in z]\n",
 "[x for x in y else z]\n", "x = [i for i in range(3)][::]\n", "x[::2::] = 1\n", "x[1:2, ::3, ...] = 0\n",
 "x = {**a for a in b}\n", "x = [**a for a in b]\n", "x = [*a for a in b]\n", "x = {*a for a in b}\n", "x = (*a for a in b)\n",
 "x = {a: b for a, b in c if}\n", "d = {1:2, **x, 3}\n", "d = {1, **x}\n", "s = {*x, 1: 2}\n",
 "a = b = c += 1\n", "a += b += 1\n", "a += yield\n", "a, = 1,\n", "(a) = 1\n", "((a)) = 1\n", "[(a)] = 1\n",
 "x = (yield from)\n", "def f():\n    yield from\n", "def f():\n    x = yield from y, z\n", "def f():\n    yield = 1\n",
 "def f():\n    return yield\n", "def f():\n    return *a, *b\n", "def f():\n    return *a\n",
 "def f():\n    global x\n    x: int\n", "def f():\n    nonlocal __class__\n", "class C:\n    global __class__\n",
 "x = \"\\N{LATIN SMALL LETTER A}\"\n", "x = '\\N{LATIN SMALL LETTER QQ}'\n", "x = b'\\N{LATIN SMALL LETTER A}'\n",
 "try:\n    pass\nexcept E as (e):\n    pass\n", "try:\n    pass\nexcept E as e x:\n    pass\n",
 "try:\n    pass\nexcept* E as a.b:\n    pass\n",
 "with (a as b, c as d,) as e:\n    pass\n", "with (a as b) x:\n    pass\n", "with (a as b)\n    pass\n",
 "with (a, b)\n    pass\n",
 "a not b\n", "x = a not b\n", "a not\n", "if a not b: pass\n", "not\n",
 "class C(x for x in y): pass\n", "class C(a, x for x in y): pass\n", "class C(a, x for x in y, z): pass\n",
 "@x\n", "@x", "@x\n\n", "x = 1\n@x\n", "class\n", "x =", "for x in\n",
 "x = b'\u00e9'\n", "x = 'a' 'b' b'c'\n", "x = rb'\\x' 'a'\n", "x = u'a' b'b'\n", "x = ur'a'\n", "x = bu'a'\n",
]
for number, src in enumerate(CASES):
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(f"{number:3d} {type(e).__name__}: {e.msg} ({e.lineno}, {e.offset}, {e.end_lineno}, {e.end_offset})")
    else:
        print(f"{number:3d} compiled")
print(len(CASES), "cases")
