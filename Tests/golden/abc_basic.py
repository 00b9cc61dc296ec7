# abc: ABCMeta, abstract methods, registration, caches.
import abc
from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name}: {self.area()}"

print(sorted(Shape.__abstractmethods__), type(Shape).__name__)
try:
    Shape()
except TypeError as e:
    print("TypeError", "abstract" in str(e))

class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s * self.s
    @property
    def name(self): return "square"

print(Square(3).describe(), Square.__abstractmethods__ == frozenset())

class Half(Shape):
    def area(self): return 0
print(sorted(Half.__abstractmethods__))

# Virtual subclasses.
class Drawable(metaclass=ABCMeta):
    pass

@Drawable.register
class Circle:
    pass

print(Circle.__name__, issubclass(Circle, Drawable), isinstance(Circle(), Drawable))
class BigCircle(Circle):
    pass
print(issubclass(BigCircle, Drawable), Drawable not in BigCircle.__mro__)
print(issubclass(int, Drawable), Drawable.register(int) is int, issubclass(int, Drawable),
      issubclass(bool, Drawable), isinstance(True, Drawable))
print(Drawable.register(Circle) is Circle)
try:
    Drawable.register(3)
except TypeError as e:
    print("TypeError:", e)
class Sub(Drawable):
    pass
try:
    Sub.register(Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print("TypeError:", e)

# __subclasshook__ decides first; True, False or NotImplemented.
class Quacks(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacks:
            if any("quack" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented

class Duck:
    def quack(self): pass
class Robot(Duck):
    pass
print(issubclass(Duck, Quacks), issubclass(Robot, Quacks), issubclass(int, Quacks))

class Never(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False
Never.register(str)
print(issubclass(str, Never))

class Broken(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42
try:
    issubclass(int, Broken)
except AssertionError as e:
    print("AssertionError:", e)

# The cache token changes with each register().
token = abc.get_cache_token()
class Fresh(ABC):
    pass
Fresh.register(float)
print(abc.get_cache_token() != token, isinstance(abc.get_cache_token(), int))

# Negative cache is invalidated by registration anywhere.
class Late(ABC):
    pass
print(issubclass(bytes, Late))
Late.register(bytes)
print(issubclass(bytes, Late))
Late._abc_caches_clear()
Late._abc_registry_clear()
print(issubclass(bytes, Late))

# Decorator variants.
class Deco(ABC):
    @classmethod
    @abstractmethod
    def cm(cls): ...
    @staticmethod
    @abstractmethod
    def sm(): ...
    @abc.abstractclassmethod
    def old_cm(cls): ...
    @abc.abstractstaticmethod
    def old_sm(): ...
    @abc.abstractproperty
    def old_prop(self): ...
print(sorted(Deco.__abstractmethods__))

# update_abstractmethods.
class Later(ABC):
    @abstractmethod
    def run(self): ...
class Impl(Later):
    pass
print(sorted(Impl.__abstractmethods__))
Impl.run = lambda self: "ran"
print(abc.update_abstractmethods(Impl) is Impl, sorted(Impl.__abstractmethods__), Impl().run())
Impl.extra = abstractmethod(lambda self: None)
abc.update_abstractmethods(Impl)
print(sorted(Impl.__abstractmethods__))
class Plain:
    pass
print(abc.update_abstractmethods(Plain) is Plain)

# Metaclass keywords pass through to __init_subclass__.
class WithKw(ABC):
    def __init_subclass__(cls, flag=None, **kw):
        super().__init_subclass__(**kw)
        cls.flag = flag
class Child(WithKw, flag="on"):
    pass
print(Child.flag, ABC.__slots__)

# _dump_registry writes to a file-like object.
class Out:
    def __init__(self): self.lines = []
    def write(self, s): self.lines.append(s)
out = Out()
Drawable._dump_registry(out)
text = "".join(out.lines)
print(text.splitlines()[0], "_abc_registry:" in text, "_abc_negative_cache_version:" in text)
