"""The pure-Python warnings core: Lib/warnings.py imported while the C
module _warnings is blocked (as CPython's own tests import it) must
decide, deduplicate and show warnings like the C one."""

import importlib
import io
import sys
import unittest


def import_pure_warnings():
    """A fresh copy of warnings made without _warnings; sys.modules is
    left as it was."""
    saved = {name: sys.modules.get(name) for name in ("warnings", "_warnings")}
    sys.modules.pop("warnings", None)
    sys.modules["_warnings"] = None
    try:
        return importlib.import_module("warnings")
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def warn_here(module, text, **kwargs):
    module.warn(text, **kwargs)


class PureWarningsTest(unittest.TestCase):

    def setUp(self):
        self.module = import_pure_warnings()
        self.saved = sys.modules["warnings"]
        # Display goes through sys.modules["warnings"], as in CPython.
        sys.modules["warnings"] = self.module

    def tearDown(self):
        sys.modules["warnings"] = self.saved

    def test_is_pure(self):
        self.assertTrue(hasattr(self.module.warn, "__code__"))
        self.assertTrue(hasattr(self.module.warn_explicit, "__code__"))
        self.assertIsNot(self.module.filters, self.saved.filters)

    def test_default_filters(self):
        actions = [(item[0], item[2].__name__) for item in self.module.filters]
        if not hasattr(sys, "gettotalrefcount"):
            self.assertEqual(actions[:5], [
                ("default", "DeprecationWarning"),
                ("ignore", "DeprecationWarning"),
                ("ignore", "PendingDeprecationWarning"),
                ("ignore", "ImportWarning"),
                ("ignore", "ResourceWarning")])
            # A pattern here (CPython's pure-Python filters compile it).
            self.assertTrue(self.module.filters[0][3].match("__main__"))

    def test_record_and_registry(self):
        w = self.module
        with w.catch_warnings(record=True, module=w) as log:
            w.simplefilter("default")
            for _ in range(3):
                warn_here(w, "once per line")
            self.assertEqual(len(log), 1)
            self.assertEqual(str(log[0].message), "once per line")
            self.assertIs(log[0].category, UserWarning)
            self.assertEqual(log[0].filename, __file__)
            w.simplefilter("always")
            warn_here(w, "once per line")
            warn_here(w, "once per line")
            self.assertEqual(len(log), 3)

    def test_filter_change_clears_registry(self):
        w = self.module
        with w.catch_warnings(record=True, module=w) as log:
            w.simplefilter("default")
            warn_here(w, "again")
            warn_here(w, "again")
            w.simplefilter("default")      # bumps the filters version
            warn_here(w, "again")
            self.assertEqual(len(log), 2)

    def test_once_and_module(self):
        w = self.module
        with w.catch_warnings(record=True, module=w) as log:
            w.simplefilter("once")
            warn_here(w, "o")
            w.warn("o")
            self.assertEqual(len(log), 1)
            w.simplefilter("module")
            registry = {}
            w.warn_explicit("m", UserWarning, "f.py", 1, registry=registry)
            w.warn_explicit("m", UserWarning, "f.py", 2, registry=registry)
            self.assertEqual(len(log), 2)
            self.assertTrue(registry[("m", UserWarning, 0)])

    def test_error_and_ignore(self):
        w = self.module
        with w.catch_warnings(module=w):
            w.simplefilter("error")
            with self.assertRaises(UserWarning) as cm:
                w.warn("boom")
            self.assertEqual(str(cm.exception), "boom")
            w.filterwarnings("ignore", message="bo+m")
            w.warn("boom")

    def test_defaultaction_and_bad_action(self):
        w = self.module
        with w.catch_warnings(record=True, module=w) as log:
            w.resetwarnings()
            saved = w.defaultaction
            try:
                w.defaultaction = "ignore"
                w.warn("quiet")
                self.assertEqual(log, [])
                w.defaultaction = "no-such-action"
                with self.assertRaisesRegex(RuntimeError,
                                            "Unrecognized action"):
                    w.warn("odd")
            finally:
                w.defaultaction = saved

    def test_arguments_checked(self):
        w = self.module
        with self.assertRaisesRegex(TypeError, "not class 'int'"):
            w.warn("x", int)
        with self.assertRaisesRegex(TypeError, "not 'int'"):
            w.warn("x", 5)
        with self.assertRaisesRegex(TypeError, "registry"):
            w.warn_explicit("x", UserWarning, "f", 1, registry=[])
        with self.assertRaisesRegex(TypeError, "module_globals"):
            w.warn_explicit("x", UserWarning, "f", 1, module_globals=[])
        with self.assertRaisesRegex(TypeError, "non-str"):
            w.warn("x", skip_file_prefixes=(1,))

    def test_stacklevel_beyond_stack(self):
        w = self.module
        with w.catch_warnings(record=True, module=w) as log:
            w.simplefilter("always")
            w.warn("deep", stacklevel=10000)
        self.assertEqual(log[0].filename, "<sys>")
        self.assertEqual(log[0].lineno, 0)

    def test_skip_file_prefixes(self):
        w = self.module
        with w.catch_warnings(record=True, module=w) as log:
            w.simplefilter("always")
            warn_here(w, "skipped", skip_file_prefixes=(__file__,))
        # Every frame of this file is skipped: the warning lands above it.
        self.assertNotEqual(log[0].filename, __file__)

    def test_module_derived_from_filename(self):
        w = self.module
        with w.catch_warnings(record=True, module=w) as log:
            w.filterwarnings("error", module="spam")
            with self.assertRaises(UserWarning):
                w.warn_explicit("x", UserWarning, "spam.py", 3)
            w.resetwarnings()
            w.simplefilter("always")
            w.warn_explicit("y", UserWarning, "", 3)
        self.assertEqual(len(log), 1)

    def test_showwarning_deleted_and_replaced(self):
        w = self.module
        with w.catch_warnings(module=w):
            w.simplefilter("always")
            del w.showwarning
            stream = io.StringIO()
            saved, sys.stderr = sys.stderr, stream
            try:
                w.warn("shown anyway")
            finally:
                sys.stderr = saved
            self.assertIn("UserWarning: shown anyway", stream.getvalue())
            seen = []
            w.showwarning = lambda *args: seen.append(args[0])
            w.warn("hooked")
            self.assertEqual([str(m) for m in seen], ["hooked"])


if __name__ == "__main__":
    unittest.main()
