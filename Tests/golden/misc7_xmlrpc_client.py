# xmlrpc.client: marshalling of every type, faults, errors, helpers.
import xmlrpc.client as xc
from datetime import datetime
class Obj:
    def __init__(self): self.a = 1; self.b = [1.5, 'x<y&z']
vals = (1, -7, True, False, 2.5, 'héllo <&>', b'\x00\xffbytes', bytearray(b'ba'),
        [1, [2, 3]], (4, 5), {'k': 'v', 'n': {'m': []}}, datetime(2024, 1, 31, 12, 30, 5),
        xc.DateTime('20200101T00:00:00'), xc.Binary(b'bin'), Obj())
s = xc.dumps(vals, 'do.it')
print(s)
params, name = xc.loads(s)
print(name, [type(p).__name__ for p in params], params[:6], params[8:11], params[14])
print(xc.loads(s, use_builtin_types=True)[0][5:7], xc.loads(s, use_datetime=True)[0][11])
print(xc.dumps((None,), allow_none=True))
print(xc.dumps(('x',), methodresponse=True, encoding='latin-1'))
f = xc.dumps(xc.Fault(4, 'Too many <params>'))
print(f)
try:
    xc.loads(f)
except xc.Fault as e:
    print(repr(e), e.faultCode, e.faultString)
for bad in [(None,), (2**31,), ({1: 2},), (object(),)]:
    try: xc.dumps(bad)
    except (TypeError, OverflowError) as e: print(type(e).__name__, e)
l = []; l.append(l)
try: xc.dumps((l,))
except TypeError as e: print(e)
print(xc.loads('<?xml version="1.0"?><methodResponse><params><param><value>plain</value></param><param><value><i8>9</i8></value></param><param><value><nil/></value></param><param><value><ex:nil xmlns:ex="x"/></value></param></params></methodResponse>'))
print(xc.loads('<methodCall><methodName>m</methodName></methodCall>'))
d = xc.DateTime(datetime(2001, 2, 3, 4, 5, 6)); print(str(d), d == '20010203T04:05:06', d < xc.DateTime('20020101T00:00:00'), d.timetuple()[:6])
print(xc.Binary(b'ab') == b'ab', str(xc.Binary(b'ab')))
try: xc.Binary('str')
except TypeError as e: print(e)
print(repr(xc.ProtocolError('h/p', 404, 'Not Found', {})))
print(xc.gzip_decode(xc.gzip_encode(b'data' * 10)))
try: xc.gzip_decode(xc.gzip_encode(b'x' * 100), max_decode=10)
except ValueError as e: print(e)
p = xc.ServerProxy('http://user:pw@example.com:8080')
print(repr(p), p('transport').get_host_info('user:pw@example.com'))
try: xc.ServerProxy('ftp://x')
except OSError as e: print(e)
for bad in ['<methodResponse><params><param><value><boolean>2</boolean></value></param></params></methodResponse>', '<methodResponse><params>']:
    try: print(xc.loads(bad))
    except Exception as e: print(type(e).__name__, e)
