# A comparison method whose lookup fails (a property raising
# AttributeError) counts as missing: the comparison falls back to
# identity.  An error raised by the method's call still propagates.
def booh(self):
    raise AttributeError("booh")


class E:
    __eq__ = property(booh)
    __lt__ = property(booh)


e = E()
print(E() == E(), e == e, E() != E())
try:
    E() < E()
except TypeError as exc:
    print("TypeError", exc)


class Raising:
    def __eq__(self, other):
        raise AttributeError("from the call")


try:
    Raising() == 1
except AttributeError as exc:
    print("AttributeError", exc)
