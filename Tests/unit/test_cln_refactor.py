"""Behaviour kept through the clean-up of shared code: BZ2File and
LZMAFile (one base in _compression), the open() helpers of bz2, lzma
and gzip, tarfile's compressed openers, ipaddress interfaces and
configparser's interpolations and duplicate errors."""

import bz2
import configparser
import gzip
import io
import ipaddress
import lzma
import os
import shutil
import tarfile
import tempfile
import unittest

TEXT = "line one\nline two\n" + "more text\n" * 500
DATA = TEXT.encode()


class CompressedFileTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def modules(self):
        return [(bz2, bz2.BZ2File, {}, OSError),
                (lzma, lzma.LZMAFile, {}, lzma.LZMAError)]

    def test_write_read_seek(self):
        for mod, cls, kw, _ in self.modules():
            with self.subTest(mod=mod.__name__):
                path = os.path.join(self.dir, "f." + mod.__name__)
                with cls(path, "w") as f:
                    self.assertEqual(f.mode, "wb")
                    self.assertTrue(f.writable())
                    self.assertFalse(f.readable())
                    self.assertEqual(f.write(DATA[:100]), 100)
                    self.assertEqual(f.write(memoryview(DATA)[100:]),
                                     len(DATA) - 100)
                    self.assertEqual(f.tell(), len(DATA))
                    with self.assertRaises(io.UnsupportedOperation):
                        f.read()
                with cls(path) as f:
                    self.assertEqual(f.mode, "rb")
                    self.assertEqual(f.name, path)
                    self.assertTrue(f.seekable())
                    self.assertEqual(f.readline(), b"line one\n")
                    self.assertEqual(f.peek(1)[:1], b"l")
                    self.assertEqual(f.read1(5), b"line ")
                    buf = bytearray(4)
                    self.assertEqual(f.readinto(buf), 4)
                    self.assertEqual(bytes(buf), b"two\n")
                    self.assertEqual(f.seek(-10, io.SEEK_END), len(DATA) - 10)
                    self.assertEqual(f.read(), DATA[-10:])
                    f.seek(0)
                    self.assertEqual(len(f.readlines()), 502)
                    with self.assertRaises(TypeError):
                        f.readline(1.5)
                    with self.assertRaises(io.UnsupportedOperation):
                        f.write(b"x")
                self.assertTrue(f.closed)
                with self.assertRaises(ValueError):
                    f.read()
                f.close()

    def test_file_objects_and_append(self):
        for mod, cls, kw, _ in self.modules():
            with self.subTest(mod=mod.__name__):
                raw = io.BytesIO()
                with cls(raw, "w") as f:
                    f.write(b"first ")
                self.assertFalse(raw.closed)
                with cls(raw, "a") as f:
                    f.write(b"second")
                raw.seek(0)
                with cls(raw) as f:
                    self.assertEqual(f.read(), b"first second")
                self.assertEqual(mod.decompress(raw.getvalue()),
                                 b"first second")

    def test_bad_arguments(self):
        for mod, cls, kw, _ in self.modules():
            with self.subTest(mod=mod.__name__):
                with self.assertRaises(ValueError):
                    cls(io.BytesIO(), "q")
                with self.assertRaises(TypeError):
                    cls(3.5)
                with self.assertRaises(ValueError):
                    mod.open(io.BytesIO(), "rbt")
                with self.assertRaises(ValueError):
                    mod.open(io.BytesIO(), "rb", encoding="utf-8")
                with self.assertRaises(ValueError):
                    mod.open(io.BytesIO(), "rb", errors="strict")
                with self.assertRaises(ValueError):
                    mod.open(io.BytesIO(), "rb", newline="\n")
        with self.assertRaises(ValueError):
            bz2.BZ2File(io.BytesIO(), "w", compresslevel=10)
        with self.assertRaises(ValueError):
            lzma.LZMAFile(io.BytesIO(), "r", check=lzma.CHECK_CRC32)

    def test_text_mode(self):
        for mod in (bz2, lzma, gzip):
            with self.subTest(mod=mod.__name__):
                path = os.path.join(self.dir, "t." + mod.__name__)
                with mod.open(path, "wt", encoding="utf-8") as f:
                    f.write("héllo\n" + TEXT)
                with mod.open(path, "rt", encoding="utf-8") as f:
                    self.assertIsInstance(f, io.TextIOWrapper)
                    self.assertEqual(f.read(), "héllo\n" + TEXT)
                with mod.open(path, "rb") as f:
                    self.assertNotIsInstance(f, io.TextIOWrapper)
                    self.assertEqual(f.read(), ("héllo\n" + TEXT).encode())

    def test_multi_stream_and_trailing_garbage(self):
        two = bz2.compress(b"ab") + bz2.compress(b"cd")
        self.assertEqual(bz2.decompress(two), b"abcd")
        self.assertEqual(bz2.decompress(two + b"\x00junk"), b"abcd")
        with bz2.BZ2File(io.BytesIO(two + b"junk")) as f:
            self.assertEqual(f.read(), b"abcd")
        two = lzma.compress(b"ab") + lzma.compress(b"cd")
        self.assertEqual(lzma.decompress(two), b"abcd")
        self.assertEqual(lzma.decompress(two + b"junkjunk"), b"abcd")
        with self.assertRaises(ValueError):
            bz2.decompress(bz2.compress(b"abc")[:-3])
        with self.assertRaises(lzma.LZMAError):
            lzma.decompress(lzma.compress(b"abc")[:-3])
        with self.assertRaises(OSError):
            bz2.decompress(b"not bzip2 data")


class TarfileOpenTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.member = os.path.join(self.dir, "member.txt")
        with open(self.member, "wb") as f:
            f.write(DATA)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_compressed_round_trips(self):
        for comp in ("gz", "bz2", "xz"):
            with self.subTest(comp=comp):
                path = os.path.join(self.dir, "a.tar." + comp)
                with tarfile.open(path, "w:" + comp) as tar:
                    tar.add(self.member, arcname="member.txt")
                with tarfile.open(path) as tar:
                    self.assertEqual(tar.getnames(), ["member.txt"])
                    self.assertEqual(tar.extractfile("member.txt").read(),
                                     DATA)
                with tarfile.open(path, "r:" + comp) as tar:
                    self.assertEqual(len(tar.getmembers()), 1)

    def test_wrong_compression_is_read_error(self):
        path = os.path.join(self.dir, "plain.tar")
        with tarfile.open(path, "w") as tar:
            tar.add(self.member, arcname="member.txt")
        for comp, message in (("gz", "not a gzip file"),
                              ("bz2", "not a bzip2 file"),
                              ("xz", "not an lzma file")):
            with self.subTest(comp=comp):
                with self.assertRaises(tarfile.ReadError) as cm:
                    tarfile.open(path, "r:" + comp)
                self.assertEqual(str(cm.exception), message)

    def test_bad_mode(self):
        for opener in (tarfile.TarFile.gzopen, tarfile.TarFile.bz2open,
                       tarfile.TarFile.xzopen):
            with self.assertRaises(ValueError) as cm:
                opener(os.path.join(self.dir, "x"), "a")
            self.assertEqual(str(cm.exception),
                             "mode must be 'r', 'w' or 'x'")


class IpInterfaceTests(unittest.TestCase):
    def test_v4(self):
        i = ipaddress.ip_interface("192.168.1.5/24")
        self.assertIsInstance(i, ipaddress.IPv4Interface)
        self.assertEqual(str(i), "192.168.1.5/24")
        self.assertEqual(repr(i.ip), "IPv4Address('192.168.1.5')")
        self.assertEqual(str(i.network), "192.168.1.0/24")
        self.assertEqual(str(i.hostmask), "0.0.0.255")
        self.assertEqual(i.with_netmask, "192.168.1.5/255.255.255.0")
        self.assertEqual(i.with_hostmask, "192.168.1.5/0.0.0.255")
        self.assertEqual(i.with_prefixlen, "192.168.1.5/24")
        self.assertNotEqual(i, ipaddress.IPv4Interface("192.168.1.5/25"))
        self.assertNotEqual(i, i.ip)
        self.assertEqual(i, ipaddress.IPv4Interface("192.168.1.5/24"))
        self.assertEqual(hash(i),
                         hash(ipaddress.IPv4Interface("192.168.1.5/24")))
        self.assertLess(ipaddress.IPv4Interface("10.0.0.1/8"), i)
        self.assertLess(ipaddress.IPv4Interface("192.168.1.5/16"), i)

    def test_v6(self):
        i = ipaddress.ip_interface("2001:db8::1%eth0/64")
        self.assertEqual(str(i), "2001:db8::1%eth0/64")
        self.assertEqual(i.with_prefixlen, "2001:db8::1/64")
        self.assertEqual(str(i.network), "2001:db8::/64")
        self.assertEqual(repr(i.ip), "IPv6Address('2001:db8::1')")
        self.assertTrue(ipaddress.IPv6Interface("::1/128").is_loopback)
        self.assertTrue(ipaddress.IPv6Interface("::/128").is_unspecified)
        j = ipaddress.IPv6Interface("2001:db8::1/64")
        self.assertEqual(j, ipaddress.IPv6Interface("2001:db8::1/64"))
        self.assertNotEqual(j, ipaddress.IPv6Interface("2001:db8::1/65"))


class ConfigParserTests(unittest.TestCase):
    def test_basic_interpolation(self):
        p = configparser.ConfigParser()
        p.read_string("[DEFAULT]\nhome = /h\n[s]\na = %(home)s/x\n"
                      "b = %(a)s/y %% pct\nc = %(missing)s\nd = % bad\n")
        self.assertEqual(p.get("s", "b"), "/h/x/y % pct")
        with self.assertRaises(configparser.InterpolationMissingOptionError):
            p.get("s", "c")
        with self.assertRaises(configparser.InterpolationSyntaxError) as cm:
            p.get("s", "d")
        self.assertEqual(str(cm.exception),
                         "'%' must be followed by '%' or '(', found: '% bad'")
        with self.assertRaises(ValueError) as cm:
            p.set("s", "z", "bad % here")
        self.assertEqual(str(cm.exception), "invalid interpolation syntax "
                         "in 'bad % here' at position 4")

    def test_extended_interpolation(self):
        p = configparser.ConfigParser(
            interpolation=configparser.ExtendedInterpolation())
        p.read_string("[s]\na = ${t:q}/x\nb = ${a} $$\nc = ${t:q:r}\n"
                      "d = $ bad\n[t]\nq = Q${r}\nr = R\n")
        self.assertEqual(p.get("s", "a"), "QR/x")
        self.assertEqual(p.get("s", "b"), "QR/x $")
        with self.assertRaises(configparser.InterpolationSyntaxError) as cm:
            p.get("s", "c")
        self.assertEqual(str(cm.exception), "More than one ':' found: ''")
        with self.assertRaises(configparser.InterpolationSyntaxError) as cm:
            p.get("s", "d")
        self.assertEqual(str(cm.exception),
                         "'$' must be followed by '$' or '{', found: '$ bad'")

    def test_duplicate_messages(self):
        cases = [
            (configparser.DuplicateSectionError("s"),
             "Section 's' already exists"),
            (configparser.DuplicateSectionError("s", "f.ini", 3),
             "While reading from 'f.ini' [line  3]: section 's' already "
             "exists"),
            (configparser.DuplicateOptionError("s", "o"),
             "Option 'o' in section 's' already exists"),
            (configparser.DuplicateOptionError("s", "o", "<string>"),
             "While reading from '<string>': option 'o' in section 's' "
             "already exists"),
        ]
        for err, message in cases:
            self.assertEqual(str(err), message)
        self.assertEqual(configparser.DuplicateOptionError("s", "o", "x", 1)
                         .args, ("s", "o", "x", 1))


if __name__ == "__main__":
    unittest.main()
