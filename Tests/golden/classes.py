class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return super(Dog, self).speak() + " (woof)"
d = Dog.create("rex")
print(d, d.speak(), d.kind, Animal.kind, d.upper, Dog.helper(4), Animal.count)
print(isinstance(d, Animal), issubclass(Dog, Animal), Dog.__mro__, Dog.__name__, Dog.__bases__)
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __str__(self):
        return f"Vec({self.x}, {self.y})"
    def __call__(self, k):
        return self.x * k
v = Vec(1, 2) + Vec(3, 4)
print(v, v == Vec(4, 6), len(v), v[1], list(v), v(10), hasattr(v, "x"), getattr(v, "z", None))
class Base:
    def __init_subclass__(cls, **kw):
        cls.tag = kw.get("tag", "none")
class Child(Base, tag="child"):
    pass
print(Child.tag)
class Slotted:
    __slots__ = ("a",)
    def __init__(self):
        self.a = 1
print(Slotted().a)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["added"] = True
        return super(Meta, mcls).__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.added, type(WithMeta).__name__)
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super(B, self).who()
class C(A):
    def who(self): return "C" + super(C, self).who()
class D(B, C):
    def who(self): return "D" + super(D, self).who()
print(D().who(), [k.__name__ for k in D.__mro__])
o = object.__new__(Vec)
setattr(o, "x", 5); print(o.x, vars(Vec(1, 2)))
