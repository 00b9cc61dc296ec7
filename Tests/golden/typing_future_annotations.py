# from __future__ import annotations: annotations are kept as source text,
# in the canonical spelling (normalised spacing, minimal parentheses), and
# are never evaluated.
from __future__ import annotations

def f(a: List[ int ], b: "quoted" = 3, *args: tuple[int, ...],
      c: undefined.name, **kw: dict[str, int | None]) -> Callable[[int], str]:
    pass

for key, value in f.__annotations__.items():
    print(f"{key}: {value!r}")

def g(x: (int, str), y: (), z: (int,), s: x[1:2, ::3, :], t: x[a:b:c]): pass
print(g.__annotations__)

def h(a: lambda: 0, b: lambda a, /, b=1, *c, d, e=2, **f: (a if b else c),
      c: lambda *, k: k): pass
print(h.__annotations__)

def i(a: {1: 2, **d}, b: {1, 2}, c: [*a, b], d: f(x for x in y),
      e: g(a, *b, k=1, **c), f: [x for x in y if x], g: {k: v for k, v in z},
      h: {x async for x in y}): pass
print(i.__annotations__)

def j(a: -x ** -y + (a - b) - (c - d) * e ** f ** g,
      b: (a + b) * c, c: a + b * c, d: (a ** b) ** c, e: a ** (b ** c),
      f: ~a | b & c ^ d << e >> f, g: a @ b // c % d / e): pass
print(j.__annotations__)

def k(a: not a and (b or c) or d, b: a < b <= c is not d in e not in f,
      c: (a < b) < c, d: a if b else (c if d else e), e: (a if b else c) if d else e,
      f: not (a < b), g: (not a) < b): pass
print(k.__annotations__)

def m(a: 1 .real, b: 1.5 .real, c: 1e400, d: -1e400, e: ..., f: None,
      g: b'x', h: u'x', i: 'it\'s', j: 2j, k: 0x10, l: True): pass
print(m.__annotations__)

def n(a: f"a{b!r:>{w}}{{c}} {x}", b: f"{ {1: 2}[1]}", c: f"{x=}"): pass
print(n.__annotations__)

def o(d: a.b.c[d](e).f, e: a[b][c], f: (a.b)(c)): pass
print(o.__annotations__)

# Names in annotations are not looked up: these would fail if evaluated.
x: UndefinedName
y: also.undefined[1] = 5

class C:
    attr: C
    other: list[C] = []
    def method(self, other: C) -> C: ...

print(C.method.__annotations__)
print(y, C.other)
