"""xmlrpc.server with xmlrpc.client over the loopback interface."""

import http.client
import threading
import unittest
import xmlrpc.client as xc
import xmlrpc.server as xs


class Service:
    def mul(self, a, b):
        """Multiply a by b."""
        return a * b

    def _private(self):
        return 1

    class sub:
        @staticmethod
        def hello():
            return 'hi'


def add(a, b):
    """Add two things. See RFC 1234."""
    return a + b


def boom():
    raise ValueError('bad thing')


def fault():
    raise xc.Fault(42, 'the answer')


class ServerTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        server = xs.DocXMLRPCServer(('127.0.0.1', 0), logRequests=False,
                                    allow_none=True)
        server.register_introspection_functions()
        server.register_multicall_functions()
        server.register_function(name='add')(add)
        server.register_function(boom)
        server.register_function(fault)
        server.register_function(lambda: None, 'nothing')
        server.register_instance(Service(), allow_dotted_names=True)
        server.set_server_name('My <Server>')
        cls.server = server
        cls.port = server.server_address[1]
        cls.url = f'http://127.0.0.1:{cls.port}/'
        cls.thread = threading.Thread(target=server.serve_forever)
        cls.thread.start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.thread.join()
        cls.server.server_close()

    def test_calls(self):
        with xc.ServerProxy(self.url, allow_none=True) as p:
            self.assertEqual(p.add(2, 3), 5)
            self.assertEqual(p.add('a', 'b'), 'ab')
            self.assertEqual(p.mul(6, 7), 42)
            self.assertEqual(p.sub.hello(), 'hi')
            self.assertIsNone(p.nothing())
            self.assertEqual(len(p.add('x' * 3000, 'yz')), 3002)   # gzip

    def test_introspection(self):
        with xc.ServerProxy(self.url) as p:
            self.assertEqual(p.system.listMethods(),
                             ['add', 'boom', 'fault', 'mul', 'nothing', 'sub',
                              'system.listMethods', 'system.methodHelp',
                              'system.methodSignature', 'system.multicall'])
            self.assertEqual(p.system.methodHelp('add'),
                             'Add two things. See RFC 1234.')
            self.assertEqual(p.system.methodHelp('mul'), 'Multiply a by b.')
            self.assertEqual(p.system.methodSignature('add'),
                             'signatures not supported')

    def test_faults(self):
        with xc.ServerProxy(self.url) as p:
            cases = [(p.boom, 1, "<class 'ValueError'>:bad thing"),
                     (p.fault, 42, 'the answer'),
                     (p._private, 1, "<class 'Exception'>:method "
                                     '"_private" is not supported'),
                     (p.nosuch, 1, "<class 'Exception'>:method "
                                   '"nosuch" is not supported')]
            for call, code, text in cases:
                with self.assertRaises(xc.Fault) as cm:
                    call()
                self.assertEqual((cm.exception.faultCode,
                                  cm.exception.faultString), (code, text))

    def test_multicall(self):
        with xc.ServerProxy(self.url) as p:
            mc = xc.MultiCall(p)
            mc.add(1, 2)
            mc.mul(2, 5)
            mc.fault()
            mc.sub.hello()
            results = mc()
            self.assertEqual((results[0], results[1], results[3]),
                             (3, 10, 'hi'))
            with self.assertRaises(xc.Fault):
                results[2]

    def test_http(self):
        c = http.client.HTTPConnection('127.0.0.1', self.port)
        try:
            c.request('GET', '/')
            r = c.getresponse()
            body = r.read().decode()
            self.assertEqual(r.status, 200)
            self.assertEqual(r.getheader('Content-type'),
                             'text/html; charset=UTF-8')
            self.assertIn('My &lt;Server&gt;', body)
            self.assertIn('Multiply&nbsp;a&nbsp;by&nbsp;b.', body)
            self.assertIn('rfc1234', body)
            c.request('GET', '/nope')
            r = c.getresponse()
            self.assertEqual((r.status, r.read()), (404, b'No such page'))
            c.request('POST', '/RPC2', body=b'<methodCall>garbage')
            r = c.getresponse()
            self.assertEqual(r.status, 200)
            self.assertIn(b'faultCode', r.read())
        finally:
            c.close()
        with self.assertRaises(xc.ProtocolError) as cm:
            xc.ServerProxy(self.url + 'nope').add(1, 2)
        self.assertEqual(cm.exception.errcode, 404)


class Dispatcher(unittest.TestCase):

    def test_marshaled_dispatch(self):
        d = xs.SimpleXMLRPCDispatcher()
        d.register_function(pow)
        response = d._marshaled_dispatch(xc.dumps((2, 10), 'pow').encode())
        self.assertEqual(xc.loads(response), ((1024,), None))
        response = d._marshaled_dispatch(xc.dumps((), 'nope').encode())
        with self.assertRaises(xc.Fault):
            xc.loads(response)

    def test_helpers(self):
        self.assertEqual(xs.resolve_dotted_attribute(Service(),
                                                     'sub.hello')(), 'hi')
        self.assertEqual(xs.list_public_methods(Service()), ['mul', 'sub'])
        with self.assertRaisesRegex(AttributeError, 'private attribute'):
            xs.resolve_dotted_attribute(Service(), '_private')
        with self.assertRaises(AttributeError):
            xs.resolve_dotted_attribute(Service(), 'sub.hello', False)

    def test_multipath(self):
        server = xs.MultiPathXMLRPCServer(('127.0.0.1', 0),
                                          logRequests=False)
        try:
            d = server.add_dispatcher('/a', xs.SimpleXMLRPCDispatcher())
            d.register_function(len)
            self.assertIs(server.get_dispatcher('/a'), d)
            response = server._marshaled_dispatch(
                xc.dumps(('abc',), 'len').encode(), path='/a')
            self.assertEqual(xc.loads(response)[0], (3,))
            response = server._marshaled_dispatch(b'x', path='/missing')
            with self.assertRaises(xc.Fault):
                xc.loads(response)
        finally:
            server.server_close()


if __name__ == '__main__':
    unittest.main()
