"""Session 9 standard-library fixes: inspect.Signature.parameters order,
argparse's second add_subparsers(), PEP 688 details, codec lookups."""

import argparse
import codecs
import collections
import inspect
import io
import unittest


class SignatureParameters(unittest.TestCase):

    def test_parameters_are_ordered(self):
        def f(x, y): pass
        def g(y, x): pass
        params = inspect.signature(f).parameters
        self.assertEqual(repr(inspect.Signature().parameters),
                         'mappingproxy(OrderedDict())')
        self.assertEqual(list(params), ['x', 'y'])
        # Same names in another order: unequal, as OrderedDicts are.
        self.assertNotEqual(params, inspect.signature(g).parameters)
        self.assertNotEqual(inspect.signature(f), inspect.signature(g))

    def test_unvalidated_parameters(self):
        p = inspect.Parameter('a', inspect.Parameter.POSITIONAL_ONLY)
        sig = inspect.Signature([p], __validate_parameters__=False)
        self.assertIsInstance(sig.parameters.copy(), collections.OrderedDict)


class ArgparseSubparsers(unittest.TestCase):

    def test_second_add_subparsers(self):
        parser = argparse.ArgumentParser(prog='PROG')
        parser.add_subparsers()
        with self.assertRaises(argparse.ArgumentError) as cm:
            parser.add_subparsers()
        self.assertEqual(str(cm.exception),
                         'cannot have multiple subparser arguments')


class BufferProtocol(unittest.TestCase):

    def test_flags_reach_buffer(self):
        seen = []
        class E:
            def __buffer__(self, flags):
                seen.append(flags)
                return memoryview(b'data')
        self.assertEqual(bytes(memoryview(E())), b'data')
        self.assertEqual(seen, [int(inspect.BufferFlags.FULL_RO)])

    def test_buffer_flags_range(self):
        with self.assertRaises(OverflowError):
            b'x'.__buffer__(1 << 40)
        with self.assertRaises(TypeError):
            b'x'.__buffer__('flags')

    def test_release_exception_is_unraisable(self):
        import sys
        caught = []
        class E:
            def __buffer__(self, flags):
                return memoryview(b'z')
            def __release_buffer__(self, view):
                raise RuntimeError('in release')
        old = sys.unraisablehook
        sys.unraisablehook = caught.append
        try:
            with memoryview(E()) as m:
                self.assertEqual(m.tobytes(), b'z')
        finally:
            sys.unraisablehook = old
        self.assertEqual(len(caught), 1)
        self.assertIsInstance(caught[0].exc_value, RuntimeError)


class CodecLookups(unittest.TestCase):

    STANDARD = ['cp1006', 'cp1140', 'cp720', 'mac_arabic', 'mac_croatian',
                'mac_farsi', 'mac_greek', 'mac_romanian', 'mac_turkish',
                'palmos', 'iso2022_jp_1', 'iso2022_jp_ext']

    def test_lookup(self):
        for name in self.STANDARD:
            with self.subTest(name=name):
                info = codecs.lookup(name)
                self.assertEqual(info.name.replace('-', '_'), name)

    def test_stream_round_trip(self):
        for name in self.STANDARD:
            with self.subTest(name=name):
                text = 'abc\n' if name.startswith('iso2022') else 'abc\u00a0\n'
                if name == 'iso2022_jp_ext':
                    text = 'a\uff71\u4e00b\n'
                try:
                    text.encode(name)
                except UnicodeEncodeError:
                    text = 'abc\n'
                raw = io.BytesIO()
                writer = codecs.getwriter(name)(raw)
                writer.write(text)
                writer.reset()
                raw.seek(0)
                self.assertEqual(codecs.getreader(name)(raw).read(), text)


class DatetimeFixes(unittest.TestCase):

    def test_week_date_with_digit_separator(self):
        from datetime import datetime
        # A basic time has an even number of digits: that decides whether
        # the digit after the week is the weekday or the separator.
        cases = {'2022W52520': datetime(2022, 12, 26, 20, 0),
                 '2022W527520': datetime(2023, 1, 1, 20, 0),
                 '2026W013516': datetime(2025, 12, 31, 16, 0),
                 '2025W01503': datetime(2024, 12, 30, 3, 0),
                 '2022W015T10': datetime(2022, 1, 7, 10, 0),
                 '2022W01': datetime(2022, 1, 3)}
        for text, expected in cases.items():
            with self.subTest(text=text):
                self.assertEqual(datetime.fromisoformat(text), expected)
        with self.assertRaises(ValueError):
            datetime.fromisoformat('2022W5252')

    def test_timedelta_float_rounding(self):
        from datetime import timedelta as td
        # Float fractions are summed in floating point and rounded half
        # to even at the end, as CPython does.
        self.assertEqual(td(milliseconds=0.5 / 1000), td(0))
        self.assertEqual(td(milliseconds=-0.5 / 1000), td(0))
        self.assertEqual(td(milliseconds=1.5 / 1000), td(microseconds=2))
        self.assertEqual(td(seconds=1 / 2**7), td(microseconds=7812))
        self.assertEqual(td(seconds=-1 / 2**7), td(microseconds=-7812))
        us_per_hour = 3600e6
        self.assertEqual(td(days=.4 / (us_per_hour * 24),
                            hours=.2 / us_per_hour), td(microseconds=1))
        self.assertEqual(td(weeks=-0.5, hours=1.25),
                         td(days=-4, seconds=47700))
        with self.assertRaises(OverflowError):
            td(seconds=float('inf'))

    def test_state_with_bad_tzinfo(self):
        from datetime import datetime, time
        with self.assertRaisesRegex(TypeError, '^bad tzinfo state arg$'):
            datetime(bytes([1] * 10), 'EST')
        with self.assertRaisesRegex(TypeError, '^bad tzinfo state arg$'):
            time(bytes([1] * 6), 'EST')


class SingleDispatchOrder(unittest.TestCase):

    def test_explicit_base_beats_virtual_abcs(self):
        import collections.abc as c
        import functools

        @functools.singledispatch
        def g(arg):
            return 'base'
        g.register(c.Iterable, lambda arg: 'iterable')
        g.register(c.Container, lambda arg: 'container')
        g.register(c.Sized, lambda arg: 'sized')
        g.register(c.Set, lambda arg: 'set')

        class O(c.Sized):
            def __len__(self):
                return 0
        self.assertEqual(g(O()), 'sized')
        c.Iterable.register(O)
        self.assertEqual(g(O()), 'sized')   # Sized is in O.__mro__
        c.Container.register(O)
        self.assertEqual(g(O()), 'sized')
        c.Set.register(O)
        self.assertEqual(g(O()), 'set')     # Set is a subclass of Sized

    def test_unrelated_virtual_abcs_are_ambiguous(self):
        import collections.abc as c
        import functools

        @functools.singledispatch
        def g(arg):
            return 'base'
        g.register(c.Container, lambda arg: 'container')
        g.register(c.Sized, lambda arg: 'sized')

        class P:
            pass
        c.Container.register(P)
        c.Sized.register(P)
        with self.assertRaisesRegex(RuntimeError, 'Ambiguous dispatch'):
            g(P())


class PyioWriteThrough(unittest.TestCase):

    def test_write_through_does_not_flush(self):
        import _pyio
        flushes = []

        class Buffered(_pyio.BufferedWriter):
            def flush(self):
                flushes.append(True)
                return super().flush()

        raw = _pyio.BytesIO()
        text = _pyio.TextIOWrapper(Buffered(raw, 2), encoding='ascii',
                                   write_through=True)
        text.write('a')
        self.assertEqual(flushes, [])
        self.assertEqual(raw.getvalue(), b'')     # still in the buffer
        text.write('b' * 10)
        self.assertEqual(raw.getvalue(), b'a' + b'b' * 10)


class PickleBufferProtocol(unittest.TestCase):

    def test_memoryview_of_pickle_buffer(self):
        import pickle
        data = bytearray(b'abc')
        pb = pickle.PickleBuffer(data)
        with memoryview(pb) as m:
            self.assertFalse(m.readonly)
            m[0] = ord('A')
        self.assertEqual(data, bytearray(b'Abc'))
        self.assertEqual(bytes(pickle.PickleBuffer(b'xyz')), b'xyz')
        with self.assertRaises(BufferError):
            pickle.PickleBuffer(b'xyz').__buffer__(inspect.BufferFlags.WRITABLE)
        pb.release()
        with self.assertRaisesRegex(ValueError, 'released PickleBuffer'):
            memoryview(pb)

    def test_out_of_band_round_trip(self):
        import pickle
        buffers = []
        payload = pickle.PickleBuffer(bytearray(b'out of band'))
        data = pickle.dumps([payload], protocol=5,
                            buffer_callback=buffers.append)
        self.assertNotIn(b'out of band', data)
        self.assertEqual([bytes(b) for b in buffers], [b'out of band'])
        back = pickle.loads(data, buffers=buffers)
        self.assertEqual(bytes(back[0]), b'out of band')


if __name__ == '__main__':
    unittest.main()
