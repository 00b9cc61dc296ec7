# Zero-argument super() in methods, class methods, closures and with
# multiple inheritance.
class Base:
    def hello(self):
        return "Base.hello"

    @classmethod
    def make(cls):
        return f"Base.make({cls.__name__})"


class Left(Base):
    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def hello(self):
        return "Right>" + super().hello()


class Child(Left, Right):
    def hello(self):
        return "Child>" + super().hello()

    @classmethod
    def make(cls):
        return "Child>" + super().make()

    def deferred(self):
        def inner():
            return __class__.__name__
        return inner() + ":" + super().hello()


print(Child().hello())
print(Child.make())
print(Child().deferred())
print([c.__name__ for c in Child.__mro__])
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)
