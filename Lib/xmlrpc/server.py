"""XML-RPC servers.

SimpleXMLRPCServer serves registered functions (register_function) and
the public methods of a registered instance (register_instance) over
HTTP; CGIXMLRPCRequestHandler does the same from a CGI script;
MultiPathXMLRPCServer serves a dispatcher per URL path.  DocXMLRPCServer
and DocCGIXMLRPCRequestHandler also answer GET requests with an HTML page
documenting the methods.

    server = SimpleXMLRPCServer(("localhost", 8000))
    server.register_function(pow)
    server.serve_forever()

Registering an instance with allow_dotted_names=True lets clients reach
attributes of attributes: never do that on a server reachable by
untrusted clients.
"""

from xmlrpc.client import Fault, dumps, loads, gzip_encode, gzip_decode
from http.server import BaseHTTPRequestHandler
from functools import partial
from inspect import signature
import html
import http.server
import os
import pydoc
import re
import socketserver
import sys
import traceback


def resolve_dotted_attribute(obj, attr, allow_dotted_names=True):
    """obj.a.b.c for attr 'a.b.c' (only 'a' unless allow_dotted_names);
    AttributeError for a name starting with '_'."""
    attrs = attr.split('.') if allow_dotted_names else [attr]
    for name in attrs:
        if name.startswith('_'):
            raise AttributeError(
                'attempt to access private attribute "%s"' % name)
        obj = getattr(obj, name)
    return obj


def list_public_methods(obj):
    """The names of obj's callable attributes not starting with '_'."""
    return [member for member in dir(obj)
            if not member.startswith('_') and callable(getattr(obj, member))]


class SimpleXMLRPCDispatcher:
    """Decode XML-RPC requests, call the registered function or instance
    method, and encode the result (or the Fault)."""

    def __init__(self, allow_none=False, encoding=None,
                 use_builtin_types=False):
        self.funcs = {}
        self.instance = None
        self.allow_none = allow_none
        self.encoding = encoding or 'utf-8'
        self.use_builtin_types = use_builtin_types

    def register_instance(self, instance, allow_dotted_names=False):
        """Serve the public methods of instance (the last one registered
        wins).  An instance with a _dispatch(method, params) method gets
        every call not matching a registered function."""
        self.instance = instance
        self.allow_dotted_names = allow_dotted_names

    def register_function(self, function=None, name=None):
        """Serve function under name (default: its __name__).  Usable as
        a decorator, with or without name=."""
        if function is None:
            return partial(self.register_function, name=name)
        if name is None:
            name = function.__name__
        self.funcs[name] = function
        return function

    def register_introspection_functions(self):
        """Serve system.listMethods, system.methodHelp and
        system.methodSignature."""
        self.funcs.update({'system.listMethods': self.system_listMethods,
                           'system.methodSignature': self.system_methodSignature,
                           'system.methodHelp': self.system_methodHelp})

    def register_multicall_functions(self):
        """Serve system.multicall."""
        self.funcs['system.multicall'] = self.system_multicall

    def _marshaled_dispatch(self, data, dispatch_method=None, path=None):
        """The encoded XML-RPC response to the request data; any
        exception becomes a Fault response."""
        try:
            params, method = loads(data,
                                   use_builtin_types=self.use_builtin_types)
            if dispatch_method is not None:
                response = dispatch_method(method, params)
            else:
                response = self._dispatch(method, params)
            response = dumps((response,), methodresponse=1,
                             allow_none=self.allow_none,
                             encoding=self.encoding)
        except Fault as fault:
            response = dumps(fault, allow_none=self.allow_none,
                             encoding=self.encoding)
        except BaseException as exc:
            response = dumps(Fault(1, "%s:%s" % (type(exc), exc)),
                             encoding=self.encoding,
                             allow_none=self.allow_none)
        return response.encode(self.encoding, 'xmlcharrefreplace')

    def system_listMethods(self):
        """system.listMethods() => ['add', 'subtract', 'multiple']

        Returns a list of the methods supported by the server."""
        methods = set(self.funcs)
        if self.instance is not None:
            if hasattr(self.instance, '_listMethods'):
                methods |= set(self.instance._listMethods())
            elif not hasattr(self.instance, '_dispatch'):
                methods |= set(list_public_methods(self.instance))
        return sorted(methods)

    def system_methodSignature(self, method_name):
        """system.methodSignature('add') => [double, int, int]

        Returns a list describing the signature of the method.  This
        server does not support signatures."""
        return 'signatures not supported'

    def system_methodHelp(self, method_name):
        """system.methodHelp('add') => "Adds two integers together"

        Returns a string containing documentation for the specified
        method."""
        method = None
        if method_name in self.funcs:
            method = self.funcs[method_name]
        elif self.instance is not None:
            if hasattr(self.instance, '_methodHelp'):
                return self.instance._methodHelp(method_name)
            if not hasattr(self.instance, '_dispatch'):
                try:
                    method = resolve_dotted_attribute(
                        self.instance, method_name, self.allow_dotted_names)
                except AttributeError:
                    pass
        if method is None:
            return ""
        return pydoc.getdoc(method) or ""

    def system_multicall(self, call_list):
        """system.multicall([{'methodName': 'add', 'params': [2, 2]}, ...])
        => [[4], ...]

        Calls several methods in one request; a call that fails gives a
        fault struct in its place."""
        results = []
        for call in call_list:
            method_name = call['methodName']
            params = call['params']
            try:
                results.append([self._dispatch(method_name, params)])
            except Fault as fault:
                results.append({'faultCode': fault.faultCode,
                                'faultString': fault.faultString})
            except BaseException as exc:
                results.append({'faultCode': 1,
                                'faultString': "%s:%s" % (type(exc), exc)})
        return results

    def _dispatch(self, method, params):
        """Call the function registered as method, or the instance's
        _dispatch, or the instance's method of that name."""
        try:
            func = self.funcs[method]
        except KeyError:
            pass
        else:
            if func is not None:
                return func(*params)
            raise Exception('method "%s" is not supported' % method)
        if self.instance is not None:
            if hasattr(self.instance, '_dispatch'):
                return self.instance._dispatch(method, params)
            try:
                func = resolve_dotted_attribute(self.instance, method,
                                                self.allow_dotted_names)
            except AttributeError:
                pass
            else:
                if func is not None:
                    return func(*params)
        raise Exception('method "%s" is not supported' % method)


class SimpleXMLRPCRequestHandler(BaseHTTPRequestHandler):
    """Answer XML-RPC POST requests on the paths in rpc_paths; responses
    longer than encode_threshold are gzipped for clients that accept
    it."""

    rpc_paths = ('/', '/RPC2', '/pydoc.cgi')
    encode_threshold = 1400
    wbufsize = -1
    disable_nagle_algorithm = True

    aepattern = re.compile(r"""
                            \s* ([^\s;]+) \s*            #content-coding
                            (;\s* q \s*=\s* ([0-9\.]+))? #q
                            """, re.VERBOSE | re.IGNORECASE)

    def accept_encodings(self):
        """{coding: q} from the Accept-Encoding header."""
        result = {}
        header = self.headers.get("Accept-Encoding")
        if header:
            for item in header.split(","):
                match = self.aepattern.match(item)
                if match:
                    value = match.group(3)
                    result[match.group(1)] = float(value) if value else 1.0
        return result

    def is_rpc_path_valid(self):
        if self.rpc_paths:
            return self.path in self.rpc_paths
        return True         # no paths given: everything goes

    def do_POST(self):
        if not self.is_rpc_path_valid():
            self.report_404()
            return
        try:
            # Read in chunks: a huge Content-Length must not be trusted.
            max_chunk_size = 10 * 1024 * 1024
            size_remaining = int(self.headers["content-length"])
            chunks = []
            while size_remaining:
                chunk = self.rfile.read(min(size_remaining, max_chunk_size))
                if not chunk:
                    break
                chunks.append(chunk)
                size_remaining -= len(chunk)
            data = self.decode_request_content(b''.join(chunks))
            if data is None:
                return      # an error response was sent
            response = self.server._marshaled_dispatch(
                data, getattr(self, '_dispatch', None), self.path)
        except Exception as e:
            self.send_response(500)
            if getattr(self.server, '_send_traceback_header', False):
                self.send_header("X-exception", str(e))
                trace = traceback.format_exc()
                trace = str(trace.encode('ASCII', 'backslashreplace'), 'ASCII')
                self.send_header("X-traceback", trace)
            self.send_header("Content-length", "0")
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-type", "text/xml")
            if (self.encode_threshold is not None
                    and len(response) > self.encode_threshold
                    and self.accept_encodings().get("gzip", 0)):
                try:
                    response = gzip_encode(response)
                    self.send_header("Content-Encoding", "gzip")
                except NotImplementedError:
                    pass
            self.send_header("Content-length", str(len(response)))
            self.end_headers()
            self.wfile.write(response)

    def decode_request_content(self, data):
        """The request body decoded per Content-Encoding, or None after
        sending an error response."""
        encoding = self.headers.get("content-encoding", "identity").lower()
        if encoding == "identity":
            return data
        if encoding == "gzip":
            try:
                return gzip_decode(data)
            except NotImplementedError:
                self.send_response(501, "encoding %r not supported" % encoding)
            except ValueError:
                self.send_response(400, "error decoding gzip content")
        else:
            self.send_response(501, "encoding %r not supported" % encoding)
        self.send_header("Content-length", "0")
        self.end_headers()
        return None

    def report_404(self):
        self.send_response(404)
        response = b'No such page'
        self.send_header("Content-type", "text/plain")
        self.send_header("Content-length", str(len(response)))
        self.end_headers()
        self.wfile.write(response)

    def log_request(self, code='-', size='-'):
        if self.server.logRequests:
            BaseHTTPRequestHandler.log_request(self, code, size)


class SimpleXMLRPCServer(socketserver.TCPServer, SimpleXMLRPCDispatcher):
    """A TCP server answering XML-RPC requests; logRequests logs each
    request to stderr."""

    allow_reuse_address = True
    # Set to send the exception and traceback of a failed request in
    # X-exception and X-traceback headers (for debugging only).
    _send_traceback_header = False

    def __init__(self, addr, requestHandler=SimpleXMLRPCRequestHandler,
                 logRequests=True, allow_none=False, encoding=None,
                 bind_and_activate=True, use_builtin_types=False):
        self.logRequests = logRequests
        SimpleXMLRPCDispatcher.__init__(self, allow_none, encoding,
                                        use_builtin_types)
        socketserver.TCPServer.__init__(self, addr, requestHandler,
                                        bind_and_activate)


class MultiPathXMLRPCServer(SimpleXMLRPCServer):
    """An XML-RPC server with a dispatcher per URL path
    (add_dispatcher)."""

    def __init__(self, addr, requestHandler=SimpleXMLRPCRequestHandler,
                 logRequests=True, allow_none=False, encoding=None,
                 bind_and_activate=True, use_builtin_types=False):
        SimpleXMLRPCServer.__init__(self, addr, requestHandler, logRequests,
                                    allow_none, encoding, bind_and_activate,
                                    use_builtin_types)
        self.dispatchers = {}
        self.allow_none = allow_none
        self.encoding = encoding or 'utf-8'

    def add_dispatcher(self, path, dispatcher):
        self.dispatchers[path] = dispatcher
        return dispatcher

    def get_dispatcher(self, path):
        return self.dispatchers[path]

    def _marshaled_dispatch(self, data, dispatch_method=None, path=None):
        try:
            response = self.dispatchers[path]._marshaled_dispatch(
                data, dispatch_method, path)
        except BaseException:
            # The dispatcher could not even make a Fault: report the error.
            exc_type, exc_value = sys.exc_info()[:2]
            try:
                response = dumps(Fault(1, "%s:%s" % (exc_type, exc_value)),
                                 encoding=self.encoding,
                                 allow_none=self.allow_none)
                response = response.encode(self.encoding, 'xmlcharrefreplace')
            finally:
                exc_type = exc_value = None
        return response


class CGIXMLRPCRequestHandler(SimpleXMLRPCDispatcher):
    """Answer one XML-RPC request in a CGI script."""

    def __init__(self, allow_none=False, encoding=None,
                 use_builtin_types=False):
        SimpleXMLRPCDispatcher.__init__(self, allow_none, encoding,
                                        use_builtin_types)

    def handle_xmlrpc(self, request_text):
        """Write the CGI response to an XML-RPC request."""
        response = self._marshaled_dispatch(request_text)
        print('Content-Type: text/xml')
        print('Content-Length: %d' % len(response))
        print()
        sys.stdout.flush()
        sys.stdout.buffer.write(response)
        sys.stdout.buffer.flush()

    def handle_get(self):
        """Answer a GET: 400, since only POST carries XML-RPC."""
        code = 400
        message, explain = BaseHTTPRequestHandler.responses[code]
        response = http.server.DEFAULT_ERROR_MESSAGE % {
            'code': code, 'message': message, 'explain': explain}
        response = response.encode('utf-8')
        print('Status: %d %s' % (code, message))
        print('Content-Type: %s' % http.server.DEFAULT_ERROR_CONTENT_TYPE)
        print('Content-Length: %d' % len(response))
        print()
        sys.stdout.flush()
        sys.stdout.buffer.write(response)
        sys.stdout.buffer.flush()

    def handle_request(self, request_text=None):
        """Answer the request of the CGI environment (its body read from
        stdin unless request_text is given)."""
        if request_text is None and os.environ.get('REQUEST_METHOD') == 'GET':
            self.handle_get()
            return
        if request_text is None:
            try:
                length = int(os.environ.get('CONTENT_LENGTH', None))
            except (ValueError, TypeError):
                length = -1
            request_text = sys.stdin.buffer.read(length)
        self.handle_xmlrpc(request_text)


# ---- self-documenting servers -------------------------------------------------

class ServerHTMLDoc:
    """HTML documentation of an XML-RPC server's methods."""

    _link = re.compile(r'\b((http|https|ftp)://\S+[\w/]|'
                       r'RFC[- ]?(\d+)|'
                       r'PEP[- ]?(\d+)|'
                       r'(self\.)?((?:\w|\.)+))\b')

    def escape(self, text):
        return html.escape(text, quote=False)

    def markup(self, text, escape=None, funcs={}, classes={}, methods={}):
        """Escape text and turn URLs, RFC and PEP numbers, and the names
        of documented methods into links."""
        escape = escape or self.escape
        results = []
        here = 0
        for match in self._link.finditer(text):
            start, end = match.span()
            results.append(escape(text[here:start]))
            whole, scheme, rfc, pep, selfdot, name = match.groups()
            if scheme:
                url = escape(whole).replace('"', '&quot;')
                results.append(f'<a href="{url}">{url}</a>')
            elif rfc:
                url = 'https://www.rfc-editor.org/rfc/rfc%d.txt' % int(rfc)
                results.append(f'<a href="{url}">{escape(whole)}</a>')
            elif pep:
                url = 'https://peps.python.org/pep-%04d/' % int(pep)
                results.append(f'<a href="{url}">{escape(whole)}</a>')
            elif selfdot and name in methods:
                results.append(f'self.<a href="{methods[name]}">'
                               f'{escape(name)}</a>')
            elif not selfdot and name in funcs:
                results.append(f'<a href="{funcs[name]}">{escape(name)}</a>')
            elif not selfdot and name in classes:
                results.append(f'<a href="{classes[name]}">{escape(name)}</a>')
            else:
                results.append(escape(whole))
            here = end
        results.append(escape(text[here:]))
        return ''.join(results)

    def docroutine(self, object, name, mod=None, funcs={}, classes={},
                   methods={}, cl=None):
        """A <dl> entry for one method: its name, signature and doc."""
        anchor = (cl and cl.__name__ or '') + '-' + name
        title = f'<a name="{self.escape(anchor)}"><strong>' \
                f'{self.escape(name)}</strong></a>'
        if callable(object):
            try:
                argspec = str(signature(object))
            except (ValueError, TypeError):
                argspec = '(...)'
        else:
            argspec = '(...)'
        if isinstance(object, tuple):
            # (signature, doc) pairs from _get_method_argstring servers.
            argspec = object[0] or argspec
            docstring = object[1] or ""
        else:
            docstring = pydoc.getdoc(object) or ""
        decl = title + self.escape(argspec)
        doc = self.markup(docstring, self.preformat, funcs, classes, methods)
        doc = doc and f'<dd><tt>{doc}</tt></dd>'
        return f'<dl><dt>{decl}</dt>{doc}</dl>\n'

    def preformat(self, text):
        text = self.escape(text.expandtabs())
        return text.replace('\n\n', '\n \n').replace(' ', '&nbsp;') \
                   .replace('\n', '<br>\n')

    def docserver(self, server_name, package_documentation, methods):
        """The HTML body: the server's name and documentation, then each
        method."""
        fdict = {key: '#-' + key for key in methods}
        parts = [f'<h1>{self.escape(server_name)}</h1>\n']
        doc = self.markup(package_documentation, self.preformat, fdict)
        if doc:
            parts.append(f'<p><tt>{doc}</tt></p>\n')
        parts.append('<h2>Methods</h2>\n')
        for key, value in sorted(methods.items()):
            parts.append(self.docroutine(value, key, funcs=fdict))
        return ''.join(parts)

    def page(self, title, contents):
        """A complete HTML page."""
        return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n'
                '<meta charset="utf-8">\n'
                f'<title>Python: {self.escape(title)}</title>\n'
                '</head><body>\n' + contents + '\n</body></html>')


class XMLRPCDocGenerator:
    """Make the HTML page documenting an XML-RPC server."""

    def __init__(self):
        self.server_name = 'XML-RPC Server Documentation'
        self.server_documentation = \
            "This server exports the following methods through the XML-RPC "\
            "protocol."
        self.server_title = 'XML-RPC Server Documentation'

    def set_server_title(self, server_title):
        """The title of the documentation page."""
        self.server_title = server_title

    def set_server_name(self, server_name):
        """The name shown at the top of the page."""
        self.server_name = server_name

    def set_server_documentation(self, server_documentation):
        """The text shown under the name."""
        self.server_documentation = server_documentation

    def generate_html_documentation(self):
        """The HTML page for the registered functions and instance
        methods (their help from _methodHelp or the docstrings)."""
        methods = {}
        for method_name in self.system_listMethods():
            if method_name in self.funcs:
                method = self.funcs[method_name]
            elif self.instance is not None:
                method_info = [None, None]
                if hasattr(self.instance, '_get_method_argstring'):
                    method_info[0] = self.instance._get_method_argstring(
                        method_name)
                if hasattr(self.instance, '_methodHelp'):
                    method_info[1] = self.instance._methodHelp(method_name)
                method = tuple(method_info)
                if method != (None, None):
                    pass
                elif not hasattr(self.instance, '_dispatch'):
                    try:
                        method = resolve_dotted_attribute(self.instance,
                                                          method_name)
                    except AttributeError:
                        pass
                else:
                    assert 0, "Could not find method in self.functions " \
                              "and no instance installed"
            else:
                assert 0, "Could not find method in self.functions and no " \
                          "instance installed"
            methods[method_name] = method
        documenter = ServerHTMLDoc()
        documentation = documenter.docserver(self.server_name,
                                             self.server_documentation,
                                             methods)
        return documenter.page(html.escape(self.server_title), documentation)


class DocXMLRPCRequestHandler(SimpleXMLRPCRequestHandler):
    """Also answer GET requests with the documentation page."""

    def do_GET(self):
        if not self.is_rpc_path_valid():
            self.report_404()
            return
        response = self.server.generate_html_documentation().encode('utf-8')
        self.send_response(200)
        self.send_header("Content-type", "text/html; charset=UTF-8")
        self.send_header("Content-length", str(len(response)))
        self.end_headers()
        self.wfile.write(response)


class DocXMLRPCServer(SimpleXMLRPCServer, XMLRPCDocGenerator):
    """An XML-RPC server that documents its methods on GET requests."""

    def __init__(self, addr, requestHandler=DocXMLRPCRequestHandler,
                 logRequests=True, allow_none=False, encoding=None,
                 bind_and_activate=True, use_builtin_types=False):
        SimpleXMLRPCServer.__init__(self, addr, requestHandler, logRequests,
                                    allow_none, encoding, bind_and_activate,
                                    use_builtin_types)
        XMLRPCDocGenerator.__init__(self)


class DocCGIXMLRPCRequestHandler(CGIXMLRPCRequestHandler, XMLRPCDocGenerator):
    """A CGI XML-RPC handler that answers GET with the documentation."""

    def handle_get(self):
        response = self.generate_html_documentation().encode('utf-8')
        print('Content-Type: text/html')
        print('Content-Length: %d' % len(response))
        print()
        sys.stdout.flush()
        sys.stdout.buffer.write(response)
        sys.stdout.buffer.flush()

    def __init__(self):
        CGIXMLRPCRequestHandler.__init__(self)
        XMLRPCDocGenerator.__init__(self)


if __name__ == '__main__':
    import datetime

    class ExampleService:
        def getData(self):
            return '42'

        class currentTime:
            @staticmethod
            def getCurrentTime():
                return datetime.datetime.now()

    with SimpleXMLRPCServer(("localhost", 8000)) as server:
        server.register_function(pow)
        server.register_function(lambda x, y: x + y, 'add')
        server.register_instance(ExampleService(), allow_dotted_names=True)
        server.register_multicall_functions()
        print('Serving XML-RPC on localhost port 8000')
        print('It is advisable to run this example server within a secure, '
              'closed network.')
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("\nKeyboard interrupt received, exiting.")
            sys.exit(0)
