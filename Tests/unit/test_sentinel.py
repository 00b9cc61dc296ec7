"""The sentinel built-in (PEP 661, 3.15)."""

import copy
import pickle
import unittest
import weakref

MISSING = sentinel("MISSING")
QUALIFIED = sentinel("Holder.NotGiven")


class Basics(unittest.TestCase):

    def test_repr_name_and_module(self):
        self.assertEqual(repr(MISSING), "MISSING")
        self.assertEqual(MISSING.__name__, "MISSING")
        self.assertEqual(MISSING.__module__, __name__)
        self.assertEqual(repr(QUALIFIED), "Holder.NotGiven")
        custom = sentinel("DEFAULT", repr="<DEFAULT>")
        self.assertEqual(repr(custom), "<DEFAULT>")
        self.assertEqual(custom.__name__, "DEFAULT")

    def test_identity_and_truth(self):
        self.assertTrue(MISSING)
        self.assertEqual(MISSING, MISSING)
        self.assertNotEqual(MISSING, sentinel("MISSING"))
        self.assertIsNot(sentinel("X"), sentinel("X"))
        self.assertEqual(hash(MISSING), hash(MISSING))

    def test_name_must_be_str(self):
        with self.assertRaises(TypeError):
            sentinel(1)
        with self.assertRaises(TypeError):
            sentinel()
        with self.assertRaises(TypeError):
            sentinel("A", "B")
        with self.assertRaises(TypeError):
            sentinel("A", repr=3)

    def test_not_subclassable_orderable_or_weakrefable(self):
        with self.assertRaises(TypeError):
            class Sub(sentinel):
                pass
        with self.assertRaises(TypeError):
            MISSING < MISSING
        with self.assertRaises(TypeError):
            weakref.ref(MISSING)

    def test_module_is_writable(self):
        local = sentinel("LOCAL")
        local.__module__ = "elsewhere"
        self.assertEqual(local.__module__, "elsewhere")


class CopyPickleUnion(unittest.TestCase):

    def test_copies_are_the_object(self):
        self.assertIs(copy.copy(MISSING), MISSING)
        self.assertIs(copy.deepcopy(MISSING), MISSING)
        self.assertIs(copy.deepcopy([MISSING])[0], MISSING)

    def test_pickled_by_reference(self):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            self.assertIs(pickle.loads(pickle.dumps(MISSING, protocol)),
                          MISSING)

    def test_local_sentinel_is_not_picklable(self):
        def make():
            return sentinel("NOT_GLOBAL")
        with self.assertRaises(pickle.PicklingError):
            pickle.dumps(make())

    def test_union(self):
        self.assertEqual(repr(MISSING | int), "MISSING | int")
        self.assertEqual(repr(int | MISSING), "int | MISSING")
        self.assertEqual((MISSING | None).__args__, (MISSING, type(None)))


if __name__ == "__main__":
    unittest.main()
