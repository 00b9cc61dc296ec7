# logging.handlers.HTTPHandler (GET with credentials, POST) and SMTPHandler
# against loopback servers.
import http.server, logging, logging.handlers, threading, urllib.parse, socketserver
got = []
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_GET(self):
        q = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        got.append(('GET', q['msg'], q['levelname'], self.headers['Authorization']))
        self.send_response(200); self.send_header('Content-Length', '0'); self.end_headers()
    def do_POST(self):
        q = urllib.parse.parse_qs(self.rfile.read(int(self.headers['Content-Length'])).decode())
        got.append(('POST', q['msg'], q['name'], self.headers['Content-type']))
        self.send_response(200); self.send_header('Content-Length', '0'); self.end_headers()
srv = http.server.HTTPServer(('127.0.0.1', 0), H)
t = threading.Thread(target=srv.serve_forever, args=(0.05,)); t.start()
host = '127.0.0.1:%d' % srv.server_address[1]
log = logging.getLogger('net6test'); log.propagate = False; log.setLevel(logging.INFO)
h1 = logging.handlers.HTTPHandler(host, '/log?app=1', credentials=('u', 'p'))
log.addHandler(h1); log.warning('first %s', 'message'); log.removeHandler(h1)
h2 = logging.handlers.HTTPHandler(host, '/log', method='post')
log.addHandler(h2); log.info('second'); log.removeHandler(h2)
try: logging.handlers.HTTPHandler(host, '/', method='PUT')
except ValueError as e: print(e)
mails = []
class S(socketserver.StreamRequestHandler):
    def handle(self):
        w = lambda s: self.wfile.write(s.encode() + b'\r\n')
        w('220 ready')
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b'DATA':
                w('354 go'); data = b''
                while (l := self.rfile.readline()) != b'.\r\n': data += l
                mails.append(data.decode()); w('250 ok')
            elif verb == b'QUIT': w('221 bye'); return
            else: w('250 ok')
s = socketserver.TCPServer(('127.0.0.1', 0), S)
t2 = threading.Thread(target=s.serve_forever, args=(0.05,)); t2.start()
h3 = logging.handlers.SMTPHandler(('127.0.0.1', s.server_address[1]), 'log@x.org', 'ops@y.org', 'Alert')
h3.setFormatter(logging.Formatter('%(levelname)s: %(message)s'))
log.addHandler(h3); log.error('disk full'); log.removeHandler(h3)
srv.shutdown(); s.shutdown(); t.join(); t2.join(); srv.server_close(); s.server_close()
for g in got: print(g)
for m in mails:
    print([l for l in m.split('\r\n') if not l.startswith('Date:')])
