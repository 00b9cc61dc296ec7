# class-scope and module-level comprehensions, lambdas in class, nested functions
class C:
    xs = [1, 2, 3]
    ys = [x * 2 for x in xs]
    total = sum(x for x in xs)
    d = {k: v for k, v in zip("ab", xs)}
    pairs = [(a, b) for a in xs for b in "ab" if a < 2]
print(C.ys, C.total, C.d, C.pairs)
x = 10
r = [x for x in range(3)]
print(x, r)
print([(lambda: i)() for i in range(3)])
print([[j * i for j in range(3)] for i in range(3)])
def nested():
    out = []
    for i in range(2):
        out.append([i + j for j in range(2)])
    return out, [k for k in (m * 2 for m in range(3))]
print(nested())
def comp_closure():
    base = 100
    return [(lambda y: base + y)(v) for v in range(3)]
print(comp_closure())
def comp_shadows_param(x):
    return [x for x in range(x)], x
print(comp_shadows_param(3))
def comp_cell():
    fns = [lambda: v for v in range(3)]
    return [f() for f in fns]
print(comp_cell())
def uses_outer_in_cond(limit):
    return {v for v in range(10) if v < limit}
print(uses_outer_in_cond(4))
def walrus_in_comp(data):
    if any((hit := v) > 2 for v in data):
        return hit
print(walrus_in_comp([1, 5, 7]))
def dict_comp_locals(keys):
    prefix = "k_"
    return {prefix + k: len(k) for k in keys}
print(dict_comp_locals(["a", "bb"]))
def nested_comp_fn(rows):
    return [[str(cell) for cell in row] for row in rows]
print(nested_comp_fn([[1, 2], [3]]))
def comp_try():
    try:
        return [1 // v for v in [1, 0]]
    except ZeroDivisionError:
        return "zde", [v for v in "ok"]
print(comp_try())
def comp_after_global():
    global x
    x = [x for x in range(2)]
    return x
print(comp_after_global(), x)
