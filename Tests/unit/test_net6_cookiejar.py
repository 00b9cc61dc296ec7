"""http.cookiejar: cookies from Set-Cookie headers, the default policy's
domain/path/secure rules, expiry, Mozilla and LWP files, date helpers."""

import email
import os
import shutil
import tempfile
import time
import unittest
import urllib.request
from http import cookiejar


class FakeResponse:
    def __init__(self, *set_cookies):
        text = ''.join('Set-Cookie: %s\n' % c for c in set_cookies)
        self._headers = email.message_from_string(text)

    def info(self):
        return self._headers


def cookie_header(jar, url):
    req = urllib.request.Request(url)
    jar.add_cookie_header(req)
    return req.get_header('Cookie')


def extract(jar, url, *set_cookies):
    jar.extract_cookies(FakeResponse(*set_cookies), urllib.request.Request(url))


class DateTest(unittest.TestCase):

    def test_formats(self):
        self.assertEqual(cookiejar.time2isoz(0), '1970-01-01 00:00:00Z')
        self.assertEqual(cookiejar.time2netscape(86400 * 365),
                         'Fri, 01-Jan-1971 00:00:00 GMT')
        self.assertEqual(cookiejar.http2time('Wed, 09 Feb 1994 22:23:32 GMT'),
                         760832612)
        self.assertEqual(cookiejar.http2time('09-Feb-1994 22:23:32 GMT'),
                         760832612)
        self.assertEqual(cookiejar.http2time('09 Feb 1994 23:23:32 +0100'),
                         760832612)
        self.assertEqual(cookiejar.iso2time('1994-02-09 22:23:32Z'),
                         760832612)
        self.assertEqual(cookiejar.iso2time('1994-02-09T21:23:32-01:00'),
                         760832612)
        self.assertIsNone(cookiejar.http2time('not a date'))


class JarTest(unittest.TestCase):

    def test_round_trip_to_server(self):
        jar = cookiejar.CookieJar()
        extract(jar, 'http://www.example.com/a/b',
                'sid=1; Path=/', 'pref=dark; Path=/a',
                'lang=en; Domain=.example.com; Path=/')
        self.assertEqual(len(jar), 3)
        self.assertEqual(cookie_header(jar, 'http://www.example.com/a/x'),
                         'pref=dark; sid=1; lang=en')
        self.assertEqual(cookie_header(jar, 'http://www.example.com/'),
                         'sid=1; lang=en')
        self.assertEqual(cookie_header(jar, 'http://other.example.com/'),
                         'lang=en')
        self.assertIsNone(cookie_header(jar, 'http://example.org/'))

    def test_rejected_domains(self):
        jar = cookiejar.CookieJar()
        extract(jar, 'http://www.example.com/', 'a=1; Domain=.other.com',
                'b=2; Domain=.com', 'c=3')
        self.assertEqual([c.name for c in jar], ['c'])
        self.assertEqual(next(iter(jar)).domain, 'www.example.com')

    def test_secure_and_expiry(self):
        jar = cookiejar.CookieJar()
        extract(jar, 'http://h.example.com/', 's=1; Secure', 'p=2',
                'old=3; Expires=Wed, 09 Feb 1994 22:23:32 GMT')
        self.assertEqual(sorted(c.name for c in jar), ['p', 's'])
        self.assertEqual(cookie_header(jar, 'http://h.example.com/'), 'p=2')
        self.assertEqual(cookie_header(jar, 'https://h.example.com/'),
                         's=1; p=2')
        # An expired Set-Cookie removes the stored cookie.
        extract(jar, 'http://h.example.com/',
                'p=gone; Expires=Wed, 09 Feb 1994 22:23:32 GMT')
        self.assertEqual([c.name for c in jar], ['s'])
        extract(jar, 'http://h.example.com/', 'm=1; Max-Age=100')
        cookie = [c for c in jar if c.name == 'm'][0]
        self.assertFalse(cookie.discard)
        self.assertAlmostEqual(cookie.expires, time.time() + 100, delta=5)

    def test_policy(self):
        policy = cookiejar.DefaultCookiePolicy(blocked_domains=['.bad.com'])
        jar = cookiejar.CookieJar(policy)
        extract(jar, 'http://www.bad.com/', 'x=1')
        extract(jar, 'http://good.com/', 'y=2')
        self.assertEqual([c.name for c in jar], ['y'])
        self.assertTrue(policy.is_blocked('a.bad.com'))
        self.assertFalse(policy.is_blocked('good.com'))
        policy.set_allowed_domains(['good.com'])
        self.assertTrue(policy.is_not_allowed('else.com'))

    def test_clear(self):
        jar = cookiejar.CookieJar()
        extract(jar, 'http://a.example.com/', 'x=1', 'y=2; Max-Age=50')
        extract(jar, 'http://b.example.com/', 'z=3')
        jar.clear('b.example.com')
        self.assertEqual(sorted(c.name for c in jar), ['x', 'y'])
        jar.clear_session_cookies()
        self.assertEqual([c.name for c in jar], ['y'])
        with self.assertRaises(KeyError):
            jar.clear('nothing.example.com')
        jar.clear()
        self.assertEqual(len(jar), 0)


class FileJarTest(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def _filled(self, cls, path):
        jar = cls(path)
        extract(jar, 'http://www.example.com/', 'keep=1; Max-Age=1000; Path=/',
                'sess=2', 'dom=3; Domain=.example.com; Max-Age=1000; Secure')
        return jar

    def test_mozilla(self):
        path = os.path.join(self.tmp, 'cookies.txt')
        self._filled(cookiejar.MozillaCookieJar, path).save()
        with open(path) as f:
            text = f.read()
        self.assertTrue(text.startswith('# Netscape HTTP Cookie File'))
        self.assertIn('.example.com\tTRUE\t/\tTRUE\t', text)
        self.assertNotIn('sess', text)
        jar = cookiejar.MozillaCookieJar()
        jar.load(path)
        self.assertEqual(sorted(c.name for c in jar), ['dom', 'keep'])
        with open(path, 'w') as f:
            f.write('garbage\n')
        with self.assertRaises(cookiejar.LoadError):
            jar.load(path)

    def test_lwp(self):
        path = os.path.join(self.tmp, 'lwp.txt')
        saved = self._filled(cookiejar.LWPCookieJar, path)
        saved.save(ignore_discard=True)
        jar = cookiejar.LWPCookieJar(path)
        jar.load(ignore_discard=True)
        self.assertEqual(sorted((c.name, c.value, c.domain) for c in jar),
                         sorted((c.name, c.value, c.domain) for c in saved))

    def test_missing_filename(self):
        with self.assertRaises(ValueError):
            cookiejar.MozillaCookieJar().save()


if __name__ == '__main__':
    unittest.main()
