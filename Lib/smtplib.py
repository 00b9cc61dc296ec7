"""SMTP client (RFC 5321, with ESMTP extensions, AUTH and LMTP).

    with smtplib.SMTP('localhost') as s:
        s.sendmail('me@example.com', ['you@example.com'], message)

Replies are (code, text) pairs, the text as bytes.  Errors raise the
SMTPException subclasses below.  SMTP over TLS: SMTP_SSL (TLS from the
start) and SMTP.starttls() (upgrade), both on the ssl module.
"""

import base64
import copy
import datetime
import email.generator
import email.message
import email.utils
import hmac
import io
import re
import socket
import sys

try:
    import ssl
except ImportError:
    _have_ssl = False
else:
    _have_ssl = True

__all__ = ['SMTPException', 'SMTPNotSupportedError', 'SMTPServerDisconnected',
           'SMTPResponseException', 'SMTPSenderRefused',
           'SMTPRecipientsRefused', 'SMTPDataError', 'SMTPConnectError',
           'SMTPHeloError', 'SMTPAuthenticationError', 'quoteaddr',
           'quotedata', 'SMTP', 'LMTP']

SMTP_PORT = 25
SMTP_SSL_PORT = 465
LMTP_PORT = 2003
CRLF = '\r\n'
bCRLF = b'\r\n'
_MAXLINE = 8192
_MAXCHALLENGE = 5

OLDSTYLE_AUTH = re.compile(r'auth=(.*)', re.I)


class SMTPException(OSError):
    """Base class of the errors of this module."""


class SMTPNotSupportedError(SMTPException):
    """The server does not support the command or option used."""


class SMTPServerDisconnected(SMTPException):
    """The server closed the connection (or it was never opened)."""


class SMTPResponseException(SMTPException):
    """The server replied with an error: smtp_code and smtp_error hold
    the reply."""

    def __init__(self, code, msg):
        self.smtp_code = code
        self.smtp_error = msg
        self.args = (code, msg)


class SMTPSenderRefused(SMTPResponseException):
    """MAIL FROM was refused; sender is the refused address."""

    def __init__(self, code, msg, sender):
        self.smtp_code = code
        self.smtp_error = msg
        self.sender = sender
        self.args = (code, msg, sender)


class SMTPRecipientsRefused(SMTPException):
    """Every recipient was refused: recipients maps each one to the
    server's (code, msg)."""

    def __init__(self, recipients):
        self.recipients = recipients
        self.args = (recipients,)


class SMTPDataError(SMTPResponseException):
    """The message data was refused."""


class SMTPConnectError(SMTPResponseException):
    """The server's greeting was an error."""


class SMTPHeloError(SMTPResponseException):
    """HELO/EHLO was refused."""


class SMTPAuthenticationError(SMTPResponseException):
    """Authentication failed."""


def quoteaddr(addrstring):
    """addrstring as '<addr>' for MAIL and RCPT."""
    displayname, addr = email.utils.parseaddr(addrstring)
    if (displayname, addr) == ('', ''):
        # Not an address we understand: send it as given.
        if addrstring.strip().startswith('<'):
            return addrstring
        return '<%s>' % addrstring
    return '<%s>' % addr


def _addr_only(addrstring):
    displayname, addr = email.utils.parseaddr(addrstring)
    if (displayname, addr) == ('', ''):
        return addrstring
    return addr


def quotedata(data):
    """data with CRLF line endings and leading dots doubled (RFC 5321
    section 4.5.2)."""
    return re.sub(r'(?m)^\.', '..',
                  re.sub(r'(?:\r\n|\n|\r(?!\n))', CRLF, data))


def _quote_periods(bindata):
    return re.sub(br'(?m)^\.', b'..', bindata)


def _fix_eols(data):
    return re.sub(r'(?:\r\n|\n|\r(?!\n))', CRLF, data)


class SMTP:
    """A connection to an SMTP server.

    Lower-level commands (helo, ehlo, mail, rcpt, data, ...) return the
    server's reply; sendmail() and send_message() do a whole
    transaction.
    """

    debuglevel = 0
    sock = None
    file = None
    helo_resp = None
    ehlo_msg = 'ehlo'
    ehlo_resp = None
    does_esmtp = False
    default_port = SMTP_PORT

    def __init__(self, host='', port=0, local_hostname=None,
                 timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                 source_address=None):
        self._host = host
        self.timeout = timeout
        self.esmtp_features = {}
        self.command_encoding = 'ascii'
        self.source_address = source_address
        self._auth_challenge_count = 0
        if host:
            code, msg = self.connect(host, port)
            if code != 220:
                self.close()
                raise SMTPConnectError(code, msg)
        if local_hostname is not None:
            self.local_hostname = local_hostname
        else:
            fqdn = socket.getfqdn()
            if '.' in fqdn:
                self.local_hostname = fqdn
            else:
                # RFC 5321 wants a literal address when there is no name.
                addr = '127.0.0.1'
                try:
                    addr = socket.gethostbyname(socket.gethostname())
                except socket.gaierror:
                    pass
                self.local_hostname = '[%s]' % addr

    def __enter__(self):
        return self

    def __exit__(self, *args):
        try:
            code, message = self.docmd('QUIT')
            if code != 221:
                raise SMTPResponseException(code, message)
        except SMTPServerDisconnected:
            pass
        finally:
            self.close()

    def set_debuglevel(self, debuglevel):
        """1 prints the conversation; 2 adds timestamps."""
        self.debuglevel = debuglevel

    def _print_debug(self, *args):
        if self.debuglevel > 1:
            print(datetime.datetime.now().time(), *args, file=sys.stderr)
        else:
            print(*args, file=sys.stderr)

    def _get_socket(self, host, port, timeout):
        if timeout is not None and not timeout:
            raise ValueError('Non-blocking socket (timeout=0) is not '
                             'supported')
        if self.debuglevel > 0:
            self._print_debug('connect: to', (host, port),
                              self.source_address)
        return socket.create_connection((host, port), timeout,
                                        self.source_address)

    def connect(self, host='localhost', port=0, source_address=None):
        """Connect to host:port (or 'host:port'); return the greeting."""
        if source_address:
            self.source_address = source_address
        if not port and (host.find(':') == host.rfind(':')):
            i = host.rfind(':')
            if i >= 0:
                host, port = host[:i], host[i + 1:]
                try:
                    port = int(port)
                except ValueError:
                    raise OSError('nonnumeric port')
        if not port:
            port = self.default_port
        sys.audit('smtplib.connect', self, host, port)
        self.sock = self._get_socket(host, port, self.timeout)
        self.file = None
        code, msg = self.getreply()
        if self.debuglevel > 0:
            self._print_debug('connect:', repr(msg))
        return code, msg

    def send(self, s):
        """Send s (str or bytes) to the server."""
        if self.debuglevel > 0:
            self._print_debug('send:', repr(s))
        if self.sock:
            if isinstance(s, str):
                s = s.encode(self.command_encoding)
            sys.audit('smtplib.send', self, s)
            try:
                self.sock.sendall(s)
            except OSError:
                self.close()
                raise SMTPServerDisconnected('Server not connected')
        else:
            raise SMTPServerDisconnected('please run connect() first')

    def putcmd(self, cmd, args=''):
        """Send one command line."""
        if args == '':
            s = cmd
        else:
            s = f'{cmd} {args}'
        if '\r' in s or '\n' in s:
            s = s.replace('\n', '\\n').replace('\r', '\\r')
            raise ValueError(
                f'command and arguments contain prohibited newline '
                f'characters: {s}')
        self.send(f'{s}{CRLF}')

    def getreply(self):
        """The server's reply (code, text); multi-line replies are
        joined with newlines.  Code -1 means an unparsable reply."""
        lines = []
        if self.file is None:
            self.file = self.sock.makefile('rb')
        while True:
            try:
                line = self.file.readline(_MAXLINE + 1)
            except OSError as e:
                self.close()
                raise SMTPServerDisconnected('Connection unexpectedly '
                                             'closed: ' + str(e))
            if not line:
                self.close()
                raise SMTPServerDisconnected('Connection unexpectedly '
                                             'closed')
            if self.debuglevel > 0:
                self._print_debug('reply:', repr(line))
            if len(line) > _MAXLINE:
                self.close()
                raise SMTPResponseException(500, 'Line too long.')
            lines.append(line[4:].strip(b' \t\r\n'))
            code = line[:3]
            try:
                errcode = int(code)
            except ValueError:
                errcode = -1
                break
            # "250-" continues the reply; "250 " ends it.
            if line[3:4] != b'-':
                break
        errmsg = b'\n'.join(lines)
        if self.debuglevel > 0:
            self._print_debug('reply: retcode (%s); Msg: %a' % (errcode,
                                                                errmsg))
        return errcode, errmsg

    def docmd(self, cmd, args=''):
        """Send a command and return its reply."""
        self.putcmd(cmd, args)
        return self.getreply()

    def helo(self, name=''):
        """HELO; the reply text is kept in helo_resp."""
        self.putcmd('helo', name or self.local_hostname)
        code, msg = self.getreply()
        self.helo_resp = msg
        return code, msg

    def ehlo(self, name=''):
        """EHLO; records the server's extensions in esmtp_features."""
        self.esmtp_features = {}
        self.putcmd(self.ehlo_msg, name or self.local_hostname)
        code, msg = self.getreply()
        if code == -1 and len(msg) == 0:
            self.close()
            raise SMTPServerDisconnected('Server not connected')
        self.ehlo_resp = msg
        if code != 250:
            return code, msg
        self.does_esmtp = True
        assert isinstance(self.ehlo_resp, bytes), repr(self.ehlo_resp)
        lines = self.ehlo_resp.decode('latin-1').split('\n')
        for line in lines[1:]:
            auth_match = OLDSTYLE_AUTH.match(line)
            if auth_match:
                self.esmtp_features['auth'] = (
                    self.esmtp_features.get('auth', '') + ' ' +
                    auth_match.group(1))
                continue
            m = re.match(r'(?P<feature>[A-Za-z0-9][A-Za-z0-9\-]*) ?', line)
            if m:
                feature = m.group('feature').lower()
                params = m.string[m.end('feature'):].strip()
                if feature == 'auth':
                    self.esmtp_features[feature] = (
                        self.esmtp_features.get(feature, '') + ' ' + params)
                else:
                    self.esmtp_features[feature] = params
        return code, msg

    def has_extn(self, opt):
        """Whether the server announced extension opt."""
        return opt.lower() in self.esmtp_features

    def help(self, args=''):
        """HELP; returns the help text."""
        self.putcmd('help', args)
        return self.getreply()[1]

    def rset(self):
        """Abort the current transaction."""
        self.command_encoding = 'ascii'
        return self.docmd('rset')

    def _rset(self):
        # Used after errors: a failing RSET must not hide the first error.
        try:
            self.rset()
        except SMTPServerDisconnected:
            pass

    def noop(self):
        return self.docmd('noop')

    def mail(self, sender, options=()):
        """MAIL FROM:<sender> with ESMTP options."""
        optionlist = ''
        if options and self.does_esmtp:
            if any(x.lower() == 'smtputf8' for x in options):
                if self.has_extn('smtputf8'):
                    self.command_encoding = 'utf-8'
                else:
                    raise SMTPNotSupportedError(
                        'SMTPUTF8 not supported by server')
            optionlist = ' ' + ' '.join(options)
        self.putcmd('mail', 'from:%s%s' % (quoteaddr(sender), optionlist))
        return self.getreply()

    def rcpt(self, recip, options=()):
        """RCPT TO:<recip> with ESMTP options."""
        optionlist = ''
        if options and self.does_esmtp:
            optionlist = ' ' + ' '.join(options)
        self.putcmd('rcpt', 'to:%s%s' % (quoteaddr(recip), optionlist))
        return self.getreply()

    def data(self, msg):
        """DATA: send msg (str or bytes), dot-stuffed and CRLF-ended."""
        self.putcmd('data')
        code, repl = self.getreply()
        if self.debuglevel > 0:
            self._print_debug('data:', (code, repl))
        if code != 354:
            raise SMTPDataError(code, repl)
        if isinstance(msg, str):
            msg = _fix_eols(msg).encode('ascii')
        q = _quote_periods(msg)
        if q[-2:] != bCRLF:
            q = q + bCRLF
        q = q + b'.' + bCRLF
        self.send(q)
        code, msg = self.getreply()
        if self.debuglevel > 0:
            self._print_debug('data:', (code, msg))
        return code, msg

    def verify(self, address):
        """VRFY address."""
        self.putcmd('vrfy', _addr_only(address))
        return self.getreply()

    vrfy = verify

    def expn(self, address):
        """EXPN address."""
        self.putcmd('expn', _addr_only(address))
        return self.getreply()

    def ehlo_or_helo_if_needed(self):
        """Greet the server unless already done (EHLO, then HELO)."""
        if self.helo_resp is None and self.ehlo_resp is None:
            if not (200 <= self.ehlo()[0] <= 299):
                code, resp = self.helo()
                if not (200 <= code <= 299):
                    raise SMTPHeloError(code, resp)

    def auth(self, mechanism, authobject, *, initial_response_ok=True):
        """AUTH mechanism; authobject(challenge) answers each challenge
        (challenge None for the initial response)."""
        mechanism = mechanism.upper()
        initial_response = (authobject() if initial_response_ok else None)
        if initial_response is not None:
            response = base64.b64encode(
                initial_response.encode('ascii')).decode('ascii')
            (code, resp) = self.docmd('AUTH', mechanism + ' ' + response)
            self._auth_challenge_count = 1
        else:
            (code, resp) = self.docmd('AUTH', mechanism)
            self._auth_challenge_count = 0
        while code == 334:
            self._auth_challenge_count += 1
            challenge = base64.decodebytes(resp)
            response = base64.b64encode(
                authobject(challenge).encode('ascii')).decode('ascii')
            (code, resp) = self.docmd(response)
            if self._auth_challenge_count > _MAXCHALLENGE:
                raise SMTPException(
                    'Server AUTH mechanism infinite loop. Last response: '
                    + repr((code, resp)))
        if code in (235, 503):
            return (code, resp)
        raise SMTPAuthenticationError(code, resp)

    def auth_cram_md5(self, challenge=None):
        """CRAM-MD5: the HMAC-MD5 of the challenge keyed by the password."""
        if challenge is None:
            return None
        return self.user + ' ' + hmac.HMAC(
            self.password.encode('ascii'), challenge, 'md5').hexdigest()

    def auth_plain(self, challenge=None):
        """PLAIN: NUL, user, NUL, password (RFC 4616)."""
        return '\0%s\0%s' % (self.user, self.password)

    def auth_login(self, challenge=None):
        """LOGIN: the user name, then the password."""
        if challenge is None or self._auth_challenge_count < 2:
            return self.user
        return self.password

    def login(self, user, password, *, initial_response_ok=True):
        """Log in with the best mechanism both sides support
        (CRAM-MD5, PLAIN, LOGIN)."""
        self.ehlo_or_helo_if_needed()
        if not self.has_extn('auth'):
            raise SMTPNotSupportedError(
                'SMTP AUTH extension not supported by server.')
        advertised = self.esmtp_features['auth'].split()
        preferred_auths = ['CRAM-MD5', 'PLAIN', 'LOGIN']
        authlist = [auth for auth in preferred_auths if auth in advertised]
        if not authlist:
            raise SMTPException('No suitable authentication method found.')
        self.user, self.password = user, password
        last_exception = None
        for authmethod in authlist:
            method_name = 'auth_' + authmethod.lower().replace('-', '_')
            try:
                (code, resp) = self.auth(
                    authmethod, getattr(self, method_name),
                    initial_response_ok=initial_response_ok)
                if code in (235, 503):
                    return (code, resp)
            except SMTPAuthenticationError as e:
                last_exception = e
        raise last_exception

    def starttls(self, *, context=None):
        """Switch to TLS (needs the ssl module)."""
        self.ehlo_or_helo_if_needed()
        if not self.has_extn('starttls'):
            raise SMTPNotSupportedError(
                'STARTTLS extension not supported by server.')
        if not _have_ssl:
            raise RuntimeError('No SSL support included in this Python')
        if context is None:
            context = ssl._create_stdlib_context()
        code, reply = self.docmd('STARTTLS')
        if code == 220:
            self.sock = context.wrap_socket(self.sock,
                                            server_hostname=self._host)
            self.file = None
            # RFC 3207: forget what the server said before TLS, and
            # greet it again before the next command.
            self.helo_resp = None
            self.ehlo_resp = None
            self.esmtp_features = {}
            self.does_esmtp = False
        else:
            # 454 and others: TLS is not available now.
            raise SMTPResponseException(code, reply)
        return (code, reply)

    def sendmail(self, from_addr, to_addrs, msg, mail_options=(),
                 rcpt_options=()):
        """Send msg from from_addr to to_addrs (a string or list).

        Returns a dict of the refused recipients (their code and
        message); raises SMTPRecipientsRefused if all were refused.
        """
        self.ehlo_or_helo_if_needed()
        esmtp_opts = []
        if isinstance(msg, str):
            msg = _fix_eols(msg).encode('ascii')
        if self.does_esmtp:
            if self.has_extn('size'):
                esmtp_opts.append('size=%d' % len(msg))
            for option in mail_options:
                esmtp_opts.append(option)
        (code, resp) = self.mail(from_addr, esmtp_opts)
        if code != 250:
            if code == 421:
                self.close()
            else:
                self._rset()
            raise SMTPSenderRefused(code, resp, from_addr)
        senderrs = {}
        if isinstance(to_addrs, str):
            to_addrs = [to_addrs]
        for each in to_addrs:
            (code, resp) = self.rcpt(each, rcpt_options)
            if (code != 250) and (code != 251):
                senderrs[each] = (code, resp)
            if code == 421:
                self.close()
                raise SMTPRecipientsRefused(senderrs)
        if len(senderrs) == len(to_addrs):
            self._rset()
            raise SMTPRecipientsRefused(senderrs)
        (code, resp) = self.data(msg)
        if code != 250:
            if code == 421:
                self.close()
            else:
                self._rset()
            raise SMTPDataError(code, resp)
        return senderrs

    def send_message(self, msg, from_addr=None, to_addrs=None,
                     mail_options=(), rcpt_options=()):
        """Send the email.message.Message msg; sender and recipients
        default to its headers (Resent-* if present).  Bcc headers are
        not transmitted."""
        self.ehlo_or_helo_if_needed()
        resent = msg.get_all('Resent-Date')
        if resent is None:
            header_prefix = ''
        elif len(resent) == 1:
            header_prefix = 'Resent-'
        else:
            raise ValueError("message has more than one 'Resent-' header "
                             "block")
        if from_addr is None:
            from_addr = (msg[header_prefix + 'Sender']
                         if (header_prefix + 'Sender') in msg
                         else msg[header_prefix + 'From'])
            from_addr = email.utils.getaddresses([from_addr])[0][1]
        if to_addrs is None:
            addr_fields = [f for f in (msg[header_prefix + 'To'],
                                       msg[header_prefix + 'Bcc'],
                                       msg[header_prefix + 'Cc'])
                           if f is not None]
            to_addrs = [a[1] for a in email.utils.getaddresses(addr_fields)]
        msg_copy = copy.copy(msg)
        del msg_copy['Bcc']
        del msg_copy['Resent-Bcc']
        international = False
        try:
            ''.join([from_addr, *to_addrs]).encode('ascii')
        except UnicodeEncodeError:
            if not self.has_extn('smtputf8'):
                raise SMTPNotSupportedError(
                    'One or more source or delivery addresses require'
                    ' internationalized email support, but the server'
                    ' does not advertise the required SMTPUTF8 capability')
            international = True
        with io.BytesIO() as bytesmsg:
            if international:
                g = email.generator.BytesGenerator(
                    bytesmsg, policy=msg.policy.clone(utf8=True))
                mail_options = (*mail_options, 'SMTPUTF8', 'BODY=8BITMIME')
            else:
                g = email.generator.BytesGenerator(bytesmsg)
            g.flatten(msg_copy, linesep='\r\n')
            flatmsg = bytesmsg.getvalue()
        return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,
                             rcpt_options)

    def close(self):
        """Close the connection."""
        try:
            file = self.file
            self.file = None
            if file:
                file.close()
        finally:
            sock = self.sock
            self.sock = None
            if sock:
                sock.close()

    def quit(self):
        """QUIT, then close."""
        res = self.docmd('quit')
        # The server's features may change: forget them.
        self.ehlo_resp = self.helo_resp = None
        self.esmtp_features = {}
        self.does_esmtp = False
        self.close()
        return res


if _have_ssl:

    class SMTP_SSL(SMTP):
        """SMTP over a TLS connection from the start (port 465); the
        context (a default stdlib one when None) checks the server."""

        default_port = SMTP_SSL_PORT

        def __init__(self, host='', port=0, local_hostname=None, *,
                     timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                     source_address=None, context=None):
            if context is None:
                context = ssl._create_stdlib_context()
            self.context = context
            super().__init__(host, port, local_hostname, timeout,
                             source_address)

        def _get_socket(self, host, port, timeout):
            if self.debuglevel > 0:
                self._print_debug('connect:', (host, port))
            sock = super()._get_socket(host, port, timeout)
            return self.context.wrap_socket(sock, server_hostname=self._host)

    __all__.append('SMTP_SSL')


class LMTP(SMTP):
    """LMTP (RFC 2033): like SMTP, greeting with LHLO; host may be a
    Unix socket path."""

    ehlo_msg = 'lhlo'

    def __init__(self, host='', port=LMTP_PORT, local_hostname=None,
                 source_address=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT):
        super().__init__(host, port, local_hostname=local_hostname,
                         source_address=source_address, timeout=timeout)

    def connect(self, host='localhost', port=0, source_address=None):
        if host[0] != '/':
            return super().connect(host, port, source_address=source_address)
        if self.timeout is not None and not self.timeout:
            raise ValueError('Non-blocking socket (timeout=0) is not '
                             'supported')
        try:
            self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            if self.timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                self.sock.settimeout(self.timeout)
            self.file = None
            self.sock.connect(host)
        except OSError:
            if self.debuglevel > 0:
                self._print_debug('connect fail:', host)
            if self.sock:
                self.sock.close()
            self.sock = None
            raise
        (code, msg) = self.getreply()
        if self.debuglevel > 0:
            self._print_debug('connect:', msg)
        return code, msg
