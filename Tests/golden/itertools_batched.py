import itertools as it
print(list(it.batched("ABCDEFG", 3)))
print(list(it.batched(range(6), n=2)), list(it.batched([], 4)), list(it.batched("ab", 5)))
print(list(it.batched("ABCDEF", 3, strict=True)))
b = it.batched("ABCDE", 2, strict=True)
print(next(b), next(b))
try:
    next(b)
except ValueError as e:
    print("ValueError:", e)
print(list(b))
for n in (0, -1):
    try:
        it.batched("abc", n)
    except ValueError as e:
        print("ValueError:", e)
try:
    it.batched("abc", 1.5)
except TypeError as e:
    print("TypeError")
print(type(next(it.batched("abc", 2))).__name__)
print(it.chain[int].__origin__ is it.chain)
