"""PEP 695 scopes refuse what CPython refuses: a type parameter named
twice, and an assignment expression in a type alias, a bound or default,
the definition of a generic, or an annotation (also inside a
comprehension there)."""

import textwrap
import unittest


class TypeParamsSyntaxTest(unittest.TestCase):

    def check(self, source, message):
        with self.assertRaisesRegex(SyntaxError, message):
            compile(textwrap.dedent(source), '<test>', 'exec')

    def test_duplicate_type_parameter(self):
        for source in ('def func[**A, A](): ...', 'def func[A, *A](): ...',
                       'class C[*A, **A](): ...', 'type T[A, **A] = None'):
            with self.subTest(source=source):
                self.check(source, "duplicate type parameter 'A'")

    def test_same_name_elsewhere_allowed(self):
        ns = {}
        exec('def func[A](A): return A\n'
             'class K:\n'
             '    def meth[__A](self, __A): return __A\n', ns)
        self.assertEqual(ns['func'](1), 1)
        self.assertEqual(ns['K']().meth(2), 2)

    def test_walrus_refused(self):
        cases = {
            'type X = (y := 3)':
                'named expression cannot be used within a type alias',
            'class X[T: (y := 3)]: pass':
                'named expression cannot be used within a TypeVar bound',
            'class X[T](y := list[T]): pass':
                'named expression cannot be used within the definition '
                'of a generic',
            'def f(y: (x := int)): pass':
                'named expression cannot be used within an annotation',
            'type T = [(x := 3) for _ in range(2)]':
                'assignment expression within a comprehension cannot be '
                'used in a type alias',
            'class X[T]([(x := 3) for _ in range(2)] and B): pass':
                'assignment expression within a comprehension cannot be '
                'used within the definition of a generic',
        }
        for source, message in cases.items():
            with self.subTest(source=source):
                self.check(source, message)

    def test_walrus_allowed_in_bodies(self):
        ns = {}
        exec('def f[T](x):\n'
             '    if (y := x) > 1:\n'
             '        return [z := v for v in range(y)], z\n', ns)
        self.assertEqual(ns['f'](3), ([0, 1, 2], 2))


if __name__ == '__main__':
    unittest.main()
