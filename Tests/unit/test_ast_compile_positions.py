"""compile() of a hand-made tree reports a bad position as CPython: a
statement or expression has its position read before its fields (an alias,
arg or keyword after), a missing one is a missing field of the type, and
None where an int is required is an invalid integer."""

import ast
import unittest


def module(*body):
    return ast.Module(list(body), [])


class AstCompilePositionsTest(unittest.TestCase):

    def check(self, mod, exc, msg):
        with self.assertRaises(exc) as cm:
            compile(mod, 'test', 'exec')
        self.assertEqual(str(cm.exception), msg)

    def test_statement_position_before_fields(self):
        self.check(module(ast.ImportFrom(
            module='time', names=[ast.alias(name='sleep')], level=None,
            lineno=None, col_offset=None)),
            ValueError, 'invalid integer value: None')

    def test_product_position_after_fields(self):
        self.check(module(ast.ImportFrom(
            module='time', names=[ast.alias(name='sleep')], level=0,
            lineno=1, col_offset=0)),
            TypeError, 'required field "lineno" missing from alias')

    def test_missing_names_the_type(self):
        self.check(module(ast.Expr(ast.Name('x', ast.Load()))),
                   TypeError, 'required field "lineno" missing from stmt')

    def test_none_col_offset(self):
        self.check(module(ast.Expr(
            ast.Name('x', ast.Load(), lineno=1, col_offset=None),
            lineno=1, col_offset=0)),
            ValueError, 'invalid integer value: None')

    def test_optional_end_position(self):
        mod = module(ast.Expr(ast.Name('x', ast.Load(), lineno=1,
                                       col_offset=0),
                              lineno=1, col_offset=0, end_lineno=None))
        compile(mod, 'test', 'exec')
        compile(ast.fix_missing_locations(module(ast.ImportFrom(
            module='time', names=[ast.alias(name='sleep')], level=0))),
            'test', 'exec')


if __name__ == '__main__':
    unittest.main()
