import array
import copy
import io
import pickle
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for code in "bBhHiIlLqQfd":
    a = array.array(code, [1, 2, 3])
    print(code, a.itemsize, a.tolist(), a[1], a[-1], len(a), a.typecode)
a = array.array("i", range(10))
print(a, a[2:5], a[::3], a[::-2], a[-3:], a[5:2])
a[1] = -7
a[-1] = 99
del a[0]
print(a)
a[1:3] = array.array("i", [100, 200, 300])
print(a)
a[::2] = array.array("i", [0] * len(a[::2]))
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
a[len(a):] = array.array("i", [5, 6])
print(a)
a[:] = a
print(a)
b = array.array("i", [1, 2, 3])
b.append(4); b.insert(0, 0); b.insert(-1, 35); b.insert(100, 9); b.insert(-100, -1)
print(b, b.pop(), b.pop(0), b.pop(-2), b)
b.extend([7, 8]); b.extend(array.array("i", [9])); b.extend(iter((10,)))
print(b, b.count(7), b.index(8), b.index(8, 2), 8 in b, 99 in b)
b.remove(7); b.reverse()
print(b)
b.fromlist([11, 12])
print(b.tolist())
raw = b.tobytes()
c = array.array("i")
c.frombytes(raw)
print(c == b, c != b, len(raw) == 4 * len(b))
c.byteswap()
print(c[0] == int.from_bytes(b[0].to_bytes(4, "little"), "big"))
print(array.array("h", [1, 2]) + array.array("h", [3]), array.array("b", [1, 2]) * 3,
      3 * array.array("b", [5]), array.array("b", [1]) * 0)
d = array.array("d", [1.5, -2.25])
d += array.array("d", [3.0])
d *= 2
print(d, d.buffer_info()[1])
print(array.array("i", [1, 2]) < array.array("i", [1, 3]), array.array("i", [1, 2]) == array.array("d", [1.0, 2.0]),
      array.array("i", [1, 2, 3]) > array.array("i", [1, 2]), array.array("i") <= array.array("i"),
      array.array("i", [1]) == [1], array.array("f", [float("nan")]) == array.array("f", [float("nan")]))
u = array.array("u", "hello")
print(u, u.tounicode(), u[1], u.itemsize)
u.fromunicode(" world")
print(u.tounicode(), repr(array.array("u")))
print(array.array("i", b"\x01\x00\x00\x00\x02\x00\x00\x00"), array.array("B", bytearray(b"ab")))
print(array.array("d", array.array("i", [1, 2])), array.array("i", (x * x for x in range(4))))
print(array.array("i", [1, 2]).__reduce_ex__(2))
e = array.array("l", [3, 1, 2])
print(pickle.loads(pickle.dumps(e)) == e, pickle.loads(pickle.dumps(u)) == u)
print(copy.copy(e), copy.deepcopy(e) is not e)
f = io.BytesIO()
e.tofile(f)
g = array.array("l")
g.fromfile(io.BytesIO(f.getvalue()), 3)
print(g)
try:
    g.fromfile(io.BytesIO(f.getvalue()), 4)
except EOFError as ex:
    print("EOFError:", ex, g)
it = iter(array.array("i", [4, 5, 6]))
print(next(it), list(it), list(it))
print(type(it).__name__, array.ArrayType is array.array)
m = memoryview(array.array("i", [1, 2, 3]))
print(m.format, m.itemsize, m.shape, m.tolist(), bytes(m[:1]))
h = array.array("H", [1, 2])
mv = memoryview(h)
mv[0] = 500
print(h)
show(h.append, 3)
show(h.extend, [3])
show(h.pop)
show(h.__delitem__, 0)
show(h.__setitem__, 0, 7)
show(h.byteswap)
mv.release()
h.append(3)
print(h)

show(array.array, 1)
show(array.array, "ii")
show(array.array, "i", "abc")
show(array.array, "i", array.array("u", "ab"))
show(array.array("i").fromunicode, 5)
show(array.array("i", [1]).pop, 5)
show(array.array("i").pop)
show(array.array("i", [1]).index, 5)
show(array.array("i", [1, 2, 3]).index, 3, 0, 2)
show(array.array("i", [1]).remove, 5)
show(lambda: array.array("i") + array.array("d"))
show(lambda: array.array("i") + [1])
show(lambda: array.array("i", [1, 2])[5])
show(array.array("i").frombytes, b"abc")
show(array.array("i").extend, array.array("d"))
show(array.array("i").fromlist, (1,))
show(lambda: array.array("i", [1, 2]).__setitem__(slice(0, 2), [1]))
show(lambda: array.array("i", [1, 2, 3]).__setitem__(slice(0, 3, 2), array.array("i", [1])))
show(lambda: array.array("i") * "x")
show(array.array("i").__setitem__, 0, 1)
for code, v in [("b", 128), ("b", -129), ("B", 256), ("B", -1), ("h", 2**15), ("H", -1), ("H", 2**16),
                ("i", 2**31), ("i", -2**31 - 1), ("I", -1), ("L", -1), ("b", 1.5), ("d", "x"), ("l", 2**70)]:
    show(array.array, code, [v])
ok = array.array("i", [1, 2])
show(ok.fromlist, [3, "x"])
print(ok)
