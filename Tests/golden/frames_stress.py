import sys
def g(n):
    for i in range(n):
        try:
            yield i
        finally:
            pass
tot = 0
for k in range(2000):
    tot += sum(g(10))
    it = g(5); next(it); del it
    try:
        [][1]
    except IndexError as e:
        tb = e.__traceback__
    def f(x):
        if x == 0:
            raise KeyError(x)
        return f(x - 1)
    try:
        f(20)
    except KeyError as e:
        fr = e.__traceback__.tb_next.tb_next.tb_frame
        assert fr.f_locals["x"] == 19, fr.f_locals
        assert fr.f_back.f_code.co_name == "f"
    d = {i: str(i) for i in range(10)}
    s = [x for x in d if x % 2]
    c = (lambda a=k: a)()
print(tot, s, c)
def deep(n):
    return deep(n + 1) if n < 100000 else n
for _ in range(3):
    try:
        deep(0)
    except RecursionError:
        pass
print("ok", sys.getrecursionlimit())
