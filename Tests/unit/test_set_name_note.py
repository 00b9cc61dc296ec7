"""An exception from __set_name__ while a class is made gets a note naming
the attribute and the class (CPython 3.12+), for a class statement and for
a typing.NamedTuple class alike."""

import unittest
from typing import NamedTuple


class CustomError(BaseException):
    pass


class Annoying:
    def __set_name__(self, owner, name):
        raise CustomError


class SetNameNoteTest(unittest.TestCase):

    def test_class_statement(self):
        with self.assertRaises(CustomError) as cm:
            class Plain:
                attr = Annoying()
        self.assertEqual(cm.exception.__notes__, [
            "Error calling __set_name__ on 'Annoying' instance 'attr' "
            "in 'Plain'"])

    def test_namedtuple(self):
        with self.assertRaises(CustomError) as cm:
            class NT(NamedTuple):
                attr = Annoying()
        self.assertEqual(cm.exception.__notes__, [
            "Error calling __set_name__ on 'Annoying' instance 'attr' "
            "in 'NT'"])

    def test_type_call(self):
        with self.assertRaises(CustomError) as cm:
            type('Made', (), {'x': Annoying()})
        self.assertEqual(len(cm.exception.__notes__), 1)
        self.assertIn("'x' in 'Made'", cm.exception.__notes__[0])

    def test_no_note_without_error(self):
        seen = []

        class Fine:
            def __set_name__(self, owner, name):
                seen.append((owner.__name__, name))

        class Holder:
            f = Fine()
        self.assertEqual(seen, [('Holder', 'f')])


if __name__ == '__main__':
    unittest.main()
