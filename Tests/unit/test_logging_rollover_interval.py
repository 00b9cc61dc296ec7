"""TimedRotatingFileHandler: with when='MIDNIGHT' or 'W<n>' and interval n,
rollovers are n days (weeks) apart; a local-time rollover keeps its wall
clock time across a DST change (checked in a US-style time zone)."""

import datetime
import logging.handlers
import os
import tempfile
import time
import unittest

DAY = 24 * 60 * 60


class RolloverIntervalTest(unittest.TestCase):

    def handler(self, **kw):
        fd, fn = tempfile.mkstemp('.log', 'lib6d-rollover-')
        os.close(fd)
        self.addCleanup(os.unlink, fn)
        h = logging.handlers.TimedRotatingFileHandler(
            fn, encoding='utf-8', backupCount=0, **kw)
        self.addCleanup(h.close)
        return h

    def test_midnight_interval_utc(self):
        for interval in (1, 3):
            h = self.handler(when='MIDNIGHT', interval=interval, utc=True)
            self.assertEqual(h.computeRollover(0.0), DAY * interval)
            self.assertEqual(h.computeRollover(3600.0), DAY * interval)

    def test_weekday_interval_utc(self):
        # The epoch was a Thursday: the W0 (Monday) rollover comes at the
        # midnight that ends the Monday, five days on.
        for interval in (1, 3):
            h = self.handler(when='W0', interval=interval, utc=True)
            self.assertEqual(h.computeRollover(0.0),
                             DAY * 5 + DAY * 7 * (interval - 1))

    def test_other_units_unchanged(self):
        h = self.handler(when='H', interval=2, utc=True)
        self.assertEqual(h.computeRollover(100.0), 100.0 + 7200)


@unittest.skipUnless(hasattr(time, 'tzset'), 'needs time.tzset')
class RolloverDstTest(unittest.TestCase):

    def setUp(self):
        old = os.environ.get('TZ')
        def restore():
            if old is None:
                os.environ.pop('TZ', None)
            else:
                os.environ['TZ'] = old
            time.tzset()
        self.addCleanup(restore)
        os.environ['TZ'] = 'EST+05EDT,M3.2.0,M11.1.0'
        time.tzset()

    def rollover(self, h, start):
        t = time.mktime(start.timetuple())
        return datetime.datetime.fromtimestamp(h.computeRollover(t))

    def test_midnight_across_dst(self):
        fd, fn = tempfile.mkstemp('.log', 'lib6d-rollover-')
        os.close(fd)
        self.addCleanup(os.unlink, fn)
        h = logging.handlers.TimedRotatingFileHandler(
            fn, when='MIDNIGHT', backupCount=0, encoding='utf-8')
        self.addCleanup(h.close)
        DT = datetime.datetime
        # DST starts on 2012-03-11 and ends on 2012-11-04.
        self.assertEqual(self.rollover(h, DT(2012, 3, 10, 12, 0)),
                         DT(2012, 3, 11, 0, 0))
        self.assertEqual(self.rollover(h, DT(2012, 3, 11, 12, 0)),
                         DT(2012, 3, 12, 0, 0))
        self.assertEqual(self.rollover(h, DT(2012, 11, 3, 12, 0)),
                         DT(2012, 11, 4, 0, 0))
        self.assertEqual(self.rollover(h, DT(2012, 11, 4, 12, 0)),
                         DT(2012, 11, 5, 0, 0))

    def test_at_time_in_skipped_hour(self):
        fd, fn = tempfile.mkstemp('.log', 'lib6d-rollover-')
        os.close(fd)
        self.addCleanup(os.unlink, fn)
        h = logging.handlers.TimedRotatingFileHandler(
            fn, when='MIDNIGHT', backupCount=0, encoding='utf-8',
            atTime=datetime.time(2, 30))
        self.addCleanup(h.close)
        DT = datetime.datetime
        # 02:30 does not exist on 2012-03-11: the rollover is an hour on.
        self.assertEqual(self.rollover(h, DT(2012, 3, 10, 12, 0)),
                         DT(2012, 3, 11, 3, 30))
        self.assertEqual(self.rollover(h, DT(2012, 3, 11, 12, 0)),
                         DT(2012, 3, 12, 2, 30))


if __name__ == '__main__':
    unittest.main()
