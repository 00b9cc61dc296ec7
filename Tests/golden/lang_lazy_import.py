import sys
lazy import lazy_pkg.sub.leaf
lazy import lazy_pkg.sub.leaf as leaf2
lazy from lazy_pkg.sub.leaf import VALUE
lazy import missing_module
lazy from lazy_pkg import nothing_here
print("declared")
print(repr(globals()["leaf2"]), repr(globals()["VALUE"]), repr(globals()["missing_module"]))
print(VALUE)
print(type(globals()["VALUE"]).__name__, type(globals()["lazy_pkg"]).__name__)
print(lazy_pkg.sub.leaf.VALUE, leaf2.VALUE, type(globals()["lazy_pkg"]).__name__)
import lazy_pkg.helper
print(lazy_pkg.helper.get())
import lazy_pkg.holder
print(type(lazy_pkg.holder.__dict__["leafmod"]).__name__, lazy_pkg.holder.leafmod.VALUE, type(lazy_pkg.holder.__dict__["leafmod"]).__name__)
print(sys.get_lazy_imports(), sys.get_lazy_imports_filter())
lazy import lazy_pkg.sibling as s2
print(globals()["s2"].resolve().NAME)
try:
    missing_module.x
except ModuleNotFoundError as e:
    print("MNFE", e, "| cause:", e.__cause__, e.__cause__.__traceback__.tb_lineno)
try:
    nothing_here
except ImportError as e:
    print(type(e).__name__, e.name, e.name_from, "|", e.__cause__)
for src in ["def f():\n    lazy import os", "class A:\n    lazy from os import path", "try:\n    lazy import os\nexcept ImportError:\n    pass", "try:\n    pass\nfinally:\n    lazy import os"]:
    try: compile(src, "<s>", "exec")
    except SyntaxError as e: print("SyntaxError:", e.msg, e.lineno)
compile("with open('x') as f:\n    lazy import os\nif 1:\n    lazy import os", "<s>", "exec"); print("with/if ok")
try: sys.set_lazy_imports("sometimes")
except ValueError as e: print("ValueError", e)
seen = []
sys.set_lazy_imports_filter(lambda importer, name, fromlist: seen.append((importer, name, fromlist)) or name != "lazy_pkg.sibling")
lazy import lazy_pkg.sibling as s3
lazy import lazy_pkg.sub as s4
print(type(globals()["s3"]).__name__, type(globals()["s4"]).__name__, seen)
sys.set_lazy_imports_filter(None)
sys.set_lazy_imports("none")
lazy import lazy_pkg.sibling as eager
print(type(globals()["eager"]).__name__, sys.get_lazy_imports())
sys.set_lazy_imports("normal")
lazy = "still a name"
print(lazy)
