"""Small pure-Python standard modules: _py_abc, _pydecimal, antigravity,
pydoc_data."""

import contextlib
import io
import sys
import types
import unittest


class PyAbc(unittest.TestCase):

    def setUp(self):
        import _py_abc
        self.abc = _py_abc

    def make(self):
        import abc

        class Base(metaclass=self.abc.ABCMeta):
            @abc.abstractmethod
            def run(self):
                pass

        return Base

    def test_abstract_methods(self):
        Base = self.make()

        class Half(Base):
            pass

        class Full(Base):
            def run(self):
                return "ran"

        self.assertEqual(Half.__abstractmethods__, frozenset({"run"}))
        self.assertEqual(Full.__abstractmethods__, frozenset())
        with self.assertRaises(TypeError):
            Half()
        self.assertEqual(Full().run(), "ran")

    def test_register_and_cache_token(self):
        Base = self.make()
        token = self.abc.get_cache_token()
        self.assertFalse(issubclass(int, Base))
        self.assertIs(Base.register(int), int)
        self.assertEqual(self.abc.get_cache_token(), token + 1)
        self.assertTrue(issubclass(bool, Base))   # the negative cache reset
        self.assertTrue(isinstance(5, Base))
        self.assertFalse(isinstance("5", Base))
        with self.assertRaisesRegex(TypeError, "Can only register classes"):
            Base.register(5)

        class Child(Base):
            def run(self):
                pass

        with self.assertRaisesRegex(RuntimeError, "inheritance cycle"):
            Child.register(Base)
        with self.assertRaises(TypeError):
            issubclass(5, Base)

    def test_subclasshook(self):
        class HasLen(metaclass=self.abc.ABCMeta):
            @classmethod
            def __subclasshook__(cls, other):
                return hasattr(other, "__len__") or NotImplemented

        self.assertTrue(isinstance([], HasLen))
        self.assertFalse(isinstance(3, HasLen))

        class Bad(metaclass=self.abc.ABCMeta):
            @classmethod
            def __subclasshook__(cls, other):
                return 1

        with self.assertRaises(TypeError):
            issubclass(int, Bad)

    def test_dump_and_clear(self):
        Base = self.make()
        Base.register(float)
        out = io.StringIO()
        Base._dump_registry(out)
        self.assertIn("_abc_registry: {<class 'float'>}", out.getvalue())
        Base._abc_registry_clear()
        Base._abc_caches_clear()
        self.assertFalse(issubclass(float, Base))


class PyDecimal(unittest.TestCase):

    def test_same_as_decimal(self):
        import _pydecimal
        import decimal
        self.assertIs(_pydecimal.Decimal, decimal.Decimal)
        self.assertIs(_pydecimal.getcontext, decimal.getcontext)
        self.assertEqual(set(_pydecimal.__all__), set(decimal.__all__))
        self.assertEqual(str(_pydecimal.Decimal("1.10") * 3), "3.30")


class Antigravity(unittest.TestCase):

    def test_import_and_geohash(self):
        opened = []
        fake = types.ModuleType("webbrowser")
        fake.open = opened.append
        saved = sys.modules.get("webbrowser")
        sys.modules["webbrowser"] = fake
        sys.modules.pop("antigravity", None)
        try:
            import antigravity
        finally:
            if saved is None:
                del sys.modules["webbrowser"]
            else:
                sys.modules["webbrowser"] = saved
        self.assertEqual(opened, ["https://xkcd.com/353/"])
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            antigravity.geohash(37.421542, -122.085589, b"2005-05-26-10458.68")
        # The worked example of xkcd 426.
        self.assertEqual(out.getvalue(), "37.857713 -122.544543\n")


class PydocData(unittest.TestCase):

    def test_topics(self):
        from pydoc_data.topics import topics
        for label in ("if", "while", "for", "try", "with", "function",
                      "class", "comparisons", "booleans", "import"):
            with self.subTest(label=label):
                self.assertIsInstance(topics[label], str)
                self.assertGreater(len(topics[label]), 80)
        self.assertIn('"if" statement', topics["if"])


class PlatformSupport(unittest.TestCase):

    def test_aix_tags(self):
        import _aix_support as aix
        bits = 64 if sys.maxsize > 2 ** 32 else 32
        self.assertEqual(aix._tag(aix._vrtl("7.2.5.1"), 1938),
                         f"aix-7205-1938-{bits}")
        self.assertEqual(aix._vrtl("powerpc-ibm-aix7.1.4.0"), [7, 1, 4])
        if sys.platform != "aix":
            with self.assertRaisesRegex(ValueError, "AIX_BUILDDATE"):
                aix.aix_buildtag()

    def test_osx_platform(self):
        import _osx_support as osx
        universal = {"MACOSX_DEPLOYMENT_TARGET": "11.0",
                     "CFLAGS": "-arch arm64 -arch x86_64 -O2"}
        self.assertEqual(osx.get_platform_osx(universal, "darwin", "23.0",
                                              "arm64"),
                         ("macosx", "11.0", "universal2"))
        one = {"MACOSX_DEPLOYMENT_TARGET": "10.9",
               "CFLAGS": "-arch x86_64"}
        self.assertEqual(osx.get_platform_osx(one, "darwin", "13", "i386"),
                         ("macosx", "10.9", "x86_64"))
        with self.assertRaises(ValueError):
            osx.get_platform_osx({"MACOSX_DEPLOYMENT_TARGET": "11.0",
                                  "CFLAGS": "-arch arm64 -arch ppc"},
                                 "darwin", "23", "arm64")

    def test_osx_compiler_fixup(self):
        import _osx_support as osx
        import os
        if "ARCHFLAGS" in os.environ:
            self.skipTest("ARCHFLAGS set")
        command = ["cc", "-arch", "x86_64", "-isysroot", "/sdk", "-c"]
        fixed = osx.compiler_fixup(command, ["-arch", "arm64"])
        self.assertNotIn("x86_64", fixed)
        self.assertEqual(fixed[0], "cc")
        self.assertIn("-c", fixed)


if __name__ == "__main__":
    unittest.main()
