"""importlib.resources.abc.Traversable is a runtime-checkable protocol, as
in CPython: zipfile.Path and pathlib.Path are instances without being
registered; objects missing its methods are not."""

import io
import pathlib
import unittest
import zipfile
from importlib.resources.abc import Traversable


class TraversableTest(unittest.TestCase):

    def test_zipfile_path(self):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as zf:
            zf.writestr('pkg/data.txt', 'x')
        with zipfile.ZipFile(buf) as zf:
            root = zipfile.Path(zf)
            self.assertIsInstance(root, Traversable)
            self.assertIsInstance(root / 'pkg' / 'data.txt', Traversable)

    def test_pathlib_path(self):
        self.assertIsInstance(pathlib.Path('.'), Traversable)

    def test_other_objects(self):
        for obj in (1, 'x', io.BytesIO()):
            self.assertNotIsInstance(obj, Traversable)


if __name__ == '__main__':
    unittest.main()
