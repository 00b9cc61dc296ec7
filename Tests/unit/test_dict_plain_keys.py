"""Dict lookups, stores and setdefault with exact int and str keys.

The free-threaded build decides these in a leaf critical section
(session 13, ftdict): equality of two exact ints or two exact strs needs
no code, a str never equals an int, and any other key met with the same
hash must still be compared through __eq__.  Every result here is
CPython 3.13's.
"""
import unittest


class RecordingKey:
    """A key with a chosen hash whose __eq__ is recorded."""

    def __init__(self, hash_value, equal_to):
        self.hash_value = hash_value
        self.equal_to = equal_to
        self.calls = []

    def __hash__(self):
        return self.hash_value

    def __eq__(self, other):
        self.calls.append(other)
        return other == self.equal_to


class RecordingStr(str):
    calls = 0

    def __eq__(self, other):
        type(self).calls += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class PlainKeyLookupTest(unittest.TestCase):
    def test_int_finds_equal_float_and_bool_keys(self):
        d = {1.0: "float", True: "bool"}   # one entry: True == 1.0
        self.assertEqual(d[1], "bool")
        self.assertIn(1, d)
        self.assertEqual(d.get(1), "bool")
        self.assertEqual(d.setdefault(1, "new"), "bool")
        d[1] = "int"
        self.assertEqual(list(d.items()), [(1.0, "int")])
        self.assertIs(type(next(iter(d))), float)

    def test_int_entry_with_same_hash_user_key_calls_eq(self):
        key = RecordingKey(7, 7)
        d = {key: "user"}
        self.assertEqual(d[7], "user")
        self.assertIn(7, d)
        self.assertEqual(len(key.calls), 2)
        self.assertEqual(d.setdefault(7, "x"), "user")
        d[7] = "replaced"
        self.assertEqual(list(d.items()), [(key, "replaced")])
        self.assertEqual(len(key.calls), 4)

    def test_unequal_user_key_with_same_hash_is_passed(self):
        key = RecordingKey(7, None)
        d = {key: "user"}
        self.assertNotIn(7, d)
        d[7] = "int"
        self.assertEqual(d[7], "int")
        self.assertEqual(len(d), 2)
        self.assertTrue(key.calls)

    def test_str_subclass_entry_calls_its_eq(self):
        RecordingStr.calls = 0
        d = {RecordingStr("abc"): 1, "other": 2}
        self.assertIn("abc", d)
        self.assertEqual(d["abc"], 1)
        self.assertGreaterEqual(RecordingStr.calls, 2)

    def test_str_and_int_with_equal_hashes_stay_apart(self):
        text = "a string whose hash becomes an int key"
        number = hash(text)
        d = {text: "str"}
        d[number] = "int"
        self.assertEqual(len(d), 2)
        self.assertEqual(d[text], "str")
        self.assertEqual(d[number], "int")
        self.assertEqual(d.setdefault(number, "x"), "int")
        self.assertEqual(d.setdefault(text, "x"), "str")
        del d[text]
        self.assertNotIn(text, d)
        self.assertIn(number, d)

    def test_big_and_negative_ints_compare_by_value(self):
        big = 2 ** 100
        d = {big: "big", -5: "neg", -(2 ** 70): "negbig"}
        self.assertEqual(d[int("1" + "0" * 30) * 0 + 2 ** 100], "big")
        self.assertEqual(d[int("-5")], "neg")
        self.assertEqual(d[-int("1180591620717411303424")], "negbig")
        self.assertNotIn(2 ** 100 + 1, d)
        d[int(str(big))] = "big2"
        self.assertEqual(len(d), 3)

    def test_stores_and_setdefault_through_resizes(self):
        d = {}
        for i in range(200):
            d[i] = i
            self.assertEqual(d.setdefault(f"k{i}", i), i)
            self.assertEqual(d.setdefault(f"k{i}", -1), i)
        for i in range(200):
            d[i] += 1
        self.assertEqual(len(d), 400)
        self.assertEqual(sum(d[i] for i in range(200)), sum(range(1, 201)))
        self.assertEqual([d[f"k{i}"] for i in range(5)], [0, 1, 2, 3, 4])

    def test_store_of_same_value_keeps_it(self):
        value = object()
        d = {"k": value, 3: value}
        d["k"] = value
        d[3] = value
        self.assertIs(d["k"], value)
        self.assertIs(d[3], value)

    def test_setdefault_on_dict_subclass_and_mixed_table(self):
        class D(dict):
            pass
        d = D({(1, 2): "tuple"})
        self.assertEqual(d.setdefault(5, "five"), "five")
        self.assertEqual(d.setdefault("s", "str"), "str")
        self.assertEqual(d.setdefault((1, 2), "x"), "tuple")
        self.assertEqual(d, {(1, 2): "tuple", 5: "five", "s": "str"})


class IterationErrorTest(unittest.TestCase):
    def test_changed_size(self):
        d = {1: 1, 2: 2}
        it = iter(d)
        next(it)
        d[3] = 3
        with self.assertRaisesRegex(RuntimeError,
                                    "dictionary changed size during iteration"):
            next(it)
        with self.assertRaises(RuntimeError):
            next(it)

    def test_keys_changed(self):
        d = {1: 1, 2: 2}
        it = iter(d.items())
        next(it)
        del d[1]
        d[3] = 3
        with self.assertRaisesRegex(RuntimeError,
                                    "dictionary keys changed during iteration"):
            for _ in it:
                pass
        self.assertEqual(list(it), [])


if __name__ == "__main__":
    unittest.main()
