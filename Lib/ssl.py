"""TLS/SSL for socket objects, on OpenSSL (the _ssl module).

A context (SSLContext) holds the settings, certificates and trust store;
it wraps a connected or connecting socket into an SSLSocket, or a pair
of MemoryBIOs into an SSLObject for code that does its own I/O (asyncio).

    context = ssl.create_default_context()
    with socket.create_connection(("example.org", 443)) as sock:
        with context.wrap_socket(sock, server_hostname="example.org") as s:
            s.sendall(b"HEAD / HTTP/1.0\\r\\n\\r\\n")

Host names are checked by OpenSSL during the handshake when
SSLContext.check_hostname is true; a mismatch raises
SSLCertVerificationError.
"""

import base64
import errno
import os
import re
import sys
import warnings
from collections import namedtuple
from enum import Enum as _Enum, IntEnum as _IntEnum, IntFlag as _IntFlag

import _ssl
from _ssl import OPENSSL_VERSION_NUMBER, OPENSSL_VERSION_INFO, OPENSSL_VERSION
from _ssl import _SSLContext, MemoryBIO, SSLSession
from _ssl import (
    SSLError, SSLZeroReturnError, SSLWantReadError, SSLWantWriteError,
    SSLSyscallError, SSLEOFError, SSLCertVerificationError,
)
from _ssl import txt2obj as _txt2obj, nid2obj as _nid2obj
from _ssl import RAND_status, RAND_add, RAND_bytes
from _ssl import (
    HAS_SNI, HAS_ECDH, HAS_NPN, HAS_ALPN, HAS_NEVER_CHECK_COMMON_NAME,
    HAS_TLS_UNIQUE, HAS_PHA, HAS_PSK, HAS_PSK_TLS13,
    HAS_SSLv2, HAS_SSLv3, HAS_TLSv1, HAS_TLSv1_1, HAS_TLSv1_2, HAS_TLSv1_3,
)
from _ssl import _DEFAULT_CIPHERS, _OPENSSL_API_VERSION

from socket import socket, SOCK_STREAM, create_connection
from socket import SOL_SOCKET, SO_TYPE, _GLOBAL_DEFAULT_TIMEOUT


def _constants(prefix, exclude=()):
    return {name: getattr(_ssl, name) for name in dir(_ssl)
            if name.startswith(prefix) and name not in exclude}


def _make_enum(kind, name, members):
    """An enum over some of _ssl's constants; its members replace the
    plain ints as this module's globals."""
    ordered = sorted(members.items(), key=lambda item: (item[1], item[0]))
    cls = kind(name, ordered, module=__name__)
    globals().update(cls.__members__)
    return cls


_SSLMethod = _make_enum(_IntEnum, '_SSLMethod',
                        _constants('PROTOCOL_', exclude=('PROTOCOL_SSLv23',)))
PROTOCOL_SSLv23 = _SSLMethod.PROTOCOL_TLS
Options = _make_enum(_IntFlag, 'Options', _constants('OP_'))
AlertDescription = _make_enum(_IntEnum, 'AlertDescription',
                              _constants('ALERT_DESCRIPTION_'))
SSLErrorNumber = _make_enum(_IntEnum, 'SSLErrorNumber',
                            _constants('SSL_ERROR_'))
VerifyFlags = _make_enum(_IntFlag, 'VerifyFlags', _constants('VERIFY_'))
VerifyMode = _make_enum(_IntEnum, 'VerifyMode', _constants('CERT_'))

# Plain ints, as in CPython: not enum members.
from _ssl import (
    HOSTFLAG_ALWAYS_CHECK_SUBJECT, HOSTFLAG_NEVER_CHECK_SUBJECT,
    HOSTFLAG_NO_WILDCARDS, HOSTFLAG_NO_PARTIAL_WILDCARDS,
    HOSTFLAG_MULTI_LABEL_WILDCARDS, HOSTFLAG_SINGLE_LABEL_SUBDOMAINS,
    PROTO_MINIMUM_SUPPORTED, PROTO_MAXIMUM_SUPPORTED,
)

_PROTOCOL_NAMES = {value: name for name, value in
                   _SSLMethod.__members__.items()}
_SSLv2_IF_EXISTS = None


class TLSVersion(_IntEnum):
    MINIMUM_SUPPORTED = _ssl.PROTO_MINIMUM_SUPPORTED
    SSLv3 = _ssl.PROTO_SSLv3
    TLSv1 = _ssl.PROTO_TLSv1
    TLSv1_1 = _ssl.PROTO_TLSv1_1
    TLSv1_2 = _ssl.PROTO_TLSv1_2
    TLSv1_3 = _ssl.PROTO_TLSv1_3
    MAXIMUM_SUPPORTED = _ssl.PROTO_MAXIMUM_SUPPORTED


class _TLSContentType(_IntEnum):
    """Content types of TLS records (RFC 8446, B.1)."""
    CHANGE_CIPHER_SPEC = 20
    ALERT = 21
    HANDSHAKE = 22
    APPLICATION_DATA = 23
    HEADER = 0x100
    INNER_CONTENT_TYPE = 0x101


class _TLSAlertType(_IntEnum):
    """Alert descriptions (RFC 8446, B.2)."""
    CLOSE_NOTIFY = 0
    UNEXPECTED_MESSAGE = 10
    BAD_RECORD_MAC = 20
    DECRYPTION_FAILED = 21
    RECORD_OVERFLOW = 22
    DECOMPRESSION_FAILURE = 30
    HANDSHAKE_FAILURE = 40
    NO_CERTIFICATE = 41
    BAD_CERTIFICATE = 42
    UNSUPPORTED_CERTIFICATE = 43
    CERTIFICATE_REVOKED = 44
    CERTIFICATE_EXPIRED = 45
    CERTIFICATE_UNKNOWN = 46
    ILLEGAL_PARAMETER = 47
    UNKNOWN_CA = 48
    ACCESS_DENIED = 49
    DECODE_ERROR = 50
    DECRYPT_ERROR = 51
    EXPORT_RESTRICTION = 60
    PROTOCOL_VERSION = 70
    INSUFFICIENT_SECURITY = 71
    INTERNAL_ERROR = 80
    INAPPROPRIATE_FALLBACK = 86
    USER_CANCELED = 90
    NO_RENEGOTIATION = 100
    MISSING_EXTENSION = 109
    UNSUPPORTED_EXTENSION = 110
    CERTIFICATE_UNOBTAINABLE = 111
    UNRECOGNIZED_NAME = 112
    BAD_CERTIFICATE_STATUS_RESPONSE = 113
    BAD_CERTIFICATE_HASH_VALUE = 114
    UNKNOWN_PSK_IDENTITY = 115
    CERTIFICATE_REQUIRED = 116
    NO_APPLICATION_PROTOCOL = 120


class _TLSMessageType(_IntEnum):
    """Handshake message types (RFC 8446, B.3)."""
    HELLO_REQUEST = 0
    CLIENT_HELLO = 1
    SERVER_HELLO = 2
    HELLO_VERIFY_REQUEST = 3
    NEWSESSION_TICKET = 4
    END_OF_EARLY_DATA = 5
    HELLO_RETRY_REQUEST = 6
    ENCRYPTED_EXTENSIONS = 8
    CERTIFICATE = 11
    SERVER_KEY_EXCHANGE = 12
    CERTIFICATE_REQUEST = 13
    SERVER_DONE = 14
    CERTIFICATE_VERIFY = 15
    CLIENT_KEY_EXCHANGE = 16
    FINISHED = 20
    CERTIFICATE_URL = 21
    CERTIFICATE_STATUS = 22
    SUPPLEMENTAL_DATA = 23
    KEY_UPDATE = 24
    NEXT_PROTO = 67
    MESSAGE_HASH = 254
    CHANGE_CIPHER_SPEC = 0x0101


socket_error = OSError            # kept for old code
CertificateError = SSLCertVerificationError
CHANNEL_BINDING_TYPES = ['tls-unique']
PEM_HEADER = "-----BEGIN CERTIFICATE-----"
PEM_FOOTER = "-----END CERTIFICATE-----"


# ---- object identifiers and default paths ----------------------------------

class _ASN1Object(namedtuple("_ASN1Object", "nid shortname longname oid")):
    """An ASN.1 object identifier with OpenSSL's names for it."""
    __slots__ = ()

    def __new__(cls, oid):
        return super().__new__(cls, *_txt2obj(oid, name=False))

    @classmethod
    def fromnid(cls, nid):
        """The object of an OpenSSL NID."""
        return super().__new__(cls, *_nid2obj(nid))

    @classmethod
    def fromname(cls, name):
        """The object of a short or long name (or a dotted OID)."""
        return super().__new__(cls, *_txt2obj(name, name=True))


class Purpose(_ASN1Object, _Enum):
    """What a context's certificates are for (extended key usage)."""
    SERVER_AUTH = '1.3.6.1.5.5.7.3.1'
    CLIENT_AUTH = '1.3.6.1.5.5.7.3.2'


DefaultVerifyPaths = namedtuple(
    "DefaultVerifyPaths",
    "cafile capath openssl_cafile_env openssl_cafile openssl_capath_env "
    "openssl_capath")


def get_default_verify_paths():
    """Where OpenSSL looks for CA certificates by default; cafile and
    capath are None when the file or directory does not exist."""
    parts = _ssl.get_default_verify_paths()
    cafile = os.environ.get(parts[0], parts[1])
    capath = os.environ.get(parts[2], parts[3])
    return DefaultVerifyPaths(cafile if os.path.isfile(cafile) else None,
                              capath if os.path.isdir(capath) else None,
                              *parts)


def get_protocol_name(protocol_code):
    return _PROTOCOL_NAMES.get(protocol_code, '<unknown>')


# ---- contexts ---------------------------------------------------------------

def _idna_decode(name):
    if name is None:
        return None
    if isinstance(name, bytes):
        name = name.decode('ascii')
    try:
        return name.encode('ascii').decode('idna')
    except UnicodeError:
        return name


class SSLContext(_SSLContext):
    """Settings, certificates and trust store shared by TLS connections."""

    _windows_cert_stores = ("CA", "ROOT")
    sslsocket_class = None     # set below to SSLSocket
    sslobject_class = None     # set below to SSLObject

    def __new__(cls, protocol=None, *args, **kwargs):
        if protocol is None:
            warnings.warn("ssl.SSLContext() without protocol argument is "
                          "deprecated.", DeprecationWarning, stacklevel=2)
            protocol = PROTOCOL_TLS
        return _SSLContext.__new__(cls, protocol)

    def _encode_hostname(self, hostname):
        if hostname is None:
            return None
        if isinstance(hostname, str):
            return hostname.encode('idna').decode('ascii')
        return hostname.decode('ascii')

    def wrap_socket(self, sock, server_side=False,
                    do_handshake_on_connect=True,
                    suppress_ragged_eofs=True,
                    server_hostname=None, session=None):
        """Wrap a stream socket into an SSLSocket (sock is detached)."""
        return self.sslsocket_class._create(
            sock=sock, server_side=server_side,
            do_handshake_on_connect=do_handshake_on_connect,
            suppress_ragged_eofs=suppress_ragged_eofs,
            server_hostname=server_hostname, context=self, session=session)

    def wrap_bio(self, incoming, outgoing, server_side=False,
                 server_hostname=None, session=None):
        """An SSLObject reading from incoming and writing to outgoing."""
        return self.sslobject_class._create(
            incoming, outgoing, server_side=server_side,
            server_hostname=self._encode_hostname(server_hostname),
            session=session, context=self)

    def set_npn_protocols(self, npn_protocols):
        warnings.warn("ssl NPN is deprecated, use ALPN instead",
                      DeprecationWarning, stacklevel=2)
        raise NotImplementedError("The NPN extension is not available "
                                  "with this OpenSSL")

    def set_servername_callback(self, server_name_callback):
        """Deprecated form of the sni_callback attribute; the callback
        gets the server name IDNA-decoded."""
        if server_name_callback is None:
            self.sni_callback = None
            return
        if not callable(server_name_callback):
            raise TypeError("not a callable object")

        def shim(sslobj, servername, sslctx):
            return server_name_callback(sslobj, _idna_decode(servername),
                                        sslctx)
        self.sni_callback = shim

    def set_alpn_protocols(self, alpn_protocols):
        """Offer (client) or accept (server) these ALPN protocol names,
        in order of preference."""
        wire = bytearray()
        for protocol in alpn_protocols:
            encoded = bytes(protocol, 'ascii')
            if not 0 < len(encoded) <= 255:
                raise SSLError('ALPN protocols must be 1 to 255 in length')
            wire.append(len(encoded))
            wire.extend(encoded)
        self._set_alpn_protocols(wire)

    def load_default_certs(self, purpose=Purpose.SERVER_AUTH):
        """Load the system's CA certificates."""
        if not isinstance(purpose, _ASN1Object):
            raise TypeError(purpose)
        self.set_default_verify_paths()

    @property
    def minimum_version(self):
        return TLSVersion(super().minimum_version)

    @minimum_version.setter
    def minimum_version(self, value):
        if value == TLSVersion.SSLv3:
            self.options &= ~Options.OP_NO_SSLv3
        super(SSLContext, SSLContext).minimum_version.__set__(self, value)

    @property
    def maximum_version(self):
        return TLSVersion(super().maximum_version)

    @maximum_version.setter
    def maximum_version(self, value):
        super(SSLContext, SSLContext).maximum_version.__set__(self, value)

    @property
    def options(self):
        return Options(super().options)

    @options.setter
    def options(self, value):
        super(SSLContext, SSLContext).options.__set__(self, value)

    @property
    def hostname_checks_common_name(self):
        return not self._host_flags & HOSTFLAG_NEVER_CHECK_SUBJECT

    @hostname_checks_common_name.setter
    def hostname_checks_common_name(self, value):
        if value:
            self._host_flags &= ~HOSTFLAG_NEVER_CHECK_SUBJECT
        else:
            self._host_flags |= HOSTFLAG_NEVER_CHECK_SUBJECT

    @property
    def protocol(self):
        return _SSLMethod(super().protocol)

    @property
    def verify_flags(self):
        return VerifyFlags(super().verify_flags)

    @verify_flags.setter
    def verify_flags(self, value):
        super(SSLContext, SSLContext).verify_flags.__set__(self, value)

    @property
    def verify_mode(self):
        value = super().verify_mode
        try:
            return VerifyMode(value)
        except ValueError:
            return value

    @verify_mode.setter
    def verify_mode(self, value):
        super(SSLContext, SSLContext).verify_mode.__set__(self, value)


def create_default_context(purpose=Purpose.SERVER_AUTH, *, cafile=None,
                           capath=None, cadata=None):
    """A context with secure settings for the given purpose: a client
    context that verifies servers and their host names, or a server
    context.  CA certificates come from cafile/capath/cadata, else from
    the system's store."""
    if not isinstance(purpose, _ASN1Object):
        raise TypeError(purpose)
    if purpose == Purpose.SERVER_AUTH:
        context = SSLContext(PROTOCOL_TLS_CLIENT)
        context.verify_mode = CERT_REQUIRED
        context.check_hostname = True
    elif purpose == Purpose.CLIENT_AUTH:
        context = SSLContext(PROTOCOL_TLS_SERVER)
    else:
        raise ValueError(purpose)
    context.verify_flags |= VERIFY_X509_STRICT | VERIFY_X509_PARTIAL_CHAIN
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    _apply_keylog_env(context)
    return context


def _apply_keylog_env(context):
    keylog = os.environ.get('SSLKEYLOGFILE')
    if keylog and not sys.flags.ignore_environment:
        context.keylog_filename = keylog


def _create_unverified_context(protocol=None, *, cert_reqs=CERT_NONE,
                               check_hostname=False,
                               purpose=Purpose.SERVER_AUTH, certfile=None,
                               keyfile=None, cafile=None, capath=None,
                               cadata=None):
    """A context for the stdlib's own use that, by default, verifies
    nothing (what code that predates verification expects)."""
    if not isinstance(purpose, _ASN1Object):
        raise TypeError(purpose)
    if purpose == Purpose.SERVER_AUTH:
        if protocol is None:
            protocol = PROTOCOL_TLS_CLIENT
    elif purpose == Purpose.CLIENT_AUTH:
        if protocol is None:
            protocol = PROTOCOL_TLS_SERVER
    else:
        raise ValueError(purpose)
    context = SSLContext(protocol)
    context.check_hostname = check_hostname
    if cert_reqs is not None:
        context.verify_mode = cert_reqs
    if check_hostname:
        context.check_hostname = True
    if keyfile and not certfile:
        raise ValueError("certfile must be specified")
    if certfile or keyfile:
        context.load_cert_chain(certfile, keyfile)
    if cafile or capath or cadata:
        context.load_verify_locations(cafile, capath, cadata)
    elif context.verify_mode != CERT_NONE:
        context.load_default_certs(purpose)
    _apply_keylog_env(context)
    return context


_create_default_https_context = create_default_context
_create_stdlib_context = _create_unverified_context


# ---- SSLObject: TLS over memory BIOs ----------------------------------------

class SSLObject:
    """The TLS state machine of one connection, without I/O: it reads
    the peer's bytes from one MemoryBIO and leaves its own in another.
    Made by SSLContext.wrap_bio()."""

    def __init__(self, *args, **kwargs):
        raise TypeError(
            f"{self.__class__.__name__} does not have a public "
            f"constructor. Instances are returned by SSLContext.wrap_bio().")

    @classmethod
    def _create(cls, incoming, outgoing, server_side=False,
                server_hostname=None, session=None, context=None):
        self = cls.__new__(cls)
        self._sslobj = context._wrap_bio(
            incoming, outgoing, server_side=server_side,
            server_hostname=server_hostname, owner=self, session=session)
        return self

    @property
    def context(self):
        return self._sslobj.context

    @context.setter
    def context(self, ctx):
        self._sslobj.context = ctx

    @property
    def session(self):
        return self._sslobj.session

    @session.setter
    def session(self, session):
        self._sslobj.session = session

    @property
    def session_reused(self):
        return self._sslobj.session_reused

    @property
    def server_side(self):
        return self._sslobj.server_side

    @property
    def server_hostname(self):
        return self._sslobj.server_hostname

    def read(self, len=1024, buffer=None):
        """Read up to len bytes (into buffer, returning the count, when
        given)."""
        if buffer is not None:
            return self._sslobj.read(len, buffer)
        return self._sslobj.read(len)

    def write(self, data):
        """Encrypt data into the outgoing BIO; returns its length."""
        return self._sslobj.write(data)

    def getpeercert(self, binary_form=False):
        return self._sslobj.getpeercert(binary_form)

    def get_verified_chain(self):
        return self._sslobj.get_verified_chain()

    def get_unverified_chain(self):
        return self._sslobj.get_unverified_chain()

    def selected_npn_protocol(self):
        warnings.warn("ssl NPN is deprecated, use ALPN instead",
                      DeprecationWarning, stacklevel=2)
        return None

    def selected_alpn_protocol(self):
        return self._sslobj.selected_alpn_protocol()

    def cipher(self):
        return self._sslobj.cipher()

    def shared_ciphers(self):
        return self._sslobj.shared_ciphers()

    def compression(self):
        return self._sslobj.compression()

    def pending(self):
        return self._sslobj.pending()

    def do_handshake(self):
        self._sslobj.do_handshake()

    def unwrap(self):
        return self._sslobj.shutdown()

    def get_channel_binding(self, cb_type="tls-unique"):
        return self._sslobj.get_channel_binding(cb_type)

    def version(self):
        return self._sslobj.version()

    def verify_client_post_handshake(self):
        return self._sslobj.verify_client_post_handshake()


# ---- SSLSocket: TLS over a socket -------------------------------------------

class SSLSocket(socket):
    """A socket whose stream is protected by TLS.  Made by
    SSLContext.wrap_socket()."""

    def __init__(self, *args, **kwargs):
        raise TypeError(
            f"{self.__class__.__name__} does not have a public "
            f"constructor. Instances are returned by "
            f"SSLContext.wrap_socket().")

    @classmethod
    def _create(cls, sock, server_side=False, do_handshake_on_connect=True,
                suppress_ragged_eofs=True, server_hostname=None,
                context=None, session=None):
        if sock.getsockopt(SOL_SOCKET, SO_TYPE) != SOCK_STREAM:
            raise NotImplementedError("only stream sockets are supported")
        if server_side:
            if server_hostname:
                raise ValueError("server_hostname can only be specified "
                                 "in client mode")
            if session is not None:
                raise ValueError("session can only be specified in "
                                 "client mode")
        if context.check_hostname and not server_hostname:
            raise ValueError("check_hostname requires server_hostname")

        timeout = sock.gettimeout()
        fields = dict(family=sock.family, type=sock.type, proto=sock.proto,
                      fileno=sock.fileno())
        self = cls.__new__(cls, **fields)
        super(SSLSocket, self).__init__(**fields)
        sock.detach()

        self._context = context
        self._session = session
        self._closed = False
        self._sslobj = None
        self.server_side = server_side
        self.server_hostname = context._encode_hostname(server_hostname)
        self.do_handshake_on_connect = do_handshake_on_connect
        self.suppress_ragged_eofs = suppress_ragged_eofs

        try:
            self.getpeername()
        except OSError as e:
            if e.errno != errno.ENOTCONN:
                raise
            connected = False
            self._refuse_early_data()
        else:
            connected = True
        self.settimeout(timeout)
        self._connected = connected
        if connected:
            try:
                self._sslobj = self._context._wrap_socket(
                    self, server_side, self.server_hostname, owner=self,
                    session=self._session)
                if do_handshake_on_connect:
                    if self.gettimeout() == 0.0:
                        raise ValueError("do_handshake_on_connect should "
                                         "not be specified for "
                                         "non-blocking sockets")
                    self.do_handshake()
            except:
                self.close()
                raise
        return self

    def _refuse_early_data(self):
        # An unconnected socket with bytes already waiting would have
        # them read as plain text before the handshake: refuse it.
        blocking = self.getblocking()
        self.setblocking(False)
        try:
            data = self.recv(1)
        except OSError as e:
            if e.errno not in (errno.ENOTCONN, errno.EINVAL,
                               errno.EAGAIN):
                raise
            data = b''
        finally:
            self.setblocking(blocking)
        if data:
            reason = "Closed before TLS handshake with data in recv buffer."
            err = SSLError(SSLErrorNumber.SSL_ERROR_SSL, reason)
            err.reason = reason
            err.library = None
            self.close()
            raise err

    @property
    def context(self):
        return self._context

    @context.setter
    def context(self, ctx):
        self._context = ctx
        self._sslobj.context = ctx

    @property
    def session(self):
        if self._sslobj is not None:
            return self._sslobj.session
        return self._session

    @session.setter
    def session(self, session):
        self._session = session
        if self._sslobj is not None:
            self._sslobj.session = session

    @property
    def session_reused(self):
        if self._sslobj is not None:
            return self._sslobj.session_reused
        return None

    def dup(self):
        raise NotImplementedError(
            f"Can't dup() {self.__class__.__name__} instances")

    def _checkClosed(self, msg=None):
        # The socket's own methods raise on a closed descriptor.
        pass

    def _check_connected(self):
        if not self._connected:
            # Raises ENOTCONN for an unconnected socket.
            self.getpeername()

    def read(self, len=1024, buffer=None):
        """Read up to len bytes (into buffer, returning the count, when
        given); b'' (or 0) at a ragged end of file if suppressed."""
        self._checkClosed()
        if self._sslobj is None:
            raise ValueError("Read on closed or unwrapped SSL socket.")
        try:
            if buffer is not None:
                return self._sslobj.read(len, buffer)
            return self._sslobj.read(len)
        except SSLError as e:
            if e.args[0] == SSL_ERROR_EOF and self.suppress_ragged_eofs:
                return 0 if buffer is not None else b''
            raise

    def write(self, data):
        """Write data; returns the number of bytes written."""
        self._checkClosed()
        if self._sslobj is None:
            raise ValueError("Write on closed or unwrapped SSL socket.")
        return self._sslobj.write(data)

    def getpeercert(self, binary_form=False):
        self._checkClosed()
        self._check_connected()
        return self._sslobj.getpeercert(binary_form)

    def get_verified_chain(self):
        chain = self._sslobj.get_verified_chain() if self._sslobj else None
        return [] if chain is None else chain

    def get_unverified_chain(self):
        chain = self._sslobj.get_unverified_chain() if self._sslobj else None
        return [] if chain is None else chain

    def selected_npn_protocol(self):
        warnings.warn("ssl NPN is deprecated, use ALPN instead",
                      DeprecationWarning, stacklevel=2)
        return None

    def selected_alpn_protocol(self):
        self._checkClosed()
        if self._sslobj is None:
            return None
        return self._sslobj.selected_alpn_protocol()

    def cipher(self):
        self._checkClosed()
        return None if self._sslobj is None else self._sslobj.cipher()

    def shared_ciphers(self):
        self._checkClosed()
        if self._sslobj is None:
            return None
        return self._sslobj.shared_ciphers()

    def compression(self):
        self._checkClosed()
        if self._sslobj is None:
            return None
        return self._sslobj.compression()

    def _no_flags(self, flags, method):
        if flags != 0:
            raise ValueError(f"non-zero flags not allowed in calls to "
                             f"{method}() on {self.__class__}")

    def send(self, data, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            self._no_flags(flags, "send")
            return self._sslobj.write(data)
        return super().send(data, flags)

    def sendto(self, data, flags_or_addr, addr=None):
        self._checkClosed()
        if self._sslobj is not None:
            raise ValueError(f"sendto not allowed on instances of "
                             f"{self.__class__}")
        if addr is None:
            return super().sendto(data, flags_or_addr)
        return super().sendto(data, flags_or_addr, addr)

    def sendmsg(self, *args, **kwargs):
        raise NotImplementedError(f"sendmsg not allowed on instances of "
                                  f"{self.__class__}")

    def sendall(self, data, flags=0):
        self._checkClosed()
        if self._sslobj is None:
            return super().sendall(data, flags)
        self._no_flags(flags, "sendall")
        with memoryview(data) as view, view.cast("B") as octets:
            sent = 0
            while sent < len(octets):
                sent += self.send(octets[sent:])

    def sendfile(self, file, offset=0, count=None):
        """Send a file; over TLS the data goes through send() since the
        kernel cannot encrypt it."""
        if self._sslobj is not None:
            return self._sendfile_use_send(file, offset, count)
        return super().sendfile(file, offset, count)

    def recv(self, buflen=1024, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            self._no_flags(flags, "recv")
            return self.read(buflen)
        return super().recv(buflen, flags)

    def recv_into(self, buffer, nbytes=None, flags=0):
        self._checkClosed()
        if nbytes is None:
            nbytes = len(buffer) if buffer else 1024
        if self._sslobj is not None:
            self._no_flags(flags, "recv_into")
            return self.read(nbytes, buffer)
        return super().recv_into(buffer, nbytes, flags)

    def recvfrom(self, buflen=1024, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            raise ValueError(f"recvfrom not allowed on instances of "
                             f"{self.__class__}")
        return super().recvfrom(buflen, flags)

    def recvfrom_into(self, buffer, nbytes=None, flags=0):
        self._checkClosed()
        if self._sslobj is not None:
            raise ValueError(f"recvfrom_into not allowed on instances of "
                             f"{self.__class__}")
        return super().recvfrom_into(buffer, nbytes, flags)

    def recvmsg(self, *args, **kwargs):
        raise NotImplementedError(f"recvmsg not allowed on instances of "
                                  f"{self.__class__}")

    def recvmsg_into(self, *args, **kwargs):
        raise NotImplementedError(f"recvmsg_into not allowed on instances "
                                  f"of {self.__class__}")

    def pending(self):
        self._checkClosed()
        return self._sslobj.pending() if self._sslobj is not None else 0

    def shutdown(self, how):
        self._checkClosed()
        self._sslobj = None
        super().shutdown(how)

    def unwrap(self):
        """Close the TLS layer and return the plain socket under it."""
        if self._sslobj is None:
            raise ValueError("No SSL wrapper around " + str(self))
        sock = self._sslobj.shutdown()
        self._sslobj = None
        return sock

    def verify_client_post_handshake(self):
        if self._sslobj is None:
            raise ValueError("No SSL wrapper around " + str(self))
        return self._sslobj.verify_client_post_handshake()

    def _real_close(self):
        self._sslobj = None
        super()._real_close()

    def do_handshake(self, block=False):
        """Perform the TLS handshake (block=True waits even on a
        non-blocking socket)."""
        self._check_connected()
        timeout = self.gettimeout()
        try:
            if timeout == 0.0 and block:
                self.settimeout(None)
            self._sslobj.do_handshake()
        finally:
            self.settimeout(timeout)

    def _real_connect(self, addr, connect_ex):
        if self.server_side:
            raise ValueError("can't connect in server-side mode")
        if self._connected or self._sslobj is not None:
            raise ValueError("attempt to connect already-connected "
                             "SSLSocket!")
        self._sslobj = self.context._wrap_socket(
            self, False, self.server_hostname, owner=self,
            session=self._session)
        try:
            if connect_ex:
                rc = super().connect_ex(addr)
            else:
                rc = None
                super().connect(addr)
            if not rc:
                self._connected = True
                if self.do_handshake_on_connect:
                    self.do_handshake()
            return rc
        except (OSError, ValueError):
            self._sslobj = None
            raise

    def connect(self, addr):
        """Connect to addr, then do the handshake (unless
        do_handshake_on_connect is false)."""
        self._real_connect(addr, False)

    def connect_ex(self, addr):
        return self._real_connect(addr, True)

    def accept(self):
        """Accept a connection and wrap it as a server-side SSLSocket."""
        sock, addr = super().accept()
        sock = self.context.wrap_socket(
            sock, do_handshake_on_connect=self.do_handshake_on_connect,
            suppress_ragged_eofs=self.suppress_ragged_eofs,
            server_side=True)
        return sock, addr

    def get_channel_binding(self, cb_type="tls-unique"):
        if self._sslobj is not None:
            return self._sslobj.get_channel_binding(cb_type)
        if cb_type not in CHANNEL_BINDING_TYPES:
            raise ValueError(f"{cb_type} channel binding type not "
                             f"implemented")
        return None

    def version(self):
        return self._sslobj.version() if self._sslobj is not None else None


SSLContext.sslsocket_class = SSLSocket
SSLContext.sslobject_class = SSLObject


# ---- certificate helpers ----------------------------------------------------

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CERT_TIME = re.compile(r"([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) "
                        r"(\d{4}) GMT\Z")


def cert_time_to_seconds(cert_time):
    """Seconds since the epoch of a certificate time such as
    "May  9 00:00:00 2007 GMT" (the notBefore/notAfter form; month
    names are English whatever the locale)."""
    import calendar
    match = _CERT_TIME.match(cert_time)
    month = match.group(1).title() if match else None
    if month not in _MONTHS:
        raise ValueError(f"time data {cert_time!r} does not match format "
                         f"\"%b %d %H:%M:%S %Y GMT\"")
    day, hour, minute, second, year = (int(g) for g in match.group(2, 3, 4,
                                                                   5, 6))
    if not (1 <= day <= 31 and hour < 24 and minute < 60 and second < 62):
        raise ValueError(f"time data {cert_time!r} does not match format "
                         f"\"%b %d %H:%M:%S %Y GMT\"")
    return calendar.timegm((year, _MONTHS.index(month) + 1, day, hour,
                            minute, second))


def DER_cert_to_PEM_cert(der_cert_bytes):
    """The PEM text of a DER-encoded certificate."""
    text = base64.standard_b64encode(der_cert_bytes).decode('ascii')
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return PEM_HEADER + '\n' + '\n'.join(lines) + '\n' + PEM_FOOTER + '\n'


def PEM_cert_to_DER_cert(pem_cert_string):
    """The DER bytes of a PEM-encoded certificate."""
    if not pem_cert_string.startswith(PEM_HEADER):
        raise ValueError(f"Invalid PEM encoding; must start with "
                         f"{PEM_HEADER}")
    stripped = pem_cert_string.strip()
    if not stripped.endswith(PEM_FOOTER):
        raise ValueError(f"Invalid PEM encoding; must end with {PEM_FOOTER}")
    body = stripped[len(PEM_HEADER):-len(PEM_FOOTER)]
    return base64.decodebytes(body.encode('ascii', 'strict'))


def get_server_certificate(addr, ssl_version=PROTOCOL_TLS_CLIENT,
                           ca_certs=None, timeout=_GLOBAL_DEFAULT_TIMEOUT):
    """The PEM certificate of the server at addr = (host, port),
    verified against ca_certs when given."""
    host, port = addr
    cert_reqs = CERT_REQUIRED if ca_certs is not None else CERT_NONE
    context = _create_stdlib_context(ssl_version, cert_reqs=cert_reqs,
                                     cafile=ca_certs)
    with create_connection(addr, timeout=timeout) as sock:
        with context.wrap_socket(sock, server_hostname=host) as sslsock:
            der = sslsock.getpeercert(True)
    return DER_cert_to_PEM_cert(der)
