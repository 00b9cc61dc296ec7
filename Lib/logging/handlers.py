"""Additional handlers: rotating and watched files, sockets, syslog,
queues and in-memory buffering.

HTTPHandler, SMTPHandler and NTEventLogHandler are not provided: this
implementation has no http.client, smtplib or win32 support.
"""

import io
import os
import re
import time
import copy
import pickle
import queue
import threading
import socket

import logging

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514

_MIDNIGHT = 24 * 60 * 60


class BaseRotatingHandler(logging.FileHandler):
    """A file handler that may swap its file for a fresh one before emitting."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False,
                 errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode,
                                     encoding=encoding, delay=delay,
                                     errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Rolls over when the file would grow past maxBytes."""

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0,
                 encoding=None, delay=False, errors=None):
        # Truncating on open would defeat size-based rotation.
        if maxBytes > 0:
            mode = 'a'
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def _close_stream(self):
        if self.stream:
            self.stream.close()
            self.stream = None

    def doRollover(self):
        self._close_stream()
        if self.backupCount > 0:
            base = self.baseFilename
            for i in range(self.backupCount - 1, 0, -1):
                src = self.rotation_filename("%s.%d" % (base, i))
                dst = self.rotation_filename("%s.%d" % (base, i + 1))
                if os.path.exists(src):
                    if os.path.exists(dst):
                        os.remove(dst)
                    os.rename(src, dst)
            dst = self.rotation_filename(base + ".1")
            if os.path.exists(dst):
                os.remove(dst)
            self.rotate(base, dst)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        # Special files (e.g. /dev/null) never rotate.
        if (os.path.exists(self.baseFilename)
                and not os.path.isfile(self.baseFilename)):
            return False
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            pos = self.stream.tell()
            if not pos:
                return False
            msg = "%s\n" % self.format(record)
            if pos + len(msg) >= self.maxBytes:
                return True
        return False


_WHEN_TABLE = {
    'S': (1, "%Y-%m-%d_%H-%M-%S",
          r"(?<!\d)\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(?!\d)"),
    'M': (60, "%Y-%m-%d_%H-%M", r"(?<!\d)\d{4}-\d{2}-\d{2}_\d{2}-\d{2}(?!\d)"),
    'H': (3600, "%Y-%m-%d_%H", r"(?<!\d)\d{4}-\d{2}-\d{2}_\d{2}(?!\d)"),
    'D': (_MIDNIGHT, "%Y-%m-%d", r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"),
    'MIDNIGHT': (_MIDNIGHT, "%Y-%m-%d", r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"),
    'W': (_MIDNIGHT * 7, "%Y-%m-%d", r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"),
}


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Rolls over at fixed intervals, at midnight, or on a weekday."""

    def __init__(self, filename, when='h', interval=1, backupCount=0,
                 encoding=None, delay=False, utc=False, atTime=None,
                 errors=None):
        encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, 'a', encoding=encoding,
                                     delay=delay, errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        key = self.when
        if key.startswith('W'):
            if len(key) != 2:
                raise ValueError("You must specify a day for weekly rollover "
                                 "from 0 to 6 (0 is Monday): %s" % self.when)
            if key[1] < '0' or key[1] > '6':
                raise ValueError("Invalid day specified for weekly "
                                 "rollover: %s" % self.when)
            self.dayOfWeek = int(key[1])
            key = 'W'
        if key not in _WHEN_TABLE:
            raise ValueError("Invalid rollover interval specified: %s"
                             % self.when)
        unit, self.suffix, pattern = _WHEN_TABLE[key]
        self.extMatch = re.compile(pattern, re.ASCII)
        self.interval = unit * interval
        filename = self.baseFilename
        if os.path.exists(filename):
            t = int(os.stat(filename).st_mtime)
        else:
            t = int(time.time())
        self.rolloverAt = self.computeRollover(t)

    def _time_tuple(self, t):
        return time.gmtime(t) if self.utc else time.localtime(t)

    def computeRollover(self, currentTime):
        """The next rollover time after currentTime."""
        result = currentTime + self.interval
        if self.when != 'MIDNIGHT' and not self.when.startswith('W'):
            return result
        t = self._time_tuple(currentTime)
        hour, minute, second, day = t[3], t[4], t[5], t[6]
        if self.atTime is None:
            rotate_at = _MIDNIGHT
        else:
            rotate_at = ((self.atTime.hour * 60 + self.atTime.minute) * 60
                         + self.atTime.second)
        remaining = rotate_at - ((hour * 60 + minute) * 60 + second)
        if remaining <= 0:
            # Today's rollover moment has passed: aim at tomorrow's.
            remaining += _MIDNIGHT
            day = (day + 1) % 7
        result = currentTime + remaining
        period = _MIDNIGHT
        if self.when.startswith('W'):
            result += ((self.dayOfWeek - day) % 7) * _MIDNIGHT
            period = _MIDNIGHT * 7
        # With interval n, the rollover is n days (weeks) apart: the first
        # one found above is followed by n - 1 more periods.
        result += self.interval - period
        if not self.utc:
            result += self._dst_shift(t[-1], result)
        return result

    @staticmethod
    def _dst_shift(dst_now, result):
        """Seconds that keep a local rollover at its wall-clock time when
        DST starts or ends before it; none when the shifted time would
        fall on the other side of the change (a rollover inside the
        skipped or repeated hour)."""
        if time.localtime(result)[-1] == dst_now:
            return 0
        if not dst_now:
            return 0 if not time.localtime(result - 3600)[-1] else -3600
        return 0 if time.localtime(result + 3600)[-1] else 3600

    def shouldRollover(self, record):
        t = int(time.time())
        if t >= self.rolloverAt:
            if (os.path.exists(self.baseFilename)
                    and not os.path.isfile(self.baseFilename)):
                self.rolloverAt = self.computeRollover(t)
                return False
            return True
        return False

    def _named_by_us(self, name):
        """Whether the namer turns one of the date stamps found in name
        into name itself: a namer may put the date anywhere, and a file of
        another log whose name merely starts the same way is not ours."""
        match = self.extMatch.search(name)
        while match:
            renamed = self.namer(self.baseFilename + "." + match[0])
            if os.path.basename(renamed) == name:
                return True
            match = self.extMatch.search(name, match.start() + 1)
        return False

    def getFilesToDelete(self):
        """Old rotated files beyond backupCount, oldest first."""
        dir_name, base_name = os.path.split(self.baseFilename)
        try:
            names = os.listdir(dir_name)
        except OSError:
            return []
        prefix = base_name + "."
        plen = len(prefix)
        found = []
        for name in names:
            if self.namer is None:
                if not name.startswith(prefix):
                    continue
                if not self.extMatch.fullmatch(name[plen:]):
                    continue
            elif not self._named_by_us(name):
                continue
            found.append(os.path.join(dir_name, name))
        if len(found) < self.backupCount:
            return []
        found.sort()
        return found[:len(found) - self.backupCount]

    def doRollover(self):
        current = int(time.time())
        t = self.rolloverAt - self.interval
        stamp = self._time_tuple(t)
        if not self.utc:
            dst_now = time.localtime(current)[-1]
            if dst_now != stamp[-1]:
                stamp = time.localtime(t + (3600 if dst_now else -3600))
        dfn = self.rotation_filename(self.baseFilename + "."
                                     + time.strftime(self.suffix, stamp))
        if self.stream:
            self.stream.close()
            self.stream = None
        if os.path.exists(dfn):
            os.remove(dfn)
        self.rotate(self.baseFilename, dfn)
        if self.backupCount > 0:
            for name in self.getFilesToDelete():
                os.remove(name)
        if not self.delay:
            self.stream = self._open()
        self.rolloverAt = self.computeRollover(current)


class WatchedFileHandler(logging.FileHandler):
    """Reopens its file when it was moved or deleted (e.g. by logrotate)."""

    def __init__(self, filename, mode='a', encoding=None, delay=False,
                 errors=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        logging.FileHandler.__init__(self, filename, mode=mode,
                                     encoding=encoding, delay=delay,
                                     errors=errors)
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        if self.stream is None:
            return
        sres = os.fstat(self.stream.fileno())
        self.dev, self.ino = sres.st_dev, sres.st_ino

    def reopenIfNeeded(self):
        if self.stream is None:
            return
        try:
            sres = os.stat(self.baseFilename)
        except FileNotFoundError:
            sres = None
        if sres and sres.st_dev == self.dev and sres.st_ino == self.ino:
            return
        self.stream.flush()
        self.stream.close()
        self.stream = None
        self.stream = self._open()
        self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class SocketHandler(logging.Handler):
    """Sends each record as a length-prefixed pickled dict over TCP.

    The wire format is a 4-byte big-endian length followed by the pickle,
    readable with logging.makeLogRecord(pickle.loads(data)).
    """

    def __init__(self, host, port):
        logging.Handler.__init__(self)
        self.host = host
        self.port = port
        self.address = host if port is None else (host, port)
        self.sock = None
        self.closeOnError = False
        self.retryTime = None
        self.retryStart = 1.0
        self.retryMax = 30.0
        self.retryFactor = 2.0

    def makeSocket(self, timeout=1):
        if self.port is not None:
            return socket.create_connection(self.address, timeout=timeout)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(self.address)
        except OSError:
            sock.close()
            raise
        return sock

    def createSocket(self):
        """Connect, backing off exponentially after failures."""
        now = time.time()
        if self.retryTime is not None and now < self.retryTime:
            return
        try:
            self.sock = self.makeSocket()
            self.retryTime = None
        except OSError:
            if self.retryTime is None:
                self.retryPeriod = self.retryStart
            else:
                self.retryPeriod = min(self.retryPeriod * self.retryFactor,
                                       self.retryMax)
            self.retryTime = now + self.retryPeriod

    def send(self, s):
        if self.sock is None:
            self.createSocket()
        if self.sock:
            try:
                self.sock.sendall(s)
            except OSError:
                self.sock.close()
                self.sock = None

    def makePickle(self, record):
        if record.exc_info:
            # Fills record.exc_text; the traceback itself cannot be pickled.
            self.format(record)
        d = dict(record.__dict__)
        d['msg'] = record.getMessage()
        d['args'] = None
        d['exc_info'] = None
        d.pop('message', None)
        s = pickle.dumps(d, 1)
        return len(s).to_bytes(4, 'big') + s

    def handleError(self, record):
        if self.closeOnError and self.sock:
            self.sock.close()
            self.sock = None
        else:
            logging.Handler.handleError(self, record)

    def emit(self, record):
        try:
            self.send(self.makePickle(record))
        except Exception:
            self.handleError(record)

    def close(self):
        with self.lock:
            sock = self.sock
            if sock:
                self.sock = None
                sock.close()
            logging.Handler.close(self)


class DatagramHandler(SocketHandler):
    """Sends each record as a length-prefixed pickled dict over UDP."""

    def __init__(self, host, port):
        SocketHandler.__init__(self, host, port)
        self.closeOnError = False

    def makeSocket(self):
        family = socket.AF_UNIX if self.port is None else socket.AF_INET
        return socket.socket(family, socket.SOCK_DGRAM)

    def send(self, s):
        if self.sock is None:
            self.createSocket()
        self.sock.sendto(s, self.address)


class SysLogHandler(logging.Handler):
    """Sends records to a syslog daemon over UDP, TCP or a Unix socket."""

    LOG_EMERG = 0
    LOG_ALERT = 1
    LOG_CRIT = 2
    LOG_ERR = 3
    LOG_WARNING = 4
    LOG_NOTICE = 5
    LOG_INFO = 6
    LOG_DEBUG = 7

    LOG_KERN = 0
    LOG_USER = 1
    LOG_MAIL = 2
    LOG_DAEMON = 3
    LOG_AUTH = 4
    LOG_SYSLOG = 5
    LOG_LPR = 6
    LOG_NEWS = 7
    LOG_UUCP = 8
    LOG_CRON = 9
    LOG_AUTHPRIV = 10
    LOG_FTP = 11
    LOG_NTP = 12
    LOG_SECURITY = 13
    LOG_CONSOLE = 14
    LOG_SOLCRON = 15
    LOG_LOCAL0 = 16
    LOG_LOCAL1 = 17
    LOG_LOCAL2 = 18
    LOG_LOCAL3 = 19
    LOG_LOCAL4 = 20
    LOG_LOCAL5 = 21
    LOG_LOCAL6 = 22
    LOG_LOCAL7 = 23

    priority_names = {
        "alert": LOG_ALERT,
        "crit": LOG_CRIT,
        "critical": LOG_CRIT,
        "debug": LOG_DEBUG,
        "emerg": LOG_EMERG,
        "err": LOG_ERR,
        "error": LOG_ERR,
        "info": LOG_INFO,
        "notice": LOG_NOTICE,
        "panic": LOG_EMERG,
        "warn": LOG_WARNING,
        "warning": LOG_WARNING,
    }

    facility_names = {
        "auth": LOG_AUTH,
        "authpriv": LOG_AUTHPRIV,
        "console": LOG_CONSOLE,
        "cron": LOG_CRON,
        "daemon": LOG_DAEMON,
        "ftp": LOG_FTP,
        "kern": LOG_KERN,
        "lpr": LOG_LPR,
        "mail": LOG_MAIL,
        "news": LOG_NEWS,
        "ntp": LOG_NTP,
        "security": LOG_SECURITY,
        "solaris-cron": LOG_SOLCRON,
        "syslog": LOG_SYSLOG,
        "user": LOG_USER,
        "uucp": LOG_UUCP,
        "local0": LOG_LOCAL0,
        "local1": LOG_LOCAL1,
        "local2": LOG_LOCAL2,
        "local3": LOG_LOCAL3,
        "local4": LOG_LOCAL4,
        "local5": LOG_LOCAL5,
        "local6": LOG_LOCAL6,
        "local7": LOG_LOCAL7,
    }

    priority_map = {
        "DEBUG": "debug",
        "INFO": "info",
        "WARNING": "warning",
        "ERROR": "error",
        "CRITICAL": "critical",
    }

    ident = ''
    append_nul = True

    def __init__(self, address=('localhost', SYSLOG_UDP_PORT),
                 facility=LOG_USER, socktype=None, timeout=None):
        logging.Handler.__init__(self)
        self.address = address
        self.facility = facility
        self.socktype = socktype
        self.timeout = timeout
        self.socket = None
        self.createSocket()

    def _connect_unixsocket(self, address):
        # Prefer datagrams like syslog(3); fall back to a stream socket.
        kinds = ([self.socktype] if self.socktype is not None
                 else [socket.SOCK_DGRAM, socket.SOCK_STREAM])
        last_error = None
        for kind in kinds:
            sock = socket.socket(socket.AF_UNIX, kind)
            if self.timeout:
                sock.settimeout(self.timeout)
            try:
                sock.connect(address)
            except OSError as e:
                sock.close()
                last_error = e
                continue
            self.socket = sock
            self.socktype = kind
            return
        raise last_error

    def createSocket(self):
        address = self.address
        if isinstance(address, str):
            self.unixsocket = True
            try:
                self._connect_unixsocket(address)
            except OSError:
                # The daemon may appear later; emit() retries.
                pass
            return
        self.unixsocket = False
        if self.socktype is None:
            self.socktype = socket.SOCK_DGRAM
        host, port = address
        infos = socket.getaddrinfo(host, port, 0, self.socktype)
        if not infos:
            raise OSError("getaddrinfo returns an empty list")
        error = None
        for family, kind, proto, _, sa in infos:
            sock = None
            try:
                sock = socket.socket(family, kind, proto)
                if self.timeout:
                    sock.settimeout(self.timeout)
                if kind == socket.SOCK_STREAM:
                    sock.connect(sa)
                break
            except OSError as e:
                error = e
                if sock is not None:
                    sock.close()
                sock = None
        if sock is None:
            raise error
        self.socket = sock
        self.socktype = kind

    def encodePriority(self, facility, priority):
        if isinstance(facility, str):
            facility = self.facility_names[facility]
        if isinstance(priority, str):
            priority = self.priority_names[priority]
        return (facility << 3) | priority

    def close(self):
        with self.lock:
            sock = self.socket
            if sock:
                self.socket = None
                sock.close()
            logging.Handler.close(self)

    def mapPriority(self, levelName):
        return self.priority_map.get(levelName, "warning")

    def emit(self, record):
        try:
            msg = self.format(record)
            if self.ident:
                msg = self.ident + msg
            if self.append_nul:
                msg += '\000'
            prio = '<%d>' % self.encodePriority(
                self.facility, self.mapPriority(record.levelname))
            data = prio.encode('utf-8') + msg.encode('utf-8')
            if self.socket is None:
                self.createSocket()
            if self.unixsocket:
                try:
                    self.socket.send(data)
                except OSError:
                    self.socket.close()
                    self._connect_unixsocket(self.address)
                    self.socket.send(data)
            elif self.socktype == socket.SOCK_DGRAM:
                self.socket.sendto(data, self.address)
            else:
                self.socket.sendall(data)
        except Exception:
            self.handleError(record)


# -- h6-net: SMTPHandler and HTTPHandler (mail and web delivery) ----------

class SMTPHandler(logging.Handler):
    """Mail each record (formatted) to toaddrs through an SMTP server.

    mailhost is 'host' or (host, port); credentials (user, password)
    log in first, over STARTTLS when secure is a tuple (empty, or
    (keyfile,) / (keyfile, certfile) as the old API had it).
    """

    def __init__(self, mailhost, fromaddr, toaddrs, subject,
                 credentials=None, secure=None, timeout=5.0):
        logging.Handler.__init__(self)
        if isinstance(mailhost, (list, tuple)):
            self.mailhost, self.mailport = mailhost
        else:
            self.mailhost, self.mailport = mailhost, None
        if isinstance(credentials, (list, tuple)):
            self.username, self.password = credentials
        else:
            self.username = None
        self.fromaddr = fromaddr
        if isinstance(toaddrs, str):
            toaddrs = [toaddrs]
        self.toaddrs = toaddrs
        self.subject = subject
        self.secure = secure
        self.timeout = timeout

    def getSubject(self, record):
        """The Subject of the mail for record (override to vary it)."""
        return self.subject

    def emit(self, record):
        try:
            import smtplib
            from email.message import EmailMessage
            import email.utils

            port = self.mailport or smtplib.SMTP_PORT
            msg = EmailMessage()
            msg['From'] = self.fromaddr
            msg['To'] = ','.join(self.toaddrs)
            msg['Subject'] = self.getSubject(record)
            msg['Date'] = email.utils.localtime()
            msg.set_content(self.format(record))
            smtp = smtplib.SMTP(self.mailhost, port, timeout=self.timeout)
            try:
                if self.username:
                    if self.secure is not None:
                        smtp.ehlo()
                        smtp.starttls()
                        smtp.ehlo()
                    smtp.login(self.username, self.password)
                smtp.send_message(msg)
            finally:
                smtp.quit()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)


class HTTPHandler(logging.Handler):
    """Send each record's attributes to a web server as form data, in
    the query string (GET) or the body (POST)."""

    def __init__(self, host, url, method='GET', secure=False,
                 credentials=None, context=None):
        logging.Handler.__init__(self)
        method = method.upper()
        if method not in ('GET', 'POST'):
            raise ValueError('method must be GET or POST')
        if not secure and context is not None:
            raise ValueError('context parameter only makes sense '
                             'with secure=True')
        self.host = host
        self.url = url
        self.method = method
        self.secure = secure
        self.credentials = credentials
        self.context = context

    def mapLogRecord(self, record):
        """The dict to send for record (its attributes by default)."""
        return record.__dict__

    def getConnection(self, host, secure):
        """A new http.client connection to host."""
        import http.client
        if secure:
            return http.client.HTTPSConnection(host, context=self.context)
        return http.client.HTTPConnection(host)

    def emit(self, record):
        try:
            import base64
            import urllib.parse

            connection = self.getConnection(self.host, self.secure)
            data = urllib.parse.urlencode(self.mapLogRecord(record))
            url = self.url
            if self.method == 'GET':
                url += ('&' if '?' in url else '?') + data
            # putrequest() adds the Host header itself.
            connection.putrequest(self.method, url)
            if self.method == 'POST':
                connection.putheader('Content-type',
                                     'application/x-www-form-urlencoded')
                connection.putheader('Content-length', str(len(data)))
            if self.credentials:
                raw = ('%s:%s' % self.credentials).encode('utf-8')
                connection.putheader(
                    'Authorization',
                    'Basic ' + base64.b64encode(raw).decode('ascii'))
            connection.endheaders()
            if self.method == 'POST':
                connection.send(data.encode('utf-8'))
            connection.getresponse().read()
            connection.close()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

# -- end h6-net ---------------------------------------------------------------


class BufferingHandler(logging.Handler):
    """Keeps records in a list until shouldFlush() says otherwise."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        with self.lock:
            self.buffer.clear()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and passes them to a target when full or on a
    record at flushLevel or above."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None,
                 flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return (len(self.buffer) >= self.capacity
                or record.levelno >= self.flushLevel)

    def setTarget(self, target):
        with self.lock:
            self.target = target

    def flush(self):
        with self.lock:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                BufferingHandler.close(self)


class QueueHandler(logging.Handler):
    """Puts prepared records on a queue, usually for a QueueListener."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue
        self.listener = None

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of record with its message merged and unpicklable parts
        dropped, so it can cross threads and processes."""
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """Takes records off a queue in a thread and hands them to handlers."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.stop()

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        if self._thread is not None:
            raise RuntimeError("Listener already started")
        self._thread = t = threading.Thread(target=self._monitor)
        t.daemon = True
        t.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if (not self.respect_handler_level
                    or record.levelno >= handler.level):
                handler.handle(record)

    def _monitor(self):
        q = self.queue
        has_task_done = hasattr(q, 'task_done')
        while True:
            try:
                record = self.dequeue(True)
            except queue.Empty:
                break
            if record is self._sentinel:
                if has_task_done:
                    q.task_done()
                break
            self.handle(record)
            if has_task_done:
                q.task_done()

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        """Ask the thread to finish the queued records and wait for it."""
        if self._thread:
            self.enqueue_sentinel()
            self._thread.join()
            self._thread = None
