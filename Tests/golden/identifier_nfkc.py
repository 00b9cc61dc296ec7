# PEP 3131: non-ASCII identifiers are normalized to NFKC when parsed, so a
# full-width or compatibility spelling names the same variable, attribute,
# keyword argument or imported name as its ASCII form.
import ast


class Box:
    width = 3


box = Box()
source = "\n".join([
    "print(box.\uff57\uff49\uff44\uff54\uff48)",
    "\uff46\uff4f\uff4f = 5",
    "print(foo)",
    "def f(\uff4b=1):",
    "    return k",
    "print(f(k=2))",
    "from os import \uff50\uff41\uff54\uff48",
    "print(path.__name__ in ('posixpath', 'ntpath'))",
    "\ufb01le = 'ligature fi'",
    "print(file)",
])
exec(source)
tree = ast.parse("x.\uff57idth; \u2168 = 9")
print(ascii(tree.body[0].value.attr), ascii(tree.body[1].targets[0].id))
code = compile("obj.\uff57idth", "<s>", "eval")
print(code.co_names)
try:
    eval("box.\uff57idth_missing")
except AttributeError as error:
    print(ascii(error.name))
