"""An XML-RPC client: marshalling, transports and ServerProxy.

    proxy = ServerProxy("http://localhost:8000/")
    proxy.add(2, 3)

Values map to XML-RPC types: None (<nil/> when allow_none), bool, int
(32-bit), float, str, bytes (base64), list/tuple (array), dict with str
keys (struct), datetime.datetime and DateTime (dateTime.iso8601), Binary,
and any other object with a __dict__ (struct of its attributes).

Reentrancy: a ServerProxy and its Transport keep one HTTP connection and
are meant for one thread at a time; module-level functions keep no state.
"""

import base64
import errno
import http.client
import sys
import time
import urllib.parse
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from xml.parsers import expat

try:
    import gzip
except ImportError:
    gzip = None

__version__ = "%d.%d" % sys.version_info[:2]

MAXINT = 2**31 - 1
MININT = -2**31

# Fault codes proposed in the "specification for fault code interoperability".
PARSE_ERROR = -32700
SERVER_ERROR = -32600
APPLICATION_ERROR = -32500
SYSTEM_ERROR = -32400
TRANSPORT_ERROR = -32300
NOT_WELLFORMED_ERROR = -32700
UNSUPPORTED_ENCODING = -32701
INVALID_ENCODING_CHAR = -32702
INVALID_XMLRPC = -32600
METHOD_NOT_FOUND = -32601
INVALID_METHOD_PARAMS = -32602
INTERNAL_ERROR = -32603


def escape(s):
    """Escape &, < and > for XML character data."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- errors -------------------------------------------------------------------

class Error(Exception):
    """The base class of this module's errors."""

    def __str__(self):
        return repr(self)


class ProtocolError(Error):
    """The HTTP exchange failed (status other than 200)."""

    def __init__(self, url, errcode, errmsg, headers):
        Error.__init__(self)
        self.url = url
        self.errcode = errcode
        self.errmsg = errmsg
        self.headers = headers

    def __repr__(self):
        return "<%s for %s: %s %s>" % (self.__class__.__name__, self.url,
                                       self.errcode, self.errmsg)


class ResponseError(Error):
    """The response is not a well-formed XML-RPC response."""


class Fault(Error):
    """An XML-RPC fault returned by the server."""

    def __init__(self, faultCode, faultString, **extra):
        Error.__init__(self)
        self.faultCode = faultCode
        self.faultString = faultString

    def __repr__(self):
        return "<%s %s: %r>" % (self.__class__.__name__, self.faultCode,
                                self.faultString)


boolean = Boolean = bool


# --- wrapper types ------------------------------------------------------------

def _iso8601_format(value):
    if value.year < 1000:
        # strftime's %Y does not pad on every platform; ISO 8601 wants 4 digits.
        return "%04d%s" % (value.year, value.strftime("%m%dT%H:%M:%S"))
    return value.strftime("%Y%m%dT%H:%M:%S")


def _strftime(value):
    if isinstance(value, datetime):
        return _iso8601_format(value)
    if not isinstance(value, (tuple, time.struct_time)):
        if value == 0:
            value = time.time()
        value = time.localtime(value)
    return "%04d%02d%02dT%02d:%02d:%02d" % value[:6]


class DateTime:
    """An XML-RPC dateTime.iso8601 value, kept as its text ("YYYYMMDDTHH:MM:SS").

    DateTime() is now; DateTime(seconds), DateTime(time tuple) and
    DateTime(datetime) convert; DateTime(str) keeps the text.
    """

    def __init__(self, value=0):
        self.value = value if isinstance(value, str) else _strftime(value)

    def make_comparable(self, other):
        if isinstance(other, DateTime):
            return self.value, other.value
        if isinstance(other, datetime):
            return self.value, _iso8601_format(other)
        if isinstance(other, str):
            return self.value, other
        if hasattr(other, "timetuple"):
            return self.timetuple(), other.timetuple()
        return self.value, NotImplemented

    def _compare(self, other, test):
        mine, theirs = self.make_comparable(other)
        if theirs is NotImplemented:
            return NotImplemented
        return test(mine, theirs)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    __hash__ = None

    def timetuple(self):
        return time.strptime(self.value, "%Y%m%dT%H:%M:%S")

    def __str__(self):
        return self.value

    def __repr__(self):
        return "<%s %r at %#x>" % (self.__class__.__name__, self.value, id(self))

    def decode(self, data):
        self.value = str(data).strip()

    def encode(self, out):
        out.write("<value><dateTime.iso8601>")
        out.write(self.value)
        out.write("</dateTime.iso8601></value>\n")


def _datetime(data):
    value = DateTime()
    value.decode(data)
    return value


def _datetime_type(data):
    return datetime.strptime(data, "%Y%m%dT%H:%M:%S")


class Binary:
    """Binary data, sent as base64."""

    def __init__(self, data=None):
        if data is None:
            data = b""
        else:
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError("expected bytes or bytearray, not %s"
                                % data.__class__.__name__)
            data = bytes(data)
        self.data = data

    def __str__(self):
        return str(self.data, "latin-1")

    def __eq__(self, other):
        if isinstance(other, Binary):
            other = other.data
        return self.data == other

    __hash__ = None

    def decode(self, data):
        self.data = base64.decodebytes(data)

    def encode(self, out):
        out.write("<value><base64>\n")
        out.write(base64.encodebytes(self.data).decode("ascii"))
        out.write("</base64></value>\n")


def _binary(data):
    value = Binary()
    value.decode(data)
    return value


WRAPPERS = (DateTime, Binary)


# --- parsing ------------------------------------------------------------------

class ExpatParser:
    """Feeds an Unmarshaller from Expat's callbacks."""

    def __init__(self, target):
        self._parser = parser = expat.ParserCreate(None, None)
        self._target = target
        parser.StartElementHandler = target.start
        parser.EndElementHandler = target.end
        parser.CharacterDataHandler = target.data
        target.xml(None, None)

    def feed(self, data):
        self._parser.Parse(data, False)

    def close(self):
        try:
            parser = self._parser
        except AttributeError:
            return
        del self._target, self._parser
        parser.Parse(b"", True)


class Unmarshaller:
    """Builds Python values from the element events of an XML-RPC document.

    close() returns the params as a tuple, or raises the Fault the document
    holds; getmethodname() returns the method name of a call.
    """

    def __init__(self, use_datetime=False, use_builtin_types=False):
        self._type = None
        self._stack = []
        self._marks = []
        self._data = []
        self._value = False
        self._methodname = None
        self._encoding = "utf-8"
        self.append = self._stack.append
        self._use_datetime = use_builtin_types or use_datetime
        self._use_bytes = use_builtin_types

    def close(self):
        if self._type is None or self._marks:
            raise ResponseError()
        if self._type == "fault":
            raise Fault(**self._stack[0])
        return tuple(self._stack)

    def getmethodname(self):
        return self._methodname

    def xml(self, encoding, standalone):
        self._encoding = encoding

    def start(self, tag, attrs):
        if ":" in tag:
            tag = tag.split(":")[-1]
        if tag in ("array", "struct"):
            self._marks.append(len(self._stack))
        self._data = []
        if self._value and tag not in self.dispatch:
            raise ResponseError("unknown tag %r" % tag)
        self._value = tag == "value"

    def data(self, text):
        self._data.append(text)

    def end(self, tag):
        return self.end_dispatch(tag, "".join(self._data))

    def end_dispatch(self, tag, data):
        handler = self.dispatch.get(tag)
        if handler is None:
            if ":" not in tag:
                return
            handler = self.dispatch.get(tag.split(":")[-1])
            if handler is None:
                return
        return handler(self, data)

    def _push(self, value):
        self.append(value)
        self._value = False

    def end_nil(self, data):
        self._push(None)

    def end_boolean(self, data):
        if data not in ("0", "1"):
            raise TypeError("bad boolean value")
        self._push(data == "1")

    def end_int(self, data):
        self._push(int(data))

    def end_double(self, data):
        self._push(float(data))

    def end_bigdecimal(self, data):
        self._push(Decimal(data))

    def end_string(self, data):
        self._push(data)

    def end_array(self, data):
        mark = self._marks.pop()
        self._stack[mark:] = [self._stack[mark:]]
        self._value = False

    def end_struct(self, data):
        mark = self._marks.pop()
        items = self._stack[mark:]
        self._stack[mark:] = [dict(zip(items[::2], items[1::2]))]
        self._value = False

    def end_base64(self, data):
        value = Binary()
        value.decode(data.encode("ascii"))
        self._push(value.data if self._use_bytes else value)

    def end_dateTime(self, data):
        self._push(_datetime_type(data) if self._use_datetime else _datetime(data))

    def end_value(self, data):
        # A <value> holding text and no type element is a string.
        if self._value:
            self.end_string(data)

    def end_params(self, data):
        self._type = "params"

    def end_fault(self, data):
        self._type = "fault"

    def end_methodName(self, data):
        self._methodname = data
        self._type = "methodName"

    dispatch = {
        "nil": end_nil, "boolean": end_boolean,
        "i1": end_int, "i2": end_int, "i4": end_int, "i8": end_int,
        "int": end_int, "biginteger": end_int,
        "double": end_double, "float": end_double,
        "bigdecimal": end_bigdecimal,
        "string": end_string, "name": end_string,
        "array": end_array, "struct": end_struct,
        "base64": end_base64, "dateTime.iso8601": end_dateTime,
        "value": end_value, "params": end_params, "fault": end_fault,
        "methodName": end_methodName,
    }


# --- marshalling --------------------------------------------------------------

class Marshaller:
    """Writes Python values as XML-RPC <params> (or a <fault>)."""

    def __init__(self, encoding=None, allow_none=False):
        self.memo = {}
        self.data = None
        self.encoding = encoding
        self.allow_none = allow_none

    def dumps(self, values):
        out = []
        write = out.append
        if isinstance(values, Fault):
            write("<fault>\n")
            self.__dump({"faultCode": values.faultCode,
                         "faultString": values.faultString}, write)
            write("</fault>\n")
        else:
            write("<params>\n")
            for value in values:
                write("<param>\n")
                self.__dump(value, write)
                write("</param>\n")
            write("</params>\n")
        return "".join(out)

    def __dump(self, value, write):
        handler = self.dispatch.get(type(value))
        if handler is None:
            # Subclasses of the basic types are refused; other objects with
            # attributes are sent as structs of them.
            if not hasattr(value, "__dict__"):
                raise TypeError("cannot marshal %s objects" % type(value))
            for base in type(value).__mro__:
                if base in self.dispatch:
                    raise TypeError("cannot marshal %s objects" % type(value))
            handler = self.dispatch["_arbitrary_instance"]
        handler(self, value, write)

    def dump_nil(self, value, write):
        if not self.allow_none:
            raise TypeError("cannot marshal None unless allow_none is enabled")
        write("<value><nil/></value>")

    def dump_bool(self, value, write):
        write("<value><boolean>%d</boolean></value>\n" % (1 if value else 0))

    def dump_long(self, value, write):
        if value > MAXINT or value < MININT:
            raise OverflowError("int exceeds XML-RPC limits")
        write("<value><int>%d</int></value>\n" % value)

    dump_int = dump_long

    def dump_double(self, value, write):
        write("<value><double>%r</double></value>\n" % value)

    def dump_unicode(self, value, write, escape=escape):
        write("<value><string>%s</string></value>\n" % escape(value))

    def dump_bytes(self, value, write):
        write("<value><base64>\n")
        write(base64.encodebytes(value).decode("ascii"))
        write("</base64></value>\n")

    def _enter(self, value, kind):
        key = id(value)
        if key in self.memo:
            raise TypeError("cannot marshal recursive %s" % kind)
        self.memo[key] = None
        return key

    def dump_array(self, value, write):
        key = self._enter(value, "sequences")
        write("<value><array><data>\n")
        for item in value:
            self.__dump(item, write)
        write("</data></array></value>\n")
        del self.memo[key]

    def dump_struct(self, value, write, escape=escape):
        key = self._enter(value, "dictionaries")
        write("<value><struct>\n")
        for name, item in value.items():
            write("<member>\n")
            if not isinstance(name, str):
                raise TypeError("dictionary key must be string")
            write("<name>%s</name>\n" % escape(name))
            self.__dump(item, write)
            write("</member>\n")
        write("</struct></value>\n")
        del self.memo[key]

    def dump_datetime(self, value, write):
        write("<value><dateTime.iso8601>%s</dateTime.iso8601></value>\n"
              % _strftime(value))

    def dump_instance(self, value, write):
        if value.__class__ in WRAPPERS:
            self.write = write
            value.encode(self)
            del self.write
        else:
            self.dump_struct(value.__dict__, write)

    dispatch = {
        type(None): dump_nil, bool: dump_bool, int: dump_long,
        float: dump_double, str: dump_unicode,
        bytes: dump_bytes, bytearray: dump_bytes,
        tuple: dump_array, list: dump_array, dict: dump_struct,
        datetime: dump_datetime, DateTime: dump_instance,
        Binary: dump_instance, "_arbitrary_instance": dump_instance,
    }


# --- convenience functions ----------------------------------------------------

def getparser(use_datetime=False, use_builtin_types=False):
    """(parser, unmarshaller): feed the parser, then close both."""
    target = Unmarshaller(use_datetime=use_datetime,
                          use_builtin_types=use_builtin_types)
    return ExpatParser(target), target


def dumps(params, methodname=None, methodresponse=None, encoding=None,
          allow_none=False):
    """params (a tuple, or a Fault) as an XML-RPC request, response or
    bare <params> fragment."""
    assert isinstance(params, (tuple, Fault)), "argument must be tuple or Fault instance"
    if isinstance(params, Fault):
        methodresponse = 1
    elif methodresponse and isinstance(params, tuple):
        assert len(params) == 1, "response tuple must be a singleton"
    encoding = encoding or "utf-8"
    body = Marshaller(encoding, allow_none).dumps(params)
    if encoding != "utf-8":
        header = "<?xml version='1.0' encoding='%s'?>\n" % str(encoding)
    else:
        header = "<?xml version='1.0'?>\n"
    if methodname:
        return "".join((header, "<methodCall>\n<methodName>", methodname,
                        "</methodName>\n", body, "</methodCall>\n"))
    if methodresponse:
        return "".join((header, "<methodResponse>\n", body, "</methodResponse>\n"))
    return body


def loads(data, use_datetime=False, use_builtin_types=False):
    """(params, method name or None) from an XML-RPC document; a fault raises."""
    parser, unmarshaller = getparser(use_datetime=use_datetime,
                                     use_builtin_types=use_builtin_types)
    parser.feed(data)
    parser.close()
    return unmarshaller.close(), unmarshaller.getmethodname()


def gzip_encode(data):
    """data compressed with gzip (level 1: requests are small and latency matters)."""
    if not gzip:
        raise NotImplementedError
    buffer = BytesIO()
    with gzip.GzipFile(mode="wb", fileobj=buffer, compresslevel=1) as stream:
        stream.write(data)
    return buffer.getvalue()


def gzip_decode(data, max_decode=20971520):
    """gzip-compressed data decompressed; ValueError past max_decode bytes
    (a negative limit means none), which guards against gzip bombs."""
    if not gzip:
        raise NotImplementedError
    with gzip.GzipFile(mode="rb", fileobj=BytesIO(data)) as stream:
        try:
            decoded = stream.read() if max_decode < 0 else stream.read(max_decode + 1)
        except OSError:
            raise ValueError("invalid data")
    if max_decode >= 0 and len(decoded) > max_decode:
        raise ValueError("max gzipped payload length exceeded")
    return decoded


if gzip:
    class GzipDecodedResponse(gzip.GzipFile):
        """A gzip-encoded HTTP response read as its decoded bytes."""

        def __init__(self, response):
            self.io = BytesIO(response.read())
            gzip.GzipFile.__init__(self, mode="rb", fileobj=self.io)

        def close(self):
            try:
                gzip.GzipFile.close(self)
            finally:
                self.io.close()


# --- multicall ----------------------------------------------------------------

class _MultiCallMethod:

    def __init__(self, call_list, name):
        self.__call_list = call_list
        self.__name = name

    def __getattr__(self, name):
        return _MultiCallMethod(self.__call_list, "%s.%s" % (self.__name, name))

    def __call__(self, *args):
        self.__call_list.append((self.__name, args))


class MultiCallIterator:
    """The results of a multicall: each item a value, or a raised Fault."""

    def __init__(self, results):
        self.results = results

    def __getitem__(self, index):
        item = self.results[index]
        if type(item) is dict:
            raise Fault(item["faultCode"], item["faultString"])
        if type(item) is list:
            return item[0]
        raise ValueError("unexpected type in multicall result")


class MultiCall:
    """Collects calls and sends them in one system.multicall request.

        multicall = MultiCall(proxy)
        multicall.add(1, 2); multicall.pow(2, 9)
        add_result, pow_result = multicall()
    """

    def __init__(self, server):
        self.__server = server
        self.__call_list = []

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __getattr__(self, name):
        return _MultiCallMethod(self.__call_list, name)

    def __call__(self):
        calls = [{"methodName": name, "params": args}
                 for name, args in self.__call_list]
        return MultiCallIterator(self.__server.system.multicall(calls))


# --- transports ---------------------------------------------------------------

class _Method:
    # proxy.a.b(1) calls send("a.b", (1,)).

    def __init__(self, send, name):
        self.__send = send
        self.__name = name

    def __getattr__(self, name):
        return _Method(self.__send, "%s.%s" % (self.__name, name))

    def __call__(self, *args):
        return self.__send(self.__name, args)


class Transport:
    """Sends requests over HTTP, keeping one connection alive."""

    user_agent = "Python-xmlrpc/%s" % __version__
    accept_gzip_encoding = True
    # Requests longer than this are gzip-compressed; None never compresses.
    encode_threshold = None

    def __init__(self, use_datetime=False, use_builtin_types=False, *, headers=()):
        self._use_datetime = use_datetime
        self._use_builtin_types = use_builtin_types
        self._connection = (None, None)
        self._headers = list(headers)
        self._extra_headers = []

    def request(self, host, handler, request_body, verbose=False):
        """Send a request; one retry when the kept-alive connection was closed."""
        for attempt in (0, 1):
            try:
                return self.single_request(host, handler, request_body, verbose)
            except http.client.RemoteDisconnected:
                if attempt:
                    raise
            except OSError as exc:
                if attempt or exc.errno not in (errno.ECONNRESET,
                                                errno.ECONNABORTED, errno.EPIPE):
                    raise

    def single_request(self, host, handler, request_body, verbose=False):
        try:
            connection = self.send_request(host, handler, request_body, verbose)
            response = connection.getresponse()
            if response.status == 200:
                self.verbose = verbose
                return self.parse_response(response)
        except Fault:
            raise
        except Exception:
            # The connection's state is unknown: start afresh next time.
            self.close()
            raise
        if response.getheader("content-length", ""):
            response.read()
        raise ProtocolError(host + handler, response.status, response.reason,
                            dict(response.getheaders()))

    def getparser(self):
        return getparser(self._use_datetime, self._use_builtin_types)

    def get_host_info(self, host):
        """(host, extra headers, x509 dict) from "user:pw@host" or (host, x509)."""
        x509 = {}
        if isinstance(host, tuple):
            host, x509 = host
        auth, host = urllib.parse._splituser(host)
        extra_headers = []
        if auth:
            token = base64.b64encode(urllib.parse.unquote_to_bytes(auth))
            extra_headers = [("Authorization", "Basic " + token.decode("ascii"))]
        return host, extra_headers, x509

    def make_connection(self, host):
        if self._connection and host == self._connection[0]:
            return self._connection[1]
        connection_host, self._extra_headers, _ = self.get_host_info(host)
        self._connection = host, http.client.HTTPConnection(connection_host)
        return self._connection[1]

    def close(self):
        host, connection = self._connection
        if connection:
            self._connection = (None, None)
            connection.close()

    def send_request(self, host, handler, request_body, debug):
        connection = self.make_connection(host)
        headers = self._headers + self._extra_headers
        if debug:
            connection.set_debuglevel(1)
        if self.accept_gzip_encoding and gzip:
            connection.putrequest("POST", handler, skip_accept_encoding=True)
            headers.append(("Accept-Encoding", "gzip"))
        else:
            connection.putrequest("POST", handler)
        headers.append(("Content-Type", "text/xml"))
        headers.append(("User-Agent", self.user_agent))
        self.send_headers(connection, headers)
        self.send_content(connection, request_body)
        return connection

    def send_headers(self, connection, headers):
        for name, value in headers:
            connection.putheader(name, value)

    def send_content(self, connection, request_body):
        if (self.encode_threshold is not None and gzip
                and self.encode_threshold < len(request_body)):
            connection.putheader("Content-Encoding", "gzip")
            request_body = gzip_encode(request_body)
        connection.putheader("Content-Length", str(len(request_body)))
        connection.endheaders(request_body)

    def parse_response(self, response):
        if (hasattr(response, "getheader")
                and response.getheader("Content-Encoding", "") == "gzip"):
            stream = GzipDecodedResponse(response)
        else:
            stream = response
        parser, unmarshaller = self.getparser()
        while data := stream.read(1024):
            if self.verbose:
                print("body:", repr(data))
            parser.feed(data)
        if stream is not response:
            stream.close()
        parser.close()
        return unmarshaller.close()


class SafeTransport(Transport):
    """Sends requests over HTTPS."""

    def __init__(self, use_datetime=False, use_builtin_types=False, *,
                 headers=(), context=None):
        super().__init__(use_datetime=use_datetime,
                         use_builtin_types=use_builtin_types, headers=headers)
        self.context = context

    def make_connection(self, host):
        if self._connection and host == self._connection[0]:
            return self._connection[1]
        if not hasattr(http.client, "HTTPSConnection"):
            raise NotImplementedError(
                "your version of http.client doesn't support HTTPS")
        connection_host, self._extra_headers, _ = self.get_host_info(host)
        self._connection = host, http.client.HTTPSConnection(
            connection_host, None, context=self.context)
        return self._connection[1]


class ServerProxy:
    """A remote XML-RPC server: proxy.method(*args) calls it.

    proxy("close")() closes the connection; proxy("transport") is the
    Transport.  Usable as a context manager.
    """

    def __init__(self, uri, transport=None, encoding=None, verbose=False,
                 allow_none=False, use_datetime=False, use_builtin_types=False,
                 *, headers=(), context=None):
        parts = urllib.parse.urlsplit(uri)
        if parts.scheme not in ("http", "https"):
            raise OSError("unsupported XML-RPC protocol")
        self.__host = parts.netloc
        self.__handler = urllib.parse.urlunsplit(["", "", *parts[2:]]) or "/RPC2"
        if transport is None:
            if parts.scheme == "https":
                transport = SafeTransport(use_datetime=use_datetime,
                                          use_builtin_types=use_builtin_types,
                                          headers=headers, context=context)
            else:
                transport = Transport(use_datetime=use_datetime,
                                      use_builtin_types=use_builtin_types,
                                      headers=headers)
        self.__transport = transport
        self.__encoding = encoding or "utf-8"
        self.__verbose = verbose
        self.__allow_none = allow_none

    def __close(self):
        self.__transport.close()

    def __request(self, methodname, params):
        request = dumps(params, methodname, encoding=self.__encoding,
                        allow_none=self.__allow_none)
        request = request.encode(self.__encoding, "xmlcharrefreplace")
        response = self.__transport.request(self.__host, self.__handler,
                                            request, verbose=self.__verbose)
        if len(response) == 1:
            response = response[0]
        return response

    def __repr__(self):
        return "<%s for %s%s>" % (self.__class__.__name__, self.__host,
                                  self.__handler)

    def __getattr__(self, name):
        return _Method(self.__request, name)

    def __call__(self, attr):
        if attr == "close":
            return self.__close
        if attr == "transport":
            return self.__transport
        raise AttributeError("Attribute %r not found" % (attr,))

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.__close()


Server = ServerProxy


if __name__ == "__main__":
    with ServerProxy("http://localhost:8000") as proxy:
        try:
            print(proxy.currentTime.getCurrentTime())
        except Error as exc:
            print("ERROR", exc)
        multicall = MultiCall(proxy)
        multicall.getData()
        multicall.pow(2, 9)
        multicall.add(1, 2)
        try:
            for result in multicall():
                print(result)
        except Error as exc:
            print("ERROR", exc)
