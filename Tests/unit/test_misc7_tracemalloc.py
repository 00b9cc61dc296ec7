"""tracemalloc and _tracemalloc: tracing, snapshots, statistics, filters."""

import os
import pickle
import shutil
import tempfile
import threading
import unittest

import tracemalloc
from tracemalloc import Filter, DomainFilter, Snapshot, Traceback, Frame


def allocate_blocks(n, size):
    return [bytearray(size) for _ in range(n)]


def fake_snapshot():
    # Two files; frames are (filename, lineno), most recent first.
    tb_a = (('a.py', 2), ('b.py', 4))
    tb_b = (('b.py', 4), ('b.py', 1))
    traces = [
        (0, 10, tb_a, 2), (0, 10, tb_a, 2), (0, 10, tb_a, 2),
        (1, 2, tb_b, 5), (0, 66, tb_b, 2),
        (2, 7, (('<unknown>', 0),), 1),
    ]
    return Snapshot(traces, 2)


class Tracing(unittest.TestCase):

    def setUp(self):
        tracemalloc.start(10)

    def tearDown(self):
        tracemalloc.stop()

    def test_state(self):
        self.assertTrue(tracemalloc.is_tracing())
        self.assertEqual(tracemalloc.get_traceback_limit(), 10)
        tracemalloc.start(3)        # already tracing: nothing changes
        self.assertEqual(tracemalloc.get_traceback_limit(), 10)
        self.assertGreater(tracemalloc.get_tracemalloc_memory(), 0)

    def test_object_traceback(self):
        obj = allocate_blocks(1, 1000)[0]
        tb = tracemalloc.get_object_traceback(obj)
        self.assertIsInstance(tb, Traceback)
        self.assertEqual(tb[-1].filename, __file__)
        self.assertEqual(tb[-1].lineno,
                         allocate_blocks.__code__.co_firstlineno + 1)
        self.assertIsNone(tb.total_nframe)
        trace = [t for t in tracemalloc.take_snapshot().traces
                 if t.traceback == tb][0]
        self.assertGreaterEqual(trace.traceback.total_nframe, len(tb))
        # Objects from before start() are not traced.
        self.assertIsNone(tracemalloc.get_object_traceback(tracemalloc))
        # A non-GC object: the object is the start of its block.
        data = bytes(5000)
        self.assertIsNotNone(tracemalloc.get_object_traceback(data))

    def test_traced_memory_and_peak(self):
        before, _ = tracemalloc.get_traced_memory()
        blocks = allocate_blocks(100, 10000)
        during, peak = tracemalloc.get_traced_memory()
        self.assertGreater(during - before, 100 * 10000)
        self.assertGreaterEqual(peak, during)
        del blocks
        after, peak2 = tracemalloc.get_traced_memory()
        self.assertLess(after, during - 900000)
        self.assertEqual(peak2, peak)
        tracemalloc.reset_peak()
        current, peak3 = tracemalloc.get_traced_memory()
        self.assertLess(peak3, peak)
        self.assertGreaterEqual(peak3, current)

    def test_snapshot_statistics(self):
        blocks = allocate_blocks(50, 4000)
        snap = tracemalloc.take_snapshot()
        self.assertEqual(snap.traceback_limit, 10)
        top = snap.statistics('lineno')[0]
        self.assertEqual(top.traceback[0].filename, __file__)
        self.assertGreaterEqual(top.count, 50)
        self.assertGreaterEqual(top.size, 50 * 4000)
        by_file = snap.statistics('filename')
        self.assertTrue(any(s.traceback[0].filename == __file__
                            for s in by_file))
        del blocks
        snap2 = tracemalloc.take_snapshot()
        diff = snap2.compare_to(snap, 'lineno')[0]
        self.assertLessEqual(diff.size_diff, -50 * 4000)
        self.assertLessEqual(diff.count_diff, -50)

    def test_clear_traces(self):
        blocks = allocate_blocks(10, 1000)
        tracemalloc.clear_traces()
        self.assertIsNone(tracemalloc.get_object_traceback(blocks[0]))
        self.assertLess(tracemalloc.get_traced_memory()[0], 10000)

    def test_threads(self):
        def work():
            for _ in range(200):
                allocate_blocks(20, 100)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for _ in range(20):
            tracemalloc.take_snapshot()
            tracemalloc.clear_traces()
        for t in threads:
            t.join()
        self.assertTrue(tracemalloc.is_tracing())

    def test_fork_while_threads_allocate(self):
        import warnings
        stop = []

        def work():
            while not stop:
                allocate_blocks(10, 10)
        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        try:
            for _ in range(10):
                with warnings.catch_warnings():
                    # Forking with threads running is deprecated.
                    warnings.simplefilter('ignore', DeprecationWarning)
                    pid = os.fork()
                if pid == 0:
                    blocks = allocate_blocks(5, 10)
                    ok = tracemalloc.get_object_traceback(blocks[0])
                    os._exit(0 if ok is not None else 3)
                _, status = os.waitpid(pid, 0)
                self.assertEqual(status, 0)
        finally:
            stop.append(True)
            for t in threads:
                t.join()

    def test_dump_load(self):
        tmp = tempfile.mkdtemp()
        try:
            snap = tracemalloc.take_snapshot()
            path = os.path.join(tmp, 'snap.pickle')
            snap.dump(path)
            loaded = Snapshot.load(path)
            self.assertEqual(loaded.traces, snap.traces)
            self.assertEqual(loaded.traceback_limit, 10)
        finally:
            shutil.rmtree(tmp)


class Stopped(unittest.TestCase):

    def test_stopped(self):
        self.assertFalse(tracemalloc.is_tracing())
        self.assertEqual(tracemalloc.get_traced_memory(), (0, 0))
        self.assertIsNone(tracemalloc.get_object_traceback(object()))
        with self.assertRaisesRegex(RuntimeError, 'must be tracing'):
            tracemalloc.take_snapshot()
        for bad in (0, -1, 65536):
            with self.assertRaisesRegex(ValueError, r'range \[1; 65535\]'):
                tracemalloc.start(bad)
        self.assertFalse(tracemalloc.is_tracing())


class Model(unittest.TestCase):

    def test_frame_traceback(self):
        tb = Traceback((('b.py', 4), ('a.py', 1)), 7)
        self.assertEqual([str(f) for f in tb], ['a.py:1', 'b.py:4'])
        self.assertEqual(str(tb), 'a.py:1')
        self.assertEqual(repr(tb), "<Traceback (<Frame filename='a.py' "
                         "lineno=1>, <Frame filename='b.py' lineno=4>) "
                         "total_nframe=7>")
        self.assertEqual(tb.total_nframe, 7)
        self.assertEqual(tb.format(), ['  File "a.py", line 1',
                                       '  File "b.py", line 4'])
        self.assertEqual(tb.format(limit=1), ['  File "b.py", line 4'])
        self.assertEqual(tb.format(limit=-1), ['  File "a.py", line 1'])
        self.assertEqual(tb.format(most_recent_first=True)[0],
                         '  File "b.py", line 4')
        self.assertIn(Frame(('a.py', 1)), tb)
        self.assertLess(Frame(('a.py', 9)), Frame(('b.py', 1)))

    def test_statistics(self):
        snap = fake_snapshot()
        stats = snap.statistics('lineno')
        self.assertEqual([(str(s.traceback), s.size, s.count) for s in stats],
                         [('b.py:4', 68, 2), ('a.py:2', 30, 3),
                          ('<unknown>:0', 7, 1)])
        self.assertEqual(str(stats[1]),
                         'a.py:2: size=30 B, count=3, average=10 B')
        self.assertEqual(repr(stats[2]),
                         "<Statistic traceback=<Traceback (<Frame "
                         "filename='<unknown>' lineno=0>,)> size=7 count=1>")
        by_file = snap.statistics('filename')
        self.assertEqual([(str(s.traceback), s.size) for s in by_file],
                         [('b.py:0', 68), ('a.py:0', 30), ('<unknown>:0', 7)])
        cumulative = snap.statistics('lineno', cumulative=True)
        self.assertEqual([(str(s.traceback), s.size, s.count)
                          for s in cumulative],
                         [('b.py:4', 98, 5), ('b.py:1', 68, 2),
                          ('a.py:2', 30, 3), ('<unknown>:0', 7, 1)])
        self.assertEqual(len(snap.statistics('traceback')), 3)
        with self.assertRaisesRegex(ValueError, "unknown key_type: 'x'"):
            snap.statistics('x')
        with self.assertRaisesRegex(ValueError, "cumulative mode"):
            snap.statistics('traceback', cumulative=True)

    def test_compare(self):
        old = fake_snapshot()
        new = old.filter_traces([DomainFilter(False, 2)])
        diffs = new.compare_to(old, 'lineno')
        self.assertEqual([(str(d.traceback), d.size, d.size_diff, d.count,
                           d.count_diff) for d in diffs],
                         [('<unknown>:0', 0, -7, 0, -1),
                          ('b.py:4', 68, 0, 2, 0), ('a.py:2', 30, 0, 3, 0)])
        self.assertEqual(str(diffs[0]),
                         '<unknown>:0: size=0 B (-7 B), count=0 (-1)')
        self.assertEqual(str(diffs[1]), 'b.py:4: size=68 B (+0 B), '
                         'count=2 (+0), average=34 B')

    def test_filters(self):
        snap = fake_snapshot()
        def sizes(filters):
            return sorted(t.size for t in snap.filter_traces(filters).traces)
        self.assertEqual(sizes([]), [2, 7, 10, 10, 10, 66])
        self.assertEqual(sizes([Filter(True, 'a.py')]), [10, 10, 10])
        self.assertEqual(sizes([Filter(False, 'a.py')]), [2, 7, 66])
        self.assertEqual(sizes([Filter(True, 'b.py', all_frames=True)]),
                         [2, 10, 10, 10, 66])
        self.assertEqual(sizes([Filter(True, '*.py', lineno=1)]), [])
        self.assertEqual(sizes([Filter(True, '*.py', lineno=4)]), [2, 66])
        self.assertEqual(sizes([Filter(True, 'b.py', domain=1)]), [2])
        self.assertEqual(sizes([Filter(False, 'b.py', domain=1)]),
                         [7, 10, 10, 10, 66])
        self.assertEqual(sizes([DomainFilter(True, 0)]), [10, 10, 10, 66])
        self.assertEqual(sizes([Filter(True, 'a.py'), Filter(True, 'b.py'),
                                DomainFilter(False, 1)]),
                         [10, 10, 10, 66])
        self.assertEqual(Filter(True, 'x.pyc').filename_pattern, 'x.py')
        with self.assertRaisesRegex(TypeError, 'filters must be a list'):
            snap.filter_traces(3)

    def test_traces_sequence(self):
        snap = fake_snapshot()
        self.assertEqual(len(snap.traces), 6)
        self.assertEqual(repr(snap.traces), '<Traces len=6>')
        trace = snap.traces[3]
        self.assertEqual((trace.domain, trace.size), (1, 2))
        self.assertEqual(str(trace), 'b.py:1: 2 B')
        self.assertIn(trace, snap.traces)
        self.assertEqual(len(snap.traces[1:3]), 2)
        self.assertEqual(pickle.loads(pickle.dumps(snap)).traces, snap.traces)

    def test_format_size(self):
        fmt = tracemalloc._format_size
        self.assertEqual(fmt(0, False), '0 B')
        self.assertEqual(fmt(10239, False), '10239 B')
        self.assertEqual(fmt(10240, False), '10.0 KiB')
        self.assertEqual(fmt(-5 * 1024 ** 3, True), '-5120 MiB')
        self.assertEqual(fmt(50 * 1024 ** 3, True), '+50.0 GiB')
        self.assertEqual(fmt(3 * 1024 ** 5, False), '3072 TiB')


if __name__ == '__main__':
    unittest.main()
