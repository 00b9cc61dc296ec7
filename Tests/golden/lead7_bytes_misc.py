# Assigning nothing to an extended slice of a bytearray deletes it.
b = bytearray(b"abcdef")
b[::2] = b""
print(b)
b = bytearray(b"abcdef")
b[1:-1:2] = []
print(b)
try:
    b[::2] = b"XY"
except ValueError as error:
    print(error)

# bytearray subclasses with __slots__ keep their slots through copy and pickle.
import copy
import pickle


class Buffer(bytearray):
    __slots__ = ("tag", "__dict__")


item = Buffer(b"ab")
item.tag = "slot"
item.extra = "dict"
print(item.__reduce_ex__(2))
for clone in (copy.copy(item), pickle.loads(pickle.dumps(item, 2)),
              pickle.loads(pickle.dumps(item, 5))):
    print(type(clone).__name__, bytes(clone), clone.tag, clone.extra)

# Static methods of built-in types pickle by reference, as CPython's do.
print(repr(str.maketrans).split(" at ")[0], str.maketrans.__qualname__,
      str.maketrans.__self__)
print(pickle.loads(pickle.dumps(str.maketrans)) is str.maketrans,
      pickle.loads(pickle.dumps(bytes.maketrans)) is bytes.maketrans)
