# Key-sharing instance dicts: instances keep values indexed by their
# class's shared keys; __dict__ must still behave as a real dict.
import copy
import pickle


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


# many instances of one shape
pts = [Point(i, -i) for i in range(1000)]
print(sum(p.x for p in pts), sum(p.y for p in pts), pts[7].norm2())

# __dict__ is a real dict, always the same object, order = insertion order
p = Point(1, 2)
d = p.__dict__
print(type(d).__name__, d, d is p.__dict__, vars(p) is d)
p.z = 3
print(d, list(d), list(vars(p).items()))
d["w"] = 4
print(p.w, hasattr(p, "w"), getattr(p, "w"))
del d["x"]
print(hasattr(p, "x"), p.__dict__)

# deletion keeps the others and the order; re-adding goes to the end
q = Point(5, 6)
q.a = 7
del q.y
print(q.__dict__)
q.y = 8
print(q.__dict__, q.x, q.y, q.a)
try:
    del q.nope
except AttributeError as e:
    print("AttributeError", e)
r = Point(0, 0)
del r.x
try:
    r.x
except AttributeError as e:
    print("AttributeError", e)
try:
    del r.x
except AttributeError as e:
    print("AttributeError", e)


# shapes diverge: a different order, optional attributes
class Shape:
    def __init__(self, flip):
        if flip:
            self.b = 1
            self.a = 2
        else:
            self.a = 3
            self.b = 4


print(Shape(False).__dict__, Shape(True).__dict__, Shape(False).__dict__)


class Opt:
    def __init__(self, n):
        if n & 1:
            self.one = n
        if n & 2:
            self.two = n
        self.last = n


for n in range(4):
    o = Opt(n)
    print(n, o.__dict__, getattr(o, "one", None), getattr(o, "two", None))

# more attributes than a class can share
class Wide:
    pass


w = Wide()
for i in range(40):
    setattr(w, "attr%d" % i, i)
print(len(vars(w)), w.attr0, w.attr39, list(vars(w))[:3], list(vars(w))[-2:])
w2 = Wide()
w2.attr39 = "x"
w2.attr0 = "y"
print(w2.__dict__, w2.attr39)


# non-str names
class S(str):
    pass


k = Point(1, 1)
setattr(k, S("sub"), 5)
print(k.sub, sorted(vars(k)))
k.__dict__[42] = "int key"
print(k.__dict__[42], len(k.__dict__))

# __dict__ replacement
m = Point(1, 2)
m.__dict__ = {"only": 1}
print(m.__dict__, hasattr(m, "x"), m.only)
try:
    m.__dict__ = []
except TypeError as e:
    print("TypeError", e)
m.__dict__ = {}
m.x = 9
print(m.x, m.__dict__)

# copy and pickle
c = Point(3, 4)
c.extra = [1]
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
c.extra.append(2)
print(c2.__dict__, c3.__dict__, c2.norm2())
c4 = pickle.loads(pickle.dumps(c))
print(type(c4).__name__, c4.__dict__)
print(c.__reduce_ex__(2)[2])


# __slots__ together with __dict__
class Slotted:
    __slots__ = ("s", "__dict__")

    def __init__(self):
        self.s = "slot"
        self.d = "dict"


sl = Slotted()
print(sl.s, sl.d, sl.__dict__)
print(pickle.loads(pickle.dumps(sl)).__dict__)


# __getattr__ sees only missing names
class Fallback:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "missing:" + name


f = Fallback()
print(f.real, f.other)
f.other = 2
print(f.other)


# subclasses have their own shapes
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


p3 = Point3(1, 2, 3)
print(p3.__dict__, p3.norm2(), Point(8, 9).__dict__)


# __class__ assignment between classes with different shapes
class Other:
    def __init__(self):
        self.q = "q"

    def norm2(self):
        return "other"


cp = Point(1, 2)
cp.__class__ = Other
print(type(cp).__name__, cp.__dict__, cp.norm2(), cp.x)
cp.q = 5
print(cp.__dict__)

# an instance attribute shadowing a method, after the call sites warmed up
def call_all(objs):
    return [o.norm2() for o in objs]


objs = [Point(i, 1) for i in range(50)]
for _ in range(30):
    res = call_all(objs)
print(res[:3])
objs[1].norm2 = lambda: "shadow"
print(call_all(objs)[:3])
del objs[1].norm2
print(call_all(objs)[:3])


# attribute loads and stores warmed up, then shape changes
def bump(objs):
    for o in objs:
        o.x = o.x + 1
    return sum(o.x for o in objs)


for _ in range(30):
    total = bump(objs)
print(total)
objs[3].__dict__["x"] = 1000
del objs[4].x
objs[4].x = 2000
print(bump(objs), objs[3].x, objs[4].x, list(objs[4].__dict__))


# properties and class attributes
class Prop:
    kind = "class"

    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, value):
        self._v = value


pr = Prop()
pr.v = 4
print(pr.v, pr.__dict__, pr.kind)
pr.kind = "instance"
print(pr.kind, Prop.kind, Prop().kind)
print(sorted(k for k in dir(pr) if not k.startswith("__")))


# one load site sees instances with a dict first, then instances keeping
# values: a dict entry hint must not be taken for a values position
class Mixed:
    pass


def make(with_dict, a, b):
    m = Mixed()
    if with_dict:
        m.__dict__          # a dict from the start: b lands in entry 0
        m.b = b
        m.a = a
    else:
        m.a = a
        m.b = b
    return m


def get_b(objs):
    return [o.b for o in objs]


def set_b(objs, value):
    for o in objs:
        o.b = value


dict_ones = [make(True, i, -i) for i in range(40)]
value_ones = [make(False, i, -i) for i in range(40)]
for _ in range(20):
    get_b(dict_ones)
    set_b(dict_ones, 7)
print(get_b(value_ones)[:4], get_b(dict_ones)[:2])
set_b(value_ones, 9)
print([(o.a, o.b) for o in value_ones[:3]], sorted(vars(value_ones[5]).items()))
for _ in range(20):
    get_b(value_ones)
    set_b(value_ones, 5)
print(get_b(dict_ones + value_ones)[38:42], dict_ones[1].__dict__)

# the collector sees an instance's values directly until a dict is made
import gc


class G:
    def __init__(self):
        self.first = "one"
        self.second = ("two",)


g = G()
print([type(r).__name__ for r in gc.get_referents(g)])
g.__dict__
print([type(r).__name__ for r in gc.get_referents(g)])
