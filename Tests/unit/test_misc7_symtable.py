"""symtable and _symtable: the compiler's symbol tables, read-only."""

import symtable
import unittest
import warnings

SOURCE = '''\
import os
from sys import path as p
g = 1
def f(a, *args, b=2, **kw):
    global g
    x = 1
    def inner():
        nonlocal x
        x += 1
        return y
    y = lambda: inner
    return x
class C:
    attr: int = 1
    def m(self):
        return __class__
    def n(self): pass
def gen[T](v: T) -> T:
    yield v
'''


class Tables(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.top = symtable.symtable(SOURCE, 'mod.py', 'exec')
        cls.f, cls.C, cls.gen_params = cls.top.get_children()
        cls.inner, cls.lam = cls.f.get_children()

    def test_module(self):
        top = self.top
        self.assertEqual(repr(top), '<SymbolTable for module mod.py>')
        self.assertEqual(top.get_type(), symtable.SymbolTableType.MODULE)
        self.assertEqual(top.get_type(), 'module')
        self.assertEqual(top.get_name(), 'top')
        self.assertEqual(top.get_lineno(), 0)
        self.assertFalse(top.is_optimized())
        self.assertFalse(top.is_nested())
        self.assertTrue(top.has_children())
        self.assertEqual(set(top.get_identifiers()),
                         {'os', 'p', 'g', 'f', 'C', 'gen'})
        self.assertTrue(top.lookup('os').is_imported())
        self.assertTrue(top.lookup('p').is_imported())
        self.assertTrue(top.lookup('g').is_global())
        self.assertTrue(top.lookup('g').is_local())
        self.assertTrue(top.lookup('g').is_assigned())
        with self.assertRaises(KeyError):
            top.lookup('nothere')

    def test_function(self):
        f = self.f
        self.assertIsInstance(f, symtable.Function)
        self.assertEqual(repr(f), '<Function SymbolTable for f in mod.py>')
        self.assertEqual(f.get_type(), 'function')
        self.assertEqual(f.get_lineno(), 4)
        self.assertTrue(f.is_optimized())
        self.assertEqual(f.get_parameters(), ('a', 'b', 'args', 'kw'))
        self.assertEqual(sorted(f.get_locals()),
                         ['a', 'args', 'b', 'inner', 'kw', 'x', 'y'])
        self.assertEqual(f.get_globals(), ('g',))
        self.assertTrue(f.lookup('g').is_declared_global())
        self.assertTrue(f.lookup('a').is_parameter())
        self.assertTrue(f.lookup('x').is_local())
        self.assertTrue(f.lookup('inner').is_namespace())
        self.assertIs(f.lookup('inner').get_namespace(), self.inner)
        with self.assertRaisesRegex(ValueError, 'not bound to any'):
            f.lookup('x').get_namespace()

    def test_nested(self):
        inner = self.inner
        self.assertTrue(inner.is_nested())
        self.assertEqual(inner.get_nonlocals(), ('x',))
        self.assertEqual(sorted(inner.get_frees()), ['x', 'y'])
        self.assertTrue(inner.lookup('x').is_free())
        self.assertTrue(inner.lookup('x').is_nonlocal())
        self.assertTrue(inner.lookup('y').is_referenced())
        self.assertEqual(self.lam.get_name(), 'lambda')
        self.assertEqual(self.lam.get_frees(), ('inner',))

    def test_class(self):
        C = self.C
        self.assertIsInstance(C, symtable.Class)
        self.assertEqual(C.get_type(), 'class')
        self.assertTrue(C.lookup('attr').is_annotated())
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            self.assertEqual(C.get_methods(), ('m', 'n'))
        self.assertEqual(caught[0].category, DeprecationWarning)
        self.assertIn('get_methods() is deprecated', str(caught[0].message))
        m = [t for t in C.get_children() if t.get_name() == 'm'][0]
        self.assertTrue(m.lookup('__class__').is_free())

    def test_type_params(self):
        params = self.gen_params
        self.assertEqual(params.get_type(), 'type parameters')
        self.assertTrue(params.lookup('T').is_type_parameter())
        funcs = [t for t in params.get_children() if t.get_name() == 'gen']
        self.assertEqual(funcs[0].get_type(), 'function')

    def test_symbol_repr(self):
        self.assertEqual(repr(self.f.lookup('a')),
                         "<symbol 'a': LOCAL, DEF_PARAM>")
        self.assertEqual(repr(self.top.lookup('os')),
                         "<symbol 'os': LOCAL, DEF_IMPORT>")

    def test_modes_and_errors(self):
        table = symtable.symtable('a + b', '<e>', 'eval')
        self.assertEqual(sorted(table.get_identifiers()), ['a', 'b'])
        self.assertTrue(table.lookup('a').is_global())
        table = symtable.symtable(b'x = 1\n', 'b.py', 'single')
        self.assertEqual(list(table.get_identifiers()), ['x'])
        with self.assertRaisesRegex(ValueError, "arg 3 must be 'exec'"):
            symtable.symtable('x', 'f', 'bogus')
        with self.assertRaises(SyntaxError):
            symtable.symtable('def (:', 'bad.py', 'exec')
        with self.assertRaises(SyntaxError):
            symtable.symtable('def f():\n nonlocal q\n', 'bad.py', 'exec')
        with self.assertRaises(TypeError):
            symtable.symtable(3, 'f', 'exec')


if __name__ == '__main__':
    unittest.main()
