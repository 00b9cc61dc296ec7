# Compile-time errors of patterns, global/nonlocal and __debug__, with
# CPython 3.15's messages and locations (the codegen and symtable report
# them at the offending pattern, keyword, parameter or statement).
# Expected output: CPython 3.11 where it agrees; 3.12+ locations (the
# node's own span) and 3.12+ syntax (type parameters) from the docs.
import warnings
warnings.simplefilter("ignore")
CASES = [
 'match x:\n    case a | b:\n        pass\n',
 'match x:\n    case x:\n        pass\n    case 1:\n        pass\n',
 'match x:\n    case _:\n        pass\n    case 1:\n        pass\n',
 'match x:\n    case [a, a]:\n        pass\n',
 'match x:\n    case {"a": 1, "a": 2}:\n        pass\n',
 'match x:\n    case C(x=1, x=2):\n        pass\n',
 'match x:\n    case 1 | a:\n        pass\n',
 'match x:\n    case {**rest, "a": 1}:\n        pass\n',
 'match x:\n    case (a as b) | c:\n        pass\n',
 'match x:\n    case [a, b] | [b, c]:\n        pass\n',
 'match x:\n    case [a, b] | [b, a]:\n        pass\n',
 'match x:\n    case _ | 1:\n        pass\n',
 'match x:\n    case 1 | _:\n        pass\n',
 'match x:\n    case [*a, *b]:\n        pass\n',
 'match x:\n    case a as a:\n        pass\n',
 'match x:\n    case {1: a, 2: a}:\n        pass\n',
 'match x:\n    case {1: 1, **a}:\n        pass\n',
 'match x:\n    case {**_}:\n        pass\n',
 'match x:\n    case C(a, a):\n        pass\n',
 'match x:\n    case C(x=a, y=a):\n        pass\n',
 'match x:\n    case f():\n        pass\n',
 'match x:\n    case 1 + 1:\n        pass\n',
 'match x:\n    case -x:\n        pass\n',
 'match x:\n    case 1 + 2j:\n        pass\n',
 'match x:\n    case a.b():\n        pass\n',
 'match x:\n    case C(x=1, 2):\n        pass\n',
 'match x:\n    case [a, b] as c:\n        pass\n',
 'match x:\n    case 1 as _:\n        pass\n',
 'match x:\n    case 1 as 2:\n        pass\n',
 'match x:\n    case 1 as a.b:\n        pass\n',
 'match x:\n    case {f(): 1}:\n        pass\n',
 'match x:\n    case {x: 1}:\n        pass\n',
 'match x:\n    case *a:\n        pass\n',
 'match x:\n    case x if x:\n        pass\n    case 1:\n        pass\n',
 'match x:\n    case (x):\n        pass\n    case 1:\n        pass\n',
 'match x:\n    case x | y | z:\n        pass\n',
 'match x:\n    case {"a": 1, **rest, **r2}:\n        pass\n',
 'match x:\n    case {0: 1, 0.0: 2}:\n        pass\n',
 'match x:\n    case {-0: 1, 0: 2}:\n        pass\n',
 'match x:\n    case {a.b: 1, a.b: 2}:\n        pass\n',
 'match x:\n    case {None: 1, None: 2}:\n        pass\n',
 'match x:\n    case __debug__:\n        pass\n',
 'match x:\n    case [__debug__]:\n        pass\n',
 'def f():\n    nonlocal x\n',
 'def f(x):\n    nonlocal x\n',
 'def f():\n    x = 1\n    def g(x):\n        nonlocal x\n',
 'def f():\n    x = 1\n    global x\n',
 'def f():\n    print(x)\n    global x\n',
 'def f():\n    x: int\n    global x\n',
 'def f():\n    global x\n    x: int = 1\n',
 'def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n',
 'def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n',
 'def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n',
 'def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n',
 'def f(x):\n    global x\n',
 'class C:\n    nonlocal x\n',
 'def f():\n    def g():\n        nonlocal x\n    x = 1\n',
 'def f():\n    class C:\n        nonlocal x\n',
 'def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2\n',
 'def f():\n    del x\n    global x\n',
 'def f():\n    for x in y: pass\n    global x\n',
 'def f():\n    import x\n    global x\n',
 'def f():\n    [x for y in z]\n    global x\n',
 'def f():\n    global x\n    global x\n',
 'def f():\n    x = 1\n    def g():\n        nonlocal x, x\n',
 'f(__debug__=1)\n',
 'def f(__debug__): pass\n',
 'def f(*, __debug__): pass\n',
 'def f(*__debug__): pass\n',
 'def f(**__debug__): pass\n',
 'lambda __debug__: 1\n',
 '__debug__ = 1\n',
 'del __debug__\n',
 'obj.__debug__ = 1\n',
 'del obj.__debug__\n',
 '__debug__ += 1\n',
 '__debug__: int\n',
 '(__debug__ := 1)\n',
 'for __debug__ in x: pass\n',
 'with a as __debug__: pass\n',
 'import __debug__\n',
 'import a as __debug__\n',
 'from a import __debug__\n',
 'from a import b as __debug__\n',
 'class __debug__: pass\n',
 'def __debug__(): pass\n',
 'try:\n    pass\nexcept E as __debug__:\n    pass\n',
 '[__debug__ for __debug__ in x]\n',
 'a, __debug__ = 1, 2\n',
 'obj.__debug__ += 1\n',
 'print(obj.__debug__)\n',
 'f(**{"__debug__": 1})\n',
 'def f[__debug__](): pass\n',
 'type __debug__ = int\n',
 'global __debug__\n',
]


def show(number, source):
    try:
        compile(source, "<case>", "exec")
    except SyntaxError as e:
        print(f"{number:3d} {type(e).__name__}: {e.msg} "
              f"({e.lineno}, {e.offset}, {e.end_lineno}, {e.end_offset})")
    else:
        print(f"{number:3d} compiled")


for number, source in enumerate(CASES):
    show(number, source)


# Name bindings of alternatives may come in any order; the bound names
# are the same whichever alternative matched.
def classify(subject):
    match subject:
        case [a, b] | (b, a, 0):
            return ("pair", a, b)
        case {"k": v, **rest} if rest:
            return ("map+", v, sorted(rest))
        case {"k": v}:
            return ("map", v)
        case _:
            return ("other",)


print(classify([1, 2]), classify((3, 4, 0)), classify({"k": 1, "z": 2}),
      classify({"k": 5}), classify(7))
print(len(CASES), "cases")
