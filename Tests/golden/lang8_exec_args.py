# exec()'s closure argument is checked (a tuple of one cell per free
# variable); compile(), exec() and eval() take any bytes-like source and
# refuse null bytes; len() checks the sign of __len__'s result first.
import sys
from types import CellType


def nofree():
    return 1


def make():
    a = 1

    def f():
        global seen
        seen = a
    return f


f = make()
cases = [
    lambda: exec(nofree.__code__, {}, closure=(CellType(1),)),
    lambda: exec(f.__code__, {}, closure=None),
    lambda: exec(f.__code__, {}, closure=(CellType(1), CellType(2))),
    lambda: exec(f.__code__, {}, closure=(1,)),
    lambda: exec(f.__code__, {}, closure=[CellType(1)]),
    lambda: exec("x = 1", {}, closure=(CellType(1),)),
    lambda: exec(f.__code__, globals(), closure=(CellType(42),)),
    lambda: compile(memoryview(b"1 + 1"), "<m>", "eval"),
    lambda: eval(bytearray(b"2 + 2")),
    lambda: exec(b"x = 1\0"),
    lambda: compile(b"\0", "<n>", "exec"),
    lambda: compile(42, "<i>", "exec"),
]
for case in cases:
    try:
        r = case()
        print("ok", eval(r) if type(r).__name__ == "code" else r)
    except Exception as e:
        print(type(e).__name__, e)
print(seen)


class HugeNegative:
    def __len__(self):
        return -sys.maxsize - 10


class Huge:
    def __len__(self):
        return sys.maxsize + 1


for obj in (HugeNegative(), Huge()):
    try:
        len(obj)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
