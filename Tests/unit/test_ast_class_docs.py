"""ast node classes describe themselves as CPython's: an enumeration's
__doc__ lists its constructors on one line, kw_defaults and Dict.keys are
list[expr] in _field_types, and a format spec's JoinedStr starts at ':'."""

import ast
import unittest


class AstClassDocsTest(unittest.TestCase):

    def test_enum_docs(self):
        self.assertEqual(
            ast.cmpop.__doc__,
            "cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn")
        self.assertEqual(ast.boolop.__doc__, "boolop = And | Or")
        self.assertEqual(ast.expr_context.__doc__,
                         "expr_context = Load | Store | Del")
        self.assertEqual(ast.GtE.__doc__, "GtE")

    def test_sum_docs_unchanged(self):
        lines = ast.expr.__doc__.split('\n')
        self.assertTrue(lines[0].startswith('expr = BoolOp('))
        self.assertTrue(all(line.startswith('     | ') for line in lines[1:]))

    def test_list_field_types(self):
        self.assertEqual(ast.arguments._field_types['kw_defaults'],
                         list[ast.expr])
        self.assertEqual(ast.Dict._field_types['keys'], list[ast.expr])
        # None is still accepted in them.
        tree = ast.parse('def f(*, a, b=1): pass\n{**d}')
        compile(tree, '<test>', 'exec')

    def test_format_spec_position(self):
        fv = ast.parse("f'{a:.2f}'", mode='eval').body.values[0]
        spec = fv.format_spec
        self.assertEqual((spec.lineno, spec.col_offset,
                          spec.end_lineno, spec.end_col_offset), (1, 4, 1, 8))
        self.assertEqual(spec.values[0].col_offset, 5)
        fv = ast.parse("f'{b!r:>{w}}'", mode='eval').body.values[0]
        self.assertEqual((fv.format_spec.col_offset,
                          fv.format_spec.end_col_offset), (6, 11))


if __name__ == '__main__':
    unittest.main()
