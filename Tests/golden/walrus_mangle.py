# A walrus target in a comprehension inside a method is mangled like any
# other name: `global __x1` in the method covers `[__x1 := ...]`.
class Foo:
    def f(self):
        global __x1
        __x1 = 0
        [_Foo__x1 := 1 for a in [2]]
        print(__x1)
        [__x1 := 2 for a in [3]]
        print(__x1)

    def g(self):
        __y = 0
        [__y := n for n in range(3)]
        return __y, [v for v in locals() if 'y' in v]

    def h(self):
        [__z := 5 for _ in [0]]
        def inner():
            return __z
        return inner()

Foo().f()
print(_Foo__x1)
print(Foo().g())
print(Foo().h())
