# logging.handlers: rotating/watched files, memory and queue handlers,
# socket/datagram/syslog handlers over loopback.
import io
import logging
import logging.handlers as lh
import os
import pickle
import queue
import socket
import tempfile
from types import SimpleNamespace


def record(msg, level=logging.INFO, name='h'):
    return logging.makeLogRecord({'msg': msg, 'levelno': level, 'name': name,
                                  'levelname': logging.getLevelName(level)})


def listing(d):
    return sorted(os.listdir(d))


with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'app.log')
    rh = lh.RotatingFileHandler(path, maxBytes=20, backupCount=2)
    for i in range(7):
        rh.handle(record('message %d' % i))
    rh.close()
    print(listing(d))
    for name in listing(d):
        with open(os.path.join(d, name)) as f:
            print(name, repr(f.read()))
    # A namer changes the rotated names.
    rh = lh.RotatingFileHandler(path, mode='w', maxBytes=20, backupCount=1)
    rh.namer = lambda name: name + '.old'
    rh.handle(record('aaaaaaaaaaaaaaa'))
    rh.handle(record('bbbbbbbbbbbbbbb'))
    rh.close()
    print(listing(d))
    rh = lh.RotatingFileHandler(path, maxBytes=0, backupCount=2)
    print(rh.shouldRollover(record('x' * 100)), rh.mode)
    rh.close()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'timed.log')
    th = lh.TimedRotatingFileHandler(path, when='s', interval=10,
                                     backupCount=2, utc=True)
    print(th.when, th.interval, th.suffix)
    for n, stamp in enumerate((1700000010, 1700000020, 1700000030,
                               1700000040)):
        th.handle(record('before rollover %d' % n))
        th.rolloverAt = stamp + 10
        th.doRollover()
    th.close()
    print(listing(d))
    with open(os.path.join(d, 'timed.log.2023-11-14_22-13-50')) as f:
        print(repr(f.read()))
    for name in ('unrelated.txt', 'timed.log.2023-11-10', 'timed.log.2023-11-12',
                 'timed.log.2023-11-11', 'timed.log.2023-11-1x', 'timedXlog.2023-11-09'):
        with open(os.path.join(d, name), 'w') as f:
            pass
    th = lh.TimedRotatingFileHandler(path, when='midnight', utc=True,
                                     backupCount=1)
    print([os.path.basename(p) for p in th.getFilesToDelete()])
    base = 1700000000           # 2023-11-14 22:13:20 UTC, a Tuesday
    print(th.computeRollover(base) - base)
    th.atTime = SimpleNamespace(hour=23, minute=0, second=0)
    print(th.computeRollover(base) - base)
    th.close()
    for when in ('W6', 'W0'):
        th = lh.TimedRotatingFileHandler(path, when=when, utc=True,
                                         atTime=SimpleNamespace(hour=1, minute=0, second=0))
        print(when, (th.computeRollover(base) - base) / 3600)
        th.close()
    for when in ('x', 'W', 'W7'):
        try:
            lh.TimedRotatingFileHandler(path, when=when)
        except ValueError as e:
            print('ValueError', e)
    th = lh.TimedRotatingFileHandler(path, when='H', interval=2)
    print(th.interval, th.suffix, th.computeRollover(base) - base)
    th.close()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'watched.log')
    wh = lh.WatchedFileHandler(path)
    wh.handle(record('one'))
    os.rename(path, path + '.moved')
    wh.handle(record('two'))
    os.remove(path)
    wh.handle(record('three'))
    wh.close()
    print(listing(d), open(path).read().split(), open(path + '.moved').read().split())

target = logging.StreamHandler(io.StringIO())
mh = lh.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
mh.handle(record('m1'))
mh.handle(record('m2'))
print(len(mh.buffer), repr(target.stream.getvalue()))
mh.handle(record('m3'))
print(len(mh.buffer), repr(target.stream.getvalue()))
mh.handle(record('m4'))
mh.handle(record('urgent', logging.ERROR))
print(len(mh.buffer), repr(target.stream.getvalue()))
mh.handle(record('m5'))
mh.close()
print(mh.target, repr(target.stream.getvalue()))
mh = lh.MemoryHandler(10, target=target, flushOnClose=False)
mh.handle(record('lost'))
mh.close()
print(repr(target.stream.getvalue()[-6:]))
bh = lh.BufferingHandler(2)
bh.handle(record('b1'))
print(len(bh.buffer), bh.shouldFlush(record('')))
bh.handle(record('b2'))
print(len(bh.buffer))

q = queue.Queue()
qh = lh.QueueHandler(q)
qh.setFormatter(logging.Formatter('%(levelname)s %(message)s'))
try:
    1 / 0
except ZeroDivisionError:
    r = logging.LogRecord('q', logging.ERROR, __file__, 1, 'bad %s', ('x',),
                          __import__('sys').exc_info())
qh.handle(r)
got = q.get_nowait()
print(got is r, got.msg.splitlines()[0], got.args, got.exc_info,
      got.exc_text, got.msg.splitlines()[-1])

q = queue.Queue()
out = io.StringIO()
sink = logging.StreamHandler(out)
sink.setLevel(logging.WARNING)
listener = lh.QueueListener(q, sink)
listener.start()
try:
    listener.start()
except RuntimeError as e:
    print('RuntimeError', e)
lg = logging.getLogger('queued')
lg.propagate = False
lg.setLevel(logging.DEBUG)
qh = lh.QueueHandler(q)
lg.addHandler(qh)
for i in range(5):
    lg.info('info %d', i)
lg.warning('warn')
listener.stop()
listener = lh.QueueListener(q, sink, respect_handler_level=True)
listener.start()
lg.info('skipped by level')
lg.error('kept')
listener.stop()
print(out.getvalue().split('\n'))
lg.removeHandler(qh)

# SocketHandler: length-prefixed pickles over TCP loopback.
server = socket.socket()
server.bind(('127.0.0.1', 0))
server.listen(1)
port = server.getsockname()[1]
sh = lh.SocketHandler('127.0.0.1', port)
sh.handle(record('over tcp %s'))
sh.handle(logging.makeLogRecord({'msg': 'args %d', 'args': (9,)}))
conn, _ = server.accept()
received = []
buf = b''
while len(received) < 2:
    buf += conn.recv(4096)
    while len(buf) >= 4 and len(buf) >= 4 + int.from_bytes(buf[:4], 'big'):
        n = int.from_bytes(buf[:4], 'big')
        received.append(logging.makeLogRecord(pickle.loads(buf[4:4 + n])))
        buf = buf[4 + n:]
for r in received:
    print(r.msg, r.args, r.levelno, r.getMessage())
sh.close()
conn.close()
server.close()

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(('127.0.0.1', 0))
udp.settimeout(5)
dh = lh.DatagramHandler('127.0.0.1', udp.getsockname()[1])
dh.handle(record('over udp'))
data = udp.recv(65536)
print(int.from_bytes(data[:4], 'big') == len(data) - 4,
      pickle.loads(data[4:])['msg'])
dh.close()

sl = lh.SysLogHandler(address=('127.0.0.1', udp.getsockname()[1]),
                      facility=lh.SysLogHandler.LOG_LOCAL3)
sl.handle(record('to syslog', logging.ERROR))
print(udp.recv(1024))
sl.ident = 'myapp: '
sl.append_nul = False
sl.handle(record('debugging', logging.DEBUG))
print(udp.recv(1024))
print(sl.encodePriority('auth', 'crit'), sl.encodePriority(1, 6),
      sl.mapPriority('NOTICE'), sl.mapPriority('CRITICAL'))
sl.close()
udp.close()

with tempfile.TemporaryDirectory() as d:
    addr = os.path.join(d, 'sock')
    us = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    us.bind(addr)
    sl = lh.SysLogHandler(address=addr)
    sl.handle(record('unix syslog', logging.WARNING))
    print(us.recv(1024), sl.unixsocket)
    sl.close()
    us.close()
print(lh.DEFAULT_TCP_LOGGING_PORT, lh.DEFAULT_UDP_LOGGING_PORT,
      lh.SYSLOG_UDP_PORT)
