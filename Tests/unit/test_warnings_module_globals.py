"""warnings.warn_explicit(module_globals=...) checks the module's loader
before warning, as CPython's C module (gh-86298): a missing
__spec__.loader falls back to __loader__ with a DeprecationWarning, and is
an error when there is no __loader__ but a __spec__ is given."""

import types
import unittest
import warnings


def explicit(module_globals):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn_explicit("eggs", UserWarning, "bar", 1,
                               module_globals=module_globals)
    return [(w.category, str(w.message)) for w in caught]


MISSING = "Module globals is missing a __spec__.loader"


class ModuleGlobalsLoader(unittest.TestCase):

    def test_accepted(self):
        for globs in ({"__name__": "bar"},
                      {"__name__": "bar", "__loader__": None},
                      {"__name__": "bar",
                       "__spec__": types.SimpleNamespace(loader=object())}):
            with self.subTest(globs=globs):
                self.assertEqual(explicit(globs), [(UserWarning, "eggs")])

    def test_deprecated_fallback_to_loader(self):
        loader = object()
        for spec in ({}, {"__spec__": None},
                     {"__spec__": types.SimpleNamespace()}):
            globs = {"__name__": "bar", "__loader__": loader, **spec}
            with self.subTest(globs=globs):
                self.assertEqual(explicit(globs),
                                 [(DeprecationWarning, MISSING),
                                  (UserWarning, "eggs")])

    def test_loaders_disagree(self):
        globs = {"__name__": "bar", "__loader__": object(),
                 "__spec__": types.SimpleNamespace(loader=object())}
        self.assertEqual(explicit(globs)[0],
                         (DeprecationWarning,
                          "Module globals; __loader__ != __spec__.loader"))

    def test_errors(self):
        for globs, exc in (
                ({"__spec__": None}, ValueError),
                ({"__loader__": None, "__spec__": None}, ValueError),
                ({"__spec__": types.SimpleNamespace(loader=None)}, ValueError),
                ({"__spec__": types.SimpleNamespace()}, AttributeError)):
            with self.subTest(globs=globs):
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always")
                    with self.assertRaisesRegex(exc, MISSING):
                        warnings.warn_explicit("eggs", UserWarning, "bar", 1,
                                               module_globals=globs)
                self.assertEqual(caught, [])


if __name__ == "__main__":
    unittest.main()
