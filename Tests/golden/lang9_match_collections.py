# Which classes match sequence and mapping patterns: the first class along
# the MRO that is a Sequence or Mapping decides; [*_] and [*x] never call
# len().
import collections, collections.abc

def seq_first(x):
    match x:
        case [*_]:
            return "seq"
        case {}:
            return "map"
    return None

def map_first(x):
    match x:
        case {}:
            return "map"
        case [*_]:
            return "seq"
    return None

class C:
    pass
class S1(collections.UserList, collections.abc.Mapping): pass
class S2(C, collections.UserList, collections.abc.Mapping): pass
class S3(list, C, collections.abc.Mapping): pass
class M1(collections.UserDict, collections.abc.Sequence): pass
class M2(C, collections.UserDict, collections.abc.Sequence): pass
class M3(collections.UserDict, C, list): pass
for cls in (S1, S2, S3, M1, M2, M3):
    obj = cls()
    print(cls.__name__, seq_first(obj), map_first(obj))

class Parent:
    pass
class ChildPre(Parent):
    pass
collections.abc.Sequence.register(Parent)
class ChildPost(Parent):
    pass
for cls in (Parent, ChildPre, ChildPost):
    print(cls.__name__, seq_first(cls()), map_first(cls()))

class NoLen(collections.abc.Sequence):
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)
    def __len__(self):
        raise RuntimeError("len() called")
match NoLen():
    case [*items]:
        print("items", items)
try:
    match NoLen():
        case [first, *rest]:
            print("first", first)
except RuntimeError as e:
    print("RuntimeError:", e)
