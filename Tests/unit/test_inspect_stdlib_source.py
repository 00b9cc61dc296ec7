"""inspect finds what CPython finds for two stdlib objects: dict.fromkeys
has a text signature, and collections.abc is _collections_abc itself, so
its classes' source is found."""

import collections
import collections.abc
import _collections_abc
import inspect
import sys
import unittest


class InspectStdlibSourceTest(unittest.TestCase):

    def test_fromkeys_signature(self):
        self.assertEqual(str(inspect.signature(dict.fromkeys)),
                         '(iterable, value=None, /)')

        class C:
            __call__ = dict.fromkeys
        self.assertEqual(inspect.signature(C()),
                         inspect.signature(dict.fromkeys))

    def test_collections_abc_is_private_module(self):
        self.assertIs(sys.modules['collections.abc'], _collections_abc)
        self.assertIs(collections.abc, _collections_abc)

    def test_getsource_sequence(self):
        lines, lineno = inspect.getsourcelines(collections.abc.Sequence)
        self.assertEqual(lines[0], 'class Sequence(Reversible, Collection):\n')
        self.assertEqual(inspect.getsource(collections.abc.Sequence),
                         ''.join(lines))
        self.assertTrue(inspect.getsourcefile(collections.abc.Sequence)
                        .endswith('_collections_abc.py'))


if __name__ == '__main__':
    unittest.main()
