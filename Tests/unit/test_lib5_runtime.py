"""Runtime-library fixes found by running CPython 3.11's tests (session 10):
TextIOWrapper's pending-output limit, its argument checks, the multibyte
codecs' setstate() and argument types, UTF-8's incremental surrogates,
charmap's U+FFFE, escape_decode's warning, importlib.metadata in zip
archives and egg-info requires.txt, keywords to subclasses of filter and
the itertools, and sysconfig's getrandom variables."""

import _pyio
import codecs
import io
import itertools
import os
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import unittest
import warnings


class RecordingRaw(io.RawIOBase):
    """A writable raw stream that records each write() call."""

    def __init__(self):
        self.calls = []

    def writable(self):
        return True

    def write(self, data):
        self.calls.append(bytes(data))
        return len(data)


class TextPendingTest(unittest.TestCase):

    def test_pending_never_concatenated_past_chunk(self):
        # (_pyio, as CPython's, hands every write straight to the buffer.)
        raw = RecordingRaw()
        t = io.TextIOWrapper(raw, encoding="ascii")
        chunk = t._CHUNK_SIZE
        t.write("abc")
        t.write("def")
        self.assertEqual(raw.calls, [])
        t.write("x" * (chunk + 1))
        # The small pending text goes out alone, then the big one.
        self.assertEqual(raw.calls, [b"abcdef", b"x" * (chunk + 1)])

    def test_failed_big_write_keeps_earlier_text(self):
        class Refusing(RecordingRaw):
            def write(self, data):
                if len(data) > 10:
                    raise RuntimeError("too big")
                return super().write(data)
        raw = Refusing()
        t = io.TextIOWrapper(raw, encoding="ascii")
        t._CHUNK_SIZE = 10
        t.write("abc")
        with self.assertRaises(RuntimeError):
            t.write("y" * 11)
        self.assertEqual(raw.calls, [b"abc"])


class TextArgumentTest(unittest.TestCase):

    def test_reconfigure_encoding_with_nul_is_unknown(self):
        t = io.TextIOWrapper(io.BytesIO(), "ascii")
        with self.assertRaises(LookupError):
            t.reconfigure(encoding="locale\0")
        self.assertEqual(t.encoding, "ascii")
        with self.assertRaises(UnicodeEncodeError):
            t.reconfigure(encoding="\udcfe")
        with self.assertRaises(TypeError):
            t.reconfigure(encoding=42)

    def test_constructor_nul_is_value_error(self):
        with self.assertRaises(ValueError):
            io.TextIOWrapper(io.BytesIO(), encoding="utf-8\0")
        with self.assertRaises(ValueError):
            io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict\0")

    def test_dev_mode_checks_error_handler(self):
        code = textwrap.dedent("""
            import io
            try:
                io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="Boom")
            except LookupError:
                print("LookupError")
            io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="ignore")
            print("ok")
        """)
        for dev, expected in ((True, "LookupError\nok\n"), (False, "ok\n")):
            args = [sys.executable] + (["-X", "dev"] if dev else []) + ["-c", code]
            out = subprocess.run(args, capture_output=True, text=True)
            self.assertEqual(out.stdout, expected, out.stderr)


class MultibyteEncoderStateTest(unittest.TestCase):

    def test_setstate_zero_drops_held_character(self):
        enc = codecs.getincrementalencoder("euc_jis_2004")()
        # U+00E6 may combine with a following U+0300: it is held back.
        self.assertEqual(enc.encode("\u00e6"), b"")
        enc.setstate(0)
        self.assertEqual(enc.encode("\u0300", final=True),
                         "\u0300".encode("euc_jis_2004"))
        with self.assertRaises(ValueError):
            enc.setstate(12345)

    def test_text_seek_with_encoder_state(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "f.txt")
            for module in (io, _pyio):
                with self.subTest(module=module.__name__):
                    with module.open(path, "w", encoding="euc_jis_2004") as f:
                        f.write("\u00e6\u0300")
                        p0 = f.tell()
                        f.write("\u00e6")
                        f.seek(p0)
                        f.write("\u0300")
                    with module.open(path, encoding="euc_jis_2004") as f:
                        self.assertEqual(f.readline(), "\u00e6\u0300\u0300")


class CodecFixesTest(unittest.TestCase):

    def test_utf8_truncated_surrogate_waits(self):
        data = "\ud901".encode("utf-8", "surrogatepass")
        for split in (1, 2):
            dec = codecs.getincrementaldecoder("utf-8")("surrogatepass")
            self.assertEqual(dec.decode(data[:split]), "")
            self.assertEqual(dec.decode(data[split:], True), "\ud901")
        self.assertEqual(codecs.utf_8_decode(b"a\xed\xa4", "strict", False),
                         ("a", 1))
        with self.assertRaises(UnicodeDecodeError):
            codecs.utf_8_decode(b"a\xed\xa4", "strict", True)

    def test_charmap_int_fffe_is_undefined(self):
        mapping = {0: 0x61, 1: 0x62, 2: 0xFFFE}
        with self.assertRaises(UnicodeDecodeError):
            codecs.charmap_decode(b"\x00\x01\x02", "strict", mapping)
        self.assertEqual(codecs.charmap_decode(b"\x00\x01\x02", "replace", mapping),
                         ("ab\ufffd", 3))

    def test_escape_decode_warns_once(self):
        for data, result in ((b"\\z\\q", b"\\z\\q"), (b"\\477", b"\x3f"),
                             (b"\\8", b"\\8")):
            with self.assertWarns(DeprecationWarning) as cm:
                self.assertEqual(codecs.escape_decode(data), (result, len(data)))
            self.assertIn("invalid", str(cm.warning))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            self.assertEqual(codecs.escape_decode(b"\\n\\101\\x41"),
                             (b"\nAA", 10))

    def test_multibyte_decode_needs_bytes(self):
        for name in ("big5", "shift_jis", "iso2022_kr", "euc_jis_2004"):
            with self.subTest(name=name):
                with self.assertRaises(TypeError):
                    codecs.getdecoder(name)(42)
                self.assertEqual(codecs.getdecoder(name)(bytearray(b"ab")),
                                 ("ab", 2))


class MetadataZipAndEggTest(unittest.TestCase):

    METADATA = "Metadata-Version: 2.1\nName: {name}\nVersion: 1.5\n"

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.addCleanup(sys.path.remove, self.dir.name)
        sys.path.insert(0, self.dir.name)

    def on_path(self, path):
        sys.path.insert(0, path)
        self.addCleanup(sys.path.remove, path)

    def test_wheel_on_path(self):
        import zipfile
        from importlib import metadata
        wheel = os.path.join(self.dir.name, "zipdist-1.5-py3-none-any.whl")
        with zipfile.ZipFile(wheel, "w") as z:
            z.writestr("zipdist-1.5.dist-info/METADATA",
                       self.METADATA.format(name="ZipDist"))
            z.writestr("zipdist-1.5.dist-info/entry_points.txt",
                       "[console_scripts]\nzipdist = zipdist:main\n")
        self.on_path(wheel)
        self.assertEqual(metadata.version("zipdist"), "1.5")
        self.assertEqual(metadata.version("ZipDist"), "1.5")
        eps = metadata.entry_points(group="console_scripts")
        self.assertEqual(eps["zipdist"].value, "zipdist:main")
        self.assertIsNone(metadata.distribution("zipdist").read_text("nope"))

    def test_egg_on_path(self):
        import zipfile
        from importlib import metadata
        egg = os.path.join(self.dir.name, "eggdist-1.5-py3.6.egg")
        with zipfile.ZipFile(egg, "w") as z:
            z.writestr("EGG-INFO/PKG-INFO", self.METADATA.format(name="eggdist"))
        self.on_path(egg)
        dist = metadata.distribution("eggdist")
        self.assertEqual(dist.version, "1.5")
        self.assertEqual(dist._normalized_name, "eggdist")

    def test_egg_info_requires_txt(self):
        from importlib import metadata
        info = os.path.join(self.dir.name, "reqdist.egg-info")
        os.mkdir(info)
        with open(os.path.join(info, "PKG-INFO"), "w") as f:
            f.write(self.METADATA.format(name="reqdist"))
        with open(os.path.join(info, "requires.txt"), "w") as f:
            f.write("dep1\n\n[:python_version < \"3\"]\ndep3\n\n[extra1]\n"
                    "dep6@ git+https://example.com/d.git\n\n"
                    "[extra2:python_version < \"3\"]\ndep5\n")
        self.assertEqual(metadata.requires("reqdist"), [
            'dep1',
            'dep3; python_version < "3"',
            'dep6@ git+https://example.com/d.git ; extra == "extra1"',
            'dep5; (python_version < "3") and extra == "extra2"',
        ])
        with open(os.path.join(info, "requires.txt"), "w") as f:
            f.write("")
        self.assertEqual(metadata.requires("reqdist"), [])
        os.remove(os.path.join(info, "requires.txt"))
        self.assertIsNone(metadata.requires("reqdist"))


class AsyncioTaskTest(unittest.TestCase):

    def test_repr_shows_cancelling_while_waiter_cancelled(self):
        import asyncio

        async def body():
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                asyncio.current_task().uncancel()
                await asyncio.sleep(10)

        loop = asyncio.new_event_loop()
        try:
            t = loop.create_task(body())
            loop.run_until_complete(asyncio.sleep(0.01))
            self.assertNotIn(" cancelling ", repr(t))
            self.assertTrue(t.cancel())
            self.assertIn(" cancelling ", repr(t))
            loop.run_until_complete(asyncio.sleep(0.01))
            # uncancel() withdrew the request: pending again.
            self.assertIn(" pending ", repr(t))
            t.cancel()
            with self.assertRaises(asyncio.CancelledError):
                loop.run_until_complete(t)
        finally:
            loop.close()

    def test_constants_module_is_shared(self):
        import asyncio.runners
        import asyncio.selector_events
        import asyncio.sslproto
        from asyncio import constants
        self.assertEqual(constants.DEBUG_STACK_DEPTH, 10)
        self.assertIs(asyncio.selector_events.ACCEPT_RETRY_DELAY,
                      constants.ACCEPT_RETRY_DELAY)
        self.assertIs(asyncio.sslproto.SSL_SHUTDOWN_TIMEOUT,
                      constants.SSL_SHUTDOWN_TIMEOUT)
        self.assertIs(asyncio.runners.THREAD_JOIN_TIMEOUT,
                      constants.THREAD_JOIN_TIMEOUT)

    def test_sendfile_fallback_in_chunks(self):
        import asyncio
        import socket
        from asyncio import constants
        data = bytes(range(256)) * 2000
        count = constants.SENDFILE_FALLBACK_READBUFFER_SIZE + 1000

        async def main():
            loop = asyncio.get_running_loop()
            r, w = socket.socketpair()
            with r:
                tr, _ = await loop.create_connection(asyncio.Protocol, sock=w)
                f = io.BytesIO(data)
                sent = await loop.sendfile(tr, f, offset=3, count=count)
                tr.close()
                r.setblocking(False)
                got = b""
                while len(got) < sent:
                    got += await loop.sock_recv(r, 1 << 20)
                return sent, got, f.tell()

        sent, got, pos = asyncio.run(main())
        self.assertEqual(sent, count)
        self.assertEqual(got, data[3:3 + count])
        self.assertEqual(pos, 3 + count)

    def test_staggered_race(self):
        import asyncio
        from asyncio import staggered
        order = []

        def attempt(index, delay, fail):
            async def run():
                order.append(("start", index))
                try:
                    await asyncio.sleep(delay)
                except asyncio.CancelledError:
                    order.append(("cancelled", index))
                    raise
                if fail:
                    raise OSError(index)
                return index * 10
            return run

        async def race(specs, delay):
            return await staggered.staggered_race(
                (attempt(i, d, f) for i, (d, f) in enumerate(specs)), delay)

        # The first fails at once: the second starts without waiting and wins.
        result, index, excs = asyncio.run(race([(0, True), (0.01, False)], 10))
        self.assertEqual((result, index), (10, 1))
        self.assertIsInstance(excs[0], OSError)
        self.assertIsNone(excs[1])
        # The first is slow: after the delay the second starts, wins, and the
        # first is cancelled.
        order.clear()
        result, index, excs = asyncio.run(race([(5, False), (0, False)], 0.05))
        self.assertEqual((result, index), (10, 1))
        self.assertIn(("cancelled", 0), order)
        self.assertIsInstance(excs[0], asyncio.CancelledError)
        # All fail.
        result, index, excs = asyncio.run(race([(0, True), (0, True)], None))
        self.assertEqual((result, index), (None, None))
        self.assertEqual([e.args for e in excs], [(0,), (1,)])
        # Nothing to run.
        self.assertEqual(asyncio.run(race([], 1)), (None, None, []))

    def test_interleave_addrinfos(self):
        from asyncio.base_events import _interleave_addrinfos
        infos = [(6, "a"), (6, "b"), (6, "c"), (4, "x"), (4, "y")]
        self.assertEqual([i[1] for i in _interleave_addrinfos(infos)],
                         ["a", "x", "b", "y", "c"])
        self.assertEqual([i[1] for i in _interleave_addrinfos(infos, 2)],
                         ["a", "b", "x", "c", "y"])
        self.assertEqual(_interleave_addrinfos([]), [])

    def test_create_connection_happy_eyeballs(self):
        import asyncio
        import socket
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        closed_port = closed.getsockname()[1]
        closed.close()

        async def main():
            loop = asyncio.get_running_loop()
            server = await loop.create_server(asyncio.Protocol, "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]

            ports = [closed_port, port]

            async def fake_getaddrinfo(host, p, **kwargs):
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "",
                         ("127.0.0.1", each)) for each in ports]
            loop.getaddrinfo = fake_getaddrinfo
            try:
                # The refused first attempt starts the second at once.
                tr, _ = await loop.create_connection(
                    asyncio.Protocol, "example.invalid", 1,
                    happy_eyeballs_delay=5)
                peer = tr.get_extra_info("peername")[1]
                tr.close()
                ports[:] = [closed_port, closed_port]
                with self.assertRaises(ExceptionGroup) as cm:
                    await loop.create_connection(
                        asyncio.Protocol, "example.invalid", 1,
                        happy_eyeballs_delay=0.01, interleave=2,
                        all_errors=True)
                self.assertEqual(len(cm.exception.exceptions), 2)
            finally:
                server.close()
                await server.wait_closed()
            return peer, port

        peer, port = asyncio.run(main())
        self.assertEqual(peer, port)

    def test_py_bookkeeping_names(self):
        from asyncio import tasks
        for name in ("current_task", "all_tasks", "_register_task",
                     "_unregister_task", "_enter_task", "_leave_task",
                     "_swap_current_task"):
            py_name = "_py_" + name.lstrip("_")
            self.assertIs(getattr(tasks, py_name), getattr(tasks, name))


class ArgumentMessageTest(unittest.TestCase):

    def test_positional_only_then_keyword_only_says_exactly(self):
        import contextvars
        with self.assertRaisesRegex(
                TypeError,
                r"^ContextVar\(\) takes exactly 1 positional argument \(0 given\)$"):
            contextvars.ContextVar()
        with self.assertRaisesRegex(TypeError, "takes exactly 1 positional argument"):
            contextvars.ContextVar(default=1)
        self.assertEqual(contextvars.ContextVar("v", default=2).get(), 2)
        import math
        with self.assertRaisesRegex(TypeError, "takes exactly 2 positional "
                                               r"arguments \(1 given\)"):
            math.nextafter(1.0)

    def test_optional_positional_only_says_at_least(self):
        import functools
        with self.assertRaisesRegex(TypeError, "takes at least 2 positional "
                                               r"arguments \(1 given\)"):
            functools.reduce(len)


class SubclassKeywordsTest(unittest.TestCase):

    CASES = [
        (filter, (None, [0, 1]), [1]),
        (itertools.filterfalse, (None, [0, 1]), [0]),
        (itertools.chain, ([1, 2], [3, 4]), [1, 2, 3]),
        (itertools.starmap, (pow, ((2, 3), (3, 2))), [8, 9]),
        (itertools.islice, ([1, 2, 3, 4], 1, 3), [2, 3]),
        (itertools.takewhile, (lambda x: x % 2 == 0, [2, 3, 4]), [2]),
        (itertools.dropwhile, (lambda x: x % 2 == 0, [2, 3, 4]), [3, 4]),
        (itertools.cycle, ([1, 2],), [1, 2, 1]),
    ]

    def test_plain_subclass_refuses_keywords(self):
        for cls, args, result in self.CASES:
            with self.subTest(cls=cls):
                sub = type("sub", (cls,), {})
                self.assertEqual(list(itertools.islice(sub(*args), 3)), result)
                with self.assertRaisesRegex(TypeError, "takes no keyword arguments"):
                    sub(*args, newarg=3)
                with self.assertRaises(TypeError):
                    cls(*args, newarg=3)

    def test_subclass_with_init_takes_keywords(self):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
        for cls, args, result in self.CASES:
            with self.subTest(cls=cls):
                sub = type("sub", (cls,), {"__init__": __init__})
                u = sub(*args, newarg=3)
                self.assertEqual(list(itertools.islice(u, 3)), result)
                self.assertEqual(u.newarg, 3)


class SysconfigRandomTest(unittest.TestCase):

    def test_getrandom_is_reported(self):
        self.assertEqual(sysconfig.get_config_var("HAVE_GETRANDOM"), 1)
        self.assertEqual(sysconfig.get_config_var("HAVE_GETRANDOM_SYSCALL"), 1)


if __name__ == "__main__":
    unittest.main()
