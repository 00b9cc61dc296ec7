# array features newer than 3.11: the 'w' type code and clear() (3.13),
# the 'u' deprecation, 3.13 messages.
import array
import pickle
import warnings

print(array.typecodes)
w = array.array("w", "h\u00e9llo \U0001f600")
print(w, len(w), w.itemsize, w[-1] == "\U0001f600", w.tounicode())
w.fromunicode("!")
w.append("?")
print(w.tounicode(), w.tolist()[-2:], pickle.loads(pickle.dumps(w)) == w)
print(memoryview(w).format)
for bad in (1, "ab"):
    try:
        w.append(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    array.array("i").tounicode()
except ValueError as e:
    print("ValueError:", e)
try:
    array.array("i").fromunicode("x")
except ValueError as e:
    print("ValueError:", e)
try:
    array.array("z")
except ValueError as e:
    print("ValueError:", e)
a = array.array("q", [1, 2, 3])
a.clear()
print(a, len(a))
m = memoryview(array.array("b", [1]))
try:
    m.obj.clear()
except BufferError as e:
    print("BufferError:", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    array.array("u", "x")
print(caught[0].category.__name__, caught[0].message)
print(array.array[int])
print(repr(array.array("w")), array.array("w", "ab") == array.array("w", "ab"))
print(w.__reduce_ex__(3)[1][1:3], array._array_reconstructor(array.array, "w", 19, "hi".encode("utf-16-be")))
