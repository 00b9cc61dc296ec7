# IndentationError and TabError forms: 'expected an indented block after
# ... on line N', unexpected indent/unindent, mixed tabs and spaces.
# Expected output: CPython 3.11 (3.15 says the same).
C = ["if x:\n", "if x:\n\n", "if x:\n# c\n", "def f():\n\"\"\"doc\"\"\"\n", "class C:\n    def f(self):\n    pass\n",
     "for x in y:\n    pass\nelse:\n", "while x:\n    if y:\n    pass\n", "try:\n    pass\nexcept E:\n", "try:\n    pass\nexcept* E:\n",
     "try:\n    pass\nfinally:\n", "with a:\n", "async def f():\n    async for x in y:\n    pass\n", "async def f():\n    async with a:\n    pass\n",
     "match x:\n    case 1:\n    pass\n", "match x:\ncase 1:\n    pass\n", "if x:\n    a\n   b\n", "if x:\n        a\n    b\n", "  a\n",
     "if x:\n\ta\n        b\n", "if x:\n        a\n\tb\n", "if x:\n    a\n\tb\n", "def f():\n\tif x:\n        \treturn\n",
     "x = 1\n    y = 2\n", "if x:\n    pass\n  else:\n    pass\n", "class C:\npass\n", "@d\ndef f():\nreturn\n", "lambda: (\n1)\n",
     "if True:\n    x = (\n1)\n", "def f():\n    return\n        x\n", "if x:\n    pass\nelif y:\n", "if x:\n    pass\nelse:\n"]
for n, s in enumerate(C):
    try: compile(s, "<s>", "exec"); print(n, "ok")
    except SyntaxError as e: print(n, type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
