"""urllib.request without a network: Request objects, handler dispatch
order, build_opener defaults, password managers, redirect decisions,
proxies from the environment, header-list parsing, local paths."""

import email
import io
import os
import unittest
import urllib.error
import urllib.request as ur
from unittest import mock


class RequestTest(unittest.TestCase):

    def test_attributes(self):
        r = ur.Request('http://u:p@Example.com:8080/a/b?q=1#frag')
        self.assertEqual(r.type, 'http')
        self.assertEqual(r.host, 'u:p@Example.com:8080')
        self.assertEqual(r.selector, '/a/b?q=1')
        self.assertEqual(r.fragment, 'frag')
        self.assertEqual(r.full_url, 'http://u:p@Example.com:8080/a/b?q=1#frag')
        self.assertEqual(r.get_method(), 'GET')
        r.data = b'x'
        self.assertEqual(r.get_method(), 'POST')
        self.assertEqual(ur.Request('http://h/', method='PUT').get_method(),
                         'PUT')
        with self.assertRaises(ValueError):
            ur.Request('no-scheme')

    def test_headers(self):
        r = ur.Request('http://h/', headers={'content-TYPE': 'a/b'})
        self.assertEqual(r.headers, {'Content-type': 'a/b'})
        r.add_unredirected_header('X-one', '1')
        self.assertTrue(r.has_header('X-one'))
        self.assertEqual(r.get_header('Content-type'), 'a/b')
        self.assertEqual(sorted(r.header_items()),
                         [('Content-type', 'a/b'), ('X-one', '1')])
        r.remove_header('X-one')
        self.assertFalse(r.has_header('X-one'))
        r.add_header('Content-length', '3')
        r.data = b'new'
        self.assertFalse(r.has_header('Content-length'))

    def test_proxy(self):
        r = ur.Request('http://target/x')
        r.set_proxy('proxy:3128', 'http')
        self.assertTrue(r.has_proxy())
        self.assertEqual((r.host, r.selector),
                         ('proxy:3128', 'http://target/x'))


class Recorder(ur.BaseHandler):
    def __init__(self, name, order, log, result=None):
        self.name = name
        self.handler_order = order
        self.log = log
        self.result = result

    def http_open(self, req):
        self.log.append(self.name)
        return self.result


class OpenerTest(unittest.TestCase):

    def test_dispatch_order(self):
        log = []
        opener = ur.OpenerDirector()
        late = Recorder('late', 600, log, result='late-response')
        early = Recorder('early', 100, log)
        opener.add_handler(late)
        opener.add_handler(early)
        self.assertEqual(opener.open('http://h/'), 'late-response')
        self.assertEqual(log, ['early', 'late'])
        with self.assertRaises(TypeError):
            opener.add_handler(object())

    def test_build_opener(self):
        class MyHTTP(ur.HTTPHandler):
            pass
        opener = ur.build_opener(MyHTTP, ur.ProxyHandler({}))
        kinds = [type(h) for h in opener.handlers]
        self.assertIn(MyHTTP, kinds)
        self.assertNotIn(ur.HTTPHandler, kinds)
        # The given ProxyHandler replaces the default one; having no
        # proxies, it registers no methods and is left out.
        self.assertNotIn(ur.ProxyHandler, kinds)
        self.assertIn(ur.DataHandler, kinds)
        self.assertEqual(opener.addheaders[0][0], 'User-agent')

    def test_unknown_scheme(self):
        with self.assertRaises(urllib.error.URLError) as cm:
            ur.build_opener().open('gopher://h/')
        self.assertEqual(cm.exception.reason, 'unknown url type: gopher')
        # An opener without an https handler (no name lookup happens).
        plain = ur.OpenerDirector()
        plain.add_handler(ur.HTTPHandler())
        plain.add_handler(ur.UnknownHandler())
        with self.assertRaises(urllib.error.URLError) as cm:
            plain.open('https://example.invalid/')
        self.assertEqual(str(cm.exception),
                         '<urlopen error unknown url type: https>')


class RedirectTest(unittest.TestCase):

    def decide(self, method, code, data=None):
        h = ur.HTTPRedirectHandler()
        req = ur.Request('http://h/a', data=data, method=method,
                         headers={'Content-Type': 'x/y', 'X-Keep': '1'})
        return h.redirect_request(req, io.BytesIO(), code, 'msg',
                                  email.message_from_string(''),
                                  'http://h/b c')

    def test_decisions(self):
        new = self.decide('POST', 303, b'body')
        self.assertEqual((new.get_method(), new.data, new.full_url),
                         ('GET', None, 'http://h/b%20c'))
        self.assertEqual(new.headers, {'X-keep': '1'})
        self.assertTrue(new.unverifiable)
        self.assertEqual(self.decide('HEAD', 307).get_method(), 'HEAD')
        with self.assertRaises(urllib.error.HTTPError):
            self.decide('POST', 307, b'body')
        with self.assertRaises(urllib.error.HTTPError):
            self.decide('PUT', 302, b'body')


class PasswordTest(unittest.TestCase):

    def test_manager(self):
        mgr = ur.HTTPPasswordMgr()
        mgr.add_password('realm', 'http://h.example/api/', 'u', 'p')
        self.assertEqual(mgr.find_user_password('realm',
                                                'http://h.example/api/x'),
                         ('u', 'p'))
        self.assertEqual(mgr.find_user_password('realm',
                                                'http://h.example:80/api/y'),
                         ('u', 'p'))
        self.assertEqual(mgr.find_user_password('realm',
                                                'http://h.example/apix'),
                         (None, None))
        self.assertEqual(mgr.find_user_password('other',
                                                'http://h.example/api/'),
                         (None, None))
        default = ur.HTTPPasswordMgrWithDefaultRealm()
        default.add_password(None, 'h.example', 'd', 'q')
        self.assertEqual(default.find_user_password('any', 'h.example'),
                         ('d', 'q'))
        prior = ur.HTTPPasswordMgrWithPriorAuth()
        prior.add_password(None, 'http://h/', 'a', 'b',
                           is_authenticated=True)
        self.assertTrue(prior.is_authenticated('http://h/x'))
        req = ur.HTTPBasicAuthHandler(prior).http_request(
            ur.Request('http://h/x'))
        self.assertEqual(req.get_header('Authorization'), 'Basic YTpi')

    def test_digest_header(self):
        handler = ur.HTTPDigestAuthHandler()
        handler.add_password('r', 'http://h/', 'user', 'pw')
        req = ur.Request('http://h/dir/index')
        auth = handler.get_authorization(req, {'realm': 'r', 'nonce': 'n'})
        # MD5(MD5(user:r:pw):n:MD5(GET:/dir/index)), computed separately.
        import hashlib
        h = lambda s: hashlib.md5(s.encode()).hexdigest()
        expected = h('%s:n:%s' % (h('user:r:pw'), h('GET:/dir/index')))
        self.assertEqual(auth, 'username="user", realm="r", nonce="n", '
                         'uri="/dir/index", response="%s", '
                         'algorithm="MD5"' % expected)


class EnvironmentTest(unittest.TestCase):

    def test_proxies(self):
        env = {'HTTP_PROXY': 'http://upper:1', 'http_proxy': 'http://lower:2',
               'FTP_PROXY': 'http://ftp:3', 'no_proxy': 'local.test, .corp',
               'PATH': '/bin'}
        with mock.patch.dict(os.environ, env, clear=True):
            proxies = ur.getproxies()
            self.assertEqual(proxies['http'], 'http://lower:2')
            self.assertEqual(proxies['ftp'], 'http://ftp:3')
            self.assertTrue(ur.proxy_bypass('local.test'))
            self.assertTrue(ur.proxy_bypass('a.corp:80'))
            self.assertFalse(ur.proxy_bypass('elsewhere'))
        with mock.patch.dict(os.environ, {'HTTP_PROXY': 'http://x:1',
                                          'REQUEST_METHOD': 'GET'},
                             clear=True):
            self.assertNotIn('http', ur.getproxies())

    def test_lists(self):
        self.assertEqual(ur.parse_http_list('a, b="c, d", e'),
                         ['a', 'b="c, d"', 'e'])
        self.assertEqual(ur.parse_keqv_list(['a=1', 'b="two"']),
                         {'a': '1', 'b': 'two'})

    def test_paths(self):
        self.assertEqual(ur.pathname2url('/a b/c'), '///a%20b/c')
        self.assertEqual(ur.pathname2url('/x', add_scheme=True), 'file:///x')
        self.assertEqual(ur.url2pathname('///a%20b/c'), '/a b/c')
        self.assertEqual(ur.url2pathname('//localhost/etc/hosts'),
                         '/etc/hosts')
        self.assertEqual(ur.url2pathname('file:///p', require_scheme=True),
                         '/p')
        with self.assertRaises(urllib.error.URLError):
            ur.url2pathname('//elsewhere.invalid/x')
        with self.assertRaises(urllib.error.URLError):
            ur.url2pathname('/p', require_scheme=True)


if __name__ == '__main__':
    unittest.main()
