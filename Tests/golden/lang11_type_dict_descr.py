# The __dict__ descriptor of a class, applied to a class (an instance of a
# metaclass that also derives from that class), delegates to type's own
# __dict__: read-only, so the class's namespace is never replaced.
class Base(object):
    pass

class Meta1(type, Base):
    pass

class Meta2(Base, type):
    pass

for meta in (Meta1, Meta2):
    class D(object, metaclass=meta):
        x = 1
    descr = Base.__dict__["__dict__"]
    for action in (lambda: descr.__set__(D, {}), lambda: descr.__delete__(D),
                   lambda: setattr(D, '__dict__', {}), lambda: delattr(D, '__dict__')):
        try:
            action()
            print("changed")
        except (AttributeError, TypeError) as e:
            print(type(e).__name__, e)
    got = descr.__get__(D, meta)
    print(type(got).__name__, got['x'], D.x)

class C(Base):
    pass
c = C()
c.__dict__ = {'y': 2}
print(c.y, Base.__dict__['__dict__'].__get__(c, C))
del c.__dict__
print(c.__dict__)
print(type(complex.real).__name__, complex.imag.__qualname__, (3+4j).imag, complex.real.__doc__)
