# PEP 798 (3.15): unpacking in comprehensions.  CPython 3.11 cannot run this;
# the expected output was written by hand from the 3.15 semantics.
y = [{1: 2}, {3: 4}]
print({**x for x in y})
print([*x for x in [[1], [2, 3]]], {*x for x in ["ab", "bc"]} == {"a", "b", "c"})
print(list((*x for x in [(1, 2), (3,)])))
def f(ys):
    return [*y for y in ys], {**d for d in [{"k": v} for v in ys]}
print(f(["ab", "c"]))
try:
    [*x for x in [1]]
except TypeError as e:
    print(e)
try:
    {**x for x in [1]}
except TypeError as e:
    print(e)
