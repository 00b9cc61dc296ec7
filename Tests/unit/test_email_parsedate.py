"""email.utils.parsedate_tz: RFC 850 dates, times written with dots,
commas (expected values are CPython's)."""

import unittest

from email import utils


class ParsedateTest(unittest.TestCase):

    def test_rfc_850_day(self):
        self.assertEqual(utils.parsedate_tz('Friday, 19-Nov-82 16:14:55 EST'),
                         (1982, 11, 19, 16, 14, 55, 0, 1, -1, -18000))

    def test_time_with_dots(self):
        self.assertEqual(utils.parsedate_tz('5 Feb 2003 13.47.26 -0800'),
                         (2003, 2, 5, 13, 47, 26, 0, 1, -1, -28800))
        self.assertEqual(utils.parsedate_tz('Wed, 3 Apr 2002 14.58 +0800'),
                         (2002, 4, 3, 14, 58, 0, 0, 1, -1, 28800))

    def test_comma_after_day_name_optional(self):
        for text in ('Wed, 3 Apr 2002 14:58:26 +0800',
                     'Wed,3 Apr 2002 14:58:26 +0800',
                     'Wed 3 Apr 2002 14:58:26 +0800'):
            self.assertEqual(utils.parsedate_tz(text),
                             (2002, 4, 3, 14, 58, 26, 0, 1, -1, 28800))

    def test_invalid(self):
        for text in ('17 June , 2022', 'Friday, -Nov-82 16:14:55 EST',
                     'Friday, Nov--82 16:14:55 EST',
                     'Wed, 3 Apr 2002 12.34.56.78+0800', '', ' '):
            with self.subTest(text=text):
                self.assertIsNone(utils.parsedate_tz(text))
                with self.assertRaises(ValueError):
                    utils.parsedate_to_datetime(text)


if __name__ == '__main__':
    unittest.main()
