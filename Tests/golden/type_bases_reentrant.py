# __bases__ assigned again from inside a metaclass's mro() while an outer
# __bases__ assignment runs: the inner assignment wins, subclass lists
# follow it, and a cycle made through the half-updated tp_base chain is
# refused instead of looping for ever.
class Meta(type):
    hook = None

    def mro(cls):
        hook = Meta.hook
        if hook is not None:
            hook(cls)
        return type.mro(cls)


class Root(metaclass=Meta):
    pass


class Left(Root):
    pass


class Right(Root):
    pass


class Leaf(Root):
    pass


def redirect(cls):
    if cls is Leaf:
        Meta.hook = None
        Leaf.__bases__ = (Right,)


Meta.hook = redirect
Leaf.__bases__ = (Left,)
print("bases:", [b.__name__ for b in Leaf.__bases__])
print("Left subclasses:", [c.__name__ for c in Left.__subclasses__()])
print("Right subclasses:", [c.__name__ for c in Right.__subclasses__()])
print("mro:", [c.__name__ for c in Leaf.__mro__])


class One(Root):
    pass


class Two(Root):
    pass


def make_cycle(cls):
    if cls is One:
        Two.__bases__ = (One,)
    if cls is Two:
        One.__bases__ = (Two,)


Meta.hook = make_cycle
try:
    One.__bases__ += ()
except TypeError as error:
    print("TypeError:", error)
Meta.hook = None
print("One:", [c.__name__ for c in One.__mro__])
print("Two:", [c.__name__ for c in Two.__mro__])
