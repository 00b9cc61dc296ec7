"""importlib.resources' functional API as in CPython 3.13: no path names
means the anchor itself and None is refused as an anchor; encoding is a
keyword argument."""

import importlib.resources as resources
import os
import sys
import tempfile
import unittest


class FunctionalAPITest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        package = os.path.join(self.tmp.name, "resfuncpkg")
        os.makedirs(os.path.join(package, "sub"))
        open(os.path.join(package, "__init__.py"), "w").close()
        with open(os.path.join(package, "sub", "data.txt"), "w") as f:
            f.write("hello")
        sys.path.insert(0, self.tmp.name)
        self.addCleanup(sys.path.remove, self.tmp.name)
        self.addCleanup(sys.modules.pop, "resfuncpkg", None)

    def test_several_path_names(self):
        self.assertEqual(resources.read_text("resfuncpkg", "sub", "data.txt"),
                         "hello")
        self.assertEqual(resources.read_text("resfuncpkg", "sub", "data.txt",
                                             encoding="ascii"), "hello")
        with resources.open_text("resfuncpkg", "sub", "data.txt",
                                 encoding="utf-8") as f:
            self.assertEqual(f.read(), "hello")

    def test_no_path_names_is_the_anchor(self):
        self.assertFalse(resources.is_resource("resfuncpkg"))
        with self.assertRaises(OSError):
            resources.read_text("resfuncpkg")
        with resources.path("resfuncpkg") as path:
            self.assertTrue(os.path.isdir(path))

    def test_anchor_errors(self):
        for func in (resources.read_text, resources.read_binary,
                     resources.open_text, resources.open_binary,
                     resources.path, resources.is_resource,
                     resources.contents):
            with self.subTest(func=func.__name__):
                with self.assertRaises(TypeError):
                    func(None)
                with self.assertRaises(ModuleNotFoundError):
                    func("$missing module$")


if __name__ == "__main__":
    unittest.main()
