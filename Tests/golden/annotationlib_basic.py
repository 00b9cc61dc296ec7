import annotationlib
from annotationlib import Format, get_annotations, ForwardRef, call_annotate_function
def f(x: int, y: "str", z: Undefined, *args: list[int], **kw: dict) -> Missing.attr[int]: pass
print(list(Format), Format.VALUE, Format.STRING == 4)
try: get_annotations(f)
except NameError as e: print("NameError", e)
print(get_annotations(f, format=Format.STRING))
fr = get_annotations(f, format=Format.FORWARDREF)
print({k: (v.__forward_arg__ if isinstance(v, ForwardRef) else v) for k, v in fr.items()})
print(fr["z"].__forward_arg__, fr["z"] == ForwardRef("Undefined"), repr(ForwardRef("X")))
Undefined = float
print(fr["z"].evaluate())
class C:
    a: int
    b: "C"
print(get_annotations(C), get_annotations(C, eval_str=True))
print(get_annotations(C, format=Format.STRING))
import sys
print(get_annotations(sys), annotationlib.type_repr(int), annotationlib.type_repr(C), annotationlib.annotations_to_string({"a": int, "b": "x"}))
print(ForwardRef("int").evaluate(), ForwardRef("Nope").evaluate(format=Format.FORWARDREF))
def g(a: x + y * 2, b: f(1, k=2), c: -q, d: a.b[c, d]): pass
print(get_annotations(g, format=Format.STRING))
