"""xmlrpc.client marshalling and a round trip through xmlrpc.server."""

import datetime
import http.client
import threading
import unittest
import xmlrpc.client as xmlrpclib
from xmlrpc.server import (DocXMLRPCServer, MultiPathXMLRPCServer,
                           SimpleXMLRPCDispatcher, SimpleXMLRPCRequestHandler,
                           SimpleXMLRPCServer, resolve_dotted_attribute)

try:
    import pyexpat  # noqa: F401
except ImportError:
    pyexpat = None


@unittest.skipIf(pyexpat is None, "xmlrpc needs pyexpat (Expat)")
class MarshallingTest(unittest.TestCase):

    def roundtrip(self, value, **options):
        text = xmlrpclib.dumps((value,), methodresponse=True, allow_none=True)
        (result,), method = xmlrpclib.loads(text, **options)
        self.assertIsNone(method)
        return result

    def test_basic_types(self):
        value = {"int": 7, "neg": -2**31, "float": 1.5, "true": True,
                 "false": False, "str": "a<b&c>", "list": [1, "two", [3.0]],
                 "none": None, "nested": {"k": ()}}
        expected = dict(value, nested={"k": []})
        self.assertEqual(self.roundtrip(value), expected)

    def test_exact_document(self):
        text = xmlrpclib.dumps((1, "x", True), "demo.call")
        self.assertEqual(text,
                         "<?xml version='1.0'?>\n<methodCall>\n"
                         "<methodName>demo.call</methodName>\n<params>\n"
                         "<param>\n<value><int>1</int></value>\n</param>\n"
                         "<param>\n<value><string>x</string></value>\n</param>\n"
                         "<param>\n<value><boolean>1</boolean></value>\n</param>\n"
                         "</params>\n</methodCall>\n")
        self.assertEqual(xmlrpclib.loads(text), ((1, "x", True), "demo.call"))
        latin = xmlrpclib.dumps((), "m", encoding="iso-8859-1")
        self.assertTrue(latin.startswith(
            "<?xml version='1.0' encoding='iso-8859-1'?>\n"))

    def test_refusals(self):
        with self.assertRaisesRegex(TypeError, "allow_none"):
            xmlrpclib.dumps((None,))
        with self.assertRaisesRegex(OverflowError, "int exceeds XML-RPC limits"):
            xmlrpclib.dumps((2**31,))
        recursive = []
        recursive.append(recursive)
        with self.assertRaisesRegex(TypeError, "recursive sequences"):
            xmlrpclib.dumps((recursive,))
        with self.assertRaisesRegex(TypeError, "dictionary key must be string"):
            xmlrpclib.dumps(({1: 2},))

        class MyInt(int):
            pass
        with self.assertRaisesRegex(TypeError, "cannot marshal"):
            xmlrpclib.dumps((MyInt(3),))
        with self.assertRaises(AssertionError):
            xmlrpclib.dumps([1])

    def test_arbitrary_instance_is_struct(self):
        class Point:
            def __init__(self):
                self.x, self.y = 1, 2
        self.assertEqual(self.roundtrip(Point()), {"x": 1, "y": 2})

    def test_binary_and_bytes(self):
        result = self.roundtrip(b"\x00\xffdata")
        self.assertIsInstance(result, xmlrpclib.Binary)
        self.assertEqual(result.data, b"\x00\xffdata")
        self.assertEqual(result, b"\x00\xffdata")
        self.assertEqual(self.roundtrip(b"abc", use_builtin_types=True), b"abc")
        with self.assertRaises(TypeError):
            xmlrpclib.Binary("text")

    def test_datetime(self):
        moment = datetime.datetime(2005, 2, 10, 11, 41, 23)
        result = self.roundtrip(moment)
        self.assertIsInstance(result, xmlrpclib.DateTime)
        self.assertEqual(str(result), "20050210T11:41:23")
        self.assertEqual(result, moment)
        self.assertEqual(result, "20050210T11:41:23")
        self.assertLess(result, xmlrpclib.DateTime("20050210T11:41:24"))
        self.assertEqual(self.roundtrip(moment, use_datetime=True), moment)
        self.assertEqual(tuple(result.timetuple())[:6], (2005, 2, 10, 11, 41, 23))
        early = datetime.datetime(5, 1, 1)
        self.assertEqual(str(xmlrpclib.DateTime(early)), "00050101T00:00:00")

    def test_extension_types_and_untyped_value(self):
        text = ("<?xml version='1.0'?><methodResponse><params>"
                "<param><value>plain</value></param>"
                "<param><value><i8>12345678901</i8></value></param>"
                "<param><value><ex:nil xmlns:ex='http://ws.apache.org/xmlrpc/"
                "namespaces/extensions'/></value></param>"
                "<param><value><bigdecimal>1.25</bigdecimal></value></param>"
                "</params></methodResponse>")
        (plain, big, nothing, decimal), _ = xmlrpclib.loads(text)
        self.assertEqual((plain, big, nothing, str(decimal)),
                         ("plain", 12345678901, None, "1.25"))

    def test_fault(self):
        text = xmlrpclib.dumps(xmlrpclib.Fault(4, "Too many parameters."))
        with self.assertRaises(xmlrpclib.Fault) as caught:
            xmlrpclib.loads(text)
        self.assertEqual(caught.exception.faultCode, 4)
        self.assertEqual(repr(caught.exception),
                         "<Fault 4: 'Too many parameters.'>")

    def test_gzip_helpers(self):
        data = b"x" * 5000
        self.assertEqual(xmlrpclib.gzip_decode(xmlrpclib.gzip_encode(data)), data)
        with self.assertRaisesRegex(ValueError, "max gzipped payload"):
            xmlrpclib.gzip_decode(xmlrpclib.gzip_encode(data), max_decode=100)
        with self.assertRaisesRegex(ValueError, "invalid data"):
            xmlrpclib.gzip_decode(b"not gzip")

    def test_protocol_error_repr(self):
        error = xmlrpclib.ProtocolError("host/RPC2", 404, "Not Found", {})
        self.assertEqual(repr(error), "<ProtocolError for host/RPC2: 404 Not Found>")


class Service:
    def echo(self, value):
        return value

    class nested:
        @staticmethod
        def depth():
            return 2


class QuietHandler(SimpleXMLRPCRequestHandler):

    def log_message(self, format, *args):
        pass


@unittest.skipIf(pyexpat is None, "xmlrpc needs pyexpat (Expat)")
class ServerTest(unittest.TestCase):

    def setUp(self):
        self.server = SimpleXMLRPCServer(("127.0.0.1", 0), QuietHandler,
                                         allow_none=True)
        self.server.register_function(pow)
        self.server.register_function(lambda a, b: a + b, "add")

        @self.server.register_function(name="fail")
        def fail():
            raise ValueError("no good")

        self.server.register_instance(Service(), allow_dotted_names=True)
        self.server.register_introspection_functions()
        self.server.register_multicall_functions()
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05})
        self.thread.start()
        self.url = "http://127.0.0.1:%d/" % self.server.server_address[1]

    def tearDown(self):
        self.server.shutdown()
        self.thread.join(5)
        self.server.server_close()

    def test_calls(self):
        with xmlrpclib.ServerProxy(self.url, allow_none=True) as proxy:
            self.assertEqual(proxy.pow(2, 10), 1024)
            self.assertEqual(proxy.add("a", "b"), "ab")
            self.assertEqual(proxy.echo({"k": [1, None]}), {"k": [1, None]})
            self.assertEqual(proxy.nested.depth(), 2)
            self.assertIn("pow", proxy.system.listMethods())
            self.assertIn("echo", proxy.system.listMethods())

    def test_faults(self):
        with xmlrpclib.ServerProxy(self.url) as proxy:
            with self.assertRaises(xmlrpclib.Fault) as caught:
                proxy.fail()
            self.assertEqual(caught.exception.faultCode, 1)
            self.assertEqual(caught.exception.faultString,
                             "<class 'ValueError'>:no good")
            with self.assertRaises(xmlrpclib.Fault) as caught:
                proxy.missing()
            self.assertIn('method "missing" is not supported',
                          caught.exception.faultString)
            with self.assertRaises(xmlrpclib.Fault):
                proxy._private()

    def test_multicall(self):
        with xmlrpclib.ServerProxy(self.url) as proxy:
            multi = xmlrpclib.MultiCall(proxy)
            multi.pow(3, 2)
            multi.fail()
            multi.add(1, 2)
            results = multi()
            self.assertEqual(results[0], 9)
            with self.assertRaises(xmlrpclib.Fault):
                results[1]
            self.assertEqual(results[2], 3)

    def test_bad_path_is_protocol_error(self):
        proxy = xmlrpclib.ServerProxy(self.url + "elsewhere")
        with self.assertRaises(xmlrpclib.ProtocolError) as caught:
            proxy.pow(1, 1)
        self.assertEqual(caught.exception.errcode, 404)
        proxy("close")()

    def test_gzip_request(self):
        transport = xmlrpclib.Transport()
        transport.encode_threshold = 10
        with xmlrpclib.ServerProxy(self.url, transport=transport) as proxy:
            self.assertEqual(proxy.echo("y" * 3000), "y" * 3000)

    def test_unsupported_scheme(self):
        with self.assertRaisesRegex(OSError, "unsupported XML-RPC protocol"):
            xmlrpclib.ServerProxy("ftp://example.com/")


@unittest.skipIf(pyexpat is None, "xmlrpc needs pyexpat (Expat)")
class DispatcherTest(unittest.TestCase):

    def test_marshaled_dispatch_and_help(self):
        dispatcher = SimpleXMLRPCDispatcher()

        def documented(x):
            """Doubles x."""
            return 2 * x
        dispatcher.register_function(documented)
        dispatcher.register_introspection_functions()
        request = xmlrpclib.dumps((21,), "documented")
        (answer,), _ = xmlrpclib.loads(dispatcher._marshaled_dispatch(request))
        self.assertEqual(answer, 42)
        self.assertEqual(dispatcher.system_methodHelp("documented"), "Doubles x.")
        self.assertEqual(dispatcher.system_methodHelp("absent"), "")

    def test_resolve_dotted_attribute(self):
        self.assertEqual(resolve_dotted_attribute(Service(), "nested.depth")(), 2)
        with self.assertRaisesRegex(AttributeError, "private attribute"):
            resolve_dotted_attribute(Service(), "__class__")


@unittest.skipIf(pyexpat is None, "xmlrpc needs pyexpat (Expat)")
class DocServerTest(unittest.TestCase):

    def test_documentation_page(self):
        server = DocXMLRPCServer(("127.0.0.1", 0), logRequests=False)
        try:
            def add(a, b):
                """Adds a and b, see RFC 1014."""
                return a + b
            server.register_function(add)
            server.set_server_title("Calc <docs>")
            server.set_server_name("Calculator")
            thread = threading.Thread(target=server.handle_request)
            thread.start()
            connection = http.client.HTTPConnection(*server.server_address)
            connection.request("GET", "/")
            response = connection.getresponse()
            page = response.read().decode()
            connection.close()
            thread.join(5)
        finally:
            server.server_close()
        self.assertEqual(response.status, 200)
        self.assertIn("<title>Python: Calc &lt;docs&gt;</title>", page)
        self.assertIn("<h1>Calculator</h1>", page)
        self.assertIn("<strong>add</strong></a>(a, b)", page)
        self.assertIn("rfc1014.txt", page)


class MultiPathTest(unittest.TestCase):

    @unittest.skipIf(pyexpat is None, "xmlrpc needs pyexpat (Expat)")
    def test_dispatch_by_path(self):
        server = MultiPathXMLRPCServer(("127.0.0.1", 0), logRequests=False)
        try:
            first = server.add_dispatcher("/a", SimpleXMLRPCDispatcher())
            first.register_function(lambda: "A", "which")
            request = xmlrpclib.dumps((), "which")
            (answer,), _ = xmlrpclib.loads(server._marshaled_dispatch(request, None, "/a"))
            self.assertEqual(answer, "A")
            with self.assertRaises(xmlrpclib.Fault):
                xmlrpclib.loads(server._marshaled_dispatch(request, None, "/b"))
        finally:
            server.server_close()


if __name__ == "__main__":
    unittest.main()
