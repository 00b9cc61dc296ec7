x = "module x"
data = [1, 2, 3]
print([x * 2 for x in data], x)
print({k: v for k, v in zip("ab", data)}, {x for x in data})
print([(x, y) for x in range(2) for y in "ab" if x or y == "b"])
print([z := x + 1 for x in data], z, x)
try:
    [1 / (x - 2) for x in data]
except ZeroDivisionError as e:
    import sys
    tb = e.__traceback__
    names = []
    while tb: names.append(tb.tb_frame.f_code.co_name); tb = tb.tb_next
    print(names, x)
print("x" in globals(), sorted(k for k in globals() if not k.startswith("__")))
class C:
    y = 10
    vals = [i for i in range(3)]
    try:
        bad = [y for i in range(2)]
    except NameError as e:
        print("NameError", e)
print(C.vals)
exec("print([q for q in range(3)], 'q' in dir())", {})
g = {}; l = {"src": [5, 6]}
exec("r = [a + 1 for a in src]", g, l); print(l["r"], "a" in l)
print([[y for y in range(x)] for x in range(3)])
print([lambda: x for x in range(2)][1]())
