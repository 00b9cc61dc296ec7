# string.templatelib.Template and Interpolation used directly.
import string.templatelib as tl
from string.templatelib import Template, Interpolation, convert

print(sorted(tl.__all__))
print(Template.__module__, Template.__name__, Interpolation.__name__)
print(Template is type(t""), Interpolation is type(t"{0}".interpolations[0]))

# Interpolation(value, expression='', conversion=None, format_spec='')
i = Interpolation(42)
print(i, i.value, repr(i.expression), i.conversion, repr(i.format_spec))
i = Interpolation("v", "expr", "r", ">10")
print(i)
i = Interpolation(value=[1], expression="e", format_spec="^3")
print(i)
print(Interpolation.__match_args__)

match Interpolation(1, "x", "s", ">3"):
    case Interpolation(value, expression, conversion, format_spec):
        print("matched", value, expression, conversion, format_spec)

for attr in ("value", "expression", "conversion", "format_spec"):
    try:
        setattr(i, attr, None)
    except AttributeError as e:
        print("AttributeError", attr)

def error(f):
    try:
        f()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

error(lambda: Interpolation())
error(lambda: Interpolation("v", 1))
error(lambda: Interpolation("v", "v", 1))
error(lambda: Interpolation("v", "v", "z"))
error(lambda: Interpolation("v", "v", "rr"))
error(lambda: Interpolation("v", "v", None, 1))

# Template(*args): strings and interpolations in any order; adjacent
# strings are joined and missing strings are filled with ''.
print(Template())
print(Template("only"))
print(Template("a", "b", "c"))
i1 = Interpolation(1, "one")
i2 = Interpolation(2, "two")
print(Template(i1, i2))
t = Template("a", i1, "b", "c", i2)
print(t.strings, t.values)
print(list(Template("a", i1, "", i2)))
error(lambda: Template(1))
error(lambda: Template("a", 2.5))
error(lambda: Template(strings=("a",)))

# + concatenates templates, joining the touching strings.
t = Template("x", i1) + Template("y", i2, "z")
print(t)
print((t"" + t"").strings)

# Reconstructing a template through its __reduce__ gives the same parts.
func, args = t.__reduce__()
t2 = func(*args)
print(t2.strings == t.strings, t2.interpolations == t.interpolations)
func, args = i1.__reduce__()
print(func is Interpolation, args)

# convert() applies f-string conversion semantics.
print(convert("é", None), convert("é", "s"), convert("é", "r"), convert("é", "a"))
error(lambda: convert(1, "x"))
