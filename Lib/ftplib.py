"""An FTP client (RFC 959, with the RFC 2428 and RFC 3659 extensions).

`FTP` speaks the control connection as text lines and opens one data connection
per transfer, passive by default.  `FTP_TLS` adds explicit TLS (RFC 4217) when
the ssl module is available.

An FTP object is not meant to be shared between threads: its control
connection carries one command and its reply at a time.
"""

import re
import socket
import sys

__all__ = ["FTP", "error_reply", "error_temp", "error_perm", "error_proto",
           "all_errors"]

MSG_OOB = 0x1
FTP_PORT = 21
MAXLINE = 8192
CRLF = "\r\n"
B_CRLF = b"\r\n"


class Error(Exception):
    pass


class error_reply(Error):
    """The server answered with a reply the command did not expect."""


class error_temp(Error):
    """A 4xx reply: the command failed, trying again later may work."""


class error_perm(Error):
    """A 5xx reply: the command failed for good."""


class error_proto(Error):
    """The reply does not follow the protocol."""


all_errors = (Error, OSError, EOFError)

# Reply classes by first digit: 1-3 are answers, 4 and 5 failures.
_FAILURE_BY_DIGIT = {"4": error_temp, "5": error_perm}


def _strip_line_end(line):
    """Drop one CRLF, CR or LF from the end of a line."""
    if line[-2:] == CRLF:
        return line[:-2]
    if line[-1:] in {"\r", "\n"}:
        return line[:-1]
    return line


def _is_transfer_done(reply):
    return reply[:3] in {"225", "226", "426"}


class FTP:
    """A client session with one FTP server.

    FTP(host, user, passwd, acct, timeout, source_address, encoding=...)
    connects when host is given and logs in when user is given too.
    """

    debugging = 0
    host = ""
    port = FTP_PORT
    maxline = MAXLINE
    sock = None
    file = None
    welcome = None
    passiveserver = True
    # A PASV reply names an address; by default the control connection's
    # peer is used instead, so a hostile server cannot aim us elsewhere.
    trust_server_pasv_ipv4_address = False

    def __init__(self, host="", user="", passwd="", acct="",
                 timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                 *, encoding="utf-8"):
        self.encoding = encoding
        self.source_address = source_address
        self.timeout = timeout
        if host:
            self.connect(host)
            if user:
                self.login(user, passwd, acct)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.sock is not None:
            try:
                self.quit()
            except (OSError, EOFError):
                pass
            finally:
                if self.sock is not None:
                    self.close()

    # --- the control connection ------------------------------------------

    def connect(self, host="", port=0, timeout=-999, source_address=None):
        """Open the control connection and return the server's welcome."""
        if host != "":
            self.host = host
        if port > 0:
            self.port = port
        if timeout != -999:
            self.timeout = timeout
        if self.timeout is not None and not self.timeout:
            raise ValueError("Non-blocking socket (timeout=0) is not supported")
        if source_address is not None:
            self.source_address = source_address
        sys.audit("ftplib.connect", self, self.host, self.port)
        self.sock = socket.create_connection((self.host, self.port),
                                             self.timeout,
                                             source_address=self.source_address)
        self.af = self.sock.family
        self.file = self.sock.makefile("r", encoding=self.encoding)
        self.welcome = self.getresp()
        return self.welcome

    def getwelcome(self):
        if self.debugging:
            print("*welcome*", self.sanitize(self.welcome))
        return self.welcome

    def set_debuglevel(self, level):
        """0: silent; 1: one line per request; 2 and more: every line."""
        self.debugging = level

    debug = set_debuglevel

    def set_pasv(self, val):
        self.passiveserver = bool(val)

    def sanitize(self, line):
        """repr() of a line with a PASS argument masked."""
        if line[:5] in {"pass ", "PASS "}:
            end = len(line.rstrip("\r\n"))
            line = line[:5] + "*" * (end - 5) + line[end:]
        return repr(line)

    def putline(self, line):
        if "\r" in line or "\n" in line:
            raise ValueError("an illegal newline character should not be contained")
        sys.audit("ftplib.sendcmd", self, line)
        line = line + CRLF
        if self.debugging > 1:
            print("*put*", self.sanitize(line))
        self.sock.sendall(line.encode(self.encoding))

    def putcmd(self, line):
        if self.debugging:
            print("*cmd*", self.sanitize(line))
        self.putline(line)

    def getline(self):
        line = self.file.readline(self.maxline + 1)
        if len(line) > self.maxline:
            raise Error("got more than %d bytes" % self.maxline)
        if self.debugging > 1:
            print("*get*", self.sanitize(line))
        if not line:
            raise EOFError
        return _strip_line_end(line)

    def getmultiline(self):
        """One reply; a multi-line reply ("123-...") ends at "123 ..."."""
        line = self.getline()
        if line[3:4] != "-":
            return line
        code = line[:3]
        while True:
            following = self.getline()
            line = line + "\n" + following
            if following[:3] == code and following[3:4] != "-":
                return line

    def getresp(self):
        reply = self.getmultiline()
        if self.debugging:
            print("*resp*", self.sanitize(reply))
        self.lastresp = reply[:3]
        digit = reply[:1]
        if digit in {"1", "2", "3"}:
            return reply
        raise _FAILURE_BY_DIGIT.get(digit, error_proto)(reply)

    def voidresp(self):
        """A reply that must be a completion (2xx)."""
        reply = self.getresp()
        if reply[:1] != "2":
            raise error_reply(reply)
        return reply

    def sendcmd(self, cmd):
        self.putcmd(cmd)
        return self.getresp()

    def voidcmd(self, cmd):
        self.putcmd(cmd)
        return self.voidresp()

    def abort(self):
        """Interrupt a transfer; the command is sent as urgent data."""
        request = b"ABOR" + B_CRLF
        if self.debugging > 1:
            print("*put urgent*", self.sanitize("ABOR" + CRLF))
        self.sock.sendall(request, MSG_OOB)
        reply = self.getmultiline()
        if not _is_transfer_done(reply):
            raise error_proto(reply)
        return reply

    # --- data connections ------------------------------------------------

    def sendport(self, host, port):
        fields = host.split(".") + [repr(port // 256), repr(port % 256)]
        return self.voidcmd("PORT " + ",".join(fields))

    def sendeprt(self, host, port):
        family = {socket.AF_INET: 1, socket.AF_INET6: 2}.get(self.af)
        if family is None:
            raise error_proto("unsupported address family")
        return self.voidcmd("EPRT |%d|%s|%d|" % (family, host, port))

    def makeport(self):
        """Listen for the server's data connection (active mode)."""
        listener = socket.create_server(("", 0), family=self.af, backlog=1)
        port = listener.getsockname()[1]
        host = self.sock.getsockname()[0]
        if self.af == socket.AF_INET:
            self.sendport(host, port)
        else:
            self.sendeprt(host, port)
        if self.timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
            listener.settimeout(self.timeout)
        return listener

    def makepasv(self):
        """Ask the server to listen (passive mode); return (host, port)."""
        if self.af == socket.AF_INET:
            offered_host, port = parse227(self.sendcmd("PASV"))
            if self.trust_server_pasv_ipv4_address:
                host = offered_host
            else:
                host = self.sock.getpeername()[0]
        else:
            host, port = parse229(self.sendcmd("EPSV"), self.sock.getpeername())
        return host, port

    def _expect_preliminary(self, cmd, rest):
        """Send a transfer command; the server must answer 1xx."""
        if rest is not None:
            self.sendcmd("REST %s" % rest)
        reply = self.sendcmd(cmd)
        # Some servers answer 2xx first and send the 1xx after it.
        if reply[0] == "2":
            reply = self.getresp()
        if reply[0] != "1":
            raise error_reply(reply)
        return reply

    def ntransfercmd(self, cmd, rest=None):
        """Start a transfer; return (data socket, expected size or None)."""
        if self.passiveserver:
            host, port = self.makepasv()
            conn = socket.create_connection((host, port), self.timeout,
                                            source_address=self.source_address)
            try:
                reply = self._expect_preliminary(cmd, rest)
            except:
                conn.close()
                raise
        else:
            with self.makeport() as listener:
                reply = self._expect_preliminary(cmd, rest)
                conn, _ = listener.accept()
                if self.timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                    conn.settimeout(self.timeout)
        size = parse150(reply) if reply[:3] == "150" else None
        return conn, size

    def transfercmd(self, cmd, rest=None):
        return self.ntransfercmd(cmd, rest)[0]

    def _finish_data(self, conn):
        """Hook: FTP_TLS closes the TLS layer of a data connection here."""

    def retrbinary(self, cmd, callback, blocksize=8192, rest=None):
        """Run a RETR-like command in binary mode, calling callback(chunk)."""
        self.voidcmd("TYPE I")
        with self.transfercmd(cmd, rest) as conn:
            while data := conn.recv(blocksize):
                callback(data)
            self._finish_data(conn)
        return self.voidresp()

    def retrlines(self, cmd, callback=None):
        """Run a LIST/NLST/RETR command in ASCII mode, one line per call."""
        if callback is None:
            callback = print_line
        self.sendcmd("TYPE A")
        with self.transfercmd(cmd) as conn, \
                conn.makefile("r", encoding=self.encoding) as stream:
            while True:
                line = stream.readline(self.maxline + 1)
                if len(line) > self.maxline:
                    raise Error("got more than %d bytes" % self.maxline)
                if self.debugging > 2:
                    print("*retr*", repr(line))
                if not line:
                    break
                callback(_strip_line_end(line))
            self._finish_data(conn)
        return self.voidresp()

    def storbinary(self, cmd, fp, blocksize=8192, callback=None, rest=None):
        """Send fp's contents with a STOR-like command in binary mode."""
        self.voidcmd("TYPE I")
        with self.transfercmd(cmd, rest) as conn:
            while chunk := fp.read(blocksize):
                conn.sendall(chunk)
                if callback:
                    callback(chunk)
            self._finish_data(conn)
        return self.voidresp()

    def storlines(self, cmd, fp, callback=None):
        """Send fp's lines in ASCII mode, each ended by CRLF."""
        self.voidcmd("TYPE A")
        with self.transfercmd(cmd) as conn:
            while True:
                line = fp.readline(self.maxline + 1)
                if len(line) > self.maxline:
                    raise Error("got more than %d bytes" % self.maxline)
                if not line:
                    break
                if line[-2:] != B_CRLF:
                    if line[-1:] in {b"\r", b"\n"}:
                        line = line[:-1]
                    line = line + B_CRLF
                conn.sendall(line)
                if callback:
                    callback(line)
            self._finish_data(conn)
        return self.voidresp()

    # --- commands ----------------------------------------------------------

    def login(self, user="", passwd="", acct=""):
        """USER, then PASS and ACCT as far as the server asks for them."""
        user = user or "anonymous"
        passwd = passwd or ""
        acct = acct or ""
        if user == "anonymous" and passwd in {"", "-"}:
            # RFC 1635: an anonymous password is an e-mail-like token; "-"
            # asks the server for terse replies.
            passwd = passwd + "anonymous@"
        reply = self.sendcmd("USER " + user)
        if reply[0] == "3":
            reply = self.sendcmd("PASS " + passwd)
        if reply[0] == "3":
            reply = self.sendcmd("ACCT " + acct)
        if reply[0] != "2":
            raise error_reply(reply)
        return reply

    def acct(self, password):
        return self.voidcmd("ACCT " + password)

    def nlst(self, *args):
        """Names in a directory (NLST)."""
        names = []
        self.retrlines(" ".join(("NLST",) + args), names.append)
        return names

    def dir(self, *args):
        """Print (or pass to a trailing callable) a LIST listing."""
        callback = None
        if args and not isinstance(args[-1], str):
            args, callback = args[:-1], args[-1]
        cmd = " ".join(["LIST"] + [arg for arg in args if arg])
        self.retrlines(cmd, callback)

    def mlsd(self, path="", facts=[]):
        """Yield (name, facts dict) for each entry of an MLSD listing."""
        if facts:
            self.sendcmd("OPTS MLST " + ";".join(facts) + ";")
        lines = []
        self.retrlines("MLSD %s" % path if path else "MLSD", lines.append)
        for line in lines:
            fact_text, _, name = line.rstrip(CRLF).partition(" ")
            entry = {}
            for fact in fact_text[:-1].split(";"):
                key, _, value = fact.partition("=")
                entry[key.lower()] = value
            yield name, entry

    def rename(self, fromname, toname):
        reply = self.sendcmd("RNFR " + fromname)
        if reply[0] != "3":
            raise error_reply(reply)
        return self.voidcmd("RNTO " + toname)

    def delete(self, filename):
        reply = self.sendcmd("DELE " + filename)
        if reply[:3] in {"250", "200"}:
            return reply
        raise error_reply(reply)

    def cwd(self, dirname):
        if dirname == "..":
            try:
                return self.voidcmd("CDUP")
            except error_perm as exc:
                # 500: the server does not know CDUP; fall back to CWD ..
                if exc.args[0][:3] != "500":
                    raise
        elif dirname == "":
            dirname = "."
        return self.voidcmd("CWD " + dirname)

    def size(self, filename):
        """The size of a file (SIZE, RFC 3659), or None."""
        reply = self.sendcmd("SIZE " + filename)
        if reply[:3] == "213":
            return int(reply[3:].strip())
        return None

    def mkd(self, dirname):
        reply = self.voidcmd("MKD " + dirname)
        return parse257(reply) if reply.startswith("257") else ""

    def rmd(self, dirname):
        return self.voidcmd("RMD " + dirname)

    def pwd(self):
        reply = self.voidcmd("PWD")
        return parse257(reply) if reply.startswith("257") else ""

    def quit(self):
        reply = self.voidcmd("QUIT")
        self.close()
        return reply

    def close(self):
        """Close the connection without telling the server."""
        try:
            stream = self.file
            self.file = None
            if stream is not None:
                stream.close()
        finally:
            sock = self.sock
            self.sock = None
            if sock is not None:
                sock.close()


try:
    import ssl
except ImportError:
    _SSLSocket = None
else:
    _SSLSocket = ssl.SSLSocket

    class FTP_TLS(FTP):
        """FTP with explicit TLS on the control and, after prot_p(), the
        data connections (RFC 4217)."""

        def __init__(self, host="", user="", passwd="", acct="", *,
                     context=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                     source_address=None, encoding="utf-8"):
            if context is None:
                context = ssl._create_stdlib_context()
            self.context = context
            self._prot_p = False
            super().__init__(host, user, passwd, acct, timeout,
                             source_address, encoding=encoding)

        def login(self, user="", passwd="", acct="", secure=True):
            if secure and not isinstance(self.sock, ssl.SSLSocket):
                self.auth()
            return super().login(user, passwd, acct)

        def auth(self):
            """Switch the control connection to TLS (AUTH TLS)."""
            if isinstance(self.sock, ssl.SSLSocket):
                raise ValueError("Already using TLS")
            reply = self.voidcmd("AUTH TLS")
            self.sock = self.context.wrap_socket(self.sock,
                                                 server_hostname=self.host)
            self.file = self.sock.makefile(mode="r", encoding=self.encoding)
            return reply

        def ccc(self):
            """Return the control connection to clear text (CCC)."""
            if not isinstance(self.sock, ssl.SSLSocket):
                raise ValueError("not using TLS")
            reply = self.voidcmd("CCC")
            self.sock = self.sock.unwrap()
            return reply

        def prot_p(self):
            """Protect data connections from now on (PBSZ 0, PROT P)."""
            self.voidcmd("PBSZ 0")
            reply = self.voidcmd("PROT P")
            self._prot_p = True
            return reply

        def prot_c(self):
            """Send data in clear text from now on (PROT C)."""
            reply = self.voidcmd("PROT C")
            self._prot_p = False
            return reply

        def ntransfercmd(self, cmd, rest=None):
            conn, size = super().ntransfercmd(cmd, rest)
            if self._prot_p:
                conn = self.context.wrap_socket(conn, server_hostname=self.host)
            return conn, size

        def _finish_data(self, conn):
            if isinstance(conn, ssl.SSLSocket):
                conn.unwrap()

        def abort(self):
            # Urgent data cannot be sent through TLS: a plain ABOR it is.
            self.sock.sendall(b"ABOR" + B_CRLF)
            reply = self.getmultiline()
            if not _is_transfer_done(reply):
                raise error_proto(reply)
            return reply

    __all__.append("FTP_TLS")
    all_errors = (Error, OSError, EOFError, ssl.SSLError)


_size_in_150 = re.compile(r"150 .* \((\d+) bytes\)", re.IGNORECASE | re.ASCII)


def parse150(resp):
    """The size announced by a 150 reply, or None."""
    if resp[:3] != "150":
        raise error_reply(resp)
    match = _size_in_150.match(resp)
    return int(match.group(1)) if match else None


_address_in_227 = re.compile(r"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)", re.ASCII)


def parse227(resp):
    """(host, port) from a PASV reply: 227 ... (h1,h2,h3,h4,p1,p2)."""
    if resp[:3] != "227":
        raise error_reply(resp)
    match = _address_in_227.search(resp)
    if not match:
        raise error_proto(resp)
    numbers = match.groups()
    return ".".join(numbers[:4]), (int(numbers[4]) << 8) + int(numbers[5])


def parse229(resp, peer):
    """(host, port) from an EPSV reply: 229 ... (|||port|); host is the peer's."""
    if resp[:3] != "229":
        raise error_reply(resp)
    left = resp.find("(")
    if left < 0:
        raise error_proto(resp)
    right = resp.find(")", left + 1)
    if right < 0:
        raise error_proto(resp)
    delimiter = resp[left + 1]
    if resp[right - 1] != delimiter:
        raise error_proto(resp)
    parts = resp[left + 1:right].split(delimiter)
    if len(parts) != 5:
        raise error_proto(resp)
    return peer[0], int(parts[3])


def parse257(resp):
    """The directory name quoted in a 257 reply ("" doubles a quote)."""
    if resp[:3] != "257":
        raise error_reply(resp)
    if resp[3:5] != ' "':
        return ""
    name = []
    position = 5
    while position < len(resp):
        char = resp[position]
        position += 1
        if char == '"':
            if position >= len(resp) or resp[position] != '"':
                break
            position += 1
        name.append(char)
    return "".join(name)


def print_line(line):
    """The default callback of retrlines()."""
    print(line)


def ftpcp(source, sourcename, target, targetname="", type="I"):
    """Copy a file from one server to another (server-to-server transfer)."""
    if not targetname:
        targetname = sourcename
    type = "TYPE " + type
    source.voidcmd(type)
    target.voidcmd(type)
    source_host, source_port = parse227(source.sendcmd("PASV"))
    target.sendport(source_host, source_port)
    # The target must be listening (STOR sent) before the source connects.
    reply = target.sendcmd("STOR " + targetname)
    if reply[:3] not in {"125", "150"}:
        raise error_proto
    reply = source.sendcmd("RETR " + sourcename)
    if reply[:3] not in {"125", "150"}:
        raise error_proto
    source.voidresp()
    target.voidresp()


def test():
    """python -m ftplib [-d] [-rFILE] host [-lDIR] [-dDIR] [-p] [file] ..."""
    if len(sys.argv) < 2:
        print(test.__doc__)
        sys.exit(0)
    import netrc
    debugging = 0
    rcfile = None
    while sys.argv[1] == "-d":
        debugging = debugging + 1
        del sys.argv[1]
    if sys.argv[1][:2] == "-r":
        rcfile = sys.argv[1][2:]
        del sys.argv[1]
    host = sys.argv[1]
    ftp = FTP(host)
    ftp.set_debuglevel(debugging)
    user = passwd = acct = ""
    try:
        credentials = netrc.netrc(rcfile).authenticators(host)
    except OSError:
        if rcfile is not None:
            sys.stderr.write("Could not open account file -- using anonymous login.")
    else:
        if credentials:
            user, acct, passwd = credentials
    ftp.login(user, passwd, acct)
    for argument in sys.argv[2:]:
        if argument[:2] == "-l":
            ftp.dir(argument[2:])
        elif argument[:2] == "-d":
            ftp.cwd(argument[2:] or ".")
        elif argument == "-p":
            ftp.set_pasv(not ftp.passiveserver)
        else:
            ftp.retrbinary("RETR " + argument, sys.stdout.buffer.write, 1024)
            sys.stdout.buffer.flush()
        sys.stdout.flush()
    ftp.quit()


if __name__ == "__main__":
    test()
