import sys
def f():
    x = 1
    fr = sys._getframe()
    loc = fr.f_locals
    loc["x"] = 42
    loc["extra"] = "e"
    print(x, type(loc).__name__, loc["extra"], "x" in loc, sorted(loc.keys()), loc.get("nope", 0))
    try:
        del loc["x"]
    except ValueError as e:
        print(e)
    def inner():
        return x
    loc["x"] = 7
    print(inner(), x, len(loc))
f()
print(type(sys._getframe().f_locals).__name__)
