# PEP 649/749 annotations: __annotate__ functions made by the compiler,
# annotationlib.get_annotations in the VALUE, FORWARDREF and STRING
# formats (unknown names, also nested in generic aliases, become
# ForwardRef objects), NotImplementedError for formats the generated
# functions do not implement, module and conditional annotations.
# Expected output written from the 3.14 documentation.
import annotationlib
from annotationlib import Format, get_annotations
import types


class C:
    a: int
    b: "Undefined"
    c: list[Undefined2]
    d: dict[str, list[Undefined3]]


print(get_annotations(C, format=Format.STRING))
refs = get_annotations(C, format=Format.FORWARDREF)
print(refs["a"], repr(refs["b"]))
print(refs["c"].__origin__ is list, type(refs["c"].__args__[0]).__name__,
      refs["c"].__args__[0].__forward_arg__)
inner = refs["d"].__args__[1].__args__[0]
print(type(inner).__name__, inner.__forward_arg__)
try:
    get_annotations(C)
except NameError as e:
    print("NameError:", e)


def f(x: Missing = 1, *args: int, **kw: "str") -> Missing2:
    pass


print(get_annotations(f, format=Format.STRING))
print(annotationlib.call_annotate_function(f.__annotate__, Format.FORWARDREF)["return"])
for fmt in (Format.FORWARDREF, Format.STRING):
    try:
        f.__annotate__(fmt)
    except NotImplementedError:
        print("NotImplementedError for", fmt.name)
f.__annotations__ = {"y": int}
print(f.__annotate__, f.__annotations__)


def g(a: int, b: str = "x"):
    pass


print(g.__annotations__, g.__annotate__(Format.VALUE) == g.__annotations__)
print(get_annotations(lambda: 0))

m = types.ModuleType("m")
exec("x: int\ny: 'str' = 'a'\nz = 3\n", m.__dict__)
print(m.__annotations__, "y" in m.__dict__, "x" in m.__dict__)

ns = {}
exec("import sys\nif sys.maxsize > 0:\n    p: int\nelse:\n    q: str\n"
     "for i in range(0):\n    r: float\n", ns)
print(ns["__annotate__"](Format.VALUE))


class D:
    x: int = 1

    def m(self):
        pass


print(D.__annotations__, get_annotations(D.m))
print(annotationlib.ForwardRef("int").evaluate(),
      annotationlib.ForwardRef("list[int]").evaluate())
print(get_annotations(C, format=Format.VALUE_WITH_FAKE_GLOBALS)
      if False else "skip")
try:
    annotationlib.call_annotate_function(f.__annotate__,
                                         Format.VALUE_WITH_FAKE_GLOBALS)
except ValueError as e:
    print("ValueError:", e)
