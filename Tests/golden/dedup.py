# Behaviour of helpers that several places now share: operator's getters,
# os's fd flag functions and path calls, set's in-place operators, the
# one-field exceptions, pickle's sized payloads, descriptor docstrings.
import operator
import os
import pickle
import tempfile
import shutil
import typing


class Obj:
    def __init__(self):
        self.a = 1
        self.b = Obj2()

    def m(self, x, y=0):
        return x + y


class Obj2:
    c = "deep"


o = Obj()
print(operator.itemgetter(1)("xyz"), operator.itemgetter(0, 2)("xyz"))
print(operator.attrgetter("a")(o), operator.attrgetter("a", "b.c")(o))
print(operator.methodcaller("m", 2, y=3)(o))
for g in (operator.itemgetter(1), operator.attrgetter("a"),
          operator.methodcaller("m")):
    for call in (lambda: g(), lambda: g(o, o), lambda: g(obj=o)):
        try:
            call()
        except TypeError as e:
            print(type(g).__name__, "TypeError:", e)
try:
    operator.itemgetter(5)("xyz")
except IndexError as e:
    print("IndexError:", e)
try:
    operator.attrgetter("a", "zz")(o)
except AttributeError as e:
    print("AttributeError:", e)

r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, True)
os.set_blocking(r, False)
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, False)
os.set_blocking(r, True)
print(os.get_inheritable(r), os.get_blocking(r))
os.close(r)
os.close(w)
for f in (os.get_inheritable, os.get_blocking):
    try:
        f(r)
    except OSError as e:
        print(f.__name__, "OSError", e.errno)
try:
    os.set_blocking(r, True)
except OSError as e:
    print("set_blocking OSError", e.errno)

tmp = tempfile.mkdtemp()
try:
    fifo = os.path.join(tmp, "fifo")
    print(os.mkfifo(fifo))
    try:
        os.mkfifo(fifo)
    except FileExistsError as e:
        print("FileExistsError", type(e).__name__)
    try:
        os.chdir(os.path.join(tmp, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.filename.endswith("missing"))
finally:
    shutil.rmtree(tmp)

s = {1, 2, 3}
t = s
s |= {4}
s &= {1, 2, 4, 9}
s -= {1}
s ^= {2, 7}
print(sorted(s), s is t)
fs = frozenset({1})
try:
    s |= [1]
except TypeError as e:
    print("TypeError:", e)
s.intersection_update({4, 7}, [7])
print(sorted(s))
s &= s
print(sorted(s))

print(StopIteration(5).value, StopIteration().value, SystemExit(1, 2).code)
print(NameError("x", name="nm").name)
e = StopIteration([1])
e.value.append(e)
del e

for proto in (3, 4, 5):
    for obj in (b"x" * 3, b"y" * 300, "z" * 3, "w" * 300, bytearray(b"q" * 4),
                b"big" * 30000, "big" * 30000):
        data = pickle.dumps(obj, proto)
        assert pickle.loads(data) == obj
        print(proto, type(obj).__name__, len(obj), len(data), data[:12])

print(type(o).__dict__["__weakref__"].__doc__)
print(type(ValueError().__traceback__), StopIteration.value.__doc__)
print(OSError.errno.__doc__, int.real.__doc__ is None or len(int.real.__doc__) > 0)

P = typing.ParamSpec("P")
print(P.args, P.kwargs, P.args.__origin__ is P)


class Bag:
    """Rebuilt from listitems and dictitems iterators."""

    def __init__(self, items=(), pairs=()):
        self.items = list(items)
        self.pairs = dict(pairs)

    def append(self, x):
        self.items.append(x)

    def extend(self, xs):
        self.items.extend(xs)

    def __setitem__(self, k, v):
        self.pairs[k] = v

    def __reduce__(self):
        return (Bag, (), None, iter(self.items), iter(self.pairs.items()))


for n in (0, 1, 2, 1000, 1001, 2500):
    bag = Bag(range(n), ((i, -i) for i in range(n)))
    for proto in (0, 2):
        data = pickle.dumps(bag, proto)
        back = pickle.loads(data)
        print(n, proto, len(data), back.items == bag.items,
              back.pairs == bag.pairs)


class BadPairs(Bag):
    def __reduce__(self):
        return (Bag, (), None, None, iter([(1, 2), 3]))


for proto in (0, 2):
    try:
        pickle.dumps(BadPairs(), proto)
    except TypeError as e:
        print(proto, "TypeError:", e)

err = ValueError("v")
for attr in ("__context__", "__cause__"):
    try:
        setattr(err, attr, 5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        delattr(err, attr)
    except TypeError as e:
        print("TypeError:", e)
    setattr(err, attr, KeyError("k"))
    print(attr, repr(getattr(err, attr)), err.__suppress_context__)
    setattr(err, attr, None)
    print(attr, getattr(err, attr))

import codecs

samples = ["abc", "h\u00e9llo \u20ac", "\U0001f600x", ""]
for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
            "utf-32-be"):
    for text in samples:
        data = text.encode(enc)
        dec = codecs.getincrementaldecoder(enc)()
        pieces = [dec.decode(data[i:i + 1]) for i in range(len(data))]
        pieces.append(dec.decode(b"", final=True))
        assert "".join(pieces) == text == data.decode(enc), (enc, text)
    print(enc, [s.encode(enc).hex() for s in samples[:2]])

bad16 = [b"a\x00\x00", b"\x00\xdc", b"\x00\xd8a\x00", b"\x00\xd8",
         b"\xff\xfea\x00\x00\xdcb\x00"]
bad32 = [b"a\x00\x00", b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00",
         b"a\x00\x00\x00\x00\x00\x11\x00b\x00\x00\x00"]
for enc, bad in (("utf-16-le", bad16), ("utf-32-le", bad32)):
    for data in bad:
        try:
            data.decode(enc)
        except UnicodeDecodeError as e:
            print(enc, "UnicodeDecodeError:", e.reason, e.start, e.end)
        print(enc, ascii(data.decode(enc, "replace")),
              ascii(data.decode(enc, "backslashreplace")))
        dec = codecs.getincrementaldecoder(enc)("replace")
        print(enc, ascii(dec.decode(data)), ascii(dec.decode(b"", True)))
print(codecs.utf_16_ex_decode(b"\xfe\xff\x00a", "strict", 0, True))
print(codecs.utf_32_ex_decode(b"\x00\x00\xfe\xff\x00\x00\x00a", "strict", 0,
                              True))
print(codecs.utf_16_ex_decode(b"a\x00b", "strict", -1, False))
for text in ("a\\b\t\n\r\x7f\xe9\u20ac\U0001f600", ""):
    print(text.encode("unicode_escape"), text.encode("raw_unicode_escape"))
for enc in ("unicode_escape", "raw_unicode_escape"):
    try:
        codecs.encode(b"x", enc)
    except TypeError as e:
        print(enc, "TypeError")

tmp = tempfile.mkdtemp()
try:
    fd = os.open(os.path.join(tmp, "f"), os.O_RDWR | os.O_CREAT)
    os.write(fd, b"0123456789")
    print(os.pread(fd, 4, 3), os.pread(fd, 100, 8), os.pread(fd, 5, 50))
    os.lseek(fd, 0, 0)
    print(os.read(fd, 3), os.read(fd, 100), os.read(fd, 5))
    for call in (lambda: os.read(fd, -1), lambda: os.pread(fd, -1, 0)):
        try:
            call()
        except OSError as e:
            print("OSError", e.errno == 22)
    os.close(fd)
    try:
        os.read(fd, 1)
    except OSError as e:
        print("OSError", e.errno == 9)
finally:
    shutil.rmtree(tmp)

import pathlib
import symtable
for bad in ("a\x00b", b"a\x00b", pathlib.Path("x\x00y")):
    try:
        open(bad)
    except ValueError as e:
        print("open ValueError:", e)
for name in ("f.py", b"f.py", pathlib.Path("f.py")):
    print(symtable.symtable("x = 1", name, "exec").get_name())
for bad in ("a\x00b", b"a\x00b"):
    try:
        symtable.symtable("x = 1", bad, "exec")
    except ValueError as e:
        print("symtable ValueError:", e)
try:
    symtable.symtable("x = 1", 5, "exec")
except TypeError as e:
    print("symtable TypeError")
