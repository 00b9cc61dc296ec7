"""collections.abc.ByteString and typing.ByteString are still there in
3.15, deprecated (removal in 3.17) and out of __all__: looking them up,
subclassing them and isinstance() against them warn."""

import collections.abc
import pickle
import typing
import unittest
import warnings

ABC_MSG = r"'collections\.abc\.ByteString' is deprecated .* Python 3\.17"
TYPING_MSG = (r"'typing\.ByteString' and 'collections\.abc\.ByteString' are "
              r"deprecated and slated for removal in Python 3\.17")


class ByteStringDeprecatedTest(unittest.TestCase):

    def test_abc_lookup_warns(self):
        with self.assertWarnsRegex(DeprecationWarning, ABC_MSG):
            bs = collections.abc.ByteString
        with self.assertWarnsRegex(DeprecationWarning, ABC_MSG):
            from collections.abc import ByteString
        self.assertIs(bs, ByteString)
        self.assertEqual(repr(bs), "<class 'collections.abc.ByteString'>")
        self.assertNotIn('ByteString', collections.abc.__all__)

    def test_abc_checks(self):
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            bs = collections.abc.ByteString
        for obj in (b'', bytearray()):
            with self.assertWarnsRegex(DeprecationWarning, ABC_MSG):
                self.assertIsInstance(obj, bs)
        with self.assertWarnsRegex(DeprecationWarning, ABC_MSG):
            self.assertNotIsInstance(memoryview(b''), bs)
        with self.assertWarnsRegex(DeprecationWarning, ABC_MSG):
            class Sub(bs):
                pass
        self.assertTrue(issubclass(bs, collections.abc.Sequence))

    def test_sequence_checks_do_not_warn(self):
        with warnings.catch_warnings():
            warnings.simplefilter('error', DeprecationWarning)
            self.assertIsInstance([], collections.abc.Sequence)
            self.assertNotIsInstance({}, collections.abc.Sequence)

    def test_typing_alias(self):
        with self.assertWarnsRegex(DeprecationWarning, TYPING_MSG):
            alias = typing.ByteString
        self.assertEqual(repr(alias), 'typing.ByteString')
        self.assertEqual(alias.__name__, 'ByteString')
        self.assertEqual(alias.__module__, 'typing')
        self.assertNotIn('ByteString', typing.__all__)
        with self.assertWarnsRegex(DeprecationWarning, TYPING_MSG):
            self.assertIsInstance(b'', alias)
        with self.assertWarnsRegex(DeprecationWarning, TYPING_MSG):
            self.assertFalse(issubclass(memoryview, alias))
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            self.assertIs(pickle.loads(pickle.dumps(alias)), alias)


class AnnotatedCacheTest(unittest.TestCase):

    def test_same_object(self):
        a = typing.Annotated[int, 'Annotation']
        self.assertIs(a, typing.Annotated[int, 'Annotation'])
        self.assertIs(pickle.loads(pickle.dumps(a)), a)
        # typed: 1 and True are different metadata.
        self.assertIsNot(typing.Annotated[int, 1], typing.Annotated[int, True])
        # unhashable metadata is not cached, but works.
        self.assertEqual(typing.Annotated[int, {}].__metadata__, ({},))


if __name__ == '__main__':
    unittest.main()
