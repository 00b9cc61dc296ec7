import itertools as it
def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: it.islice("abc", -1))
show(lambda: it.islice("abc", "x"))
show(lambda: it.islice("abc", 1, -2))
show(lambda: it.islice("abc", -1, 2))
show(lambda: it.islice("abc", 0, 2, 0))
show(lambda: it.islice("abc", 0, 2, -1))
show(lambda: it.islice("abc", 0, 2, "a"))
show(lambda: it.islice(3, 1))
show(lambda: it.count("a"))
show(lambda: it.count(1, "a"))
show(lambda: it.permutations("abc", -1))
show(lambda: it.combinations("abc", -1))
show(lambda: it.combinations_with_replacement("abc", -1))
show(lambda: it.product("ab", repeat=-1))
show(lambda: it.tee("abc", -1))
show(lambda: it.chain(1).__next__())
show(lambda: list(it.chain([1], 5)))
show(lambda: list(it.starmap(pow, [1])))
show(lambda: next(it.accumulate([1, "a"])))
show(lambda: list(it.accumulate([1, "a"])))
def boom():
    yield 1
    raise KeyError("inner")
show(lambda: list(it.zip_longest(boom(), "abc")))
show(lambda: list(it.takewhile(lambda x: 1 / x, [1, 0])))
show(lambda: it.cycle())
show(lambda: it.pairwise(None))
class Reenter:
    def __iter__(self):
        return self
    def __next__(self):
        return next(tees[0])
tees = it.tee(Reenter())
show(lambda: next(tees[0]))
print(isinstance(it.chain(), it.chain), issubclass(it.count, object))
class MyChain(it.chain):
    pass
print(list(MyChain("ab", "c")), type(MyChain.from_iterable(["x"])).__name__)
show(lambda: it.zip_longest("a", fill=1))
show(lambda: it.product("a", rep=1))
show(lambda: it.product("a", repeat=1.5))
show(lambda: it.combinations("abc"))
show(lambda: it.chain(x=1))
show(lambda: it.count(1, 2, 3))
show(lambda: it.repeat())
show(lambda: it.groupby())
show(lambda: it.tee())
show(lambda: it.accumulate([1], initial=None, func=None).__next__())
