# pydoc: help() on functions, classes, methods and modules.
import sys
import os
import pydoc


class Base:
    pass


class A(Base):
    """Doc of A.

    More."""
    x = 1

    def __init__(self, v):
        self.v = v

    def meth(self, a, *args, k=3, **kw) -> int:
        """Meth doc."""

    @staticmethod
    def s(q):
        pass

    @classmethod
    def c(cls):
        "cm doc"

    @property
    def p(self):
        "prop doc"


def f(a, b: int = 2, /, c=None, *, d, e='x') -> str:
    """Function doc.

    Second para."""


def g(*args, **kwargs):
    pass


help(f)
help(g)
help(A)
help(A.meth)
help(A(1).meth)
help(len)
help("nonexistent_thing_xyz")

base = f"/tmp/weft_pydoc_{os.getpid()}"
os.mkdir(base)
with open(base + "/pydoc_demo_mod.py", "w") as out:
    out.write('''"""Summary line.

Longer description
here.
"""
X = 42
NAME = 'weft'
class Alpha:
    """Alpha doc."""
    def run(self, n=1):
        """Run n times."""
class Beta(Alpha):
    pass
def helper(a, *, flag=False):
    """Help with a."""
def _private(): pass
''')
sys.path.insert(0, base)
import pydoc_demo_mod
text = pydoc.render_doc(pydoc_demo_mod, "Help on %s:")
print(text.replace(base, "BASE"))
help("pydoc_demo_mod.helper")
print(pydoc.describe(pydoc_demo_mod), "|", pydoc.describe(f), "|",
      pydoc.describe(A), "|", pydoc.describe(len))
print(pydoc.getdoc(A))
print(pydoc.locate("pydoc_demo_mod.Alpha.run") is pydoc_demo_mod.Alpha.run)
os.unlink(base + "/pydoc_demo_mod.py")
# The import may have written a bytecode cache next to the module.
cache = base + "/__pycache__"
if os.path.isdir(cache):
    for name in os.listdir(cache):
        os.unlink(cache + "/" + name)
    os.rmdir(cache)
os.rmdir(base)
