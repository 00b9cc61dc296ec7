"""Positions of files opened for appending: writes land at the end
whatever the position, and tell() reports where they landed."""

import os
import tempfile
import unittest


class AppendPositionTest(unittest.TestCase):

    def setUp(self):
        handle, self.path = tempfile.mkstemp()
        os.write(handle, b"0123456789abcde")
        os.close(handle)

    def tearDown(self):
        os.unlink(self.path)

    def test_binary(self):
        with open(self.path, "ab") as file:
            self.assertEqual(file.tell(), 15)
            file.seek(11)
            self.assertEqual(file.tell(), 11)
            file.write(b"XYZXYZ")
            file.flush()
            self.assertEqual(file.tell(), 21)
            self.assertEqual(file.raw.tell(), 21)
        with open(self.path, "rb") as file:
            self.assertEqual(file.read(), b"0123456789abcdeXYZXYZ")

    def test_text(self):
        with open(self.path, "a") as file:
            file.seek(3)
            file.write("hi")
            self.assertEqual(file.tell(), 17)


if __name__ == "__main__":
    unittest.main()
