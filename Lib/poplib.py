"""A POP3 client (RFC 1939, with CAPA and STLS from RFC 2449 and RFC 2595).

Replies are bytes: a status line "+OK ..." and, for multi-line commands, the
lines up to the terminating "." with dot-stuffing undone.  A POP3 object
carries one session and is not meant to be shared between threads.
"""

import errno
import re
import socket
import sys

try:
    import ssl
except ImportError:
    ssl = None

__all__ = ["POP3", "error_proto"]


class error_proto(Exception):
    pass


POP3_PORT = 110
POP3_SSL_PORT = 995
CR = b"\r"
LF = b"\n"
CRLF = CR + LF

# RFC 1939 limits a reply line to 512 octets; allow for servers that do not.
_MAXLINE = 2048

# The APOP banner carries a timestamp in angle brackets: "+OK ... <1896.697@host>".
_APOP_TIMESTAMP = re.compile(rb"\+OK.[^<]*(<.*>)")


class POP3:
    """One session with a POP3 server, opened at construction.

    Commands return the server's status line (bytes); multi-line commands
    return (status, [lines], octets).
    """

    encoding = "UTF-8"

    def __init__(self, host, port=POP3_PORT,
                 timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        self.host = host
        self.port = port
        self._tls_established = False
        sys.audit("poplib.connect", self, host, port)
        self.sock = self._create_socket(timeout)
        self.file = self.sock.makefile("rb")
        self._debugging = 0
        self.welcome = self._getresp()

    def _create_socket(self, timeout):
        if timeout is not None and not timeout:
            raise ValueError("Non-blocking socket (timeout=0) is not supported")
        return socket.create_connection((self.host, self.port), timeout)

    # --- lines and replies -----------------------------------------------

    def _putline(self, line):
        if self._debugging > 1:
            print("*put*", repr(line))
        sys.audit("poplib.putline", self, line)
        self.sock.sendall(line + CRLF)

    def _putcmd(self, line):
        if self._debugging:
            print("*cmd*", repr(line))
        self._putline(bytes(line, self.encoding))

    def _getline(self):
        """(line without its end, octets read including the end)."""
        line = self.file.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise error_proto("line too long")
        if self._debugging > 1:
            print("*get*", repr(line))
        if not line:
            raise error_proto("-ERR EOF")
        octets = len(line)
        if line[-2:] == CRLF:
            return line[:-2], octets
        if line[:1] == CR:
            return line[1:-1], octets
        return line[:-1], octets

    def _getresp(self):
        reply, _ = self._getline()
        if self._debugging > 1:
            print("*resp*", repr(reply))
        if not reply.startswith(b"+"):
            raise error_proto(reply)
        return reply

    def _getlongresp(self):
        reply = self._getresp()
        lines = []
        total = 0
        line, octets = self._getline()
        while line != b".":
            if line.startswith(b".."):
                # Dot-stuffing (RFC 1939 section 3): the server doubled it.
                octets -= 1
                line = line[1:]
            total += octets
            lines.append(line)
            line, octets = self._getline()
        return reply, lines, total

    def _shortcmd(self, line):
        self._putcmd(line)
        return self._getresp()

    def _longcmd(self, line):
        self._putcmd(line)
        return self._getlongresp()

    # --- commands ----------------------------------------------------------

    def getwelcome(self):
        return self.welcome

    def set_debuglevel(self, level):
        self._debugging = level

    def user(self, user):
        return self._shortcmd("USER %s" % user)

    def pass_(self, pswd):
        return self._shortcmd("PASS %s" % pswd)

    def stat(self):
        """(message count, mailbox size in octets)."""
        fields = self._shortcmd("STAT").split()
        if self._debugging:
            print("*stat*", repr(fields))
        return int(fields[1]), int(fields[2])

    def list(self, which=None):
        """Scan listing of all messages, or the status line for one."""
        if which is not None:
            return self._shortcmd("LIST %s" % which)
        return self._longcmd("LIST")

    def retr(self, which):
        return self._longcmd("RETR %s" % which)

    def dele(self, which):
        return self._shortcmd("DELE %s" % which)

    def noop(self):
        return self._shortcmd("NOOP")

    def rset(self):
        return self._shortcmd("RSET")

    def quit(self):
        reply = self._shortcmd("QUIT")
        self.close()
        return reply

    def close(self):
        """Close the connection without sending QUIT."""
        try:
            stream = self.file
            self.file = None
            if stream is not None:
                stream.close()
        finally:
            sock = self.sock
            self.sock = None
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError as exc:
                    # The peer may have closed first.
                    if exc.errno != errno.ENOTCONN:
                        raise
                finally:
                    sock.close()

    def rpop(self, user):
        return self._shortcmd("RPOP %s" % user)

    def apop(self, user, password):
        """Log in with a digest of the banner's timestamp and the secret."""
        match = _APOP_TIMESTAMP.match(self.welcome)
        if not match:
            raise error_proto("-ERR APOP not supported by server")
        import hashlib
        digest = hashlib.md5(match.group(1) + bytes(password, self.encoding))
        return self._shortcmd("APOP %s %s" % (user, digest.hexdigest()))

    def top(self, which, howmuch):
        """The headers and the first howmuch body lines of a message."""
        return self._longcmd("TOP %s %s" % (which, howmuch))

    def uidl(self, which=None):
        if which is not None:
            return self._shortcmd("UIDL %s" % which)
        return self._longcmd("UIDL")

    def utf8(self):
        return self._shortcmd("UTF8")

    def capa(self):
        """The server's capabilities: {name: [arguments]}."""
        try:
            _, lines, _ = self._longcmd("CAPA")
        except error_proto:
            raise error_proto("-ERR CAPA not supported by server")
        capabilities = {}
        for line in lines:
            name, *arguments = line.decode("ascii").split()
            capabilities[name] = arguments
        return capabilities

    def stls(self, context=None):
        """Switch the session to TLS (STLS)."""
        if ssl is None:
            raise error_proto("-ERR TLS support missing")
        if self._tls_established:
            raise error_proto("-ERR TLS session already established")
        if "STLS" not in self.capa():
            raise error_proto("-ERR STLS not supported by server")
        if context is None:
            context = ssl._create_stdlib_context()
        reply = self._shortcmd("STLS")
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)
        self.file = self.sock.makefile("rb")
        self._tls_established = True
        return reply


if ssl is not None:

    class POP3_SSL(POP3):
        """POP3 over a TLS connection from the start (port 995)."""

        def __init__(self, host, port=POP3_SSL_PORT, *,
                     timeout=socket._GLOBAL_DEFAULT_TIMEOUT, context=None):
            if context is None:
                context = ssl._create_stdlib_context()
            self.context = context
            super().__init__(host, port, timeout)

        def _create_socket(self, timeout):
            sock = super()._create_socket(timeout)
            return self.context.wrap_socket(sock, server_hostname=self.host)

        def stls(self, context=None):
            raise error_proto("-ERR TLS session already established")

    __all__.append("POP3_SSL")


if __name__ == "__main__":
    session = POP3(sys.argv[1])
    print(session.getwelcome())
    session.user(sys.argv[2])
    session.pass_(sys.argv[3])
    session.list()
    count, _ = session.stat()
    for number in range(1, count + 1):
        _, lines, _ = session.retr(number)
        print("Message %d:" % number)
        for line in lines:
            print("   " + line.decode(session.encoding, "replace"))
        print("-----------------------")
    session.quit()
