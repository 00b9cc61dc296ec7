"""XML-RPC servers: a dispatcher, an HTTP server, CGI, and self-documenting
variants.

    server = SimpleXMLRPCServer(("localhost", 8000))
    server.register_function(pow)
    server.register_introspection_functions()
    server.serve_forever()

Registering functions or an instance is meant to be done before serving;
dispatch only reads the registry, so a threading server may call
registered functions from several threads at once (they must be safe).

register_instance(obj, allow_dotted_names=True) lets callers reach any
attribute chain of obj that does not start with "_": only use it on a
trusted network.
"""

import html
import http.server
import inspect
import os
import pydoc
import re
import socketserver
import sys
import traceback
from functools import partial
from http.server import BaseHTTPRequestHandler
from xmlrpc.client import Fault, dumps, gzip_decode, gzip_encode, loads


def resolve_dotted_attribute(obj, attr, allow_dotted_names=True):
    """obj.a.b.c for attr "a.b.c"; names starting with "_" are refused."""
    names = attr.split(".") if allow_dotted_names else [attr]
    for name in names:
        if name.startswith("_"):
            raise AttributeError('attempt to access private attribute "%s"' % name)
        obj = getattr(obj, name)
    return obj


def list_public_methods(obj):
    """Names of the callable attributes of obj not starting with "_"."""
    return [name for name in dir(obj)
            if not name.startswith("_") and callable(getattr(obj, name))]


def _fault_for(exc):
    # Any exception escaping a method reaches the client as fault 1.
    return Fault(1, "%s:%s" % (type(exc), exc))


class SimpleXMLRPCDispatcher:
    """Maps method names to registered functions or an instance's methods,
    and turns request documents into response documents."""

    def __init__(self, allow_none=False, encoding=None, use_builtin_types=False):
        self.funcs = {}
        self.instance = None
        self.allow_none = allow_none
        self.encoding = encoding or "utf-8"
        self.use_builtin_types = use_builtin_types

    def register_instance(self, instance, allow_dotted_names=False):
        """Methods not registered as functions are looked up on instance
        (or passed to its _dispatch(method, params) if it has one)."""
        self.instance = instance
        self.allow_dotted_names = allow_dotted_names

    def register_function(self, function=None, name=None):
        """Register function under name (default: its __name__); usable as
        a decorator, with or without name=."""
        if function is None:
            return partial(self.register_function, name=name)
        self.funcs[name or function.__name__] = function
        return function

    def register_introspection_functions(self):
        self.funcs.update({"system.listMethods": self.system_listMethods,
                           "system.methodSignature": self.system_methodSignature,
                           "system.methodHelp": self.system_methodHelp})

    def register_multicall_functions(self):
        self.funcs["system.multicall"] = self.system_multicall

    def _marshaled_dispatch(self, data, dispatch_method=None, path=None):
        """The response document (bytes) for a request document."""
        try:
            params, method = loads(data, use_builtin_types=self.use_builtin_types)
            if dispatch_method is not None:
                response = dispatch_method(method, params)
            else:
                response = self._dispatch(method, params)
            response = dumps((response,), methodresponse=1,
                             allow_none=self.allow_none, encoding=self.encoding)
        except Fault as fault:
            response = dumps(fault, allow_none=self.allow_none,
                             encoding=self.encoding)
        except BaseException as exc:
            response = dumps(_fault_for(exc), encoding=self.encoding,
                             allow_none=self.allow_none)
        return response.encode(self.encoding, "xmlcharrefreplace")

    def system_listMethods(self):
        """system.listMethods() => ['add', 'subtract', 'multiple']

Returns a list of the methods supported by the server."""
        methods = set(self.funcs)
        if self.instance is not None:
            if hasattr(self.instance, "_listMethods"):
                methods |= set(self.instance._listMethods())
            elif not hasattr(self.instance, "_dispatch"):
                methods |= set(list_public_methods(self.instance))
        return sorted(methods)

    def system_methodSignature(self, method_name):
        """system.methodSignature('add') => [double, int, int]

Returns a list describing the signature of the method. In the
above example, the add method takes two integers as arguments
and returns a double result.

This server does NOT support system.methodSignature."""
        return "signatures not supported"

    def system_methodHelp(self, method_name):
        """system.methodHelp('add') => "Adds two integers together"

Returns a string containing documentation for the specified method."""
        method = self._find_method(method_name, for_help=True)
        if isinstance(method, str):
            return method
        return "" if method is None else pydoc.getdoc(method) or ""

    def _find_method(self, method_name, for_help=False):
        if method_name in self.funcs:
            return self.funcs[method_name]
        if self.instance is None:
            return None
        if for_help and hasattr(self.instance, "_methodHelp"):
            return self.instance._methodHelp(method_name)
        if hasattr(self.instance, "_dispatch"):
            return None
        try:
            return resolve_dotted_attribute(self.instance, method_name,
                                            self.allow_dotted_names)
        except AttributeError:
            return None

    def system_multicall(self, call_list):
        """system.multicall([{'methodName': 'add', 'params': [2, 2]}, ...]) => \
[[4], ...]

Allows the caller to package multiple XML-RPC calls into a single
request.

See http://www.xmlrpc.com/discuss/msgReader$1208
"""
        results = []
        for call in call_list:
            try:
                results.append([self._dispatch(call["methodName"], call["params"])])
            except Fault as fault:
                results.append({"faultCode": fault.faultCode,
                                "faultString": fault.faultString})
            except BaseException as exc:
                fault = _fault_for(exc)
                results.append({"faultCode": fault.faultCode,
                                "faultString": fault.faultString})
        return results

    def _dispatch(self, method, params):
        """Call the function registered as method, else the instance's."""
        if method in self.funcs:
            function = self.funcs[method]
            if function is not None:
                return function(*params)
            raise Exception('method "%s" is not supported' % method)
        if self.instance is not None:
            if hasattr(self.instance, "_dispatch"):
                return self.instance._dispatch(method, params)
            try:
                function = resolve_dotted_attribute(self.instance, method,
                                                    self.allow_dotted_names)
            except AttributeError:
                pass
            else:
                if function is not None:
                    return function(*params)
        raise Exception('method "%s" is not supported' % method)


class SimpleXMLRPCRequestHandler(BaseHTTPRequestHandler):
    """Answers POSTs to rpc_paths with the server's dispatcher."""

    rpc_paths = ("/", "/RPC2", "/pydoc.css")
    # Responses longer than this are gzipped for clients that accept it.
    encode_threshold = 1400
    wbufsize = -1
    disable_nagle_algorithm = True

    _ACCEPT_ENCODING = re.compile(r"\s*([^\s;]+)\s*(;\s*q\s*=\s*([0-9.]+))?")

    def accept_encodings(self):
        """{coding: quality} from the Accept-Encoding header."""
        qualities = {}
        for item in self.headers.get("Accept-Encoding", "").split(","):
            match = self._ACCEPT_ENCODING.match(item)
            if match:
                quality = match.group(3)
                qualities[match.group(1)] = float(quality) if quality else 1.0
        return qualities

    def is_rpc_path_valid(self):
        return not self.rpc_paths or self.path in self.rpc_paths

    def _read_body(self):
        # Read in bounded chunks: Content-Length comes from the client.
        remaining = int(self.headers["content-length"])
        chunks = []
        while remaining:
            chunk = self.rfile.read(min(remaining, 10 * 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def do_POST(self):
        if not self.is_rpc_path_valid():
            self.report_404()
            return
        try:
            data = self.decode_request_content(self._read_body())
            if data is None:
                return
            response = self.server._marshaled_dispatch(
                data, getattr(self, "_dispatch", None), self.path)
        except Exception as exc:
            self.send_response(500)
            if getattr(self.server, "_send_traceback_header", False):
                self.send_header("X-exception", str(exc))
                trace = traceback.format_exc()
                self.send_header("X-traceback", trace.encode(
                    "ascii", "backslashreplace").decode("ascii"))
            self.send_header("Content-length", "0")
            self.end_headers()
            return
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
        """The request body without its Content-Encoding; None after
        answering an error."""
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
        body = b"No such page"
        self.send_response(404)
        self.send_header("Content-type", "text/plain")
        self.send_header("Content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code="-", size="-"):
        if self.server.logRequests:
            BaseHTTPRequestHandler.log_request(self, code, size)


class SimpleXMLRPCServer(socketserver.TCPServer, SimpleXMLRPCDispatcher):
    """An XML-RPC server over HTTP, one request at a time."""

    allow_reuse_address = True
    # Send X-exception/X-traceback headers on internal errors (debugging only).
    _send_traceback_header = False

    def __init__(self, addr, requestHandler=SimpleXMLRPCRequestHandler,
                 logRequests=True, allow_none=False, encoding=None,
                 bind_and_activate=True, use_builtin_types=False):
        self.logRequests = logRequests
        SimpleXMLRPCDispatcher.__init__(self, allow_none, encoding, use_builtin_types)
        socketserver.TCPServer.__init__(self, addr, requestHandler, bind_and_activate)


class MultiPathXMLRPCServer(SimpleXMLRPCServer):
    """A server with one dispatcher per URL path (add_dispatcher)."""

    def __init__(self, addr, requestHandler=SimpleXMLRPCRequestHandler,
                 logRequests=True, allow_none=False, encoding=None,
                 bind_and_activate=True, use_builtin_types=False):
        SimpleXMLRPCServer.__init__(self, addr, requestHandler, logRequests,
                                    allow_none, encoding, bind_and_activate,
                                    use_builtin_types)
        self.dispatchers = {}
        self.allow_none = allow_none
        self.encoding = encoding or "utf-8"

    def add_dispatcher(self, path, dispatcher):
        self.dispatchers[path] = dispatcher
        return dispatcher

    def get_dispatcher(self, path):
        return self.dispatchers[path]

    def _marshaled_dispatch(self, data, dispatch_method=None, path=None):
        try:
            return self.dispatchers[path]._marshaled_dispatch(
                data, dispatch_method, path)
        except BaseException as exc:
            response = dumps(_fault_for(exc), encoding=self.encoding,
                             allow_none=self.allow_none)
            return response.encode(self.encoding, "xmlcharrefreplace")


class CGIXMLRPCRequestHandler(SimpleXMLRPCDispatcher):
    """Answers one XML-RPC request as a CGI script."""

    def __init__(self, allow_none=False, encoding=None, use_builtin_types=False):
        SimpleXMLRPCDispatcher.__init__(self, allow_none, encoding, use_builtin_types)

    def _write_cgi(self, head_lines, body):
        for line in head_lines:
            print(line)
        print("Content-Length: %d" % len(body))
        print()
        sys.stdout.flush()
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()

    def handle_xmlrpc(self, request_text):
        response = self._marshaled_dispatch(request_text)
        self._write_cgi(["Content-Type: text/xml"], response)

    def handle_get(self):
        """A GET is not an XML-RPC request: answer 400."""
        code = 400
        message, explain = BaseHTTPRequestHandler.responses[code]
        body = (http.server.DEFAULT_ERROR_MESSAGE
                % {"code": code, "message": message, "explain": explain})
        self._write_cgi(["Status: %d %s" % (code, message),
                         "Content-Type: %s" % http.server.DEFAULT_ERROR_CONTENT_TYPE],
                        body.encode("utf-8"))

    def handle_request(self, request_text=None):
        """Handle the request on stdin (or request_text)."""
        if request_text is None and os.environ.get("REQUEST_METHOD") == "GET":
            self.handle_get()
            return
        try:
            length = int(os.environ.get("CONTENT_LENGTH", None))
        except (ValueError, TypeError):
            length = -1
        if request_text is None:
            request_text = sys.stdin.read(length)
        self.handle_xmlrpc(request_text)


# --- self-documenting servers ---------------------------------------------------

class ServerHTMLDoc:
    """HTML for a server's documentation page."""

    _LINKS = re.compile(r"\b(?:(?P<url>(?:http|https|ftp)://\S+[\w/])|"
                        r"RFC[- ]?(?P<rfc>\d+)|"
                        r"PEP[- ]?(?P<pep>\d+)|"
                        r"(?P<selfdot>self\.)?(?P<name>(?:\w|\.)+))\b")

    def escape(self, text):
        return html.escape(text, quote=False)

    def markup(self, text, escape=None, funcs={}, classes={}, methods={}):
        """text as HTML: URLs, RFC and PEP references and names of the
        server's methods become links."""
        escape = escape or self.escape
        pieces = []
        here = 0
        for match in self._LINKS.finditer(text):
            start, end = match.span()
            pieces.append(escape(text[here:start]))
            url, rfc, pep, selfdot, name = match.group(
                "url", "rfc", "pep", "selfdot", "name")
            whole = match.group(0)
            if url:
                target = html.escape(url)
                pieces.append('<a href="%s">%s</a>' % (target, target))
            elif rfc:
                pieces.append('<a href="https://www.rfc-editor.org/rfc/rfc%d.txt">%s</a>'
                              % (int(rfc), escape(whole)))
            elif pep:
                pieces.append('<a href="https://peps.python.org/pep-%04d/">%s</a>'
                              % (int(pep), escape(whole)))
            elif text[end:end + 1] == "(" and name in methods:
                pieces.append("%s<a href=\"#%s\">%s</a>"
                              % (selfdot or "", methods[name], escape(name)))
            elif selfdot:
                pieces.append("self.<strong>%s</strong>" % escape(name))
            else:
                pieces.append(escape(whole))
            here = end
        pieces.append(escape(text[here:]))
        return "".join(pieces)

    def docroutine(self, object, name, mod=None, funcs={}, classes={},
                   methods={}, cl=None):
        """A <dl> entry for one method."""
        anchor = (cl.__name__ if cl else "") + "-" + name
        title = '<a name="%s"><strong>%s</strong></a>' % (
            self.escape(anchor), self.escape(name))
        if callable(object):
            try:
                signature = str(inspect.signature(object))
            except (TypeError, ValueError):
                signature = "(...)"
            doc = pydoc.getdoc(object) or ""
        else:
            # (signature text, doc) pairs from an instance's _get_method_argstring.
            signature, doc = object[0], object[1] or ""
        decl = title + self.escape(signature)
        body = self.markup(doc, self.preformat, funcs, classes, methods)
        return "<dl><dt>%s</dt><dd><tt>%s</tt></dd></dl>\n" % (
            decl, body.replace("\n", "<br>\n"))

    def preformat(self, text):
        return self.escape(text).replace(" ", "&nbsp;")

    def docserver(self, server_name, package_documentation, methods):
        """The whole page body for a server."""
        anchors = {name: "-" + name for name in methods}
        parts = ['<h1>%s</h1>' % self.escape(server_name)]
        parts.append("<p><tt>%s</tt></p>" % self.markup(
            package_documentation, self.preformat, methods=anchors))
        parts.append("<h2>Methods</h2>")
        for name in sorted(methods):
            parts.append(self.docroutine(methods[name], name, methods=anchors))
        return "\n".join(parts)

    def page(self, title, contents):
        css = '<link rel="stylesheet" type="text/css" href="pydoc.css">'
        return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                "<meta charset=\"utf-8\">\n<title>Python: %s</title>\n%s\n"
                "</head><body>\n%s\n</body></html>"
                % (self.escape(title), css, contents))


class XMLRPCDocGenerator:
    """Documentation of the methods a dispatcher serves."""

    def __init__(self):
        self.server_name = "XML-RPC Server Documentation"
        self.server_documentation = (
            "This server exports the following methods through the XML-RPC "
            "protocol.")
        self.server_title = "XML-RPC Server Documentation"

    def set_server_title(self, server_title):
        self.server_title = server_title

    def set_server_name(self, server_name):
        self.server_name = server_name

    def set_server_documentation(self, server_documentation):
        self.server_documentation = server_documentation

    def _documented_methods(self):
        methods = {}
        for name in self.system_listMethods():
            if name in self.funcs:
                methods[name] = self.funcs[name]
                continue
            if self.instance is None:
                continue
            if hasattr(self.instance, "_get_method_argstring"):
                methods[name] = (self.instance._get_method_argstring(name),
                                 getattr(self.instance, "_methodHelp",
                                         lambda _: "")(name))
            elif hasattr(self.instance, "_dispatch"):
                methods[name] = ("(...)", getattr(self.instance, "_methodHelp",
                                                  lambda _: "")(name))
            else:
                try:
                    methods[name] = resolve_dotted_attribute(self.instance, name)
                except AttributeError:
                    methods[name] = ("(...)", "")
        return methods

    def generate_html_documentation(self):
        """The server's documentation as an HTML page (str)."""
        documenter = ServerHTMLDoc()
        body = documenter.docserver(self.server_name, self.server_documentation,
                                    self._documented_methods())
        return documenter.page(html.unescape(self.server_title), body)


class DocXMLRPCRequestHandler(SimpleXMLRPCRequestHandler):
    """Also answers GET with the documentation page."""

    def _send_page(self, content_type, body):
        self.send_response(200)
        self.send_header("Content-Type", "%s; charset=UTF-8" % content_type)
        self.send_header("Content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if not self.is_rpc_path_valid():
            self.report_404()
            return
        if self.path.endswith(".css"):
            self._send_page("text/css", _PYDOC_CSS)
        else:
            page = self.server.generate_html_documentation().encode("utf-8")
            self._send_page("text/html", page)


_PYDOC_CSS = (b"body { font-family: sans-serif; }\n"
              b"dt { margin-top: 0.8em; }\n"
              b"tt { font-family: monospace; }\n")


class DocXMLRPCServer(SimpleXMLRPCServer, XMLRPCDocGenerator):
    """An XML-RPC server that documents itself at GET /."""

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
        page = self.generate_html_documentation().encode("utf-8")
        self._write_cgi(["Content-Type: text/html"], page)

    def __init__(self):
        CGIXMLRPCRequestHandler.__init__(self)
        XMLRPCDocGenerator.__init__(self)


if __name__ == "__main__":
    import datetime

    class ExampleService:
        def getData(self):
            return "42"

        class currentTime:
            @staticmethod
            def getCurrentTime():
                return datetime.datetime.now()

    with SimpleXMLRPCServer(("localhost", 8000)) as server:
        server.register_function(pow)
        server.register_function(lambda x, y: x + y, "add")
        server.register_instance(ExampleService(), allow_dotted_names=True)
        server.register_multicall_functions()
        print("Serving XML-RPC on localhost port 8000")
        print("It is advisable to run this example server within a secure, "
              "closed network.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("\nKeyboard interrupt received, exiting.")
            sys.exit(0)
