# codeop.compile_command: complete (code), incomplete (None) and invalid
# (SyntaxError) input; code.InteractiveConsole running buffered input.
import codeop
import code
import sys

SOURCES = ["x = 1", "if x:", "if x:\n  y=1", "if x:\n  y=1\n", "x = (",
           "x = )", "def f():\n  return 1\n\n", "'''abc", "@dec",
           "a = [1,\n2", "", "# comment", "x = (1,\n  2)", "if 1: pass",
           "1 +* 2", "for i in x:\n  pass\n", "match = 3", "print(1)"]
for src in SOURCES:
    try:
        result = codeop.compile_command(src)
        print(repr(src), "None" if result is None else type(result).__name__)
    except SyntaxError as exc:
        print(repr(src), "SyntaxError", exc.msg)

print(codeop.compile_command("1 + 2", symbol="eval") is not None)
print(codeop.compile_command("(1 +", symbol="eval"))
compiler = codeop.CommandCompiler()
print(type(compiler("y = 2", "<x>", "exec")).__name__)
namespace = {}
exec(code.compile_command("z = 5"), namespace)
print("z", namespace["z"])

lines = iter(["x = 6", "def f(n):", "    return n * x", "", "f(7)", "1/0",
              "x = )", "for i in range(2):", "  print(i)", "",
              "print(__name__)"])


def read(prompt):
    print(prompt, end="")
    try:
        return next(lines)
    except StopIteration:
        raise EOFError


console = code.InteractiveConsole()
console.write = sys.stdout.write
console.raw_input = read
console.interact(banner="hi", exitmsg="bye")

interp = code.InteractiveInterpreter({"__name__": "t"})
print(interp.runsource("if True:"), interp.runsource("q = 1"),
      interp.locals["q"])
