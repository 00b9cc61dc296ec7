"""inspect finds a class's source only through its __firstlineno__ (as
CPython 3.13+): a class that has none (its __module__ was reassigned) has
no source.  abc without its _abc accelerator is _py_abc's ABCMeta, named
abc.ABCMeta and so without source."""

import inspect
import sys
import unittest


class InspectClassFirstlinenoTest(unittest.TestCase):

    def test_class_with_firstlineno(self):
        class Here:
            pass
        lines, lnum = inspect.getsourcelines(Here)
        self.assertEqual(lines[0].strip(), 'class Here:')

    def test_class_without_firstlineno(self):
        __firstlineno__ = 1
        class C:
            nonlocal __firstlineno__
        self.assertNotIn('__firstlineno__', vars(C))
        self.assertRaises(OSError, inspect.getsource, C)

    def test_reassigned_module(self):
        class Moved:
            pass
        Moved.__module__ = __name__
        self.assertRaises(OSError, inspect.getsource, Moved)

    def test_abc_without_accelerator(self):
        saved = {name: sys.modules.pop(name, None) for name in ('abc', '_abc')}
        sys.modules['_abc'] = None   # blocks the import
        try:
            import abc as pure_abc
        finally:
            for name, mod in saved.items():
                if mod is None:
                    sys.modules.pop(name, None)
                else:
                    sys.modules[name] = mod
        self.assertEqual(pure_abc.ABCMeta.__module__, 'abc')
        self.assertIn('_py_abc', sys.modules)
        self.assertIs(pure_abc.ABCMeta, sys.modules['_py_abc'].ABCMeta)
        self.assertRaises(OSError, inspect.getsource, pure_abc.ABCMeta)

        class A(metaclass=pure_abc.ABCMeta):
            @pure_abc.abstractmethod
            def f(self):
                pass
        self.assertRaises(TypeError, A)

    def test_abc_with_accelerator(self):
        import abc
        lines, lnum = inspect.getsourcelines(abc.ABCMeta)
        self.assertEqual(lines[0].strip(), 'class ABCMeta(type):')


if __name__ == '__main__':
    unittest.main()
