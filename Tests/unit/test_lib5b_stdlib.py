"""Standard-library behaviours found with CPython's own tests (session 11,
lib5b): runpy, sysconfig, collections without _collections, OrderedDict.pop,
and __abc_tpflags__."""

import os
import pathlib
import runpy
import subprocess
import sys
import sysconfig
import tempfile
import unittest
from collections import OrderedDict


class RunPath(unittest.TestCase):

    def test_path_object_is_decoded(self):
        with tempfile.TemporaryDirectory() as d:
            script = pathlib.Path(d) / "script.py"
            script.write_text("result = __file__\n")
            # A path object is decoded to str, as in CPython 3.13.
            ns = runpy.run_path(script)
            self.assertEqual(ns["__file__"], str(script))
            self.assertEqual(ns["result"], str(script))
            self.assertIs(type(ns["__file__"]), str)
            ns = runpy.run_path(str(script))
            self.assertEqual(ns["__file__"], str(script))


class PreferredSchemes(unittest.TestCase):

    def test_preferred_schemes_table(self):
        schemes = sysconfig._get_preferred_schemes()
        self.assertEqual(set(schemes), {"prefix", "home", "user"})
        for key, scheme in schemes.items():
            self.assertIn(scheme, sysconfig.get_scheme_names())
            if key != "prefix" or sys.prefix == sys.base_prefix:
                self.assertEqual(sysconfig.get_preferred_scheme(key), scheme)
        self.assertIs(sysconfig._HAS_USER_BASE, True)

    def test_unknown_scheme_is_reported(self):
        real = sysconfig._get_preferred_schemes
        sysconfig._get_preferred_schemes = lambda: {"home": "nowhere"}
        try:
            with self.assertRaisesRegex(ValueError, "'home' returned 'nowhere'"):
                sysconfig.get_preferred_scheme("home")
        finally:
            sysconfig._get_preferred_schemes = real


class CollectionsWithoutAccelerator(unittest.TestCase):

    def test_import_with_collections_blocked(self):
        code = ("import sys; sys.modules['_collections'] = None\n"
                "sys.modules.pop('collections', None)\n"
                "import collections\n"
                "od = collections.OrderedDict(a=1)\n"
                "od.move_to_end('a', last=False)\n"
                "print(hasattr(collections, 'deque'), list(od))\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                             text=True, check=True).stdout
        self.assertEqual(out, "False ['a']\n")


class OrderedDictPop(unittest.TestCase):

    def test_default_by_keyword(self):
        od = OrderedDict(a=1)
        self.assertEqual(od.pop("x", default=5), 5)
        self.assertEqual(od.pop(key="a"), 1)
        with self.assertRaises(KeyError):
            od.pop("a")

    def test_subclass_getitem_not_called(self):
        calls = []

        class Counting(OrderedDict):
            def __getitem__(self, key):
                calls.append(key)
                return super().__getitem__(key)

        od = Counting(a=1, b=2)
        self.assertEqual(od.pop("a"), 1)
        self.assertEqual(calls, [])
        self.assertEqual(list(od), ["b"])


class AbcTpflags(unittest.TestCase):

    def test_sequence_and_mapping_together_refused(self):
        from collections.abc import Collection, Mapping, Sequence
        with self.assertRaisesRegex(TypeError, "cannot be both"):
            class Both(Collection):
                __abc_tpflags__ = Sequence.__flags__ | Mapping.__flags__

        class Seq(Collection):
            __abc_tpflags__ = 1 << 5     # Py_TPFLAGS_SEQUENCE
            __len__ = lambda self: 0
            __iter__ = lambda self: iter(())
            __contains__ = lambda self, item: False
        self.assertNotIn("__abc_tpflags__", Seq.__dict__)
        match Seq():
            case [*_]:
                matched = "sequence"
            case _:
                matched = "other"
        self.assertEqual(matched, "sequence")


FINDER_SOURCE = '''
def f():
    """
    >>> 1 + 1
    2
    """

wrapper = object().__str__
'''


class DoctestFinderWrappers(unittest.TestCase):

    def test_method_wrapper_in_module(self):
        import doctest
        import types
        mod = types.ModuleType("wrapmod")
        exec(FINDER_SOURCE, mod.__dict__)
        tests = doctest.DocTestFinder().find(mod)
        self.assertEqual([t.name for t in tests], ["wrapmod.f"])


class TracebackStack(unittest.TestCase):

    def test_walk_stack_starts_at_caller(self):
        import traceback

        def inner():
            summary = traceback.StackSummary.extract(
                traceback.walk_stack(None), capture_locals=True)
            return [frame.name for frame in summary][:2]

        self.assertEqual(inner(), ["inner", "test_walk_stack_starts_at_caller"])
        walker = traceback.walk_stack(None)
        self.assertEqual(next(walker)[0].f_code.co_name,
                         "test_walk_stack_starts_at_caller")

    def test_implicit_defaults_in_signature(self):
        import inspect
        import traceback
        self.assertEqual(
            str(inspect.signature(traceback.format_exception)),
            "(exc, /, value=<implicit>, tb=<implicit>, limit=None, "
            "chain=True, **kwargs)")


class AsyncioPurePythonNames(unittest.TestCase):

    def test_event_loop_lookups(self):
        import asyncio
        from asyncio import events
        self.assertIs(events._py__get_running_loop, events._get_running_loop)
        self.assertIs(events._py_get_event_loop, events.get_event_loop)

        async def main():
            return (events._py_get_running_loop(),
                    events._py__get_running_loop())

        loop = asyncio.new_event_loop()
        try:
            self.assertEqual(loop.run_until_complete(main()), (loop, loop))
        finally:
            loop.close()
        self.assertIsNone(events._py__get_running_loop())


class AsyncioSubprocessClose(unittest.TestCase):

    def test_close_does_not_kill_an_exited_child(self):
        import asyncio
        from unittest import mock

        async def exited_then_closed():
            loop = asyncio.get_running_loop()
            transport, _ = await loop.subprocess_exec(
                asyncio.SubprocessProtocol, sys.executable, "-c",
                "import time; time.sleep(30)")
            proc = transport.get_extra_info("subprocess")
            proc.kill()
            proc.wait()                 # the transport has not heard yet
            proc.kill = mock.Mock()
            transport.close()
            return proc.kill.called

        with mock.patch("asyncio.unix_events.logger"):
            self.assertFalse(asyncio.run(exited_then_closed()))


if __name__ == "__main__":
    unittest.main()
