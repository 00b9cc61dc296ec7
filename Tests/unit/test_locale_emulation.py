"""locale without _locale (imported with it blocked, as CPython's tests
do): the "C" locale alone, and getencoding() falls back to the filesystem
encoding."""

import importlib
import sys
import unittest
from unittest import mock


def locale_without_c_module():
    saved = {name: sys.modules.get(name) for name in ("locale", "_locale")}
    sys.modules["_locale"] = None          # makes "import _locale" fail
    sys.modules.pop("locale", None)
    try:
        return importlib.import_module("locale")
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


class Emulation(unittest.TestCase):

    def test_getencoding_fallback(self):
        with mock.patch.object(sys, "getfilesystemencoding",
                               return_value="FALLBACK_ENCODING"):
            locale = locale_without_c_module()
            self.assertEqual(locale.getencoding(), "FALLBACK_ENCODING")

    def test_c_locale_only(self):
        locale = locale_without_c_module()
        self.assertEqual(locale.setlocale(locale.LC_ALL), "C")
        self.assertEqual(locale.setlocale(locale.LC_ALL, "C"), "C")
        with self.assertRaises(locale.Error):
            locale.setlocale(locale.LC_ALL, "fr_FR.UTF-8")
        self.assertEqual(locale.localeconv()["decimal_point"], ".")
        self.assertEqual(locale.format_string("%d", 1234, grouping=True),
                         "1234")
        self.assertEqual(locale.strcoll("a", "b"), -1)
        self.assertEqual(locale.strxfrm("abc"), "abc")
        self.assertTrue(all(hasattr(locale, name) for name in locale.__all__))


if __name__ == "__main__":
    unittest.main()
