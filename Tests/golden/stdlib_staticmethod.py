# Built-in METH_STATIC methods are staticmethod objects in the type's
# dict (as in CPython), so they pickle by reference; staticmethod and
# classmethod created from Python copy the function's attributes, the
# C-level constructors (used for __new__) do not.
import pickle

for owner in (bytes, bytearray, str):
    descr = owner.__dict__['maketrans']
    print(owner.__name__, type(descr).__name__, descr.__dict__,
          descr.__func__ is descr.__wrapped__, type(descr.__func__).__name__)
    print(' ', owner.maketrans.__qualname__, owner.maketrans.__self__)

print(bytes.maketrans(b'ab', b'xy')[97:99], bytearray.maketrans(b'a', b'z')[97])
print(b'x'.maketrans(b'c', b'd')[99], 'abc'.translate(str.maketrans('a', 'A')))
print(str.maketrans({'a': 'b'}), str.maketrans('ab', 'cd', 'e'))

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for func in (bytes.maketrans, bytearray.maketrans, str.maketrans, dict.fromkeys):
        back = pickle.loads(pickle.dumps(func, proto))
        assert back == func or back.__qualname__ == func.__qualname__, (proto, func)
print('pickled by reference:', bytes.maketrans.__reduce__())

# The descriptors themselves cannot be pickled.
for descr in (bytearray.__dict__['maketrans'], dict.__dict__['fromkeys']):
    try:
        pickle.dumps(descr)
    except TypeError as exc:
        print('TypeError', exc)

class C:
    def __new__(cls):
        return super().__new__(cls)
    @staticmethod
    def s(x):
        "doc of s"
        return x * 2
    @classmethod
    def c(cls):
        "doc of c"
        return cls.__name__

new = C.__dict__['__new__']
print(type(new).__name__, new.__dict__, hasattr(new, '__name__'))
s = C.__dict__['s']
print(s.__name__, s.__qualname__, s.__doc__, s.__module__, s(4), C.s(5), C().s(6))
c = C.__dict__['c']
print(c.__name__, c.__qualname__, c.__doc__, C.c())
print(staticmethod(len).__dict__ == {'__module__': 'builtins', '__name__': 'len',
                                     '__qualname__': 'len', '__doc__': len.__doc__})
