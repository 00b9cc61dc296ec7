"""Session 10 fixes in the issue 6 modules (numbers, text, data formats):
zipfile's ZIP64 extra field errors; the C unpickler's APPEND to a list
subclass and files whose peek() is unsupported; pickle.PickleBuffer
exporting the wrapped object's buffer; the C pickler's nested names below
protocol 4 and NEWOBJ of proxies; object.__reduce_ex__'s special method
lookups; decimal Context attributes; json's C scanstring arguments;
sqlite3 adaptation (__adapt__, TypeError in __conform__, adapters for
base types), converters of zero-sized values, authorizer results beyond C
int, columns of a cached statement after a schema change, __exit__ of a
closed blob, Cursor.__init__ on a cursor in use, iterdump() of
AUTOINCREMENT tables, a failed Connection re-init, the message of a
failing callback, function results beyond 64 bits, window function
definition errors, blob bytes beyond C long, Connection.__call__."""

import decimal
import gc
import io
import json.decoder
import pickle
import sqlite3
import struct
import sys
import threading
import unittest
import weakref
import zipfile


def central_directory_only(compress_size, file_size, header_offset, extra):
    """An archive of one central directory entry named 'a' (no member
    data: ZipFile() reads only the central directory)."""
    name = b'a'
    entry = struct.pack('<4s4H2H3I5H2I', b'PK\x01\x02', 45, 45, 0, 0, 0,
                        0x21, 0, compress_size, file_size, len(name),
                        len(extra), 0, 0, 0, 0, header_offset)
    entry += name + extra
    end = struct.pack('<4s4H2IH', b'PK\x05\x06', 0, 0, 1, 1, len(entry), 0,
                      0)
    return entry + end


def zip64_extra(*values):
    return struct.pack('<2H', 1, 8 * len(values)) + \
        b''.join(struct.pack('<Q', v) for v in values)


class Zip64Extra(unittest.TestCase):
    MARK = 0xFFFFFFFF

    def open_error(self, data):
        with self.assertRaises(zipfile.BadZipFile) as cm:
            zipfile.ZipFile(io.BytesIO(data))
        return str(cm.exception)

    def test_names_the_missing_field(self):
        m = self.MARK
        cases = [
            ((0, m, 0, zip64_extra()), 'File size'),
            ((m, m, 0, zip64_extra(5)), 'Compress size'),
            ((m, 0, 0, zip64_extra()), 'Compress size'),
            ((m, m, m, zip64_extra(5, 5)), 'Header offset'),
            ((0, 0, m, zip64_extra()), 'Header offset'),
        ]
        for fields, title in cases:
            with self.subTest(title=title, fields=fields):
                self.assertEqual(self.open_error(central_directory_only(*fields)),
                                 f'Corrupt zip64 extra field. {title} not found.')

    def test_complete_record_is_applied(self):
        m = self.MARK
        data = central_directory_only(m, m, m, zip64_extra(7, 6, 0))
        info = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
        self.assertEqual((info.file_size, info.compress_size,
                          info.header_offset), (7, 6, 0))


class ListLike(list):
    pass


class AppendOnly:
    """List-like by append() only (no extend): pickled with APPEND."""

    def __init__(self):
        self.items = []

    def append(self, item):
        self.items.append(item)

    def __reduce__(self):
        return AppendOnly, (), None, iter(self.items)


class UnpicklerAppend(unittest.TestCase):

    def test_tuple_appended_to_list_subclass(self):
        # The tuple is one argument of append(), not its argument list.
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            t = (ListLike(),)
            t[0].append(t)
            x = pickle.loads(pickle.dumps(t, proto))
            self.assertIs(x[0][0], x)
            obj = AppendOnly()
            obj.append((1, 2))
            self.assertEqual(pickle.loads(pickle.dumps(obj, proto)).items,
                             [(1, 2)])


class NoPeek(io.BytesIO):
    def peek(self, *args):
        raise NotImplementedError


class UnpicklerPeek(unittest.TestCase):

    def test_peek_not_implemented(self):
        data = pickle.dumps([1, 2]) + pickle.dumps({'a': 3})
        f = NoPeek(data)
        u = pickle.Unpickler(f)
        self.assertEqual(u.load(), [1, 2])
        self.assertEqual(u.load(), {'a': 3})
        self.assertEqual(f.read(), b'')

    def test_other_peek_errors_propagate(self):
        class BadPeek(io.BytesIO):
            def peek(self, *args):
                raise OSError('no')
        with self.assertRaises(OSError):
            pickle.Unpickler(BadPeek(pickle.dumps([1]))).load()


class ZeroCopy(bytes):
    def __reduce_ex__(self, protocol):
        return type(self)._rebuild, (pickle.PickleBuffer(self),)

    @classmethod
    def _rebuild(cls, buf):
        with memoryview(buf) as m:
            return m.obj if type(m.obj) is cls else cls(m.obj)


class PickleBufferExports(unittest.TestCase):

    def test_memoryview_obj_is_wrapped_object(self):
        data = ZeroCopy(b'abc')
        pb = pickle.PickleBuffer(data)
        with memoryview(pb) as m:
            self.assertIs(m.obj, data)
        self.assertIs(pb.raw().obj, data)
        ba = bytearray(b'xy')
        with memoryview(pickle.PickleBuffer(ba)) as m:
            m[0] = ord('z')
        self.assertEqual(ba, b'zy')

    def test_out_of_band_reconstruction_without_copy(self):
        data = ZeroCopy(b'payload')
        for dumps, loads in ((pickle.dumps, pickle.loads),
                             (pickle._dumps, pickle._loads)):
            buffers = []
            blob = dumps(data, protocol=5, buffer_callback=buffers.append)
            self.assertIs(loads(blob, buffers=buffers), data)

    def test_release_while_other_threads_export(self):
        # Views are taken from the wrapped object itself, so a release()
        # racing with exports leaves every view valid and, once all are
        # given back, the wrapped bytearray resizable.
        for _ in range(50):
            data = bytearray(64)
            pb = pickle.PickleBuffer(data)
            barrier = threading.Barrier(4)

            def reader():
                barrier.wait()
                for _ in range(10):
                    try:
                        with memoryview(pb) as m:
                            self.assertIs(m.obj, data)
                        pb.raw().release()
                    except ValueError:
                        pass

            def releaser():
                barrier.wait()
                pb.release()

            threads = [threading.Thread(target=reader) for _ in range(3)]
            threads.append(threading.Thread(target=releaser))
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            data.append(1)
            self.assertEqual(len(data), 65)

    def test_release_and_errors(self):
        pb = pickle.PickleBuffer(b'abc')
        self.assertIs(weakref.ref(pb)(), pb)
        self.assertTrue(gc.is_tracked(pb))
        pb.release()
        pb.release()
        message = 'operation forbidden on released PickleBuffer object'
        for call in (pb.raw, lambda: memoryview(pb), lambda: bytes(pb)):
            with self.assertRaisesRegex(ValueError, message):
                call()
        with self.assertRaisesRegex(TypeError, r'exactly 1 positional'):
            pickle.PickleBuffer(buffer=b'')
        with self.assertRaisesRegex(TypeError, "cannot pickle "
                                    "'pickle.PickleBuffer' object"):
            pickle.PickleBuffer(b'').__reduce_ex__(5)


class Outer:
    class Inner:
        class Deep:
            pass


class ThroughModule:
    pass


ThroughModule.mod = sys.modules[__name__]
ThroughModule.__qualname__ = 'ThroughModule.mod.ThroughModule'


class FloatWithDict(float):
    pass


class PicklerNames(unittest.TestCase):

    def test_nested_names_below_protocol_4(self):
        # A qualname whose path passes through the module itself needs no
        # module pickling.
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            for obj in (Outer.Inner.Deep, ThroughModule):
                with self.subTest(proto=proto, obj=obj):
                    self.assertIs(pickle.loads(pickle.dumps(obj, proto)), obj)

    def test_getnewargs_looked_up_on_the_type(self):
        # object.__reduce_ex__ asks the type for __getnewargs_ex__ and
        # __getnewargs__: a __getattr__ that recurses is never called.
        class BadGetattr:
            def __getattr__(self, key):
                return self.missing
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            self.assertEqual(BadGetattr().__reduce_ex__(proto)[1],
                             (BadGetattr,))
        class Instance:
            pass
        obj = Instance()
        obj.__getnewargs__ = lambda: (1,)
        self.assertEqual(obj.__reduce_ex__(2)[1], (Instance,))

    def test_newobj_uses_dunder_class(self):
        x = FloatWithDict(2.5)
        x.foo = 42
        for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
            y = pickle.loads(pickle.dumps(weakref.proxy(x), proto))
            self.assertIs(type(y), FloatWithDict)
            self.assertEqual((y, y.__dict__), (2.5, {'foo': 42}))


class DecimalContextSignals(unittest.TestCase):

    def test_assigned_flags_and_traps_must_be_dicts(self):
        c = decimal.Context()
        for value in ([], [decimal.Inexact], (), set()):
            with self.subTest(value=value):
                with self.assertRaisesRegex(TypeError,
                                            'argument must be a signal dict'):
                    c.flags = value
                with self.assertRaises(TypeError):
                    c.traps = value
        with self.assertRaises(KeyError):
            c.flags = {}
        c.traps = dict.fromkeys(c.traps, False)
        self.assertFalse(any(c.traps.values()))

    def test_constructor_and_localcontext_take_lists(self):
        c = decimal.Context(flags=[decimal.Inexact], traps=[])
        self.assertTrue(c.flags[decimal.Inexact])
        self.assertFalse(c.traps[decimal.InvalidOperation])
        for value in ((decimal.Inexact,), {decimal.Inexact}, (0, 1)):
            with self.subTest(value=value):
                with self.assertRaises(TypeError):
                    decimal.Context(flags=value)
                with self.assertRaises(TypeError):
                    decimal.localcontext(traps=value)
        with self.assertRaises(KeyError):
            decimal.Context(flags=['P'])
        with decimal.localcontext(flags=[decimal.Rounded], traps=[]) as c:
            self.assertTrue(c.flags[decimal.Rounded])
            self.assertEqual(decimal.Decimal(1) / 0, decimal.Decimal('Inf'))

    def test_no_private_clamp(self):
        c = decimal.Context(clamp=1)
        self.assertEqual(c.clamp, 1)
        with self.assertRaises(AttributeError):
            c._clamp


class JsonScanstring(unittest.TestCase):

    def test_arguments_as_argument_clinic_checks_them(self):
        # CPython 3.13+ parses scanstring's arguments with Argument Clinic.
        scanstring = json.decoder.c_scanstring
        if scanstring is None:
            self.skipTest('no C scanstring')
        with self.assertRaisesRegex(TypeError, r'^scanstring\(\) argument 1 '
                                    r'must be str, not bytes$'):
            scanstring(b'xxx', sys.maxsize + 1)
        with self.assertRaisesRegex(OverflowError, 'too large'):
            scanstring('xxx', sys.maxsize + 1)
        with self.assertRaisesRegex(TypeError, r'^scanstring expected at '
                                    r'least 2 arguments, got 1$'):
            scanstring('"a"')
        with self.assertRaisesRegex(TypeError, 'integer'):
            scanstring('"a"', 1.0)
        self.assertEqual(scanstring('"abc"', 1), ('abc', 5))
        self.assertEqual(scanstring('"a\x01"', 1, False), ('a\x01', 4))

class SqliteAdaptation(unittest.TestCase):

    def setUp(self):
        self.con = sqlite3.connect(':memory:')
        self.addCleanup(self.con.close)

    def test_protocol_adapts(self):
        class Proto:
            def __adapt__(obj):
                return f'adapted {obj}'
        self.assertEqual(sqlite3.adapt(1.5, Proto), 'adapted 1.5')
        class Refuses:
            def __adapt__(obj):
                raise TypeError
        self.assertEqual(sqlite3.adapt(1.5, Refuses, 'alt'), 'alt')
        with self.assertRaisesRegex(sqlite3.ProgrammingError, "can't adapt"):
            sqlite3.adapt(1.5, Refuses)

    def test_type_error_in_conform_is_a_binding_error(self):
        class BadConform:
            def __conform__(self, protocol):
                raise TypeError
        with self.assertRaises(sqlite3.ProgrammingError):
            self.con.execute('select ?', (BadConform(),))
        class Fails:
            def __conform__(self, protocol):
                raise KeyError('x')
        with self.assertRaises(KeyError):
            self.con.execute('select ?', (Fails(),))

    def test_adapter_for_a_base_type_is_used(self):
        key = (float, sqlite3.PrepareProtocol)
        old = sqlite3.adapters.get(key)
        sqlite3.register_adapter(float, lambda x: f'float {x}')
        try:
            self.assertEqual(self.con.execute('select ?', (2.5,)).fetchone(),
                             ('float 2.5',))
        finally:
            if old is None:
                del sqlite3.adapters[key]
            else:
                sqlite3.adapters[key] = old

    def test_zero_sized_value_converts_to_none(self):
        con = sqlite3.connect(':memory:', detect_types=sqlite3.PARSE_DECLTYPES)
        self.addCleanup(con.close)
        calls = []
        sqlite3.register_converter('lib6a_blob', calls.append)
        con.execute('create table t(b lib6a_blob)')
        con.execute('insert into t values (?)', (b'',))
        con.execute('insert into t values (?)', (b'x',))
        self.assertEqual(con.execute('select b from t').fetchall(),
                         [(None,), (None,)])
        self.assertEqual(calls, [b'x'])


class SqliteCursor(unittest.TestCase):

    def setUp(self):
        self.con = sqlite3.connect(':memory:')
        self.addCleanup(self.con.close)
        self.con.execute('create table t(a)')

    def test_cached_statement_sees_new_column(self):
        cur = self.con.cursor()
        self.assertEqual(len(cur.execute('select * from t').description), 1)
        cur.execute('alter table t add b')
        self.assertEqual([d[0] for d in
                          cur.execute('select * from t').description],
                         ['a', 'b'])
        self.assertIsNone(cur.execute('insert into t values (1, 2)')
                          .description)

    def test_closed_blob_exit_is_an_error(self):
        self.con.execute('insert into t values (zeroblob(4))')
        blob = self.con.blobopen('t', 'a', 1)
        with blob:
            self.assertEqual(len(blob), 4)
        blob.close()
        with self.assertRaisesRegex(sqlite3.ProgrammingError,
                                    'Cannot operate on a closed blob'):
            blob.__exit__(None, None, None)

    def test_cursor_init_from_a_converter(self):
        con = sqlite3.connect(':memory:', detect_types=sqlite3.PARSE_COLNAMES)
        self.addCleanup(con.close)
        cur = con.cursor()
        key = 'LIB6A_INIT'
        sqlite3.converters[key] = lambda value: cur.__init__(con)
        self.addCleanup(sqlite3.converters.pop, key)
        cur.execute(f'select 1 as "x [{key}]" union all select 2')
        with self.assertRaisesRegex(sqlite3.ProgrammingError,
                                    'Recursive use of cursors not allowed'):
            cur.fetchall()
        self.assertEqual(cur.execute('select 3').fetchall(), [(3,)])

    def test_dump_with_autoincrement_restores(self):
        self.con.executescript(
            'create table t1 (id integer primary key autoincrement);'
            'create table t2 (id integer primary key autoincrement);'
            'insert into t1 values (null); insert into t1 values (null);'
            'insert into t2 values (null);')
        dump = list(self.con.iterdump())
        self.assertEqual(dump[-4:], [
            'DELETE FROM "sqlite_sequence";',
            'INSERT INTO "sqlite_sequence" VALUES(\'t1\',2);',
            'INSERT INTO "sqlite_sequence" VALUES(\'t2\',1);',
            'COMMIT;'])
        copy = sqlite3.connect(':memory:')
        self.addCleanup(copy.close)
        copy.executescript(''.join(dump))
        self.assertEqual(copy.execute('select name, seq from sqlite_sequence'
                                      ' order by name').fetchall(),
                         [('t1', 2), ('t2', 1)])

    def test_failed_reinit_leaves_connection_uninitialised(self):
        import tempfile
        con = sqlite3.connect(':memory:')
        self.addCleanup(con.close)
        with tempfile.TemporaryDirectory() as directory:
            with self.assertRaisesRegex(sqlite3.OperationalError,
                                        'unable to open database file'):
                con.__init__(directory)
        with self.assertRaisesRegex(sqlite3.ProgrammingError,
                                    'Base Connection.__init__ not called'):
            con.execute('select 1')
        con.__init__(':memory:')
        self.assertEqual(con.execute('select 1').fetchall(), [(1,)])

    def test_callback_error_names_the_callable(self):
        seen = []
        old_hook = sys.unraisablehook
        sys.unraisablehook = seen.append
        sqlite3.enable_callback_tracebacks(True)
        try:
            def boom():
                1 / 0
            class Agg:
                def step(self, value):
                    raise KeyError(value)
                def finalize(self):
                    return 0
            self.con.create_function('boom', 0, boom)
            self.con.create_aggregate('agg', 1, Agg)
            for sql in ('select boom()', 'select agg(1)'):
                with self.assertRaises(sqlite3.OperationalError):
                    self.con.execute(sql)
        finally:
            sqlite3.enable_callback_tracebacks(False)
            sys.unraisablehook = old_hook
        self.assertEqual([(u.exc_type, u.err_msg) for u in seen], [
            (ZeroDivisionError,
             f'Exception ignored on sqlite3 callback {boom!r}'),
            (KeyError, f'Exception ignored on sqlite3 callback {Agg!r}')])

    def test_function_result_beyond_64_bits_is_a_data_error(self):
        for value in (2**63, -2**63 - 1, 2**64):
            self.con.create_function('big', 0, lambda value=value: value)
            with self.assertRaisesRegex(sqlite3.DataError,
                                        'string or blob too big'):
                self.con.execute('select big()')

    def test_window_function_definition_error(self):
        class Window:
            def step(self, value): pass
            def inverse(self, value): pass
            def value(self): return 0
            def finalize(self): return 0
        with self.assertRaises(sqlite3.ProgrammingError):
            self.con.create_window_function('w', -100, Window)

    def test_blob_byte_beyond_long(self):
        self.con.execute('insert into t values (zeroblob(2))')
        with self.con.blobopen('t', 'a', 1) as blob:
            for value in (2**65, -2**65, 256):
                with self.assertRaisesRegex(ValueError, 'must be in range'):
                    blob[0] = value

    def test_connection_call_compiles_a_statement(self):
        self.assertEqual(type(self.con('select 1')).__name__, 'Statement')
        with self.assertRaises(UnicodeEncodeError):
            self.con("select '\ud8ff'")
        with self.assertRaisesRegex(sqlite3.ProgrammingError,
                                    'one statement at a time'):
            self.con('select 1; select 2')
        with self.assertRaises(TypeError):
            self.con(sql='select 1')
        con = sqlite3.connect(':memory:')
        con.close()
        with self.assertRaisesRegex(sqlite3.ProgrammingError, 'closed'):
            con('select 1')
        with self.assertRaisesRegex(sqlite3.ProgrammingError, 'closed'):
            con()

    def test_authorizer_result_beyond_int_denies(self):
        def authorizer(action, *args):
            return 2**32 if action == sqlite3.SQLITE_SELECT else 0
        self.con.set_authorizer(authorizer)
        # (The message is SQLite's: "not authorized" or "prohibited".)
        with self.assertRaises(sqlite3.DatabaseError):
            self.con.execute('select * from t')


if __name__ == '__main__':
    unittest.main()
