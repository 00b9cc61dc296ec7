# The string module: constants, capwords and Formatter (string.Template
# needs re, tested once re exists).
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation)
print(string.printable == string.digits + string.ascii_letters
      + string.punctuation + string.whitespace)
print(sorted(string.__all__))
print(string.capwords("  hello   wide\tworld "), string.capwords("a-b--c", "-"))

f = string.Formatter()
class Point:
    x = 3
    y = [10, 20]
cases = [
    ("{} and {}", ("a", "b"), {}),
    ("{1}{0}{1}", ("a", "b"), {}),
    ("{p.x} {p.y[1]} {p.y[0]!r:>5}", (), {"p": Point}),
    ("{:{}}|{:<{}}|", (1, 4, 2, 3), {}),
    ("{0:{1}.{2}f}", (3.14159, 8, 3), {}),
    ("{{literal}} {0!s} {0!a}", ("é",), {}),
    ("{d[key]} {d[0]}", (), {"d": {"key": 1, 0: 2}}),
    ("{0} {}", (1, 2), {}),
    ("{} {0}", (1, 2), {}),
    ("{0:{1:{2}}}", (1, 2, 3), {}),
    ("{!x}", (1,), {}),
    ("{0.}", (1,), {}),
    ("{0[}", (1,), {}),
    ("{", (), {}),
    ("}", (), {}),
    ("{0!}", (1,), {}),
    ("{0!rr}", (1,), {}),
    ("{missing}", (), {}),
    ("{5}", (1,), {}),
]
for fmt, args, kwargs in cases:
    try:
        print(repr(fmt), "->", repr(f.format(fmt, *args, **kwargs)))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__, e)

print(list(f.parse("a{0}b{{c}}d{x!r:>{w}}e")))
print(list(f.parse("")), list(f.parse("{}")))
print(f.get_field("a.b", (), {"a": Point}) if False else f.get_field("0.x", (Point,), {}))
print(f.vformat("{a}-{b}", (), {"a": 1, "b": 2}))

class Strict(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        unused = set(kwargs) - used
        if unused:
            raise ValueError(f"unused: {sorted(unused)}")
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}>"
        return super().get_value(key, args, kwargs)
    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)
    def format_field(self, value, spec):
        return super().format_field(value, spec) + "."

s = Strict()
print(s.format("{a} {b!u} {0}", 7, a=1, b="x"))
try:
    s.format("{a}", a=1, c=2)
except ValueError as e:
    print("ValueError:", e)
