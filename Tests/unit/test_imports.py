"""Importing source files: packages, dotted names, relative imports,
star imports, circular imports and the ImportError family and path hooks (was
golden import_basic, import_relative, import_star, import_circular,
import_errors, import_pathhook).

The package these tests import, utpkg, is written into a temporary
directory by setUpModule and removed again (with its sys.modules entries)
by tearDownModule."""

import importlib
import importlib.abc
import importlib.machinery
import os
import shutil
import sys
import tempfile
import unittest

PACKAGE_FILES = {
    "__init__.py": "RUNS = 0\nINIT_NAME = __name__\n",
    "allsub/__init__.py": "__all__ = ['leaf', 'TOP']\nTOP = 'top'\n",
    "allsub/leaf.py": "NAME = 'leaf'\n",
    "badsyntax.py": "x = (\n",
    "broken.py": "ATTEMPTS = 1\nraise RuntimeError('broken on purpose')\n",
    "circ_a.py": "A1 = 1\nfrom utpkg import circ_b\nA2 = 2\n",
    "circ_b.py": ("import sys\nimport utpkg.circ_a\npartial = sys.modules['utpkg.circ_a']\n"
                  "SEEN = (hasattr(partial, 'A1'), hasattr(partial, 'A2'))\n"),
    "counter.py": "import utpkg\nutpkg.RUNS += 1\n",
    "nostar.py": "visible = 'visible'\n_private = 'private'\n",
    "plain.py": "VALUE = 42\n_hidden = 1\n",
    "replacer.py": "import sys\nsys.modules[__name__] = 'replacement'\n",
    "starmod.py": ("__all__ = ['public', '_chosen']\npublic = 'public'\n_chosen = 'chosen'\n"
                   "other = 'other'\n"),
    "sub/__init__.py": "from . import deep\nfrom .deep import WHO as SUB_WHO\n",
    "sub/deep.py": "WHO = 'deep'\n",
    "sub/rel.py": ("from . import deep\nfrom .deep import WHO\nfrom .. import plain\n"
                   "from ..plain import VALUE\nfrom .. import sub as me\n"
                   "import_result = __import__('deep', globals(), None, ['WHO'], 1)\n"
                   "top_result = __import__('', globals(), None, None, 2)\n"),
    "toofar.py": "from ... import anything\n",
}

ROOT = None


def setUpModule():
    global ROOT
    ROOT = tempfile.mkdtemp(prefix="ut_imports_")
    for relpath, text in PACKAGE_FILES.items():
        path = os.path.join(ROOT, "utpkg", relpath)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(ROOT, "utmod.py"), "w", encoding="utf-8") as f:
        f.write("NAME = 'utmod'\n")
    sys.path.insert(0, ROOT)
    importlib.invalidate_caches()


def tearDownModule():
    sys.path.remove(ROOT)
    sys.path_importer_cache.pop(ROOT, None)
    for name in list(sys.modules):
        if name.startswith("utpkg.") or name in ("utpkg", "utmod", "blocked_module"):
            del sys.modules[name]
    shutil.rmtree(ROOT)


def pkg_path(*parts):
    return os.path.join(ROOT, "utpkg", *parts)


def run_module_code(source, name="__main__"):
    namespace = {"__name__": name}
    exec(compile(source, "<module>", "exec"), namespace)
    return namespace


class PackagesAndModules(unittest.TestCase):

    def test_package_attributes(self):
        import utpkg
        self.assertEqual((utpkg.__name__, utpkg.__package__), ("utpkg", "utpkg"))
        self.assertEqual(utpkg.__file__, pkg_path("__init__.py"))
        self.assertEqual(list(utpkg.__path__), [pkg_path()])
        spec = utpkg.__spec__
        self.assertEqual((spec.name, spec.parent, spec.origin),
                         ("utpkg", "utpkg", pkg_path("__init__.py")))
        self.assertEqual(list(spec.submodule_search_locations), [pkg_path()])
        self.assertIs(utpkg.__loader__, spec.loader)
        self.assertEqual(utpkg.INIT_NAME, "utpkg")

    def test_plain_module_attributes(self):
        import utpkg.plain
        plain = utpkg.plain
        self.assertEqual((plain.VALUE, plain.__name__, plain.__package__),
                         (42, "utpkg.plain", "utpkg"))
        self.assertEqual(plain.__file__, pkg_path("plain.py"))
        self.assertEqual(plain.__spec__.parent, "utpkg")
        self.assertIsNone(plain.__spec__.submodule_search_locations)
        self.assertFalse(hasattr(plain, "__path__"))
        self.assertEqual(plain.__spec__.name, "utpkg.plain")

    def test_dotted_names_and_from_imports(self):
        import utpkg
        import utpkg.plain
        import utpkg.sub.deep as deep
        self.assertEqual((deep.__name__, deep.__package__, deep.WHO),
                         ("utpkg.sub.deep", "utpkg.sub", "deep"))
        self.assertEqual(utpkg.sub.SUB_WHO, "deep")
        self.assertIs(utpkg.sub.deep, deep)
        from utpkg import plain as plain2
        self.assertIs(plain2, utpkg.plain)
        from utpkg.sub import deep as deep2
        self.assertIs(deep2, deep)
        self.assertIn("utpkg.sub", sys.modules)
        self.assertIs(sys.modules["utpkg.sub.deep"], deep)
        self.assertIs(__import__("utpkg.sub.deep"), utpkg)
        self.assertIs(__import__("utpkg.sub.deep", fromlist=["WHO"]), deep)

    def test_module_body_runs_once(self):
        import utpkg
        import utpkg.counter
        import utpkg.counter  # noqa: F811
        self.assertEqual(utpkg.RUNS, 1)

    def test_import_system_state(self):
        import sys as sys2
        self.assertIs(sys2, sys)
        self.assertIs(sys.modules["sys"], sys)
        self.assertIn("builtins", sys.builtin_module_names)
        self.assertIn("sys", sys.builtin_module_names)
        self.assertEqual([type(sys.path).__name__, type(sys.meta_path).__name__,
                          type(sys.path_hooks).__name__, type(sys.path_importer_cache).__name__],
                         ["list", "list", "list", "dict"])


class RelativeImports(unittest.TestCase):

    def test_relative_imports_in_a_module(self):
        import utpkg.sub.rel as rel
        self.assertEqual((rel.__package__, rel.__spec__.parent), ("utpkg.sub", "utpkg.sub"))
        self.assertEqual((rel.deep.WHO, rel.WHO, rel.plain.VALUE, rel.VALUE), ("deep", "deep", 42, 42))
        self.assertEqual(rel.me.__name__, "utpkg.sub")
        self.assertEqual((rel.import_result.__name__, rel.top_result.__name__),
                         ("utpkg.sub.deep", "utpkg"))

    def test_dunder_import_levels(self):
        import utpkg.sub
        g = {"__name__": "utpkg.sub.fake", "__package__": "utpkg.sub"}
        self.assertEqual(__import__("deep", g, None, ["WHO"], 1).__name__, "utpkg.sub.deep")
        self.assertEqual(__import__("sub.deep", g, None, None, 2).__name__, "utpkg.sub")
        self.assertEqual(__import__("sub.deep", g, None, ["WHO"], 2).__name__, "utpkg.sub.deep")

    def test_package_from_spec_or_name(self):
        import utpkg.sub.deep
        # Without __package__, __spec__.parent is used; without both, __name__.
        g = {"__name__": "ignored", "__spec__": utpkg.sub.deep.__spec__}
        self.assertEqual(__import__("deep", g, None, ["x"], 1).__name__, "utpkg.sub.deep")
        g = {"__name__": "utpkg.sub.something"}
        self.assertEqual(__import__("deep", g, None, ["x"], 1).__name__, "utpkg.sub.deep")
        g = {"__name__": "utpkg.sub", "__path__": []}
        self.assertEqual(__import__("deep", g, None, ["x"], 1).__name__, "utpkg.sub.deep")

    def test_errors(self):
        g = {"__name__": "utpkg", "__package__": "utpkg"}
        with self.assertRaises(ImportError) as caught:
            __import__("x", g, None, None, 2)
        self.assertEqual(str(caught.exception), "attempted relative import beyond top-level package")
        with self.assertRaises(TypeError) as caught:
            __import__("x", {"__package__": 5}, None, None, 1)
        self.assertEqual(str(caught.exception), "package must be a string")


class StarImports(unittest.TestCase):

    def test_all_and_underscore_names(self):
        ns = run_module_code("from utpkg.starmod import *\n")
        self.assertEqual((ns["public"], ns["_chosen"]), ("public", "chosen"))
        self.assertNotIn("other", ns)
        ns = run_module_code("from utpkg.nostar import *\n")
        self.assertEqual(ns["visible"], "visible")
        self.assertNotIn("_private", ns)

    def test_submodule_named_in_all(self):
        ns = run_module_code("from utpkg.allsub import *\n")
        self.assertEqual((ns["TOP"], ns["leaf"].NAME, ns["leaf"].__name__),
                         ("top", "leaf", "utpkg.allsub.leaf"))
        import utpkg.allsub
        self.assertEqual(sorted(n for n in vars(utpkg.allsub) if not n.startswith("__")),
                         ["TOP", "leaf"])

    def test_fromlist(self):
        pkg = __import__("utpkg.allsub", fromlist=["leaf", "not_there"])
        self.assertEqual((pkg.__name__, pkg.leaf.NAME), ("utpkg.allsub", "leaf"))
        self.assertFalse(hasattr(pkg, "not_there"))
        self.assertEqual(__import__("utpkg.allsub", fromlist=["*"]).__name__, "utpkg.allsub")
        with self.assertRaises(TypeError) as caught:
            __import__("utpkg", fromlist=[1])
        self.assertEqual(str(caught.exception), "Item in ``from list'' must be str, not int")


class CircularImports(unittest.TestCase):

    def test_partially_initialised_module(self):
        import utpkg.circ_a
        self.assertEqual((utpkg.circ_a.A1, utpkg.circ_a.A2), (1, 2))
        self.assertEqual(utpkg.circ_b.SEEN, (True, False))
        self.assertIs(utpkg.circ_a.circ_b, utpkg.circ_b)

    def test_module_replacing_itself(self):
        import utpkg.replacer
        self.assertEqual(sys.modules["utpkg.replacer"], "replacement")
        self.assertEqual(utpkg.replacer, "replacement")
        from utpkg import replacer
        self.assertEqual(replacer, "replacement")


class ImportErrors(unittest.TestCase):

    def check(self, source, error, message, name):
        with self.assertRaises(error) as caught:
            run_module_code(source)
        self.assertIs(type(caught.exception), error)
        self.assertEqual(str(caught.exception), message)
        self.assertEqual(getattr(caught.exception, "name", None), name)

    def test_missing_modules_and_names(self):
        cases = [
            ("import no_such_module_xyz", ModuleNotFoundError,
             "No module named 'no_such_module_xyz'", "no_such_module_xyz"),
            ("import utpkg.nosuch", ModuleNotFoundError, "No module named 'utpkg.nosuch'",
             "utpkg.nosuch"),
            ("import utpkg.plain.below", ModuleNotFoundError,
             "No module named 'utpkg.plain.below'; 'utpkg.plain' is not a package",
             "utpkg.plain.below"),
            ("from utpkg.plain import missing", ImportError,
             "cannot import name 'missing' from 'utpkg.plain' (%s)" % pkg_path("plain.py"),
             "utpkg.plain"),
            ("from utpkg import nosub", ImportError,
             "cannot import name 'nosub' from 'utpkg' (%s)" % pkg_path("__init__.py"), "utpkg"),
            ("from . import anything", ImportError,
             "attempted relative import with no known parent package", None),
            ("from .sibling import anything", ImportError,
             "attempted relative import with no known parent package", None),
            ("import utpkg.toofar", ImportError,
             "attempted relative import beyond top-level package", None),
        ]
        for source, error, message, name in cases:
            with self.subTest(source=source):
                self.check(source, error, message, name)
        self.assertNotIn("utpkg.toofar", sys.modules)

    def test_bad_arguments(self):
        with self.assertRaises(ValueError) as caught:
            __import__("")
        self.assertEqual(str(caught.exception), "Empty module name")
        with self.assertRaises(ValueError) as caught:
            __import__("utpkg", level=-1)
        self.assertEqual(str(caught.exception), "level must be >= 0")

    def test_failing_module_is_not_kept(self):
        for attempt in range(2):
            with self.subTest(attempt=attempt):
                with self.assertRaises(RuntimeError) as caught:
                    import utpkg.broken  # noqa: F401
                self.assertEqual(str(caught.exception), "broken on purpose")
                self.assertNotIn("utpkg.broken", sys.modules)
        with self.assertRaises(SyntaxError) as caught:
            import utpkg.badsyntax  # noqa: F401
        self.assertEqual(caught.exception.lineno, 1)
        self.assertNotIn("utpkg.badsyntax", sys.modules)

    def test_none_in_sys_modules_blocks(self):
        sys.modules["blocked_module"] = None
        try:
            self.check("import blocked_module", ModuleNotFoundError,
                       "import of blocked_module halted; None in sys.modules", "blocked_module")
        finally:
            del sys.modules["blocked_module"]
        self.assertTrue(issubclass(ModuleNotFoundError, ImportError))



MEMORY = "memory://store"
STORE = {"memmod": 'WHERE = "memory"\n', "mempkg": 'KIND = "pkg"\n',
         "mempkg.inner": "INNER = __name__\n"}


class MemoryLoader(importlib.abc.Loader):
    def exec_module(self, module):
        exec(STORE[module.__name__], module.__dict__)


class MemoryFinder(importlib.abc.PathEntryFinder):
    """Serves STORE for path entries "memory://..."; logs its calls."""

    def __init__(self, entry, log):
        self.entry = entry
        self.log = log
        self.invalidated = 0

    def find_spec(self, fullname, target=None):
        self.log.append(("find", self.entry, fullname))
        if fullname not in STORE:
            return None
        is_pkg = fullname == "mempkg"
        spec = importlib.machinery.ModuleSpec(fullname, MemoryLoader(),
                                              origin=self.entry + "/" + fullname,
                                              is_package=is_pkg)
        if is_pkg:
            spec.submodule_search_locations.append(self.entry + "/mempkg")
        return spec

    def invalidate_caches(self):
        self.invalidated += 1


class PathHooks(unittest.TestCase):
    """sys.path_hooks and sys.path_importer_cache: a Python path hook for a
    made-up path entry, the default FileFinder hook, invalidate_caches()."""

    def setUp(self):
        self.log = []
        log = self.log

        def memory_hook(entry):
            log.append(("hook", entry))
            if not entry.startswith("memory://"):
                raise ImportError("not a memory entry")
            return MemoryFinder(entry, log)
        self.hook = memory_hook
        saved_path, saved_hooks = sys.path[:], sys.path_hooks[:]
        sys.path_hooks.insert(0, memory_hook)
        sys.path.insert(0, MEMORY)

        def restore():
            sys.path[:] = saved_path
            sys.path_hooks[:] = saved_hooks
            for key in list(sys.path_importer_cache):
                if key.startswith(("memory:", "/memory/")):
                    del sys.path_importer_cache[key]
            for name in ("memmod", "mempkg", "mempkg.inner"):
                sys.modules.pop(name, None)
        self.addCleanup(restore)

    def test_python_hook_and_caches(self):
        import memmod
        self.assertEqual((memmod.WHERE, memmod.__spec__.origin), ("memory", "memory://store/memmod"))
        finder = sys.path_importer_cache[MEMORY]
        self.assertEqual((type(finder).__name__, finder.entry), ("MemoryFinder", MEMORY))
        self.assertEqual(self.log, [("hook", MEMORY), ("find", MEMORY, "memmod")])
        self.log.clear()
        import mempkg.inner
        self.assertEqual((mempkg.KIND, mempkg.__path__, mempkg.inner.INNER),
                         ("pkg", ["memory://store/mempkg"], "mempkg.inner"))
        self.assertEqual(self.log, [("find", MEMORY, "mempkg"), ("hook", MEMORY + "/mempkg"),
                                    ("find", MEMORY + "/mempkg", "mempkg.inner")])
        self.assertIsInstance(sys.path_importer_cache[MEMORY + "/mempkg"], MemoryFinder)
        self.log.clear()
        # The finder is cached: the hook is not called again.
        import memmod as again
        self.assertIs(again, memmod)
        self.assertEqual([entry for entry in self.log if entry[0] == "hook"], [])

        # Real directories still go through the default FileFinder hook.
        import utpkg.starmod  # noqa: F401
        self.assertEqual(type(sys.path_importer_cache[ROOT]).__name__, "FileFinder")
        self.assertEqual(sys.path_importer_cache[ROOT].path, ROOT)

        # invalidate_caches() reaches the cached finders and drops the
        # entries that are not absolute paths.
        absolute = MemoryFinder("/memory/abs", self.log)
        sys.path_importer_cache["/memory/abs"] = absolute
        importlib.invalidate_caches()
        self.assertEqual((finder.invalidated, absolute.invalidated), (0, 1))
        self.assertNotIn(MEMORY, sys.path_importer_cache)
        self.assertIn("/memory/abs", sys.path_importer_cache)

    def test_none_in_cache_skips_entry(self):
        sys.path.insert(0, "memory://none")
        sys.path_importer_cache["memory://none"] = None
        with self.assertRaises(ModuleNotFoundError) as caught:
            import not_in_memory  # noqa: F401
        self.assertEqual(str(caught.exception), "No module named 'not_in_memory'")
        self.assertNotIn(("find", "memory://none", "not_in_memory"), self.log)
        importlib.machinery.PathFinder.invalidate_caches()
        self.assertNotIn("memory://none", sys.path_importer_cache)

    def test_path_finder_with_explicit_path(self):
        PathFinder = importlib.machinery.PathFinder
        spec = PathFinder.find_spec("memmod", [MEMORY])
        self.assertEqual((spec.name, spec.origin), ("memmod", "memory://store/memmod"))
        self.assertIsNone(PathFinder.find_spec("memmod", ["/nonexistent/dir"]))

    def test_file_finder_hook(self):
        machinery = importlib.machinery
        hook = machinery.FileFinder.path_hook((machinery.SourceFileLoader, [".py"]))
        ff = hook(ROOT)
        self.assertEqual((type(ff).__name__, ff.path), ("FileFinder", ROOT))
        spec = ff.find_spec("utmod")
        self.assertEqual((spec.name, type(spec.loader).__name__, spec.origin),
                         ("utmod", "SourceFileLoader", os.path.join(ROOT, "utmod.py")))
        self.assertEqual(ff.find_spec("utpkg").submodule_search_locations, [pkg_path()])
        self.assertIsNone(ff.find_spec("no_such_module_here"))
        with self.assertRaises(ImportError) as caught:
            hook(os.path.join(ROOT, "utmod.py"))
        self.assertEqual(str(caught.exception), "only directories are supported")
        self.assertEqual(caught.exception.path, os.path.join(ROOT, "utmod.py"))

    def test_no_hooks_warns(self):
        import warnings
        saved = sys.path_hooks[:]
        sys.path_hooks.clear()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                self.assertIsNone(importlib.machinery.PathFinder.find_spec(
                    "whatever", ["/some/new/entry"]))
        finally:
            sys.path_hooks[:] = saved
            sys.path_importer_cache.pop("/some/new/entry", None)
        self.assertEqual([(w.category.__name__, str(w.message)) for w in caught],
                         [("ImportWarning", "sys.path_hooks is empty")])


class SourceHash(unittest.TestCase):
    # Values from CPython 3.11's _imp.source_hash (SipHash-1-3 keyed by
    # the magic number), so hash-based .pyc files agree with CPython's.

    def test_known_values(self):
        import _imp
        self.assertEqual(_imp.source_hash(3495, b"print(1)\n").hex(),
                         "5a5811d1b941fccd")
        self.assertEqual(_imp.source_hash(key=12, source=b"").hex(),
                         "cee10703982c2f40")

    def test_util_wrapper_uses_the_magic_number(self):
        import _imp
        import importlib.util
        key = int.from_bytes(importlib.util.MAGIC_NUMBER, "little")
        self.assertEqual(importlib.util.source_hash(b"x = 1"),
                         _imp.source_hash(key, b"x = 1"))
        self.assertIn("source_hash", importlib.util.__all__)


if __name__ == "__main__":
    unittest.main()
