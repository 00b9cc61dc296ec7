# An annotated name without a value is still a local of the function.
x = 'global'


def f():
    x: int
    print(x)


try:
    f()
except NameError as e:
    print(type(e).__name__, e)
print(f.__code__.co_varnames)


def g():
    y: int
    def inner():
        return y
    return inner


try:
    g()()
except NameError as e:
    print(type(e).__name__, e)
print(g.__code__.co_cellvars)
