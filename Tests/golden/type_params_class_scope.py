# Type parameter bounds and type alias values inside a class body read the
# names the class binds from the class's own dict (so a later assignment to
# the class is seen), fall back to the globals rather than an enclosing
# function when the class binds the name, honour `global` in the class, and
# still pass a class's type parameters on to nested scopes.
x = "global"


def outer():
    x = "nonlocal"

    class Binds:
        type Alias = x
        val = Alias.__value__
        def meth[T: x](self): ...
        bound = meth.__type_params__[0].__bound__
        x = "class"

    class Uses:
        type Alias = x
        def meth[T: x](self): ...

    class Declares:
        global x
        type Alias = x
    Declares.x = "class"
    return Binds, Uses, Declares


binds, uses, declares = outer()
print(binds.val, binds.bound)
print(uses.Alias.__value__, uses.meth.__type_params__[0].__bound__)
print(declares.Alias.__value__)


class Later:
    T = int
    def foo[U: T](self): ...
    type Alias = T


Later.T = float
print(Later.foo.__type_params__[0].__bound__.__name__,
      Later.Alias.__value__.__name__)


class Generic[T]:
    T = "class"
    type Pair = (T, [T for _ in (1,)][0])


first, second = Generic.Pair.__value__
print(first, second is Generic.__type_params__[0] or second)
print("__classdictcell__" in Later.__dict__, "__classdict__" in Later.__dict__)
