"""The ssl module over loopback connections: handshakes, echo, host name
and chain verification failures (with CPython's messages), client
certificates, ALPN, SNI, MemoryBIO, non-blocking and timed-out sockets,
keys with passwords, trust stores and the certificate helpers.

The certificates are Tests/data/ssl (a test CA, a server certificate for
localhost and 127.0.0.1, one for other.test, a client certificate and a
self-signed one); nothing here touches the network."""

import os
import socket
import ssl
import tempfile
import threading
import time
import unittest

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                    "data", "ssl")


def data(name):
    return os.path.join(DATA, name)


def server_context(cert="server"):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(data(cert + ".pem"), data(cert + ".key"))
    return context


def client_context():
    return ssl.create_default_context(cafile=data("ca.pem"))


class LoopbackServer:
    """Accepts one connection in a thread, wraps it with context and runs
    handler(sslsocket); the handler's result or exception is kept."""

    def __init__(self, context, handler=None):
        self.context = context
        self.handler = handler or self.echo
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.result = None
        self.error = None
        self.thread = threading.Thread(target=self._serve)

    @staticmethod
    def echo(conn):
        data = conn.recv(1024)
        conn.sendall(data.upper())
        return data

    def _serve(self):
        try:
            conn, _ = self.listener.accept()
            conn.settimeout(10)
            with self.context.wrap_socket(conn, server_side=True) as tls:
                self.result = self.handler(tls)
        except Exception as exc:
            self.error = exc
        finally:
            self.listener.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.thread.join(20)

    def connect(self, context, hostname="localhost"):
        raw = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        try:
            return context.wrap_socket(raw, server_hostname=hostname)
        except BaseException:
            raw.close()
            raise


class ModuleTests(unittest.TestCase):

    def test_enums_replace_the_constants(self):
        self.assertIs(ssl.CERT_REQUIRED, ssl.VerifyMode.CERT_REQUIRED)
        self.assertEqual(ssl.CERT_REQUIRED, 2)
        self.assertIs(ssl.PROTOCOL_TLS_CLIENT, ssl._SSLMethod.PROTOCOL_TLS_CLIENT)
        self.assertEqual(ssl.PROTOCOL_TLS_SERVER, 17)
        self.assertIsInstance(ssl.OP_NO_COMPRESSION, ssl.Options)
        self.assertEqual(ssl.TLSVersion.TLSv1_3, 0x304)
        self.assertEqual(ssl.AlertDescription.ALERT_DESCRIPTION_UNKNOWN_CA, 48)
        self.assertEqual(ssl.SSLErrorNumber.SSL_ERROR_WANT_READ, 2)
        self.assertEqual(ssl.VERIFY_X509_STRICT, 0x20)

    def test_exception_hierarchy(self):
        self.assertTrue(issubclass(ssl.SSLError, OSError))
        for name in ("SSLZeroReturnError", "SSLWantReadError",
                     "SSLWantWriteError", "SSLSyscallError", "SSLEOFError",
                     "SSLCertVerificationError"):
            self.assertTrue(issubclass(getattr(ssl, name), ssl.SSLError))
        self.assertTrue(issubclass(ssl.SSLCertVerificationError, ValueError))
        self.assertIs(ssl.CertificateError, ssl.SSLCertVerificationError)
        self.assertEqual(str(ssl.SSLError(1, "a message")), "a message")

    def test_version_and_flags(self):
        self.assertTrue(ssl.OPENSSL_VERSION.startswith("OpenSSL"))
        self.assertEqual(len(ssl.OPENSSL_VERSION_INFO), 5)
        self.assertGreaterEqual(ssl.OPENSSL_VERSION_NUMBER, 0x10101000)
        self.assertTrue(ssl.HAS_SNI and ssl.HAS_ALPN and ssl.HAS_TLSv1_3)
        self.assertFalse(ssl.HAS_SSLv2)

    def test_rand(self):
        self.assertEqual(len(ssl.RAND_bytes(16)), 16)
        self.assertNotEqual(ssl.RAND_bytes(16), ssl.RAND_bytes(16))
        self.assertTrue(ssl.RAND_status())
        ssl.RAND_add(b"extra", 0.0)
        ssl.RAND_add("text", 1.5)
        with self.assertRaisesRegex(ValueError, "num must be positive"):
            ssl.RAND_bytes(-1)

    def test_asn1_objects(self):
        self.assertEqual(ssl.Purpose.SERVER_AUTH.oid, "1.3.6.1.5.5.7.3.1")
        self.assertEqual(ssl.Purpose.SERVER_AUTH.shortname, "serverAuth")
        self.assertEqual(ssl._ASN1Object.fromnid(13),
                         (13, "CN", "commonName", "2.5.4.3"))
        self.assertEqual(ssl._ASN1Object.fromname("commonName").nid, 13)
        with self.assertRaisesRegex(ValueError, "unknown object 'nope'"):
            ssl._ASN1Object.fromname("nope")
        with self.assertRaisesRegex(ValueError, "NID must be positive"):
            ssl._ASN1Object.fromnid(-5)

    def test_cert_time_to_seconds(self):
        self.assertEqual(ssl.cert_time_to_seconds("Jan  5 09:34:43 2018 GMT"),
                         1515144883)
        self.assertEqual(ssl.cert_time_to_seconds("May 9 00:00:00 2007 GMT"),
                         1178668800)
        with self.assertRaises(ValueError):
            ssl.cert_time_to_seconds("Foo  5 09:34:43 2018 GMT")
        with self.assertRaises(ValueError):
            ssl.cert_time_to_seconds("Jan  5 09:34:43 2018")

    def test_pem_der_round_trip(self):
        with open(data("ca.pem")) as f:
            pem = f.read()
        der = ssl.PEM_cert_to_DER_cert(pem)
        self.assertEqual(der[0], 0x30)
        self.assertEqual(ssl.DER_cert_to_PEM_cert(der), pem)
        with self.assertRaisesRegex(ValueError, "must start with"):
            ssl.PEM_cert_to_DER_cert("junk")
        with self.assertRaisesRegex(ValueError, "must end with"):
            ssl.PEM_cert_to_DER_cert(ssl.PEM_HEADER + "\nAAAA\n")

    def test_decode_cert(self):
        cert = ssl._ssl._test_decode_cert(data("server.pem"))
        self.assertEqual(cert["subject"], ((("countryName", "XY"),),
                                           (("organizationName", "Weft Test"),),
                                           (("commonName", "localhost"),)))
        self.assertEqual(cert["issuer"][-1], (("commonName", "Weft Test CA"),))
        self.assertEqual(cert["subjectAltName"],
                         (("DNS", "localhost"), ("IP Address", "127.0.0.1")))
        self.assertEqual(cert["serialNumber"], "02")
        self.assertEqual(cert["version"], 3)
        self.assertTrue(cert["notAfter"].endswith("2125 GMT"))
        self.assertGreater(ssl.cert_time_to_seconds(cert["notAfter"]),
                           ssl.cert_time_to_seconds(cert["notBefore"]))
        client = ssl._ssl._test_decode_cert(data("client.pem"))
        self.assertEqual(client["subjectAltName"],
                         (("email", "client@weft.test"),))

    def test_default_verify_paths(self):
        paths = ssl.get_default_verify_paths()
        self.assertIsInstance(paths, ssl.DefaultVerifyPaths)
        self.assertEqual(paths.openssl_cafile_env, "SSL_CERT_FILE")
        self.assertEqual(paths.openssl_capath_env, "SSL_CERT_DIR")


class ContextTests(unittest.TestCase):

    def test_client_and_server_defaults(self):
        client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.assertEqual(client.verify_mode, ssl.CERT_REQUIRED)
        self.assertTrue(client.check_hostname)
        self.assertEqual(client.minimum_version, ssl.TLSVersion.TLSv1_2)
        self.assertEqual(client.maximum_version,
                         ssl.TLSVersion.MAXIMUM_SUPPORTED)
        self.assertIs(client.protocol, ssl.PROTOCOL_TLS_CLIENT)
        self.assertTrue(client.options & ssl.OP_NO_COMPRESSION)
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.assertEqual(server.verify_mode, ssl.CERT_NONE)
        self.assertFalse(server.check_hostname)
        default = ssl.create_default_context()
        self.assertTrue(default.verify_flags & ssl.VERIFY_X509_STRICT)
        self.assertTrue(default.verify_flags & ssl.VERIFY_X509_PARTIAL_CHAIN)

    def test_no_protocol_is_deprecated(self):
        with self.assertWarnsRegex(DeprecationWarning, "without protocol"):
            context = ssl.SSLContext()
        self.assertIs(context.protocol, ssl.PROTOCOL_TLS)

    def test_verify_mode_and_check_hostname(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        with self.assertRaisesRegex(ValueError, "Cannot set verify_mode to "
                                    "CERT_NONE when check_hostname is "
                                    "enabled."):
            context.verify_mode = ssl.CERT_NONE
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        self.assertEqual(context.verify_mode, ssl.CERT_NONE)
        context.check_hostname = True
        self.assertEqual(context.verify_mode, ssl.CERT_REQUIRED)
        with self.assertRaisesRegex(ValueError, "invalid value"):
            context.verify_mode = 7
        with self.assertRaises(TypeError):
            context.verify_mode = None

    def test_versions(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.minimum_version = ssl.TLSVersion.TLSv1_3
        self.assertIs(context.minimum_version, ssl.TLSVersion.TLSv1_3)
        context.maximum_version = ssl.TLSVersion.TLSv1_3
        self.assertIs(context.maximum_version, ssl.TLSVersion.TLSv1_3)
        context.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
        self.assertIs(context.maximum_version,
                      ssl.TLSVersion.MAXIMUM_SUPPORTED)
        with self.assertRaisesRegex(ValueError, "Unsupported TLS/SSL version"):
            context.minimum_version = 0x999

    def test_options(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.options |= ssl.OP_NO_TICKET
        self.assertTrue(context.options & ssl.OP_NO_TICKET)
        context.options &= ~ssl.OP_NO_TICKET
        self.assertFalse(context.options & ssl.OP_NO_TICKET)
        with self.assertWarns(DeprecationWarning):
            context.options |= ssl.OP_NO_TLSv1

    def test_ciphers(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.set_ciphers("ECDHE+AESGCM")
        names = [c["name"] for c in context.get_ciphers()]
        self.assertIn("ECDHE-ECDSA-AES128-GCM-SHA256", names)
        cipher = context.get_ciphers()[0]
        self.assertEqual(set(cipher), {"id", "name", "protocol", "description",
                                       "strength_bits", "alg_bits", "aead",
                                       "symmetric", "digest", "kea", "auth"})
        with self.assertRaisesRegex(ssl.SSLError, "No cipher can be selected"):
            context.set_ciphers("NOT-A-CIPHER")

    def test_load_cert_chain_and_passwords(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(data("server_keycert.pem"))
        key = data("server_encrypted.key")
        context.load_cert_chain(data("server.pem"), key, password="weftpass")
        context.load_cert_chain(data("server.pem"), key, password=b"weftpass")
        context.load_cert_chain(data("server.pem"), key,
                                password=lambda: bytearray(b"weftpass"))
        with self.assertRaises(ssl.SSLError):
            context.load_cert_chain(data("server.pem"), key, password="bad")
        with self.assertRaisesRegex(TypeError, "password callback must "
                                    "return a string"):
            context.load_cert_chain(data("server.pem"), key,
                                    password=lambda: 3)
        with self.assertRaisesRegex(TypeError, "should be a string or "
                                    "callable"):
            context.load_cert_chain(data("server.pem"), key, password=3)
        with self.assertRaisesRegex(ValueError, "cannot be longer"):
            context.load_cert_chain(data("server.pem"), key,
                                    password="x" * 5000)

        def boom():
            raise KeyError("from the callback")
        with self.assertRaises(KeyError):
            context.load_cert_chain(data("server.pem"), key, password=boom)
        with self.assertRaises(FileNotFoundError):
            context.load_cert_chain(data("missing.pem"))
        with self.assertRaises(ssl.SSLError) as cm:
            context.load_cert_chain(data("server.pem"), data("other.key"))
        self.assertEqual(cm.exception.reason, "KEY_VALUES_MISMATCH")

    def test_load_verify_locations(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self.assertEqual(context.cert_store_stats(),
                         {"x509": 0, "crl": 0, "x509_ca": 0})
        with open(data("ca.pem")) as f:
            pem = f.read()
        context.load_verify_locations(cadata=pem)
        context.load_verify_locations(cadata=ssl.PEM_cert_to_DER_cert(pem))
        context.load_verify_locations(cafile=data("ca.pem"))
        self.assertEqual(context.cert_store_stats(),
                         {"x509": 1, "crl": 0, "x509_ca": 1})
        (ca,) = context.get_ca_certs()
        self.assertEqual(ca["subject"][-1], (("commonName", "Weft Test CA"),))
        self.assertEqual(context.get_ca_certs(True),
                         [ssl.PEM_cert_to_DER_cert(pem)])
        context.load_verify_locations(capath=DATA)
        with self.assertRaisesRegex(TypeError, "cannot be all omitted"):
            context.load_verify_locations()
        with self.assertRaises(FileNotFoundError):
            context.load_verify_locations(data("missing.pem"))
        with self.assertRaises(ssl.SSLError):
            context.load_verify_locations(cadata="no certificate here")
        with self.assertRaises(TypeError):
            context.load_verify_locations(cadata=5)

    def test_alpn_protocol_lengths(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.set_alpn_protocols(["h2", "http/1.1"])
        with self.assertRaisesRegex(ssl.SSLError, "1 to 255"):
            context.set_alpn_protocols([""])

    def test_misc_attributes(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.assertEqual(context.session_stats()["accept"], 0)
        self.assertIsNone(context.keylog_filename)
        self.assertFalse(context.post_handshake_auth)
        context.post_handshake_auth = True
        self.assertTrue(context.post_handshake_auth)
        context.num_tickets = 1
        self.assertEqual(context.num_tickets, 1)
        self.assertGreaterEqual(context.security_level, 1)
        self.assertTrue(context.hostname_checks_common_name)
        context.hostname_checks_common_name = False
        self.assertFalse(context.hostname_checks_common_name)
        with self.assertRaisesRegex(ValueError, "not a server context"):
            ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).num_tickets = 1
        with self.assertRaises(TypeError):
            context.sni_callback = 3
        context.set_ecdh_curve("prime256v1")
        with self.assertRaises(ValueError):
            context.set_ecdh_curve("no-such-curve")
        context.load_default_certs()

    def test_wrong_side(self):
        with socket.socket() as sock:
            with self.assertRaisesRegex(ValueError, "check_hostname requires "
                                        "server_hostname"):
                client_context().wrap_socket(sock)
        client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        with self.assertRaisesRegex(ValueError, "Cannot create a server "
                                    "socket with a PROTOCOL_TLS_CLIENT "
                                    "context"):
            client.wrap_bio(incoming, outgoing, server_side=True)
        with self.assertRaisesRegex(ValueError, "leading dot"):
            client._wrap_bio(incoming, outgoing, False, ".x")

    def test_keylog_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "keys.txt")
            server = server_context()
            server.keylog_filename = path
            self.assertEqual(server.keylog_filename, path)
            with LoopbackServer(server) as srv:
                with srv.connect(client_context()) as conn:
                    conn.sendall(b"x")
                    conn.recv(10)
            server.keylog_filename = None
            with open(path) as f:
                lines = f.read().splitlines()
        self.assertTrue(lines[0].startswith("# TLS secrets log file"))
        self.assertTrue(any(l.startswith("CLIENT_HANDSHAKE_TRAFFIC_SECRET ")
                            for l in lines))


class HandshakeTests(unittest.TestCase):

    def test_echo_and_peer_certificate(self):
        with LoopbackServer(server_context()) as srv:
            with srv.connect(client_context()) as conn:
                self.assertEqual(conn.version(), "TLSv1.3")
                name, version, bits = conn.cipher()
                self.assertEqual(version, "TLSv1.3")
                self.assertGreaterEqual(bits, 128)
                cert = conn.getpeercert()
                self.assertEqual(cert["subject"][-1],
                                 (("commonName", "localhost"),))
                with open(data("server.pem")) as f:
                    der = ssl.PEM_cert_to_DER_cert(f.read())
                self.assertEqual(conn.getpeercert(binary_form=True), der)
                self.assertEqual(len(conn.get_verified_chain()), 2)
                self.assertEqual(conn.get_unverified_chain(), [der])
                self.assertIsNone(conn.compression())
                self.assertIsNone(conn.selected_alpn_protocol())
                self.assertEqual(conn.server_hostname, "localhost")
                self.assertFalse(conn.server_side)
                self.assertIsInstance(conn.get_channel_binding(), bytes)
                conn.sendall(b"hello over tls")
                self.assertEqual(conn.recv(100), b"HELLO OVER TLS")
                self.assertEqual(conn.pending(), 0)
        self.assertIsNone(srv.error)
        self.assertEqual(srv.result, b"hello over tls")

    def test_makefile_and_unwrap(self):
        def handler(tls):
            tls.sendall(b"line one\nline two\n")
            plain = tls.unwrap()
            plain.sendall(b"plain text")
            plain.close()

        with LoopbackServer(server_context(), handler) as srv:
            conn = srv.connect(client_context())
            with conn.makefile("rb") as f:
                self.assertEqual(f.readline(), b"line one\n")
                self.assertEqual(f.readline(), b"line two\n")
            plain = conn.unwrap()
            # The same socket object, now without TLS.
            self.assertIs(plain, conn)
            self.assertIsNone(conn.version())
            self.assertEqual(plain.recv(100), b"plain text")
            plain.close()
        self.assertIsNone(srv.error)

    def assert_verify_failure(self, hostname, code, message, context=None):
        with LoopbackServer(server_context()) as srv:
            with self.assertRaises(ssl.SSLCertVerificationError) as cm:
                srv.connect(context or client_context(), hostname)
        exc = cm.exception
        self.assertEqual(exc.reason, "CERTIFICATE_VERIFY_FAILED")
        self.assertEqual(exc.library, "SSL")
        self.assertEqual(exc.verify_code, code)
        self.assertEqual(exc.verify_message, message)
        self.assertTrue(str(exc).startswith(
            "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: "
            + message + " (_ssl.c:"), str(exc))
        self.assertIsInstance(srv.error, ssl.SSLError)

    def test_hostname_mismatch(self):
        self.assert_verify_failure(
            "example.com", 62, "Hostname mismatch, certificate is not valid "
            "for 'example.com'.")

    def test_ip_address_mismatch(self):
        self.assert_verify_failure(
            "127.0.0.2", 64, "IP address mismatch, certificate is not valid "
            "for '127.0.0.2'.")

    def test_ip_address_match(self):
        with LoopbackServer(server_context()) as srv:
            with srv.connect(client_context(), "127.0.0.1") as conn:
                conn.sendall(b"ip")
                self.assertEqual(conn.recv(10), b"IP")

    def test_unknown_issuer(self):
        self.assert_verify_failure(
            "localhost", 20, "unable to get local issuer certificate",
            ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))

    def test_unverified_client_sees_empty_dict(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with LoopbackServer(server_context("selfsigned")) as srv:
            with srv.connect(context, None) as conn:
                self.assertEqual(conn.getpeercert(), {})
                self.assertIsInstance(conn.getpeercert(True), bytes)
                conn.sendall(b"a")
                conn.recv(1)

    def test_client_certificate(self):
        server = server_context()
        server.verify_mode = ssl.CERT_REQUIRED
        server.load_verify_locations(data("ca.pem"))

        def handler(tls):
            subject = tls.getpeercert()["subject"]
            LoopbackServer.echo(tls)
            return subject

        client = client_context()
        client.load_cert_chain(data("client.pem"), data("client.key"))
        with LoopbackServer(server, handler) as srv:
            with srv.connect(client) as conn:
                conn.sendall(b"with cert")
                self.assertEqual(conn.recv(100), b"WITH CERT")
        self.assertIsNone(srv.error)
        self.assertEqual(srv.result[-1], (("commonName", "Weft Test Client"),))

    def test_client_certificate_missing(self):
        server = server_context()
        server.verify_mode = ssl.CERT_REQUIRED
        server.load_verify_locations(data("ca.pem"))
        with LoopbackServer(server) as srv:
            try:
                with srv.connect(client_context()) as conn:
                    # TLS 1.3: the client learns of the refusal on reading.
                    conn.recv(10)
            except ssl.SSLError as exc:
                self.assertEqual(exc.reason,
                                 "TLSV13_ALERT_CERTIFICATE_REQUIRED")
            except ConnectionResetError:
                pass    # the server's close overtook its alert
            else:
                self.fail("the server accepted a client without a "
                          "certificate")
        self.assertIsInstance(srv.error, ssl.SSLError)
        self.assertEqual(srv.error.reason, "PEER_DID_NOT_RETURN_A_CERTIFICATE")

    def test_post_handshake_authentication(self):
        server = server_context()
        server.verify_mode = ssl.CERT_REQUIRED
        server.load_verify_locations(data("ca.pem"))
        server.post_handshake_auth = True
        client = client_context()
        client.load_cert_chain(data("client.pem"), data("client.key"))
        client.post_handshake_auth = True

        def handler(tls):
            before = tls.getpeercert()
            tls.verify_client_post_handshake()
            tls.sendall(b"send your certificate")
            tls.recv(10)
            return before, tls.getpeercert()["subject"][-1]

        with LoopbackServer(server, handler) as srv:
            with srv.connect(client) as conn:
                self.assertEqual(conn.recv(100), b"send your certificate")
                conn.sendall(b"here")
        self.assertIsNone(srv.error)
        self.assertEqual(srv.result,
                         (None, (("commonName", "Weft Test Client"),)))

    def test_alpn(self):
        server = server_context()
        server.set_alpn_protocols(["h2", "http/1.1"])
        client = client_context()
        client.set_alpn_protocols(["spdy/2", "http/1.1"])

        def handler(tls):
            LoopbackServer.echo(tls)
            return tls.selected_alpn_protocol()

        with LoopbackServer(server, handler) as srv:
            with srv.connect(client) as conn:
                self.assertEqual(conn.selected_alpn_protocol(), "http/1.1")
                conn.sendall(b"x")
                conn.recv(1)
        self.assertEqual(srv.result, "http/1.1")

    def test_sni_callback_switches_context(self):
        other = server_context("other")
        seen = []

        def callback(sslobj, server_name, context):
            seen.append((type(sslobj).__name__, server_name,
                         type(context).__name__))
            if server_name == "other.test":
                sslobj.context = other

        server = server_context()
        server.sni_callback = callback
        self.assertIs(server.sni_callback, callback)
        with LoopbackServer(server) as srv:
            with srv.connect(client_context(), "other.test") as conn:
                self.assertEqual(conn.getpeercert()["subject"][-1],
                                 (("commonName", "other.test"),))
                conn.sendall(b"sni")
                self.assertEqual(conn.recv(10), b"SNI")
        self.assertEqual(seen, [("SSLSocket", "other.test", "SSLContext")])

    def test_sni_callback_alert(self):
        server = server_context()
        server.sni_callback = lambda *args: \
            ssl.ALERT_DESCRIPTION_ACCESS_DENIED
        with LoopbackServer(server) as srv:
            with self.assertRaises(ssl.SSLError) as cm:
                srv.connect(client_context())
        self.assertEqual(cm.exception.reason, "TLSV1_ALERT_ACCESS_DENIED")

    def test_psk(self):
        key = bytes.fromhex("c0ffee00" * 8)
        identities = []

        def server_callback(identity):
            identities.append(identity)
            return key if identity == "weft-client" else b""

        def client_callback(hint):
            identities.append(hint)
            return ("weft-client", key)

        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.maximum_version = ssl.TLSVersion.TLSv1_2
        server.set_ciphers("PSK")
        server.set_psk_server_callback(server_callback, "weft-hint")
        client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        client.check_hostname = False
        client.verify_mode = ssl.CERT_NONE
        client.maximum_version = ssl.TLSVersion.TLSv1_2
        client.set_ciphers("PSK")
        client.set_psk_client_callback(client_callback)
        with LoopbackServer(server) as srv:
            with srv.connect(client, None) as conn:
                self.assertIn("PSK", conn.cipher()[0])
                conn.sendall(b"psk")
                self.assertEqual(conn.recv(10), b"PSK")
        self.assertIsNone(srv.error)
        self.assertEqual(identities, ["weft-hint", "weft-client"])
        with self.assertRaisesRegex(ssl.SSLError, "PROTOCOL_TLS_SERVER"):
            server.set_psk_client_callback(client_callback)
        with self.assertRaisesRegex(ssl.SSLError, "PROTOCOL_TLS_CLIENT"):
            client.set_psk_server_callback(server_callback)
        with self.assertRaisesRegex(TypeError, "callable"):
            client.set_psk_client_callback(3)

    def test_psk_wrong_key(self):
        server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server.maximum_version = ssl.TLSVersion.TLSv1_2
        server.set_ciphers("PSK")
        server.set_psk_server_callback(lambda identity: b"server key")
        client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        client.check_hostname = False
        client.verify_mode = ssl.CERT_NONE
        client.maximum_version = ssl.TLSVersion.TLSv1_2
        client.set_ciphers("PSK")
        client.set_psk_client_callback(lambda hint: (None, b"client key"))
        with LoopbackServer(server) as srv:
            with self.assertRaises(ssl.SSLError):
                srv.connect(client, None)
        self.assertIsInstance(srv.error, ssl.SSLError)

    def test_session_resumption(self):
        client = client_context()
        client.maximum_version = ssl.TLSVersion.TLSv1_2
        server = server_context()
        with LoopbackServer(server) as srv:
            with srv.connect(client) as conn:
                conn.sendall(b"one")
                conn.recv(10)
                session = conn.session
                self.assertFalse(conn.session_reused)
        self.assertIsInstance(session, ssl.SSLSession)
        self.assertGreater(session.timeout, 0)
        with LoopbackServer(server) as srv:
            raw = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            with client.wrap_socket(raw, server_hostname="localhost",
                                    session=session) as conn:
                self.assertTrue(conn.session_reused)
                self.assertEqual(conn.session, session)
                conn.sendall(b"two")
                conn.recv(10)

    def test_server_certificate_helper(self):
        def handler(tls):
            pass
        with LoopbackServer(server_context(), handler) as srv:
            pem = ssl.get_server_certificate(("127.0.0.1", srv.port),
                                             ca_certs=data("ca.pem"))
        with open(data("server.pem")) as f:
            self.assertEqual(ssl.PEM_cert_to_DER_cert(pem),
                             ssl.PEM_cert_to_DER_cert(f.read()))


class SocketModeTests(unittest.TestCase):

    def test_nonblocking_handshake_wants_read(self):
        a, b = socket.socketpair()
        with a, b:
            a.setblocking(False)
            conn = client_context().wrap_socket(
                a, server_hostname="localhost", do_handshake_on_connect=False)
            with conn:
                with self.assertRaises(ssl.SSLWantReadError) as cm:
                    conn.do_handshake()
                self.assertEqual(cm.exception.args[0], ssl.SSL_ERROR_WANT_READ)
                # The ClientHello went out on the other end.
                self.assertEqual(b.recv(1), b"\x16")

    def test_handshake_timeout(self):
        a, b = socket.socketpair()
        with a, b:
            a.settimeout(0.2)
            with self.assertRaisesRegex(TimeoutError, "handshake operation "
                                        "timed out"):
                client_context().wrap_socket(a, server_hostname="localhost")

    def test_ragged_eof(self):
        a, b = socket.socketpair()
        with b:
            b.close()
            with self.assertRaises(OSError):
                client_context().wrap_socket(a, server_hostname="localhost")

    def test_no_public_constructors(self):
        with self.assertRaisesRegex(TypeError, "does not have a public "
                                    "constructor"):
            ssl.SSLSocket()
        with self.assertRaisesRegex(TypeError, "does not have a public "
                                    "constructor"):
            ssl.SSLObject()

    def test_flags_refused(self):
        with LoopbackServer(server_context()) as srv:
            with srv.connect(client_context()) as conn:
                with self.assertRaisesRegex(ValueError, "non-zero flags"):
                    conn.send(b"x", 1)
                with self.assertRaisesRegex(ValueError, "non-zero flags"):
                    conn.recv(1, 1)
                with self.assertRaises(NotImplementedError):
                    conn.dup()
                conn.sendall(b"bye")
                conn.recv(10)

    def test_two_threads_share_one_socket(self):
        # One thread reads while another writes: the socket's mutex keeps
        # OpenSSL from seeing both at once (the free-threaded build must
        # not crash or corrupt the stream).
        count = 200

        def handler(tls):
            received = b""
            while len(received) < count * 4:
                chunk = tls.recv(4096)
                if not chunk:
                    break
                received += chunk
                tls.sendall(chunk)
            return received

        with LoopbackServer(server_context(), handler) as srv:
            with srv.connect(client_context()) as conn:
                got = []

                def reader():
                    total = 0
                    while total < count * 4:
                        data = conn.recv(4096)
                        if not data:
                            break
                        got.append(data)
                        total += len(data)

                thread = threading.Thread(target=reader)
                thread.start()
                # Let the reader block first: its wait must not keep this
                # thread from writing (the server only answers what it
                # gets).
                time.sleep(0.05)
                for i in range(count):
                    conn.sendall(b"%04d" % i)
                thread.join(20)
        expected = b"".join(b"%04d" % i for i in range(count))
        self.assertEqual(srv.result, expected)
        self.assertEqual(b"".join(got), expected)


class MemoryBIOTests(unittest.TestCase):

    def test_bio(self):
        bio = ssl.MemoryBIO()
        self.assertEqual(bio.pending, 0)
        self.assertEqual(bio.write(b"abcdef"), 6)
        self.assertEqual(bio.read(2), b"ab")
        self.assertEqual(bio.pending, 4)
        self.assertFalse(bio.eof)
        bio.write_eof()
        self.assertFalse(bio.eof)
        self.assertEqual(bio.read(), b"cdef")
        self.assertTrue(bio.eof)
        with self.assertRaisesRegex(ssl.SSLError, "cannot write"):
            bio.write(b"x")
        with self.assertRaises(TypeError):
            ssl.MemoryBIO().write("text")

    def test_round_trip(self):
        c_in, c_out = ssl.MemoryBIO(), ssl.MemoryBIO()
        s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO()
        client = client_context().wrap_bio(c_in, c_out,
                                           server_hostname="localhost")
        server = server_context().wrap_bio(s_in, s_out, server_side=True)
        self.assertIsInstance(client, ssl.SSLObject)
        self.assertEqual(client.server_hostname, "localhost")
        self.assertTrue(server.server_side)

        def pump():
            s_in.write(c_out.read())
            c_in.write(s_out.read())

        done = set()
        for _ in range(6):
            for name, obj in (("client", client), ("server", server)):
                if name in done:
                    continue
                try:
                    obj.do_handshake()
                    done.add(name)
                except ssl.SSLWantReadError:
                    pass
            pump()
        self.assertEqual(done, {"client", "server"})
        self.assertEqual(client.version(), "TLSv1.3")
        self.assertEqual(client.getpeercert()["subject"][-1],
                         (("commonName", "localhost"),))
        client.write(b"through memory")
        pump()
        self.assertEqual(server.read(100), b"through memory")
        buffer = bytearray(10)
        server.write(b"reply")
        pump()
        self.assertEqual(client.read(10, buffer), 5)
        self.assertEqual(bytes(buffer[:5]), b"reply")
        with self.assertRaises(ssl.SSLWantReadError):
            client.read(10)
        with self.assertRaises(ssl.SSLWantReadError):
            client.unwrap()
        pump()
        self.assertEqual(server.read(10), b"")
        server.unwrap()
        pump()
        client.unwrap()

    def test_verify_failure_in_memory(self):
        c_in, c_out = ssl.MemoryBIO(), ssl.MemoryBIO()
        s_in, s_out = ssl.MemoryBIO(), ssl.MemoryBIO()
        client = client_context().wrap_bio(c_in, c_out,
                                           server_hostname="wrong.test")
        server = server_context().wrap_bio(s_in, s_out, server_side=True)
        with self.assertRaises(ssl.SSLWantReadError):
            client.do_handshake()
        s_in.write(c_out.read())
        with self.assertRaises(ssl.SSLWantReadError):
            server.do_handshake()
        c_in.write(s_out.read())
        with self.assertRaises(ssl.SSLCertVerificationError) as cm:
            client.do_handshake()
        self.assertEqual(cm.exception.verify_message,
                         "Hostname mismatch, certificate is not valid for "
                         "'wrong.test'.")

    def test_eof_in_memory(self):
        c_in, c_out = ssl.MemoryBIO(), ssl.MemoryBIO()
        client = client_context().wrap_bio(c_in, c_out,
                                           server_hostname="localhost")
        with self.assertRaises(ssl.SSLWantReadError):
            client.do_handshake()
        c_in.write_eof()
        with self.assertRaises(ssl.SSLEOFError):
            client.do_handshake()


if __name__ == "__main__":
    unittest.main()
