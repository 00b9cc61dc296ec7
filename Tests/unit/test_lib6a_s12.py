"""Session 12 fixes in the issue 6 modules, found with CPython 3.13's
own tests: Fraction format specs (the '0' flag refused together with an
alignment, a '0' fill being plain padding, no leading zeros in widths and
precisions), Fraction literals with an underscore right after the point,
and //, % and divmod() between a Fraction and a complex number raising
the usual TypeError naming both types; zipfile.Path pickles (its archive
is reopened from the name it was opened with); statistics: a signalling
Decimal NaN makes the exact sum raise InvalidOperation, and the inverse
CDFs of the quartic and triweight kernels stop after a few Newton steps
(kde_random drew samples about ten times slower than the others); the C
pickler checks the optional items of a reduce value (listitems and
dictitems iterators, a callable state setter) and calls a
reducer_override set to None (TypeError) rather than ignoring it;
sqlite3's iterdump() turns foreign keys off before BEGIN (inside a
transaction SQLite ignores the pragma) when the database holds
violations, and only then; tarfile: list(verbose=True) shows the file
type letter of the member type (headers keep permission bits only), and
a TarFile made with stream=True does not keep the members it has read;
zipfile: a member whose data would run into the next entry is refused
("Overlapped entries", a zip bomb), write handles have name and mode, an
empty or short Info-ZIP UTF-8 name field warns or raises whatever the
name's own flag; unicodedata.ucd_3_2_0 answers with Unicode 3.2.0's
category, bidirectional class, East Asian width, mirroring and decimal
and numeric values (generated from Tools/unicode/UCD-3.2.0-properties.txt)
where they have changed since; binascii.a2b_base64(strict_mode=True)
refuses padding right after a complete group ("Excess padding"); text
signatures of Struct.__sizeof__, PickleBuffer.__reduce_ex__ and the
__reduce__ of the bz2 and lzma (de)compressors; hashlib imports without
the _hashlib extension (no algorithm, each reported, new() ValueError)
and lists the guaranteed algorithms as available; statistics'
_float_sqrt_of_frac() raises for a negative ratio or a zero denominator
and takes two negative terms; a sqlite3 Connection collected while open
emits ResourceWarning, and a trace callback given the unexpanded text of
a statement too long to expand reports DataError through the callback
error hook."""

import decimal
import io
import operator
import statistics
import struct
import warnings
import binascii
import bz2
import inspect
import lzma
import contextlib
import gc
import tarfile
import unicodedata
import os
import pathlib
import pickle
import re
import subprocess
import sys
import hashlib
import sqlite3
import tempfile
import zipfile
import unittest
from fractions import Fraction as F


class FractionFormat(unittest.TestCase):
    def test_zero_flag_with_alignment_refused(self):
        for spec in ('X>010f', '0<010f', '^010f', '=010e', '=010g',
                     '=010%', '>00.2f'):
            with self.subTest(spec=spec):
                with self.assertRaisesRegex(ValueError,
                                            'Invalid format specifier'):
                    format(F(1, 3), spec)

    def test_zero_fill_is_padding(self):
        self.assertEqual(format(F('1234.5678'), '0=12,.2f'), '00001,234.57')
        self.assertEqual(format(F('1234.5678'), '012,.2f'), '0,001,234.57')
        self.assertEqual(format(F(-1, 3), '010.3f'), '-00000.333')

    def test_leading_zeros_refused(self):
        for spec in ('006f', '>00f', '.010f', '.02f', '.000f'):
            with self.subTest(spec=spec):
                with self.assertRaises(ValueError):
                    format(F(1, 3), spec)
        self.assertEqual(format(F(1, 3), '0f'), '0.333333')
        self.assertEqual(format(F(1, 3), '.0f'), '0')


class FractionParsing(unittest.TestCase):
    def test_underscore_after_point(self):
        for text in ('1._111', '_1', '1.1__1', '1.1e+_1'):
            with self.subTest(text=text):
                with self.assertRaisesRegex(
                        ValueError,
                        re.escape("Invalid literal for Fraction: '%s'"
                                  % text)):
                    F(text)
        self.assertEqual(F('1_0.2_5'), F(41, 4))
        self.assertEqual(F('.5'), F(1, 2))


class FractionComplex(unittest.TestCase):
    def test_unsupported_operators(self):
        a, b = F(1, 2), 1j
        for op, name in ((operator.mod, '%'), (operator.floordiv, '//'),
                         (divmod, 'divmod()')):
            with self.subTest(op=name):
                with self.assertRaisesRegex(
                        TypeError, r"for %s: 'Fraction' and 'complex'"
                        % re.escape(name)):
                    op(a, b)
                with self.assertRaisesRegex(
                        TypeError, r"for %s: 'complex' and 'Fraction'"
                        % re.escape(name)):
                    op(b, a)
        self.assertEqual(a + b, 0.5 + 1j)
        self.assertEqual(b * a, 0.5j)


class ZipPathPickle(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.name = os.path.join(tmp.name, 'a.zip')
        with zipfile.ZipFile(self.name, 'w') as zf:
            zf.writestr('a/b.txt', 'content of b')
            zf.writestr('c.txt', 'content of c')

    def restored(self, path, proto):
        path = pickle.loads(pickle.dumps(path, proto))
        self.addCleanup(path.root.close)
        return path

    def test_round_trip(self):
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            for source in (self.name, pathlib.Path(self.name)):
                with self.subTest(proto=proto, source=type(source)):
                    top = zipfile.Path(source)
                    self.addCleanup(top.root.close)
                    path = self.restored(top / 'a/', proto)
                    self.assertEqual(path.at, 'a/')
                    first, = path.iterdir()
                    self.assertEqual(first.read_text(encoding='utf-8'),
                                     'content of b')

    def test_open_zipfile_refused(self):
        with zipfile.ZipFile(self.name) as zf:
            with self.assertRaisesRegex(TypeError, 'cannot pickle'):
                pickle.dumps(zipfile.Path(zf))


class StatisticsFixes(unittest.TestCase):
    def test_signalling_nan_raises(self):
        snan = decimal.Decimal('sNaN')
        for data in ([1, snan, 2], [snan]):
            with self.subTest(data=data):
                with self.assertRaises(decimal.InvalidOperation):
                    statistics._sum(data)
        self.assertEqual(statistics._sum([1.0, float('inf')])[1],
                         float('inf'))

    def test_float_sqrt_of_frac_domain(self):
        root = statistics._float_sqrt_of_frac
        self.assertEqual(root(0, 1), 0.0)
        self.assertEqual(root(-2, -1), root(2, 1))
        self.assertEqual(root(9, 4), 1.5)
        for n, m in ((-1, 1), (1, -1)):
            with self.subTest(n=n, m=m):
                with self.assertRaises(ValueError):
                    root(n, m)
        with self.assertRaises(ZeroDivisionError):
            root(1, 0)

    def test_kernel_inverse_steps(self):
        calls = 0
        quartic = statistics._make_kernels()['quartic']
        pdf, cdf, inverse, support = quartic

        def counted_cdf(t):
            nonlocal calls
            calls += 1
            return cdf(t)
        for i in range(1, 100):
            p = i / 100
            t = statistics._invert_monotonic(counted_cdf, pdf, p, -1.0, 1.0)
            self.assertAlmostEqual(cdf(t), p, places=14)
        self.assertLess(calls, 99 * 12)


class Reduced:
    def __init__(self, rv):
        self.rv = rv

    def __reduce__(self):
        return self.rv


class CPicklerChecks(unittest.TestCase):
    def test_reduce_items_checked(self):
        cases = [
            ((print, (), 'state', None, None, 42), 'sixth item .* int'),
            ((list, (), None, 42), 'fourth item .* iterator, not int'),
            ((list, (), None, []), 'fourth item .* iterator, not list'),
            ((dict, (), None, None, []), 'fifth item .* iterator, not list'),
        ]
        for rv, message in cases:
            for proto in range(pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(rv=rv, proto=proto):
                    with self.assertRaisesRegex(pickle.PicklingError,
                                                message):
                        pickle.dumps(Reduced(rv), proto)
        rv = (list, (), None, iter([1, 2]))
        self.assertEqual(pickle.loads(pickle.dumps(Reduced(rv))), [1, 2])

    def test_reducer_override_none(self):
        class MyPickler(pickle.Pickler):
            pass
        pickler = MyPickler(io.BytesIO())
        pickler.reducer_override = None
        with self.assertRaisesRegex(TypeError, 'not callable'):
            pickler.dump(object())
        pickler.clear_memo()
        pickler.reducer_override = 10
        with self.assertRaises(TypeError):
            pickler.dump(object())


class SqliteDump(unittest.TestCase):
    def dump(self, foreign_keys, violation):
        cx = sqlite3.connect(':memory:')
        self.addCleanup(cx.close)
        cx.execute('PRAGMA foreign_keys=0')
        cx.execute('CREATE TABLE t1(a INTEGER PRIMARY KEY)')
        cx.execute('CREATE TABLE t2(b INTEGER REFERENCES t1(a))')
        if not violation:
            cx.execute('INSERT INTO t1 VALUES(5)')
        cx.execute('INSERT INTO t2 VALUES(5)')
        cx.commit()
        cx.execute('PRAGMA foreign_keys=%d' % foreign_keys)
        return list(cx.iterdump())

    def test_violation_turns_checks_off_first(self):
        for foreign_keys in (0, 1):
            with self.subTest(foreign_keys=foreign_keys):
                lines = self.dump(foreign_keys, True)
                self.assertEqual(lines[:2], ['PRAGMA foreign_keys=OFF;',
                                             'BEGIN TRANSACTION;'])
                copy = sqlite3.connect(':memory:')
                self.addCleanup(copy.close)
                copy.execute('PRAGMA foreign_keys=1')
                copy.executescript('\n'.join(lines))
                self.assertEqual(copy.execute('SELECT * FROM t2').fetchall(),
                                 [(5,)])

    def test_unclosed_connection_warns(self):
        with self.assertWarnsRegex(ResourceWarning, 'unclosed database'):
            cx = sqlite3.connect(':memory:')
            del cx
            gc.collect()
        with warnings.catch_warnings():
            warnings.simplefilter('error', ResourceWarning)
            cx = sqlite3.connect(':memory:')
            cx.close()
            del cx
            gc.collect()

    def test_trace_unexpanded_reports(self):
        cx = sqlite3.connect(':memory:')
        self.addCleanup(cx.close)
        limit = cx.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
        cx.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100)
        self.addCleanup(cx.setlimit, sqlite3.SQLITE_LIMIT_LENGTH, limit)
        traced, reported = [], []
        cx.set_trace_callback(traced.append)
        old_hook = sys.unraisablehook
        sys.unraisablehook = reported.append
        sqlite3.enable_callback_tracebacks(True)
        try:
            cx.execute('SELECT ?', ('a' * 99,))
        finally:
            sqlite3.enable_callback_tracebacks(False)
            sys.unraisablehook = old_hook
        self.assertEqual(traced, ['SELECT ?'])
        self.assertEqual(len(reported), 1)
        self.assertIs(reported[0].exc_type, sqlite3.DataError)
        self.assertIn('Expanded SQL string exceeds',
                      str(reported[0].exc_value))

    def test_no_violation_no_pragma(self):
        for foreign_keys in (0, 1):
            with self.subTest(foreign_keys=foreign_keys):
                lines = self.dump(foreign_keys, False)
                self.assertEqual(lines[0], 'BEGIN TRANSACTION;')
                self.assertNotIn('PRAGMA foreign_keys=OFF;', lines)


def small_tar():
    """A tar archive with a file, a directory, a symlink and a fifo."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.USTAR_FORMAT) as tar:
        for name, kind, mode in (('d', tarfile.DIRTYPE, 0o755),
                                 ('d/f', tarfile.REGTYPE, 0o644),
                                 ('l', tarfile.SYMTYPE, 0o777),
                                 ('p', tarfile.FIFOTYPE, 0o600)):
            info = tarfile.TarInfo(name)
            info.type = kind
            info.mode = mode
            if kind == tarfile.SYMTYPE:
                info.linkname = 'd/f'
            data = io.BytesIO(b'abc') if kind == tarfile.REGTYPE else None
            info.size = 3 if data else 0
            tar.addfile(info, data)
    return buf.getvalue()


class TarfileFixes(unittest.TestCase):
    def test_list_type_letters(self):
        out = io.StringIO()
        with tarfile.open(fileobj=io.BytesIO(small_tar())) as tar:
            with contextlib.redirect_stdout(out):
                tar.list(verbose=True)
        modes = [line.split()[0] for line in out.getvalue().splitlines()]
        self.assertEqual(modes, ['drwxr-xr-x', '-rw-r--r--', 'lrwxrwxrwx',
                                 'prw-------'])

    def test_stream_keeps_no_members(self):
        with tarfile.open(fileobj=io.BytesIO(small_tar()), stream=True) as tar:
            names = [info.name for info in tar]
            self.assertEqual(names, ['d', 'd/f', 'l', 'p'])
            self.assertEqual(tar.members, [])
        with tarfile.open(fileobj=io.BytesIO(small_tar())) as tar:
            self.assertEqual(len(tar.getmembers()), 4)


class ZipfileFixes(unittest.TestCase):
    def test_overlapped_entries(self):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as zf:
            zf.writestr('a', b'x' * 10)
            zf.writestr('b', b'y' * 10)
        data = bytearray(buf.getvalue())
        central = data.index(b'PK\x01\x02')
        # Claim 'a' holds 100 bytes: they would cover b's local header.
        struct.pack_into('<LL', data, central + 20, 100, 100)
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
            with self.assertRaisesRegex(zipfile.BadZipFile,
                                        "Overlapped entries: 'a'"):
                zf.read('a')
            self.assertEqual(zf.read('b'), b'y' * 10)

    def test_write_handle_attributes(self):
        with zipfile.ZipFile(io.BytesIO(), 'w') as zf:
            with zf.open('name.txt', 'w') as handle:
                self.assertEqual((handle.name, handle.mode),
                                 ('name.txt', 'wb'))
                self.assertRaises(io.UnsupportedOperation, handle.fileno)
            self.assertEqual((handle.name, handle.mode), ('name.txt', 'wb'))

    def archive_with_utf8_field(self, tail):
        import zlib
        name = '\uc774\ub984.txt'
        raw = name.encode('utf-8')
        field = b'\x01' + struct.pack('<L', zlib.crc32(raw)) + tail
        info = zipfile.ZipInfo(name)
        info.extra = struct.pack('<HH', 0x7075, len(field)) + field
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as zf:
            zf.writestr(info, b'Hello World!')
        return buf

    def test_utf8_name_field_checked(self):
        with self.assertWarnsRegex(UserWarning, 'Empty unicode path'):
            zipfile.ZipFile(self.archive_with_utf8_field(b'')).close()
        with self.assertRaisesRegex(zipfile.BadZipFile, 'invalid utf-8'):
            zipfile.ZipFile(self.archive_with_utf8_field(b'\xff'))
        with warnings.catch_warnings():
            warnings.simplefilter('error')
            with zipfile.ZipFile(self.archive_with_utf8_field(b'n.txt')) as zf:
                self.assertEqual(zf.namelist(), ['n.txt'])


class Ucd320(unittest.TestCase):
    old = unicodedata.ucd_3_2_0

    def test_changed_properties(self):
        old, new = self.old, unicodedata
        cases = [
            ('category', '\u00aa', 'Ll', 'Lo'),
            ('category', '\u00ad', 'Pd', 'Cf'),
            ('bidirectional', '+', 'ET', 'ES'),
            ('bidirectional', '/', 'ES', 'CS'),
            ('east_asian_width', '\u231a', 'N', 'W'),
            ('mirrored', '\u0f3a', 0, 1),
        ]
        for func, ch, then, now in cases:
            with self.subTest(func=func, ch=ch):
                self.assertEqual(getattr(old, func)(ch), then)
                self.assertEqual(getattr(new, func)(ch), now)

    def test_changed_numeric_values(self):
        self.assertEqual(self.old.decimal('\u00b2'), 2)
        self.assertIsNone(unicodedata.decimal('\u00b2', None))
        self.assertEqual(self.old.numeric('\u4e24'), 2.0)
        self.assertIsNone(unicodedata.numeric('\u4e24', None))
        self.assertEqual(self.old.numeric('\u00bd'), 0.5)

    def test_unchanged_and_later(self):
        self.assertEqual(self.old.category('A'), 'Lu')
        self.assertEqual(self.old.bidirectional('A'), 'L')
        self.assertEqual(self.old.decimal('7'), 7)
        # NKo (Unicode 5.0) is unassigned in 3.2.0.
        self.assertEqual(self.old.category('\u07c0'), 'Cn')
        self.assertEqual(self.old.bidirectional('\u07c0'), '')
        self.assertIsNone(self.old.decimal('\u07c0', None))
        self.assertIsNone(self.old.numeric('\u07c0', None))
        self.assertEqual(self.old.east_asian_width('\u07c0'), 'N')


class Base64Strict(unittest.TestCase):
    def decode(self, data):
        return binascii.a2b_base64(data, strict_mode=True)

    def test_excess_padding(self):
        for data in (b'abcd=', b'abcd==', b'abcd=efgh'):
            with self.subTest(data=data):
                with self.assertRaisesRegex(binascii.Error,
                                            'Excess padding not allowed'):
                    self.decode(data)
        # Without strict mode the data before the padding is kept.
        self.assertEqual(binascii.a2b_base64(b'abcd='), b'i\xb7\x1d')

    def test_needed_padding(self):
        self.assertEqual(self.decode(b'ab=='), b'i')
        self.assertEqual(self.decode(b'abc='), b'i\xb7')
        with self.assertRaisesRegex(binascii.Error, 'Leading padding'):
            self.decode(b'=abcd')


class TextSignatures(unittest.TestCase):
    def test_signatures(self):
        cases = [
            (struct.Struct.__sizeof__, '(self, /)'),
            (pickle.PickleBuffer.__reduce_ex__, '(self, protocol, /)'),
            (bz2.BZ2Compressor.__reduce__, '(self, /)'),
            (bz2.BZ2Decompressor.__reduce__, '(self, /)'),
            (lzma.LZMACompressor.__reduce__, '(self, /)'),
            (lzma.LZMADecompressor.__reduce__, '(self, /)'),
        ]
        for func, expected in cases:
            with self.subTest(func=func):
                self.assertEqual(str(inspect.signature(func)), expected)
        with self.assertRaisesRegex(TypeError, 'cannot pickle'):
            pickle.dumps(lzma.LZMACompressor())


class HashlibWithoutOpenSSL(unittest.TestCase):
    def test_import_without_extension(self):
        code = (
            "import sys\n"
            "sys.modules['_hashlib'] = None\n"
            "import hashlib\n"
            "print(hasattr(hashlib, 'md5'), hasattr(hashlib, 'pbkdf2_hmac'),\n"
            "      hashlib.algorithms_available == hashlib.algorithms_guaranteed)\n"
            "try:\n"
            "    hashlib.new('sha256')\n"
            "except ValueError as e:\n"
            "    print(e)\n")
        proc = subprocess.run([sys.executable, '-I', '-c', code],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.splitlines(),
                         ['False False True', 'unsupported hash type sha256'])
        self.assertIn('code for hash md5 was not found.', proc.stderr)

    def test_available_includes_guaranteed(self):
        self.assertLessEqual(hashlib.algorithms_guaranteed,
                             hashlib.algorithms_available)
        self.assertIn('pbkdf2_hmac', hashlib.__all__)


if __name__ == '__main__':
    unittest.main()
