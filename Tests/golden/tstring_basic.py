# PEP 750 template strings: what t-string literals evaluate to.
from string.templatelib import Template, Interpolation

name = "World"
t = t"Hello {name}!"
print(type(t).__name__, type(t).__module__)
print(t)
print(t.strings)
print(t.interpolations)
print(t.values)

# Empty strings are kept in .strings: there is always one more string than
# interpolations, even when interpolations are adjacent or at the ends.
a, b = 1, 2
t = t"{a}{b}"
print(t.strings, t.values)
print(t"".strings, t"".interpolations, t"".values)
print(t"plain".strings)

# Conversions, format specs (also nested ones) and the debug form.
x = 3.14159
w = 8
t = t"{x!r} {x!s:>{w}} {x:.2f} {x!a}"
for i in t.interpolations:
    print(repr(i.value), repr(i.expression), repr(i.conversion), repr(i.format_spec))
t = t"{x=}"
print(t.strings, t.interpolations[0].conversion)
t = t"{x=:.1f}"
print(t.strings, t.interpolations[0].expression, t.interpolations[0].conversion,
      t.interpolations[0].format_spec)

# The expression text is the source between the braces.
t = t"{ a + b}"
print(repr(t.interpolations[0].expression), t.values)

# Iteration yields the non-empty strings and the interpolations in order.
t = t"{a}-{b}{a}"
print(list(t))
for part in t"x{a}y":
    print(type(part).__name__, part if isinstance(part, str) else part.value)

# Implicit concatenation of t-string literals, and + between templates.
t = t"a{a}" t"b{b}"
print(t)
t = t"{a}" + t"mid" + t"{b}end"
print(t.strings, t.values)

# A template is not a str: + with str fails both ways.
for f in (lambda: t"a" + "b", lambda: "b" + t"a"):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

# Values are evaluated once, eagerly, left to right.
log = []
def v(n):
    log.append(n)
    return n
t = t"{v(1)}{v(2):{v(3)}}"
print(log, t.values, t.interpolations[1].format_spec)

# Templates are immutable.
try:
    t.strings = ()
except AttributeError as e:
    print("AttributeError")

# Rendering a template like an f-string would.
def render(template):
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        else:
            value = part.value
            if part.conversion == "r":
                value = repr(value)
            elif part.conversion == "s":
                value = str(value)
            elif part.conversion == "a":
                value = ascii(value)
            out.append(format(value, part.format_spec))
    return "".join(out)

price = 9.5
item = "café"
print(render(t"{item!a}: {price:6.2f} ({item!r})"))
print(f"{item!a}: {price:6.2f} ({item!r})")
