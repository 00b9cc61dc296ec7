"""AST node constructors as CPython 3.15: errors name the class by its
full name (ast.FunctionDef), and a field that _field_types does not
describe must be given (it has no default)."""

import ast
import re
import unittest


class AstConstructor315Test(unittest.TestCase):

    def test_missing_field_message(self):
        msg = ("ast.FunctionDef.__init__ missing 1 required positional "
               "argument: 'name'")
        with self.assertRaisesRegex(TypeError, re.escape(msg)):
            ast.FunctionDef(args=ast.arguments())
        with self.assertRaisesRegex(TypeError, re.escape(
                "ast.Name.__init__ missing 1 required positional argument: "
                "'id'")):
            ast.Name()

    def test_unexpected_keyword_message(self):
        class MyAttrs(ast.AST):
            _attributes = ('a', 'b')
        obj = MyAttrs(a=1, b=2)
        self.assertEqual((obj.a, obj.b), (1, 2))
        with self.assertRaisesRegex(TypeError, re.escape(
                "MyAttrs.__init__ got an unexpected keyword argument 'c'")):
            MyAttrs(c=3)
        with self.assertRaisesRegex(TypeError, re.escape(
                "ast.Constant.__init__ got an unexpected keyword argument "
                "'bogus'")):
            ast.Constant(1, bogus=2)

    def test_incomplete_field_types(self):
        class MoreFieldsThanTypes(ast.AST):
            _fields = ('a', 'b')
            _field_types = {'a': int | None}
            a: int | None = None
            b: int | None = None

        with self.assertRaisesRegex(
                TypeError,
                r"Field 'b' is missing from .*\.MoreFieldsThanTypes\._field_types"):
            MoreFieldsThanTypes()
        obj = MoreFieldsThanTypes(a=1, b=2)
        self.assertEqual((obj.a, obj.b), (1, 2))

    def test_no_field_types_still_lenient(self):
        class Fields(ast.AST):
            _fields = ('a',)
        with self.assertRaises(AttributeError):
            Fields().a
        self.assertEqual(Fields(a=1).a, 1)


if __name__ == '__main__':
    unittest.main()
