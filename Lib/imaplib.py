"""An IMAP4rev1 client (RFC 3501), with IDLE, ENABLE, STARTTLS and UTF8.

Every command returns (type, data): type is "OK", "NO" or "BAD" (a BAD
reply raises IMAP4.error), data a list of the untagged responses the command
asked for, each bytes or, when the server sent a literal, a tuple
(prefix, literal bytes).  An IMAP4 object is one session; its commands and
replies are sequenced on one connection, so it is not meant to be shared
between threads.
"""

import binascii
import calendar
import collections
import errno
import random
import re
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from io import DEFAULT_BUFFER_SIZE

try:
    import ssl
except ImportError:
    ssl = None

__all__ = ["IMAP4", "IMAP4_stream", "Internaldate2tuple",
           "Int2AP", "ParseFlags", "Time2Internaldate"]

CRLF = b"\r\n"
Debug = 0
IMAP4_PORT = 143
IMAP4_SSL_PORT = 993
AllowedVersions = ("IMAP4REV1", "IMAP4")

# A reply line longer than this is refused: a broken or hostile server
# must not make the client buffer without bound.
_MAXLINE = 1000000

_ANY = ("NONAUTH", "AUTH", "SELECTED", "LOGOUT")
_OPEN = ("AUTH", "SELECTED")

# The session states in which each command may be sent (RFC 3501 section 3
# and the extensions' RFCs).
Commands = {
    "APPEND": _OPEN, "AUTHENTICATE": ("NONAUTH",), "CAPABILITY": _ANY,
    "CHECK": ("SELECTED",), "CLOSE": ("SELECTED",), "COPY": ("SELECTED",),
    "CREATE": _OPEN, "DELETE": _OPEN, "DELETEACL": _OPEN,
    "ENABLE": ("AUTH",), "EXAMINE": _OPEN, "EXPUNGE": ("SELECTED",),
    "FETCH": ("SELECTED",), "GETACL": _OPEN, "GETANNOTATION": _OPEN,
    "GETQUOTA": _OPEN, "GETQUOTAROOT": _OPEN, "IDLE": _OPEN,
    "MYRIGHTS": _OPEN, "LIST": _OPEN, "LOGIN": ("NONAUTH",), "LOGOUT": _ANY,
    "LSUB": _OPEN, "MOVE": ("SELECTED",), "NAMESPACE": _OPEN, "NOOP": _ANY,
    "PARTIAL": ("SELECTED",), "PROXYAUTH": ("AUTH",), "RENAME": _OPEN,
    "SEARCH": ("SELECTED",), "SELECT": _OPEN, "SETACL": _OPEN,
    "SETANNOTATION": _OPEN, "SETQUOTA": _OPEN, "SORT": ("SELECTED",),
    "STARTTLS": ("NONAUTH",), "STATUS": _OPEN, "STORE": ("SELECTED",),
    "SUBSCRIBE": _OPEN, "THREAD": ("SELECTED",), "UID": ("SELECTED",),
    "UNSUBSCRIBE": _OPEN, "UNSELECT": ("SELECTED",),
}

# Reply grammar (RFC 3501 section 7), on raw bytes.
Continuation = re.compile(rb"\+( (?P<data>.*))?", re.ASCII)
Flags = re.compile(rb".*FLAGS \((?P<flags>[^\)]*)\)", re.ASCII)
InternalDate = re.compile(
    rb'.*INTERNALDATE "'
    rb"(?P<day>[ 0123][0-9])-(?P<mon>[A-Z][a-z][a-z])-(?P<year>[0-9]{4})"
    rb" (?P<hour>[0-9]{2}):(?P<min>[0-9]{2}):(?P<sec>[0-9]{2})"
    rb' (?P<zonen>[-+])(?P<zoneh>[0-9]{2})(?P<zonem>[0-9]{2})"', re.ASCII)
Literal = re.compile(rb".*{(?P<size>\d+)}$", re.ASCII)
MapCRLF = re.compile(rb"\r\n|\r|\n")
Response_code = re.compile(rb"\[(?P<type>[A-Z-]+)( (?P<data>.*))?\]", re.ASCII)
Untagged_response = re.compile(rb"\* (?P<type>[A-Z-]+)( (?P<data>.*))?", re.ASCII)
Untagged_status = re.compile(
    rb"\* (?P<data>\d+) (?P<type>[A-Z-]+)( (?P<data2>.*))?", re.ASCII)

MonthNames = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
Mon2num = {name.encode(): number
           for number, name in enumerate(MonthNames) if name}


class IMAP4:
    """A session with an IMAP4 server: IMAP4(host="", port=143, timeout=None)."""

    class error(Exception):
        """Any failure; a BAD reply among them."""

    class abort(error):
        """The connection is unusable; reconnect."""

    class readonly(abort):
        """The selected mailbox was made read-only under us."""

    def __init__(self, host="", port=IMAP4_PORT, timeout=None):
        self.debug = Debug
        self.state = "LOGOUT"
        self.literal = None
        self.tagged_commands = {}
        self.untagged_responses = {}
        self.continuation_response = ""
        self.is_readonly = False
        self.tagnum = 0
        self._tls_established = False
        self._idle_active = False
        self._idle_queue = None
        self._mode_ascii()
        self.open(host, port, timeout)
        try:
            self._connect()
        except Exception:
            try:
                self.shutdown()
            except OSError:
                pass
            raise

    def _mode_ascii(self):
        self.utf8_enabled = False
        self._encoding = "ascii"
        self._set_tag_prefix()

    def _mode_utf8(self):
        self.utf8_enabled = True
        self._encoding = "utf-8"
        self._set_tag_prefix()

    def _set_tag_prefix(self):
        # A random prefix makes a tag in message data unlikely to be
        # mistaken for the end of our command.
        if not hasattr(self, "tagpre"):
            self.tagpre = Int2AP(random.randint(4096, 65535))
        self.tagre = re.compile(rb"(?P<tag>" + self.tagpre +
                                rb"\d+) (?P<type>[A-Z]+) (?P<data>.*)", re.ASCII)

    def _connect(self):
        self.welcome = self._get_response()
        if "PREAUTH" in self.untagged_responses:
            self.state = "AUTH"
        elif "OK" in self.untagged_responses:
            self.state = "NONAUTH"
        else:
            raise self.error(self.welcome)
        self._get_capabilities()
        for version in AllowedVersions:
            if version in self.capabilities:
                self.PROTOCOL_VERSION = version
                return
        raise self.error("server not IMAP4 compliant")

    def __getattr__(self, attr):
        # IMAP4.FETCH(...) is IMAP4.fetch(...).
        if attr in Commands:
            return getattr(self, attr.lower())
        raise AttributeError("Unknown IMAP4 command: '%s'" % attr)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if self.state == "LOGOUT":
            return
        try:
            self.logout()
        except OSError:
            pass

    # --- the connection ----------------------------------------------------

    def _create_socket(self, timeout):
        if timeout is not None and not timeout:
            raise ValueError("Non-blocking socket (timeout=0) is not supported")
        sys.audit("imaplib.open", self, self.host, self.port)
        address = (self.host or None, self.port)
        if timeout is not None:
            return socket.create_connection(address, timeout)
        return socket.create_connection(address)

    def open(self, host="", port=IMAP4_PORT, timeout=None):
        """Connect; called by the constructor."""
        self.host = host
        self.port = port
        self.sock = self._create_socket(timeout)
        self.file = self.sock.makefile("rb")

    def read(self, size):
        return self.file.read(size)

    def readline(self):
        line = self.file.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise self.error("got more than %d bytes" % _MAXLINE)
        return line

    def send(self, data):
        sys.audit("imaplib.send", self, data)
        self.sock.sendall(data)

    def shutdown(self):
        """Close the connection without logging out."""
        self.file.close()
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError as exc:
            if exc.errno != errno.ENOTCONN:
                raise
        finally:
            self.sock.close()

    def socket(self):
        return self.sock

    # --- commands ----------------------------------------------------------

    def append(self, mailbox, flags, date_time, message):
        """Add message (bytes) to mailbox, with optional flags and date."""
        if not mailbox:
            mailbox = "INBOX"
        if flags:
            if (flags[0], flags[-1]) != ("(", ")"):
                flags = "(%s)" % flags
        else:
            flags = None
        date_time = Time2Internaldate(date_time) if date_time else None
        literal = MapCRLF.sub(CRLF, message)
        if self.utf8_enabled:
            literal = b"UTF8 (" + literal + b")"
        self.literal = literal
        return self._simple_command("APPEND", mailbox, flags, date_time)

    def authenticate(self, mechanism, authobject):
        """SASL authentication: authobject(challenge bytes) returns the
        response (bytes, str or None to cancel) for each server challenge."""
        self.literal = _Authenticator(authobject).process
        typ, data = self._simple_command("AUTHENTICATE", mechanism.upper())
        if typ != "OK":
            raise self.error(data[-1].decode("utf-8", "replace"))
        self.state = "AUTH"
        return typ, data

    def capability(self):
        typ, data = self._simple_command("CAPABILITY")
        return self._untagged_response(typ, data, "CAPABILITY")

    def check(self):
        return self._simple_command("CHECK")

    def close(self):
        """Close the selected mailbox, expunging deleted messages."""
        try:
            typ, data = self._simple_command("CLOSE")
        finally:
            self.state = "AUTH"
        return typ, data

    def copy(self, message_set, new_mailbox):
        return self._simple_command("COPY", message_set, new_mailbox)

    def create(self, mailbox):
        return self._simple_command("CREATE", mailbox)

    def delete(self, mailbox):
        return self._simple_command("DELETE", mailbox)

    def deleteacl(self, mailbox, who):
        return self._simple_command("DELETEACL", mailbox, who)

    def enable(self, capability):
        """ENABLE an extension (RFC 5161); UTF8=ACCEPT switches to UTF-8."""
        if "ENABLE" not in self.capabilities:
            raise IMAP4.error("Server does not support ENABLE")
        typ, data = self._simple_command("ENABLE", capability)
        if typ == "OK" and "UTF8=ACCEPT" in capability.upper():
            self._mode_utf8()
        return typ, data

    def expunge(self):
        typ, data = self._simple_command("EXPUNGE")
        return self._untagged_response(typ, data, "EXPUNGE")

    def fetch(self, message_set, message_parts):
        typ, data = self._simple_command("FETCH", message_set, message_parts)
        return self._untagged_response(typ, data, "FETCH")

    def getacl(self, mailbox):
        typ, data = self._simple_command("GETACL", mailbox)
        return self._untagged_response(typ, data, "ACL")

    def getannotation(self, mailbox, entry, attribute):
        typ, data = self._simple_command("GETANNOTATION", mailbox, entry,
                                         attribute)
        return self._untagged_response(typ, data, "ANNOTATION")

    def getquota(self, root):
        typ, data = self._simple_command("GETQUOTA", root)
        return self._untagged_response(typ, data, "QUOTA")

    def getquotaroot(self, mailbox):
        typ, data = self._simple_command("GETQUOTAROOT", mailbox)
        typ, quota = self._untagged_response(typ, data, "QUOTA")
        typ, quotaroot = self._untagged_response(typ, data, "QUOTAROOT")
        return typ, [quotaroot, quota]

    def idle(self, duration=None):
        """A context manager that holds the session in IDLE (RFC 2177);
        iterate over it for the server's untagged responses."""
        return Idler(self, duration)

    def list(self, directory='""', pattern="*"):
        typ, data = self._simple_command("LIST", directory, pattern)
        return self._untagged_response(typ, data, "LIST")

    def login(self, user, password):
        typ, data = self._simple_command("LOGIN", user, _quote(password))
        if typ != "OK":
            raise self.error(data[-1])
        self.state = "AUTH"
        return typ, data

    def login_cram_md5(self, user, password):
        """AUTHENTICATE CRAM-MD5 (RFC 2195)."""
        self.user, self.password = user, password
        return self.authenticate("CRAM-MD5", self._CRAM_MD5_AUTH)

    def _CRAM_MD5_AUTH(self, challenge):
        import hmac
        secret = self.password
        if isinstance(secret, str):
            secret = secret.encode("utf-8")
        return self.user + " " + hmac.HMAC(secret, challenge, "md5").hexdigest()

    def logout(self):
        self.state = "LOGOUT"
        typ, data = self._simple_command("LOGOUT")
        self.shutdown()
        return typ, data

    def lsub(self, directory='""', pattern="*"):
        typ, data = self._simple_command("LSUB", directory, pattern)
        return self._untagged_response(typ, data, "LSUB")

    def move(self, message_set, new_mailbox):
        return self._simple_command("MOVE", message_set, new_mailbox)

    def myrights(self, mailbox):
        typ, data = self._simple_command("MYRIGHTS", mailbox)
        return self._untagged_response(typ, data, "MYRIGHTS")

    def namespace(self):
        typ, data = self._simple_command("NAMESPACE")
        return self._untagged_response(typ, data, "NAMESPACE")

    def noop(self):
        return self._simple_command("NOOP")

    def partial(self, message_num, message_part, start, length):
        typ, data = self._simple_command("PARTIAL", message_num, message_part,
                                         start, length)
        return self._untagged_response(typ, data, "FETCH")

    def proxyauth(self, user):
        return self._simple_command("PROXYAUTH", user)

    def rename(self, oldmailbox, newmailbox):
        return self._simple_command("RENAME", oldmailbox, newmailbox)

    def search(self, charset, *criteria):
        if charset:
            if self.utf8_enabled:
                raise IMAP4.error("Non-None charset not valid in UTF8 mode")
            typ, data = self._simple_command("SEARCH", "CHARSET", charset,
                                             *criteria)
        else:
            typ, data = self._simple_command("SEARCH", *criteria)
        return self._untagged_response(typ, data, "SEARCH")

    def select(self, mailbox="INBOX", readonly=False):
        """SELECT (or EXAMINE when readonly); data is the EXISTS count."""
        self.untagged_responses = {}
        self.is_readonly = readonly
        typ, data = self._simple_command("EXAMINE" if readonly else "SELECT",
                                         mailbox)
        if typ != "OK":
            self.state = "AUTH"
            return typ, data
        self.state = "SELECTED"
        if "READ-ONLY" in self.untagged_responses and not readonly:
            raise self.readonly("%s is not writable" % mailbox)
        return typ, self.untagged_responses.get("EXISTS", [None])

    def setacl(self, mailbox, who, what):
        return self._simple_command("SETACL", mailbox, who, what)

    def setannotation(self, *args):
        typ, data = self._simple_command("SETANNOTATION", *args)
        return self._untagged_response(typ, data, "ANNOTATION")

    def setquota(self, root, limits):
        typ, data = self._simple_command("SETQUOTA", root, limits)
        return self._untagged_response(typ, data, "QUOTA")

    def sort(self, sort_criteria, charset, *search_criteria):
        if (sort_criteria[0], sort_criteria[-1]) != ("(", ")"):
            sort_criteria = "(%s)" % sort_criteria
        typ, data = self._simple_command("SORT", sort_criteria, charset,
                                         *search_criteria)
        return self._untagged_response(typ, data, "SORT")

    def starttls(self, ssl_context=None):
        if ssl is None:
            raise self.error("SSL support missing")
        if self._tls_established:
            raise self.abort("TLS session already established")
        if "STARTTLS" not in self.capabilities:
            raise self.abort("TLS not supported by server")
        if ssl_context is None:
            ssl_context = ssl._create_stdlib_context()
        typ, data = self._simple_command("STARTTLS")
        if typ != "OK":
            raise self.error("Couldn't establish TLS session")
        self.sock = ssl_context.wrap_socket(self.sock,
                                            server_hostname=self.host)
        self.file = self.sock.makefile("rb")
        self._tls_established = True
        # RFC 3501 6.2.1: capabilities may change once TLS is up.
        self._get_capabilities()
        return self._untagged_response(typ, data, "STARTTLS")

    def status(self, mailbox, names):
        typ, data = self._simple_command("STATUS", mailbox, names)
        return self._untagged_response(typ, data, "STATUS")

    def store(self, message_set, command, flags):
        if (flags[0], flags[-1]) != ("(", ")"):
            flags = "(%s)" % flags
        typ, data = self._simple_command("STORE", message_set, command, flags)
        return self._untagged_response(typ, data, "FETCH")

    def subscribe(self, mailbox):
        return self._simple_command("SUBSCRIBE", mailbox)

    def thread(self, threading_algorithm, charset, *search_criteria):
        typ, data = self._simple_command("THREAD", threading_algorithm,
                                         charset, *search_criteria)
        return self._untagged_response(typ, data, "THREAD")

    def uid(self, command, *args):
        """A command addressed by UID rather than sequence number."""
        command = command.upper()
        if command not in Commands:
            raise self.error("Unknown IMAP4 UID command: %s" % command)
        self._check_state(command)
        typ, data = self._simple_command("UID", command, *args)
        name = command if command in ("SEARCH", "SORT", "THREAD") else "FETCH"
        return self._untagged_response(typ, data, name)

    def unselect(self):
        """Leave the selected mailbox without expunging (RFC 3691)."""
        try:
            self.untagged_responses = {}
            typ, data = self._simple_command("UNSELECT")
        finally:
            self.state = "AUTH"
        return typ, data

    def unsubscribe(self, mailbox):
        return self._simple_command("UNSUBSCRIBE", mailbox)

    def xatom(self, name, *args):
        """An extension command this module does not know."""
        name = name.upper()
        if name not in Commands:
            Commands[name] = (self.state,)
        return self._simple_command(name, *args)

    def response(self, code):
        """The untagged responses of type code received so far (and clear them)."""
        return self._untagged_response(code, [None], code.upper())

    def recent(self):
        typ, data = self._untagged_response("OK", [None], "RECENT")
        if data[-1]:
            return typ, data
        typ, data = self.noop()
        return self._untagged_response(typ, data, "RECENT")

    # --- protocol machinery ------------------------------------------------

    def _check_state(self, name):
        allowed = Commands[name]
        if self.state not in allowed:
            self.literal = None
            raise self.error("command %s illegal in state %s, "
                             "only allowed in states %s"
                             % (name, self.state, ", ".join(allowed)))

    def _new_tag(self):
        tag = self.tagpre + bytes(str(self.tagnum), self._encoding)
        self.tagnum += 1
        self.tagged_commands[tag] = None
        return tag

    def _command(self, name, *args):
        """Send a command, its literal included; return its tag."""
        self._check_state(name)
        for status in ("OK", "NO", "BAD"):
            self.untagged_responses.pop(status, None)
        if "READ-ONLY" in self.untagged_responses and not self.is_readonly:
            raise self.readonly("mailbox status changed to READ-ONLY")
        tag = self._new_tag()
        parts = [tag, bytes(name, self._encoding)]
        for arg in args:
            if arg is None:
                continue
            if isinstance(arg, str):
                arg = bytes(arg, self._encoding)
            parts.append(arg)
        data = b" ".join(parts)
        literal = self.literal
        self.literal = None
        # A callable literal produces each answer to a continuation (SASL).
        answer_continuation = literal if callable(literal) else None
        if literal is not None and answer_continuation is None:
            data += bytes(" {%s}" % len(literal), self._encoding)
        self._log_debug(4, "> %r" % data)
        try:
            self.send(data + CRLF)
        except OSError as exc:
            raise self.abort("socket error: %s" % exc)
        if literal is None:
            return tag
        while True:
            # Wait for the server's "+" before sending the literal data.
            while self._get_response():
                if self.tagged_commands[tag]:
                    return tag
            if answer_continuation is not None:
                literal = answer_continuation(self.continuation_response)
            self._log_debug(4, "write literal size %s" % len(literal))
            try:
                self.send(literal)
                self.send(CRLF)
            except OSError as exc:
                raise self.abort("socket error: %s" % exc)
            if answer_continuation is None:
                return tag

    def _command_complete(self, name, tag):
        logout = name == "LOGOUT"
        if not logout:
            self._check_bye()
        try:
            typ, data = self._get_tagged_response(tag, expect_bye=logout)
        except self.abort as exc:
            raise self.abort("command: %s => %s" % (name, exc))
        except self.error as exc:
            raise self.error("command: %s => %s" % (name, exc))
        if not logout:
            self._check_bye()
        if typ == "BAD":
            raise self.error("%s command error: %s %s" % (name, typ, data))
        return typ, data

    def _simple_command(self, name, *args):
        return self._command_complete(name, self._command(name, *args))

    def _check_bye(self):
        bye = self.untagged_responses.get("BYE")
        if bye:
            raise self.abort(bye[-1].decode(self._encoding, "replace"))

    def _get_capabilities(self):
        typ, data = self.capability()
        if data == [None]:
            raise self.error("no CAPABILITY response from server")
        text = str(data[-1], self._encoding).upper()
        self.capabilities = tuple(text.split())

    def _get_tagged_response(self, tag, expect_bye=False):
        while True:
            result = self.tagged_commands[tag]
            if result is not None:
                del self.tagged_commands[tag]
                return result
            if expect_bye:
                bye = self.untagged_responses.pop("BYE", None)
                if bye is not None:
                    return "BYE", bye
            self._check_bye()
            self._get_response()

    def _get_response(self):
        """Read one reply (and its literals); None for a continuation."""
        line = self._get_line()
        match = self.tagre.match(line)
        if match:
            tag = match.group("tag")
            if tag not in self.tagged_commands:
                raise self.abort("unexpected tagged response: %r" % line)
            typ = match.group("type").decode(self._encoding)
            self.tagged_commands[tag] = (typ, [match.group("data")])
            return line
        extra = None
        match = Untagged_response.match(line)
        if not match:
            match = Untagged_status.match(line)
            if match:
                extra = match.group("data2")
        if not match:
            continuation = Continuation.match(line)
            if continuation:
                self.continuation_response = continuation.group("data")
                return None
            raise self.abort("unexpected response: %r" % line)
        typ = match.group("type").decode(self._encoding)
        data = match.group("data") or b""
        if extra:
            data = data + b" " + extra
        while (literal := Literal.match(data)):
            size = int(literal.group("size"))
            self._log_debug(4, "read literal size %s" % size)
            self._append_untagged(typ, (data, self.read(size)))
            data = self._get_line()
        self._append_untagged(typ, data)
        if typ in ("OK", "NO", "BAD"):
            code = Response_code.match(data)
            if code:
                self._append_untagged(code.group("type").decode(self._encoding),
                                      code.group("data"))
        return line

    def _get_line(self):
        line = self.readline()
        if not line:
            raise self.abort("socket error: EOF")
        if not line.endswith(CRLF):
            raise self.abort("socket error: unterminated line: %r" % line)
        line = line[:-2]
        self._log_debug(4, "< %r" % line)
        return line

    def _append_untagged(self, typ, data):
        if data is None:
            data = b""
        if self._idle_queue is not None:
            # In IDLE, responses are kept in arrival order for the Idler.
            self._idle_queue.append((typ, [data]))
            return
        self.untagged_responses.setdefault(typ, []).append(data)

    def _untagged_response(self, typ, data, name):
        if typ == "NO":
            return typ, data
        if name not in self.untagged_responses:
            return typ, [None]
        return typ, self.untagged_responses.pop(name)

    def _log_debug(self, level, message):
        if self.debug >= level:
            sys.stderr.write("  %s.%02d %s\n"
                             % (time.strftime("%M:%S"),
                                int(time.time() * 100) % 100, message))


class Idler:
    """The IDLE command as a context manager (returned by IMAP4.idle()).

    Iterating yields (type, [data]) for each untagged response until the
    duration (seconds, None for no limit) runs out; burst(interval) yields
    the responses that arrive together within interval seconds.
    """

    def __init__(self, imap, duration=None):
        if "IDLE" not in imap.capabilities:
            raise imap.error("Server does not support IMAP4 IDLE")
        if duration is not None and not imap.sock:
            raise imap.error("duration requires a socket connection")
        self._imap = imap
        self._duration = duration
        self._deadline = None
        self._tag = None
        self._saved_timeout = None

    def __enter__(self):
        imap = self._imap
        if imap._idle_active:
            raise imap.error("already idling")
        self._tag = imap._command("IDLE")
        imap._idle_queue = collections.deque()
        # The server confirms IDLE with a continuation; responses that
        # arrive before it are kept for iteration.
        while imap._get_response() is not None:
            if imap.tagged_commands[self._tag]:
                typ, data = imap._command_complete("IDLE", self._tag)
                raise imap.error("idle rejected: %s %s" % (typ, data))
        imap._idle_active = True
        if self._duration is not None:
            self._deadline = time.monotonic() + self._duration
            self._saved_timeout = imap.sock.gettimeout()
        return self

    def __exit__(self, *exc_info):
        imap = self._imap
        if not imap._idle_active:
            return
        imap._idle_active = False
        imap._idle_queue = None
        if self._duration is not None:
            imap.sock.settimeout(self._saved_timeout)
        try:
            imap.send(b"DONE" + CRLF)
        except OSError as exc:
            raise imap.abort("socket error: %s" % exc)
        imap._command_complete("IDLE", self._tag)

    def __iter__(self):
        return self

    def _pop_pending(self):
        """The oldest response received in IDLE not yet yielded, or None."""
        queue = self._imap._idle_queue
        return queue.popleft() if queue else None

    def _read_until(self, deadline):
        """Read one response unless the deadline passes; False on timeout."""
        imap = self._imap
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            imap.sock.settimeout(remaining)
        try:
            imap._get_response()
        except (TimeoutError, socket.timeout):
            return False
        except IMAP4.abort as exc:
            if isinstance(exc.__context__, TimeoutError):
                return False
            raise
        return True

    def __next__(self):
        if not self._imap._idle_active:
            raise self._imap.error("iteration outside the IDLE context")
        while True:
            pending = self._pop_pending()
            if pending is not None:
                return pending
            if not self._read_until(self._deadline):
                raise StopIteration

    def burst(self, interval=0.1):
        """Yield the responses that arrive within interval of each other."""
        if not self._imap._idle_active:
            raise self._imap.error("burst() outside the IDLE context")
        if not self._imap.sock:
            raise self._imap.error("burst() requires a socket connection")
        while True:
            pending = self._pop_pending()
            if pending is not None:
                yield pending
                continue
            if not self._read_until(time.monotonic() + interval):
                return


if ssl is not None:

    class IMAP4_SSL(IMAP4):
        """IMAP4 over TLS from the start (port 993)."""

        def __init__(self, host="", port=IMAP4_SSL_PORT, *, ssl_context=None,
                     timeout=None):
            if ssl_context is None:
                ssl_context = ssl._create_stdlib_context()
            self.ssl_context = ssl_context
            super().__init__(host, port, timeout)

        def _create_socket(self, timeout):
            sock = super()._create_socket(timeout)
            return self.ssl_context.wrap_socket(sock, server_hostname=self.host)

        def open(self, host="", port=IMAP4_SSL_PORT, timeout=None):
            super().open(host, port, timeout)

    __all__.append("IMAP4_SSL")


class IMAP4_stream(IMAP4):
    """IMAP4 over the standard input and output of a command, e.g.
    IMAP4_stream("/usr/sbin/imapd")."""

    def __init__(self, command):
        self.command = command
        super().__init__()

    def open(self, host=None, port=None, timeout=None):
        self.host = None
        self.port = None
        self.sock = None
        self.file = None
        self.process = subprocess.Popen(self.command, bufsize=DEFAULT_BUFFER_SIZE,
                                        stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE,
                                        shell=True, close_fds=True)
        self.writefile = self.process.stdin
        self.readfile = self.process.stdout

    def read(self, size):
        return self.readfile.read(size)

    def readline(self):
        return self.readfile.readline()

    def send(self, data):
        self.writefile.write(data)
        self.writefile.flush()

    def shutdown(self):
        self.readfile.close()
        self.writefile.close()
        self.process.wait()


class _Authenticator:
    """Base64 framing of a SASL exchange for AUTHENTICATE."""

    def __init__(self, mechanism):
        self.mechanism = mechanism

    def process(self, data):
        answer = self.mechanism(self.decode(data))
        if answer is None:
            return b"*"  # RFC 3501: cancel the exchange
        return self.encode(answer)

    def encode(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        return binascii.b2a_base64(data, newline=False)

    def decode(self, data):
        if not data:
            return b""
        return binascii.a2b_base64(data)


def _quote(arg):
    arg = arg.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + arg + '"'


def Internaldate2tuple(resp):
    """The INTERNALDATE in a FETCH response as a local time.struct_time."""
    match = InternalDate.match(resp)
    if not match:
        return None
    month = Mon2num[match.group("mon")]
    fields = [int(match.group(name))
              for name in ("year", "day", "hour", "min", "sec",
                           "zoneh", "zonem")]
    year, day, hour, minute, second, zone_hours, zone_minutes = fields
    offset = (zone_hours * 60 + zone_minutes) * 60
    if match.group("zonen") == b"-":
        offset = -offset
    utc = calendar.timegm((year, month, day, hour, minute, second, -1, -1, -1))
    return time.localtime(utc - offset)


def Int2AP(num):
    """num written in base 16 with the digits A-P (the tag alphabet)."""
    digits = b"ABCDEFGHIJKLMNOP"
    num = int(abs(num))
    text = b""
    while num:
        num, digit = divmod(num, 16)
        text = digits[digit:digit + 1] + text
    return text


def ParseFlags(resp):
    """The flags of a FLAGS (...) response as a tuple of bytes."""
    match = Flags.match(resp)
    if not match:
        return ()
    return tuple(match.group("flags").split())


def Time2Internaldate(date_time):
    """date_time as an IMAP date-time string: '"DD-Mmm-YYYY HH:MM:SS +HHMM"'.

    Accepts seconds since the epoch, a time tuple (local time), an aware
    datetime, or a string already in that form.
    """
    if isinstance(date_time, (int, float)):
        moment = datetime.fromtimestamp(date_time, timezone.utc).astimezone()
    elif isinstance(date_time, tuple):
        try:
            gmtoff = date_time.tm_gmtoff
        except AttributeError:
            if time.daylight:
                dst = date_time[8]
                if dst == -1:
                    dst = time.localtime(time.mktime(date_time))[8]
                gmtoff = -(time.timezone, time.altzone)[dst]
            else:
                gmtoff = -time.timezone
        moment = datetime(*date_time[:6],
                          tzinfo=timezone(timedelta(seconds=gmtoff)))
    elif isinstance(date_time, datetime):
        if date_time.tzinfo is None:
            raise ValueError("date_time must be aware")
        moment = date_time
    elif isinstance(date_time, str) and (date_time[0], date_time[-1]) == ('"', '"'):
        return date_time
    else:
        raise ValueError("date_time not of a known type")
    pattern = '"%d-{}-%Y %H:%M:%S %z"'.format(MonthNames[moment.month])
    return moment.strftime(pattern)


if __name__ == "__main__":
    import getopt
    import getpass
    options, arguments = getopt.getopt(sys.argv[1:], "d:s:")
    stream_command = None
    for option, value in options:
        if option == "-d":
            Debug = int(value)
        elif option == "-s":
            stream_command = value
    host = arguments[0] if arguments else ""
    if stream_command:
        session = IMAP4_stream(stream_command)
    else:
        session = IMAP4(host)
    if session.state == "NONAUTH":
        session.login(getpass.getuser(),
                      getpass.getpass("IMAP password for %s on %s: "
                                      % (getpass.getuser(), host or "localhost")))
    print("PROTOCOL_VERSION = %s" % session.PROTOCOL_VERSION)
    print(session.list())
    session.logout()
