# Compile-time SyntaxWarnings for code that cannot work as written, and
# the SyntaxError they become under an 'error' filter.
import warnings

def warnings_for(src):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(src, "<src>", "exec")
    return [(w.category.__name__, str(w.message), w.lineno) for w in caught]

sources = [
    "1()",
    "'a'()",
    "(1, 2)(3)",
    "[1, 2](3)",
    "{1: 2}(3)",
    "{1}()",
    "None()",
    "[x for x in y]()",
    "f'{x}'()",
    "[1][1.5]",
    "x = [1, 2] [3, 4]",
    "'abc'[1, 2]",
    "(1, 2)['a']",
    "(x for x in y)[0]",
    "{1}[0]",
    "1.0[0]",
    "None[0]",
    "(lambda: 1)[0]",
    "\n\nx = 5 [0]",
    # no warning: these can work
    "f()",
    "x[1]",
    "[1][0]",
    "'abc'[1:2]",
    "(1, 2)[x]",
    "{'a': 1}['a']",
    "[1][1.5] = 2",
    "1 is 1",
    "x is not 'a'",
    "x is None",
    "x is ...",
]
for src in sources:
    print(repr(src), warnings_for(src))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ["x = 1\ny = 2()", "[1][1.5]", "x is 1"]:
        try:
            compile(src, "<err>", "exec")
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno, e.offset)
