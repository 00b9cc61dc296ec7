"""typing.assert_never shows at most _ASSERT_NEVER_REPR_MAX_LENGTH
characters of the value's repr (CPython's name for the limit)."""

import typing
import unittest


class AssertNeverTest(unittest.TestCase):

    def test_message_names_the_value(self):
        with self.assertRaisesRegex(AssertionError, 'some value'):
            typing.assert_never('some value')

    def test_huge_value_truncated(self):
        limit = typing._ASSERT_NEVER_REPR_MAX_LENGTH
        with self.assertRaises(AssertionError) as cm:
            typing.assert_never('a' * 10000)
        message = cm.exception.args[0]
        self.assertTrue(message.endswith("'" + 'a' * (limit - 1) + '...'))
        self.assertLess(len(message), limit * 2)


if __name__ == '__main__':
    unittest.main()
