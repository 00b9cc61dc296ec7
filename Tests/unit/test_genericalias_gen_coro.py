"""types.GeneratorType and types.CoroutineType can be subscripted for
type hints (gh-110209, CPython 3.13), like AsyncGeneratorType."""

import types
import unittest
import weakref


class GenCoroAliasTest(unittest.TestCase):

    def test_generator(self):
        alias = types.GeneratorType[int, None, str]
        self.assertIsInstance(alias, types.GenericAlias)
        self.assertIs(alias.__origin__, types.GeneratorType)
        self.assertEqual(alias.__args__, (int, None, str))
        self.assertEqual(repr(alias), 'generator[int, None, str]')

    def test_coroutine(self):
        alias = types.CoroutineType[int, int, int]
        self.assertIs(alias.__origin__, types.CoroutineType)
        self.assertEqual(repr(alias), 'coroutine[int, int, int]')

    def test_alias_behaves(self):
        alias = types.GeneratorType[int]
        self.assertEqual(alias, types.GeneratorType[int])
        self.assertEqual(hash(alias), hash(types.GeneratorType[int]))
        self.assertIs(weakref.ref(alias)(), alias)
        with self.assertRaises(TypeError):
            isinstance((x for x in ()), alias)

    def test_instances_unchanged(self):
        gen = (x for x in (1,))
        self.assertIsInstance(gen, types.GeneratorType)
        self.assertEqual(list(gen), [1])


if __name__ == '__main__':
    unittest.main()
