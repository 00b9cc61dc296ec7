# http.server + http.client on loopback: keep-alive, chunked both ways, POST
# bodies from bytes/iterables/files/str, errors, HEAD, readinto, directory serving.
import http.client, http.server, threading, io, os, tempfile, shutil, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a): pass
    def do_GET(self):
        if self.path == '/chunked':
            self.send_response(200)
            self.send_header('Transfer-Encoding', 'chunked')
            self.end_headers()
            for part in (b'hello ', b'chunked ', b'world'):
                self.wfile.write(b'%X\r\n%s\r\n' % (len(part), part))
            self.wfile.write(b'0\r\n\r\n')
            return
        if self.path == '/missing':
            self.send_error(404)
            return
        body = ('path=%s ua=%s' % (self.path, self.headers['X-Test'])).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.send_header('Set-Cookie', 'a=1')
        self.send_header('Set-Cookie', 'b=2')
        self.end_headers()
        self.wfile.write(body)
    def do_POST(self):
        if self.headers.get('Transfer-Encoding') == 'chunked':
            data = b''
            while True:
                n = int(self.rfile.readline(), 16)
                chunk = self.rfile.read(n); self.rfile.readline()
                if not n: break
                data += chunk
        else:
            data = self.rfile.read(int(self.headers['Content-Length']))
        body = b'got ' + data
        self.send_response(201)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)
t = threading.Thread(target=srv.serve_forever, args=(0.05,)); t.start()
port = srv.server_address[1]
c = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
c.request('GET', '/a?b=1', headers={'X-Test': 'yes'})
r = c.getresponse()
print(r.status, r.reason, r.version, r.getheader('content-type'), r.getheader('set-cookie'), r.getheader('nope', 'dflt'))
print(r.read(4), r.read(), r.isclosed())
c.request('GET', '/chunked')
r = c.getresponse(); print(r.chunked, r.read(3), r.read1(100), r.read())
c.request('POST', '/p', body=b'payload')
r = c.getresponse(); print(r.status, r.read())
c.request('POST', '/p', body=iter([b'ab', b'cd']))
r = c.getresponse(); print(r.status, r.read())
c.request('POST', '/p', body=io.BytesIO(b'from file'))
r = c.getresponse(); print(r.status, r.read())
c.request('POST', '/p', body='text body')
r = c.getresponse(); print(r.status, r.read())
c.request('GET', '/missing')
r = c.getresponse(); print(r.status, r.reason, r.getheader('Content-Type'), b'Nothing matches' in r.read())
c.request('HEAD', '/x')
r = c.getresponse(); print(r.status, r.read(), r.getheader('content-length'))
c.request('GET', '/buf')
r = c.getresponse(); b = bytearray(5); print(r.readinto(b), bytes(b), r.read())
c.putrequest('GET', '/manual'); c.putheader('X-Test', 'm'); c.endheaders()
r = c.getresponse(); print([k for k, v in r.getheaders()], r.read())
try:
    c.getresponse()
except http.client.ResponseNotReady as e: print('ResponseNotReady', e)
try:
    c.request('GET', '/a b')
except http.client.InvalidURL as e: print('InvalidURL', e)
c.close()
d = tempfile.mkdtemp()
os.mkdir(os.path.join(d, 'sub'))
with open(os.path.join(d, 'hello.txt'), 'w') as f: f.write('hello file\n')
with open(os.path.join(d, 'sub', 'x.json'), 'w') as f: f.write('{}')
class S(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k): super().__init__(*a, directory=d, **k)
    def log_message(self, *a): pass
srv2 = http.server.HTTPServer(('127.0.0.1', 0), S)
t2 = threading.Thread(target=srv2.serve_forever, args=(0.05,)); t2.start()
c = http.client.HTTPConnection('127.0.0.1', srv2.server_address[1])
for path in ['/hello.txt', '/sub', '/sub/', '/nope', '/../hello.txt']:
    c.request('GET', path); r = c.getresponse()
    print(path, r.status, r.getheader('content-type'), r.getheader('location'), r.read()[-60:])
    c.close()
srv.shutdown(); srv2.shutdown(); t.join(); t2.join(); srv.server_close(); srv2.server_close()
shutil.rmtree(d)
