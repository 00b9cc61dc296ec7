"""sched, colorsys and filecmp."""

import colorsys
import filecmp
import os
import sched
import shutil
import tempfile
import threading
import unittest


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def time(self):
        return self.now

    def sleep(self, delay):
        self.now += delay


class Sched(unittest.TestCase):

    def test_order_by_time_then_priority(self):
        clock = FakeClock()
        s = sched.scheduler(clock.time, clock.sleep)
        log = []
        s.enter(2, 1, log.append, ("late",))
        s.enterabs(1, 2, log.append, ("low",))
        s.enterabs(1, 1, log.append, ("high",))
        s.enter(1, 1, lambda *, item: log.append(item), kwargs={"item": "kw"})
        self.assertEqual([e.argument for e in s.queue][:2], [("high",), ()])
        s.run()
        self.assertEqual(log, ["high", "kw", "low", "late"])
        self.assertEqual(clock.now, 2.0)
        self.assertTrue(s.empty())

    def test_cancel_and_nonblocking(self):
        clock = FakeClock()
        s = sched.scheduler(clock.time, clock.sleep)
        log = []
        first = s.enter(5, 1, log.append, ("a",))
        s.enter(10, 1, log.append, ("b",))
        s.cancel(first)
        with self.assertRaises(ValueError):
            s.cancel(first)
        self.assertEqual(s.run(blocking=False), 10)
        self.assertEqual(log, [])
        clock.now = 10
        self.assertIsNone(s.run(blocking=False))
        self.assertEqual(log, ["b"])

    def test_enter_from_another_thread(self):
        s = sched.scheduler()
        log = []
        s.enter(0.05, 1, log.append, ("first",))
        t = threading.Thread(target=s.enter, args=(0.01, 1, log.append, ("second",)))
        t.start()
        t.join()
        s.run()
        self.assertEqual(sorted(log), ["first", "second"])


class Colorsys(unittest.TestCase):

    def test_known_values(self):
        self.assertEqual(colorsys.rgb_to_hsv(1.0, 0.0, 0.0), (0.0, 1.0, 1.0))
        self.assertEqual(colorsys.rgb_to_hls(0.0, 0.0, 1.0), (2 / 3, 0.5, 1.0))
        self.assertEqual(colorsys.hsv_to_rgb(1 / 3, 1.0, 1.0), (0.0, 1.0, 0.0))
        self.assertEqual(colorsys.rgb_to_hsv(0.5, 0.5, 0.5), (0.0, 0.0, 0.5))
        y, i, q = colorsys.rgb_to_yiq(1.0, 1.0, 1.0)
        self.assertAlmostEqual(y, 1.0)

    def test_round_trips(self):
        for r, g, b in [(0.2, 0.4, 0.4), (0.9, 0.1, 0.3), (0.0, 0.0, 0.0),
                        (1.0, 1.0, 0.0), (0.5, 0.25, 0.75)]:
            for to, back in ((colorsys.rgb_to_hsv, colorsys.hsv_to_rgb),
                             (colorsys.rgb_to_hls, colorsys.hls_to_rgb),
                             (colorsys.rgb_to_yiq, colorsys.yiq_to_rgb)):
                for got, want in zip(back(*to(r, g, b)), (r, g, b)):
                    self.assertAlmostEqual(got, want)


class Filecmp(unittest.TestCase):

    def setUp(self):
        self.a = tempfile.mkdtemp()
        self.b = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.a)
        self.addCleanup(shutil.rmtree, self.b)
        for root, same, other in ((self.a, "same", "1"), (self.b, "same", "2")):
            with open(os.path.join(root, "same"), "w") as f:
                f.write(same)
            with open(os.path.join(root, "other"), "w") as f:
                f.write(other)
            os.mkdir(os.path.join(root, "sub"))
        open(os.path.join(self.a, "only_a"), "w").close()
        os.mkdir(os.path.join(self.a, "__pycache__"))

    def test_cmp(self):
        a_same, b_same = os.path.join(self.a, "same"), os.path.join(self.b, "same")
        self.assertTrue(filecmp.cmp(a_same, b_same, shallow=False))
        self.assertFalse(filecmp.cmp(os.path.join(self.a, "other"),
                                     os.path.join(self.b, "other"), shallow=False))
        self.assertFalse(filecmp.cmp(self.a, self.b))
        self.assertEqual(filecmp.cmpfiles(self.a, self.b, ["same", "other", "gone"],
                                          shallow=False),
                         (["same"], ["other"], ["gone"]))

    def test_dircmp(self):
        d = filecmp.dircmp(self.a, self.b, shallow=False)
        self.assertEqual(d.left_only, ["only_a"])
        self.assertEqual(d.right_only, [])
        self.assertEqual(d.common_dirs, ["sub"])
        self.assertEqual(d.same_files, ["same"])
        self.assertEqual(d.diff_files, ["other"])
        self.assertIsInstance(d.subdirs["sub"], filecmp.dircmp)
        with self.assertRaises(AttributeError):
            d.no_such_attribute


if __name__ == "__main__":
    unittest.main()
