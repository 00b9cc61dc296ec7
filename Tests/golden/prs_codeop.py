# codeop and the two compile() flags it relies on: PyCF_ALLOW_INCOMPLETE_INPUT
# (input cut short raises _IncompleteInputError, a SyntaxError) and
# PyCF_DONT_IMPLY_DEDENT (a block left open at the end of a source without
# its final newline stays open in 'single' mode).
import code
import codeop

ALLOW = codeop.PyCF_ALLOW_INCOMPLETE_INPUT
NO_DEDENT = codeop.PyCF_DONT_IMPLY_DEDENT
print(hex(ALLOW), hex(NO_DEDENT))
print(issubclass(_IncompleteInputError, SyntaxError))

def try_compile(source, flags):
    try:
        compile(source, "<s>", "single", flags)
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg}"
    return "complete"

for source in ["if x:", "if x:\n", "if x:\n  pass", "if x:\n  pass\n",
               "x = (1,", "x = 1", "x = 1 +\n", "s = '''abc", "@dec",
               "def f():\n  if y:\n    return 1", "try:\n  pass",
               "for x in y:\n  pass\nelse:\n  pass", "1 2\n"]:
    print(repr(source))
    for flags in (0, ALLOW, NO_DEDENT, ALLOW | NO_DEDENT):
        print("   ", hex(flags), try_compile(source, flags))

def command(source, symbol="single"):
    try:
        result = codeop.compile_command(source, "<input>", symbol)
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg}"
    return "incomplete" if result is None else type(result).__name__

for source in ["", "# just a comment", "x = 1", "if x:", "if x:\n  pass",
               "if x:\n  pass\n", "if x:\n  pass\n\n", "x = (", "x = (1,\n 2)",
               "def f(:", "x = 1 +", "a = '''", "@d", "class A:\n  pass\n",
               "if 1:\n  x\n y", "while True:\n  pass\nelse:", "1 2",
               "print 'x'", "x = [i for i in", "lambda x:", "if 1: pass",
               "def f(): return 1", "for x in y: pass\n"]:
    print(repr(source), command(source))
print(repr("1 +"), command("1 +", "eval"), command("1 + 2", "eval"))

compiler = codeop.CommandCompiler()
print(compiler("from __future__ import annotations") is not None)
print(bool(compiler.compiler.flags & __import__("__future__").annotations.compiler_flag))

console = code.InteractiveConsole({})
for line in ["total = 0", "for i in range(4):", "    total += i", "",
             "if total:", "    result = total * 2", "", "(1,", " 2)"]:
    print(repr(line), console.push(line))
print(console.locals["total"], console.locals["result"])
