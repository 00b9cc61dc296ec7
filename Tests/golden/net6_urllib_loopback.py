# urllib.request against a loopback http.server: methods, bodies, redirects,
# HTTPError, basic auth, cookies, explicit and environment proxies, https
# with no https handler (URLError 'unknown url type: https'), data: URLs.
import sys
UA = 'Python-urllib/%d.%d' % sys.version_info[:2]
import base64, http.server, http.cookiejar, io, json, os, threading, urllib.request, urllib.error, urllib.parse
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a): pass
    def reply(self, code, body, headers=()):
        self.send_response(code)
        for k, v in headers: self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        if self.command != 'HEAD': self.wfile.write(body)
    def body(self):
        if self.headers.get('Transfer-Encoding') == 'chunked':
            data = b''
            while True:
                n = int(self.rfile.readline(), 16); chunk = self.rfile.read(n); self.rfile.readline()
                if not n: return data
                data += chunk
        return self.rfile.read(int(self.headers.get('Content-Length', 0)))
    def info(self, extra=None):
        d = {'method': self.command, 'path': self.path,
             'ua': self.headers['User-Agent'] == UA, 'cookie': self.headers['Cookie'],
             'ctype': self.headers['Content-Type'], 'host_ok': self.headers['Host'] is not None}
        if extra: d.update(extra)
        return json.dumps(d, sort_keys=True).encode()
    def do_GET(self):
        p = urllib.parse.urlsplit(self.path).path
        if p == '/redirect': return self.reply(302, b'', [('Location', '/target?x=1')])
        if p == '/redirect307': return self.reply(307, b'', [('Location', '/target')])
        if p == '/loop': return self.reply(302, b'', [('Location', '/loop')])
        if p == '/setcookie': return self.reply(200, b'ok', [('Set-Cookie', 'sid=abc; Path=/'), ('Set-Cookie', 'theme=dark; Max-Age=3600')])
        if p == '/auth':
            if self.headers['Authorization'] == 'Basic ' + base64.b64encode(b'user:pw').decode():
                return self.reply(200, b'welcome')
            return self.reply(401, b'no', [('WWW-Authenticate', 'Basic realm="test"')])
        if p == '/missing': return self.send_error(404, 'Not here')
        if p == '/teapot': return self.reply(418, b'short and stout')
        self.reply(200, self.info(), [('Content-Type', 'application/json')])
    do_HEAD = do_GET
    def do_POST(self):
        p = urllib.parse.urlsplit(self.path).path
        if p == '/redirect': return self.reply(303, b'', [('Location', '/target')])
        if p == '/redirect307': return self.reply(307, b'', [('Location', '/target')])
        self.reply(200, self.info({'body': self.body().decode(), 'te': self.headers['Transfer-Encoding']}))
    do_PUT = do_POST
srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)
t = threading.Thread(target=srv.serve_forever, args=(0.05,)); t.start()
base = 'http://127.0.0.1:%d' % srv.server_address[1]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
def show(resp):
    data = resp.read()
    try: data = json.loads(data)
    except ValueError: pass
    print(resp.status, resp.reason, resp.geturl().replace(base, 'BASE'), data)
with opener.open(base + '/plain?q=1') as r:
    show(r); print(r.headers['Content-Type'], r.getheader('content-length') is not None)
show(opener.open(base + '/form', data=urllib.parse.urlencode({'a': 1, 'b': 'x y'}).encode()))
show(opener.open(urllib.request.Request(base + '/json', data=b'{}', headers={'Content-Type': 'application/json'}, method='PUT')))
show(opener.open(base + '/chunk', data=iter([b'ab', b'cd'])))
show(opener.open(base + '/redirect'))
show(opener.open(base + '/redirect', data=b'posted'))
try:
    opener.open(urllib.request.Request(base + '/redirect307', data=b'kept'))
except urllib.error.HTTPError as e:
    print('HTTPError', e.code, e.reason); e.close()
show(opener.open(base + '/redirect307'))
show(opener.open(urllib.request.Request(base + '/head', method='HEAD')))
for path in ('/missing', '/teapot', '/loop'):
    try:
        opener.open(base + path)
    except urllib.error.HTTPError as e:
        print('HTTPError', e.code, e.reason, e.status, str(e)[:60].replace('\n', '|'), e.headers.get('Content-Type'), len(e.read()) > 0)
        e.close()
try:
    opener.open(base + '/auth')
except urllib.error.HTTPError as e:
    print('HTTPError', e.code, e.headers['WWW-Authenticate']); e.close()
mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
mgr.add_password(None, base + '/', 'user', 'pw')
auth_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPBasicAuthHandler(mgr))
show(auth_opener.open(base + '/auth'))
jar = http.cookiejar.CookieJar()
cookie_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar))
show(cookie_opener.open(base + '/setcookie'))
print(sorted((c.name, c.value, c.path, c.domain, c.discard, c.expires is not None) for c in jar), len(jar))
show(cookie_opener.open(base + '/after'))
jar.clear_session_cookies(); print([c.name for c in jar])
# the test server as an HTTP proxy: it sees the absolute URL
proxy_opener = urllib.request.build_opener(urllib.request.ProxyHandler({'http': base}))
show(proxy_opener.open('http://example.invalid/through/proxy'))
os.environ['no_proxy'] = ''
os.environ['http_proxy'] = base
print(urllib.request.getproxies().get('http') == base)
show(urllib.request.build_opener().open('http://example.invalid/env'))
os.environ['no_proxy'] = 'example.invalid'
print(urllib.request.proxy_bypass('example.invalid'), urllib.request.proxy_bypass('other.invalid'))
del os.environ['http_proxy'], os.environ['no_proxy']
# An opener without an https handler refuses the scheme (no lookup).
plain = urllib.request.OpenerDirector()
for handler in (urllib.request.HTTPHandler(), urllib.request.UnknownHandler()):
    plain.add_handler(handler)
try:
    plain.open('https://example.invalid/')
except urllib.error.URLError as e:
    print('URLError', e.reason)
try:
    urllib.request.urlopen('http://127.0.0.1:1/')
except urllib.error.URLError as e:
    print('URLError', type(e.reason).__name__)
print(urllib.request.urlopen('data:text/plain;charset=utf-8,caf%C3%A9').read().decode())
srv.shutdown(); t.join(); srv.server_close()
