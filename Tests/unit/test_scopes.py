"""Name resolution: global, nonlocal, closures and cells, class scopes,
comprehension scopes, walrus, unbound locals (was golden lang_scopes).

Several checks need module-level code; those module-level names are
prefixed with scope_ so no test depends on another's side effects."""

import unittest

scope_x = "global"


def outer_nonlocal():
    scope_x = "enclosing"

    def inner():
        nonlocal scope_x
        scope_x = "modified"
    inner()
    return scope_x


scope_set = "initial"


def set_global():
    global scope_set
    scope_set = "set by function"


class ClassScope:
    y = 10
    w = (lambda: "lam")()
    def m(self): return scope_y_global


scope_y_global = "yg"


class ClassScopeComprehension:
    a = 1
    try:
        b = [a for _ in range(1)]
    except NameError as e:
        b = str(e)


scope_g = 1


def read_global(): return scope_g + 1


SCOPE_G = 5


def rebinding_global(a):
    global SCOPE_G
    SCOPE_G = 6
    return [SCOPE_G + len(str(x)) for x in a], {x: SCOPE_G for x in a}, {type(x) for x in a}


class Priv:
    __secret = 1
    def get(self): return self.__secret


class UsesClassCell:
    y = 1

    def m(self, a):
        return [self, __class__, len(a)][1:] + [z for z in a if isinstance(z, int)]


def run_module_code(source):
    """Run source as the body of a fresh module; return its namespace."""
    namespace = {"__name__": "scope_module"}
    exec(compile(source, "<module>", "exec"), namespace)
    return namespace


class GlobalAndNonlocal(unittest.TestCase):

    def test_nonlocal_leaves_global_alone(self):
        self.assertEqual(outer_nonlocal(), "modified")
        self.assertEqual(scope_x, "global")

    def test_global_statement(self):
        set_global()
        self.assertEqual(scope_set, "set by function")
        self.assertEqual(read_global(), 2)
        self.assertEqual(rebinding_global([1, 22]), ([7, 8], {1: 6, 22: 6}, {int}))
        self.assertEqual(SCOPE_G, 6)

    def test_module_level_locals_and_del(self):
        ns = run_module_code(
            "g = 1\nn = 100\nx = 'x'\n"
            "names = sorted(k for k in locals().keys() if k in ('g', 'n', 'x'))\n"
            "try:\n    del undefined_name\nexcept NameError as e:\n    message = str(e)\n")
        self.assertEqual(ns["names"], ["g", "n", "x"])
        self.assertEqual(ns["message"], "name 'undefined_name' is not defined")


class Closures(unittest.TestCase):

    def test_counter_cell(self):
        def counter():
            n = 0

            def inc():
                nonlocal n
                n += 1
                return n
            return inc
        c = counter()
        self.assertEqual((c(), c(), c()), (1, 2, 3))
        self.assertEqual(c.__closure__[0].cell_contents, 3)

    def test_late_binding_and_default_capture(self):
        fs = [lambda: i for i in range(3)]
        self.assertEqual([f() for f in fs], [2, 2, 2])
        fs = [lambda i=i: i for i in range(3)]
        self.assertEqual([f() for f in fs], [0, 1, 2])

    def test_nested_levels(self):
        def deep():
            a = 1

            def l1():
                b = 2

                def l2():
                    return a + b
                return l2
            return l1()()
        self.assertEqual(deep(), 3)

        def outer():
            v = 10

            def f(a):
                return [v + x for x in a]
            return f([1, 2])
        self.assertEqual(outer(), [11, 12])

    def test_class_body_does_not_hide_closure(self):
        def class_in_func():
            val = "closure"

            class C:
                val = "class attr"
                def get(self): return val
            return C().get(), C.val
        self.assertEqual(class_in_func(), ("closure", "class attr"))

    def test_class_cell(self):
        self.assertEqual(UsesClassCell().m([1, "s"]), [UsesClassCell, 2, 1])


class ClassScopes(unittest.TestCase):

    def test_class_names_not_visible_in_methods_or_comprehensions(self):
        self.assertEqual((ClassScope.w, ClassScope().m()), ("lam", "yg"))
        self.assertEqual(ClassScopeComprehension.b, "name 'a' is not defined")

    def test_name_mangling(self):
        self.assertEqual(Priv().get(), 1)
        self.assertTrue(hasattr(Priv, "_Priv__secret"))
        self.assertFalse(hasattr(Priv, "__secret"))


class UnboundNames(unittest.TestCase):

    def test_unbound_local(self):
        def unbound():
            try:
                print(q)
            except UnboundLocalError as e:
                return str(e)
            q = 1
        self.assertEqual(unbound(),
                         "cannot access local variable 'q' where it is not associated with a value")

        def del_local():
            a = 1
            del a
            try:
                a
            except UnboundLocalError as e:
                return str(e)
        self.assertEqual(del_local(),
                         "cannot access local variable 'a' where it is not associated with a value")

    def test_unbound_free_variable(self):
        def free_unbound():
            def inner():
                return v
            try:
                inner()
            except NameError as e:
                message = str(e)
            v = 2
            return message, inner()
        self.assertEqual(free_unbound(),
                         ("cannot access free variable 'v' where it is not associated with a "
                          "value in enclosing scope", 2))

    def test_shadowing_builtin(self):
        def shadow():
            list = "shadowed"
            return list
        self.assertEqual(shadow(), "shadowed")
        self.assertEqual(list("ab"), ["a", "b"])


class ComprehensionsAndWalrus(unittest.TestCase):

    def test_walrus(self):
        self.assertEqual([y := 5, y ** 2], [5, 25])
        self.assertEqual([last := n for n in range(4)], [0, 1, 2, 3])
        self.assertEqual(last, 3)
        if (m := len("abcd")) > 3:
            self.assertEqual(m, 4)
        else:
            self.fail("walrus condition false")

        def comp_walrus():
            total = 0
            vals = [total := total + v for v in range(5)]
            return vals, total
        self.assertEqual(comp_walrus(), ([0, 1, 3, 6, 10], 10))

    def test_comprehension_variables_stay_inside(self):
        self.assertEqual({k: v for k, v in zip("ab", range(2))}, {"a": 0, "b": 1})
        self.assertTrue({v for v in "aab"} == {"a", "b"})
        n = 100
        self.assertEqual([n for n in range(3)], [0, 1, 2])
        self.assertEqual(n, 100)
        self.assertEqual(list(map(lambda n: n * 2, range(3))), [0, 2, 4])
        self.assertEqual([j for j in range(3) for _ in range(j)], [1, 2, 2])
        self.assertEqual([len(x) for x in ["a", "bb"]], [1, 2])

    def test_function_locals(self):
        def f_locals(a, b=2):
            c = 3
            return sorted(locals().items())
        self.assertEqual(f_locals(1), [("a", 1), ("b", 2), ("c", 3)])
        lam = lambda *a, **k: (a, k)
        self.assertEqual(lam(1, x=2), ((1,), {"x": 2}))
        self.assertEqual((lambda: None).__name__, "<lambda>")


if __name__ == "__main__":
    unittest.main()
