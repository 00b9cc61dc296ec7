# A metaclass mro() runs while the class is being readied: the class is
# usable as far as it got (no __mro__ yet), and __bases__ assignments
# from inside mro() must neither recurse nor corrupt the hierarchy.

class Meta(type):
    def __repr__(cls):
        return cls.__name__

seen = []
class M1(Meta):
    def mro(cls):
        seen.append((cls.__name__, cls.__mro__, cls.__qualname__))
        if len(seen) == 1:
            cls.__bases__ += ()
        return type.mro(cls)

class A(metaclass=M1):
    pass
print(seen)
print(A.__mro__)

calls = []
class M2(Meta):
    def mro(cls):
        base = cls.__bases__[0]
        if base is not object and len(calls) < 5:
            calls.append(cls.__name__)
            base.__bases__ += ()
        return type.mro(cls)

class P(metaclass=M2): pass
class Q(P): pass
class R(Q): pass
print(calls, R.__mro__)

class M3(Meta):
    def mro(cls):
        if cls.__mro__ is None and cls.__name__ != 'X':
            try:
                class X(cls):
                    pass
            except TypeError as e:
                print("extend:", e)
            try:
                super(cls, cls).xxx
            except AttributeError as e:
                print("super: AttributeError")
        return type.mro(cls)

class Incomplete(metaclass=M3):
    pass
print(Incomplete.__mro__)

class B:
    pass

class M4(type):
    def mro(cls):
        del M4.mro
        return (B,)

try:
    class Gone(metaclass=M4):
        pass
except TypeError as e:
    print("TypeError:", e)
