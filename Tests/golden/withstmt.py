class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.swallow
with CM("a") as x:
    print("inside", x)
with CM("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
with CM("d") as p, CM("e") as q:
    print(p, q)
def fn():
    with CM("f"):
        return "returned"
print(fn())
for i in range(2):
    with CM(str(i)):
        if i == 0:
            continue
        print("body", i)
