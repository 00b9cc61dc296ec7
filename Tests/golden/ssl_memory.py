# ssl over MemoryBIOs (no sockets): a handshake between an in-memory
# client and server, data both ways, a clean TLS close, a host name
# mismatch, and the certificate helpers, on the PKI of Tests/data/ssl.
import os
import ssl

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir,
                    "data", "ssl")


def path(name):
    return os.path.join(DATA, name)


def contexts(hostname):
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(path("server.pem"), path("server.key"))
    client = ssl.create_default_context(cafile=path("ca.pem"))
    c_in, c_out, s_in, s_out = (ssl.MemoryBIO() for _ in range(4))
    c = client.wrap_bio(c_in, c_out, server_hostname=hostname)
    s = server.wrap_bio(s_in, s_out, server_side=True)

    def pump():
        s_in.write(c_out.read())
        c_in.write(s_out.read())
    return c, s, pump


def handshake(c, s, pump):
    pending = [("client", c), ("server", s)]
    for _ in range(6):
        for item in list(pending):
            try:
                item[1].do_handshake()
                pending.remove(item)
            except ssl.SSLWantReadError:
                pass
        pump()
    return [name for name, _ in pending]


c, s, pump = contexts("localhost")
print("not done:", handshake(c, s, pump))
print("versions:", c.version(), s.version())
print("cipher protocol:", c.cipher()[1])
cert = c.getpeercert()
for key in sorted(cert):
    print(" ", key, "=", cert[key])
print("server sees a client cert:", s.getpeercert())
c.write(b"ping")
pump()
print("server read:", s.read(100))
s.write(b"pong")
pump()
print("client read:", c.read(100))
try:
    c.read(100)
except ssl.SSLWantReadError as exc:
    print("nothing more:", type(exc).__name__, exc.args[0])
try:
    c.unwrap()
except ssl.SSLWantReadError:
    print("close_notify sent, waiting for the peer's")
pump()
print("server read after close:", s.read(100))
s.unwrap()
pump()
c.unwrap()
print("client closed cleanly")

c, s, pump = contexts("www.example.org")
try:
    handshake(c, s, pump)
    c.do_handshake()
except ssl.SSLCertVerificationError as exc:
    print(type(exc).__name__, exc.library, exc.reason, exc.verify_code)
    print(exc.verify_message)

with open(path("ca.pem")) as f:
    pem = f.read()
der = ssl.PEM_cert_to_DER_cert(pem)
print("DER length ok:", len(der) > 300, "round trip:",
      ssl.DER_cert_to_PEM_cert(der) == pem)
print(ssl.cert_time_to_seconds("Nov 28 01:04:43 2125 GMT"))
print(ssl.Purpose.CLIENT_AUTH.shortname, ssl.Purpose.CLIENT_AUTH.oid)
print(repr(ssl.CERT_OPTIONAL), repr(ssl.TLSVersion.TLSv1_2))
