"""importlib.machinery.AppleFrameworkLoader (public since CPython 3.13):
a ".fwork" marker redirects the module's binary to a path under the
executable's directory; __file__ stays the marker."""

import importlib.machinery
import importlib.util
import os
import sys
import tempfile
import unittest


class AppleFrameworkLoaderTest(unittest.TestCase):

    def test_listed(self):
        self.assertTrue(hasattr(importlib.machinery, "AppleFrameworkLoader"))
        self.assertTrue(issubclass(importlib.machinery.AppleFrameworkLoader,
                                   importlib.machinery.ExtensionFileLoader))

    def test_fwork_marker_redirects_origin(self):
        with tempfile.TemporaryDirectory() as tmp:
            marker = os.path.join(tmp, "demo.fwork")
            with open(marker, "w") as file:
                file.write("Frameworks/demo.framework/demo\n")
            loader = importlib.machinery.AppleFrameworkLoader("demo", marker)
            spec = importlib.util.spec_from_file_location("demo", marker,
                                                          loader=loader)
            # The binary does not exist: the import fails after the
            # origin has been redirected to it.
            with self.assertRaises(ImportError):
                loader.create_module(spec)
            self.assertEqual(spec.origin, os.path.join(
                os.path.dirname(sys.executable),
                "Frameworks/demo.framework/demo"))


if __name__ == "__main__":
    unittest.main()
