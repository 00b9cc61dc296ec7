# float subclasses without their own __init__ refuse keyword arguments as
# float() does; SyntaxError's location tuple needs end_offset with
# end_lineno.
class subclass(float):
    pass

class with_init(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg

class with_new(float):
    def __new__(cls, arg, newarg=None):
        self = super().__new__(cls, arg)
        self.newarg = newarg
        return self

for call in (lambda: subclass(x=0), lambda: subclass(2.5, x=1),
             lambda: float(x=0), lambda: subclass(2.5),
             lambda: (with_init(2.5, newarg=3), with_init(2.5, newarg=3).newarg),
             lambda: (with_new(1.5, newarg=4), with_new(1.5, newarg=4).newarg)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

for info in (("bad.py", 1, 2), ("bad.py", 1, 2, "text"), ("bad.py", 1, 2, "text", 1),
             ("bad.py", 1, 2, "text", 1, 5), ("bad.py", 1, 2, "text", None, None)):
    try:
        e = SyntaxError("bad bad", info)
        print(e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    except TypeError as e:
        print("TypeError:", e)
