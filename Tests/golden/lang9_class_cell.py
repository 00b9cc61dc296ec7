# The implicit __class__ cell of zero-argument super(): filled before a
# metaclass mro() runs, an error when a metaclass drops __classcell__,
# and the class-body name __class__ kept apart from the cell.

seen = []
class Meta(type):
    def mro(cls):
        cls.__dict__["f"]()
        return super().mro()

class A(metaclass=Meta):
    def f():
        seen.append(__class__)
print(seen == [A])

class Dropper(type):
    def __new__(mcls, name, bases, ns):
        ns.pop('__classcell__', None)
        return super().__new__(mcls, name, bases, ns)

class Plain(metaclass=Dropper):
    pass
print("plain ok")
try:
    class Broken(metaclass=Dropper):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", e)

class Base:
    def f(self):
        return 'Base'
class Shadow(Base):
    def f(self):
        return super().f()
    __class__ = 413
s = Shadow()
print(s.f(), s.__class__)

class Outer:
    def method(self):
        class Inner:
            x = __class__
            def f():
                __class__
        return Inner.x
print(Outer().method() is Outer)

try:
    exec("class X:\n    __class__\n    def f():\n        __class__", {}, {})
except NameError as e:
    print(type(e).__name__)

# Annotated parenthesized names bind nothing without a value.
def annotated():
    (no_such_global): int
    return no_such_global
try:
    annotated()
except NameError as e:
    print(type(e).__name__, e)
def annotated_value():
    (y): int = 3
    return y
print(annotated_value())

# Assignment expressions against comprehension iteration variables.
for src in ["[i for i in range(5) if (j := 0) for j in range(5)]",
            "{i for i in range(5) if (j := 0) for j, k in [(0, 1)]}",
            "[i for i in (lambda: (j := range(5)))()]",
            "[i for i in [j for j in range(5) if (j := True)]]",
            "[i for i in [(j := True) for j in range(5)]]",
            "[i for i in range(5) if (j := i) for k in range(j)]",
            "[(lambda: (y := 1))() for x in range(3)]"]:
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
