# SyntaxError messages and locations via compile(); a tokenizer error found
# after the parser's error (an unclosed bracket) takes precedence.
# (The text is printed without its newline: 3.11 drops it when the error
# comes from tokenizing past the parser's error; the 3.15 parser tests keep it.)
sources = [
    "x = {1: 2,\n 3 4}\n", "{1: 2, 3}\n", "{1: *a}\n", "{1:}\n", "{1: 2, 3:}\n", "{1 2}\n", "{a: 1, b}\n", "{**a, b}\n", "{1: 2, **b, 3: *c}\n",
    "x = (1,\ny = 2\n", "foo(\nif x: pass\n", "x = [1,\n  2 3\n",
    "x = (1 2)\n", "def f(:\n  pass\n", "print 'x'\n", "if x\n  pass\n",
    "x = 1 +\n", "a = [1, 2\n", "f(x for x in y, 1)\n", "x := 1\n", "  x = 1\n",
    "for x in range(3):\n    pass\n  y = 1\n", "s = 'abc\n", "x = 5 5\n", "True = 1\n",
    "f() = 1\n", "del f()\n", "a, b += 1\n", "0777\n", "nonlocal x\n",
    "return 5\n", "break\n", "class C:\n    return\n", "import\n", "def f(a, a): pass\n",
    "f(a=1, a=2)\n", "f(**k, *a)\n", "x = )\n", "x = (]\n", "'''abc\n", "a = 1 if b\n",
    "print(1,, 2)\n", "def f():\n    yield = 3\n", "x = [i for i in]\n", "else: pass\n",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text and e.text.rstrip("\n")))
for src in ["x = (1\n", "x = (1,\ny = 2", "foo(\n\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, repr(e.text and e.text.rstrip("\n")), e.end_lineno, e.end_offset)
