"""`nonlocal` may not name a type parameter (PEP 695), from a nested
function, a generic class body or a method; a function that binds the
name itself again makes it an ordinary variable that nonlocal may name."""

import unittest

MSG = "nonlocal binding not allowed for type parameter '%s'"


class TypeParamsNonlocalTest(unittest.TestCase):

    def refused(self, source, name):
        with self.assertRaisesRegex(SyntaxError, MSG % name):
            compile(source, '<test>', 'exec')

    def test_refused(self):
        self.refused("def outer():\n    X = 1\n"
                     "    def inner[X]():\n        nonlocal X\n", 'X')
        self.refused("def outer[T]():\n    def inner():\n        nonlocal T\n",
                     'T')
        self.refused("class Cls[T]:\n    nonlocal T\n", 'T')
        self.refused("def outer():\n    T = 1\n    class C[T]:\n"
                     "        def m(self):\n            nonlocal T\n", 'T')

    def test_rebound_name_allowed(self):
        ns = {}
        exec("def func[T]():\n    T = 'func'\n    def inner():\n"
             "        nonlocal T\n        T = 'inner'\n    inner()\n"
             "    return T\n", ns)
        self.assertEqual(ns['func'](), 'inner')
        T, = ns['func'].__type_params__
        self.assertEqual(T.__name__, 'T')

    def test_ordinary_nonlocal_unchanged(self):
        ns = {}
        exec("def f():\n    x = 1\n    def g():\n        nonlocal x\n"
             "        x = 2\n    g()\n    return x\n", ns)
        self.assertEqual(ns['f'](), 2)
        with self.assertRaisesRegex(SyntaxError, "no binding for nonlocal"):
            compile("def f():\n    def g():\n        nonlocal y\n",
                    '<test>', 'exec')


if __name__ == '__main__':
    unittest.main()
