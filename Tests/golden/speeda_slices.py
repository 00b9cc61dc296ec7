# Slicing fast paths (BINARY_SLICE / STORE_SLICE on exact lists and
# tuples, without a slice object) against their guard misses: bounds
# that are not plain ints, subclasses, odd assigned values.

class Index:
    def __init__(self, value):
        self.value = value
    def __index__(self):
        print("  __index__", self.value)
        return self.value

class MyList(list):
    def __getitem__(self, item):
        print("  MyList.__getitem__", item)
        return super().__getitem__(item)
    def __setitem__(self, item, value):
        print("  MyList.__setitem__", item, value)
        super().__setitem__(item, value)

class MyTuple(tuple):
    def __getitem__(self, item):
        print("  MyTuple.__getitem__", item)
        return super().__getitem__(item)

def slices(seq):
    n = len(seq)
    out = []
    for lo in (None, -n - 3, -n, -2, -1, 0, 1, 2, n, n + 5):
        for hi in (None, -n - 3, -2, 0, 1, 3, n, n + 5):
            out.append(seq[lo:hi])
    return out

data = list(range(7))
print(slices(data)[:12])
print(slices(tuple(data))[-12:])
print(slices([]) == [[]] * 80, slices(()) == [()] * 80)
t = (1, 2, 3)
print(t[:] is t, t[0:] is t, t[:3] is t, t[0:100] is t, t[1:] is t)
print(type(MyTuple(t)[:]).__name__)

big = 2 ** 70
print(data[-big:big], data[big:], data[:-big], t[-big:2])
print(data[True:], data[Index(2):Index(-1)], t[Index(1):])
try:
    data[1.5:]
except TypeError as e:
    print("TypeError:", e)
try:
    t["a":]
except TypeError as e:
    print("TypeError:", e)

m = MyList(range(5))
print(m[1:3], type(m[1:3]).__name__)
print(MyTuple((4, 5, 6))[1:])

for i in range(3):
    # the sites warm up and specialize; results stay exact
    s = list(range(10))
    print(s[i:-i or None], s[-3 - i:], tuple(s)[i:i + 2])

# slice assignment
a = list(range(8))
a[2:5] = ["x", "y"]
print(a)
a[:0] = (7, 8)
print(a)
a[-2:] = []
print(a)
a[5:2] = "ab"          # empty slice: an insertion at 5
print(a)
a[1:3] = a             # the list itself is copied first
print(a)
b = [1, 2, 3]
b[:] = (x * 10 for x in range(4))
print(b)
b[big:] = [99]
b[:-big] = [0]
print(b)
b[Index(1):Index(3)] = "Q"
print(b)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    (1, 2)[0:1] = [3]
except TypeError as e:
    print("TypeError:", e)
m[1:3] = [9, 9, 9]
print(m)
del b[1:3]
print(b)
del b[:]
print(b)

c = list(range(10))
for first in range(1, 5):
    c[:first + 1] = c[first::-1]
    print(c)

class Evil:
    # an item whose release runs code that mutates the target list
    def __init__(self, target):
        self.target = target
    def __del__(self):
        self.target.append("del")

victim = [0, 1, 2]
victim[1] = Evil(victim)
victim[0:2] = [5]
print(victim)
