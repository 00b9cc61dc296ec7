# wsgiref: util, headers, handlers, validate and simple_server (over loopback).
import io, sys, warnings
from wsgiref import util, headers, handlers, validate, simple_server
from wsgiref.headers import Headers
env = {}
util.setup_testing_defaults(env)
print(sorted((k, v) for k, v in env.items() if not k.startswith('wsgi.')))
print(util.application_uri(env), util.request_uri(env))
env2 = dict(env, SCRIPT_NAME='/app', PATH_INFO='/a b/c', QUERY_STRING='x=1', HTTP_HOST='')
env2['SERVER_PORT'] = '8080'
print(util.application_uri(env2), util.request_uri(env2), util.request_uri(env2, False))
e = {'SCRIPT_NAME': '/a', 'PATH_INFO': '/x/./y//z/'}
print([util.shift_path_info(e) for _ in range(5)], e)
e = {'SCRIPT_NAME': '', 'PATH_INFO': '/.'}
print(util.shift_path_info(e), e)
print(util.guess_scheme({'HTTPS': 'on'}), util.is_hop_by_hop('Keep-Alive'), util.is_hop_by_hop('X'))
print(list(util.FileWrapper(io.BytesIO(b'abcdefg'), 3)))
h = Headers([('Content-Type', 'text/plain')])
h['X-A'] = 'one'; h.add_header('content-disposition', 'attachment', filename='b"ud.gif', size=None, x_y='plain')
h.setdefault('x-a', 'two'); h.setdefault('X-B', 'three')
print(repr(h), len(h), h['content-type'], h.get_all('x-a'), 'x-b' in h, h.keys(), h.values())
print(str(h)); print(bytes(h))
del h['X-A']; print(h.items())
try: Headers((1,))
except TypeError as e: print(e)
try: h['k'] = 1
except AssertionError as e: print(e)
print(handlers.format_date_time(0))

def app(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'hello ', environ['PATH_INFO'].encode()]
def bad_app(environ, start_response):
    raise RuntimeError('boom')
for a in (app, bad_app, validate.validator(app)):
    out = io.BytesIO(); err = io.StringIO()
    base = {'SERVER_PROTOCOL': 'HTTP/1.0', 'REQUEST_METHOD': 'GET', 'PATH_INFO': '/p', 'SERVER_NAME': 'x', 'SERVER_PORT': '80', 'QUERY_STRING': ''}
    hnd = handlers.SimpleHandler(io.BytesIO(), out, err, base)
    hnd.os_environ = {}
    hnd.server_software = 'Soft/1'
    hnd.run(a)
    text = out.getvalue().decode()
    print(repr('\r\n'.join(l for l in text.split('\r\n') if not l.startswith('Date:'))), err.getvalue().splitlines()[-1:] )
out = io.BytesIO()
hnd = handlers.BaseCGIHandler(io.BytesIO(), out, io.StringIO(), {'SERVER_PROTOCOL': 'HTTP/1.1', 'REQUEST_METHOD': 'HEAD'}); hnd.os_environ = {}
hnd.run(app); print(repr(out.getvalue()))
def checks(f, *a):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            f(*a)
        print('ok', [str(x.message)[:40] for x in w])
    except AssertionError as e: print('AssertionError', e)
checks(validate.check_status, '200OK')
checks(validate.check_status, '20 OK')
checks(validate.check_headers, [('Status', 'x')])
checks(validate.check_headers, [('Bad:Name', 'x')])
checks(validate.check_headers, [('X', 'a\nb')])
checks(validate.check_content_type, '204 No Content', [('Content-Type', 'x')])
checks(validate.check_content_type, '200 OK', [])
checks(validate.check_iterator, b'x')
env3 = {}; util.setup_testing_defaults(env3); env3['REQUEST_METHOD'] = 'BREW'; env3['SCRIPT_NAME'] = 'rel'
checks(validate.check_environ, env3)
def bad_iter_app(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return ['str']
env4 = {}; util.setup_testing_defaults(env4); env4['QUERY_STRING'] = ''
it = validate.validator(bad_iter_app)(env4, lambda s, h, e=None: (lambda d: None))
try: next(it)
except AssertionError as e: print('AssertionError', e)
it.close()
print(simple_server.__version__, simple_server.server_version, simple_server.software_version.startswith('WSGIServer/0.2 '))
import threading, http.client
with simple_server.make_server('127.0.0.1', 0, simple_server.demo_app) as httpd:
    httpd.RequestHandlerClass.log_message = lambda *a: None
    t = threading.Thread(target=httpd.handle_request); t.start()
    c = http.client.HTTPConnection('127.0.0.1', httpd.server_port)
    c.request('GET', '/x%20y?q=1', headers={'X-Thing': 'a'})
    r = c.getresponse(); body = r.read().decode()
    print(r.status, r.getheader('Content-Type'), r.getheader('Server').startswith('WSGIServer/0.2'))
    lines = body.splitlines()
    print(lines[0], [l for l in lines if l.startswith(('PATH_INFO', 'QUERY_STRING', 'HTTP_X_THING', 'REQUEST_METHOD', 'SERVER_PROTOCOL'))])
    t.join(); c.close()
