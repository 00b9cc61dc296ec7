# logging: 3.12+ additions (getChildren, handler registry, merge_extra,
# filters returning records, taskName, QueueListener as a context manager,
# queue handlers in dictConfig) and fileConfig (from a file object).
import asyncio
import io
import logging
import logging.config
import logging.handlers
import queue

root = logging.getLogger()
a = logging.getLogger('kids')
for name in ('kids.x', 'kids.y', 'kids.y.z', 'kids.p.q'):
    logging.getLogger(name)
print(sorted(l.name for l in a.getChildren()))
print(sorted(l.name for l in logging.getLogger('kids.y').getChildren()))
print('kids' in {l.name for l in root.getChildren()},
      'kids.x' in {l.name for l in root.getChildren()})

h = logging.StreamHandler(io.StringIO())
h.name = 'named-one'
print(logging.getHandlerByName('named-one') is h,
      'named-one' in logging.getHandlerNames(),
      type(logging.getHandlerNames()).__name__)
h.name = 'renamed'
print(logging.getHandlerByName('named-one'), logging.getHandlerByName('renamed') is h)
h.close()
print(logging.getHandlerByName('renamed'))

out = io.StringIO()
lg = logging.getLogger('new')
lg.propagate = False
sh = logging.StreamHandler(out)
sh.setFormatter(logging.Formatter('%(message)s a=%(a)s b=%(b)s'))
lg.addHandler(sh)
ad = logging.LoggerAdapter(lg, {'a': 1, 'b': 2}, merge_extra=True)
ad.warning('merged', extra={'b': 'B'})
ad2 = logging.LoggerAdapter(lg, {'a': 1, 'b': 2})
ad2.warning('replaced', extra={'b': 'B'})
print(out.getvalue(), end='')
print(logging.LoggerAdapter[int])


def stamp(record):
    record = logging.makeLogRecord(record.__dict__)
    record.msg = 'stamped: ' + record.msg
    return record


out.seek(0)
out.truncate()
sh.setFormatter(logging.Formatter('%(message)s'))
lg.addFilter(stamp)
lg.warning('original')
lg.removeFilter(stamp)
sh.addFilter(stamp)
lg.warning('handler-level')
sh.removeFilter(stamp)
print(out.getvalue(), end='')

out.seek(0)
out.truncate()
sh.setFormatter(logging.Formatter('%(taskName)s %(message)s'))
lg.warning('outside')


async def job():
    lg.warning('inside')


async def main():
    await asyncio.create_task(job(), name='worker-7')


asyncio.run(main())
logging.logAsyncioTasks = False


async def job2():
    lg.warning('not recorded')


asyncio.run(job2())
logging.logAsyncioTasks = True
print(out.getvalue(), end='')

q = queue.Queue()
out2 = io.StringIO()
with logging.handlers.QueueListener(q, logging.StreamHandler(out2)) as listener:
    print(listener._thread is not None)
    qh = logging.handlers.QueueHandler(q)
    qh.handle(logging.makeLogRecord({'msg': 'through %s', 'args': ('queue',)}))
print(listener._thread, repr(out2.getvalue()))

sink = io.StringIO()
logging.config.dictConfig({
    'version': 1,
    'handlers': {
        'sink': {'class': 'logging.StreamHandler', 'stream': sink,
                 'level': 'INFO'},
        'q': {'class': 'logging.handlers.QueueHandler',
              'handlers': ['sink'], 'respect_handler_level': True},
    },
    'loggers': {'viaq': {'handlers': ['q'], 'level': 'DEBUG',
                         'propagate': False}},
})
qh = logging.getHandlerByName('q')
print(type(qh).__name__, type(qh.listener).__name__,
      type(qh.queue).__name__, qh.listener.respect_handler_level,
      qh.listener.handlers[0] is logging.getHandlerByName('sink'))
qh.listener.start()
logging.getLogger('viaq').debug('below sink level')
logging.getLogger('viaq').info('queued info')
qh.listener.stop()
print(repr(sink.getvalue()))

try:
    logging.config.fileConfig('/nonexistent.ini')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
import io as _io
ini = _io.StringIO("""
[loggers]
keys=root,app
[handlers]
keys=out
[formatters]
keys=plain
[logger_root]
level=WARNING
handlers=
[logger_app]
level=INFO
handlers=out
qualname=fromini
propagate=0
[handler_out]
class=StreamHandler
level=DEBUG
formatter=plain
args=(sys.stdout,)
[formatter_plain]
format=%(name)s|%(levelname)s|%(message)s
""")
logging.config.fileConfig(ini, disable_existing_loggers=False)
logging.getLogger('fromini').debug('not shown')
logging.getLogger('fromini').info('from the ini file')

# listen(): a length-prefixed payload reaches verify(); returning None
# applies nothing.  stopListening() ends the thread.
import socket
received = []
t = logging.config.listen(0, verify=lambda data: received.append(data))
t.start()
t.ready.wait(5)
conn = socket.create_connection(('localhost', t.port))
payload = b'{"version": 1}'
conn.sendall(len(payload).to_bytes(4, 'big') + payload)
conn.close()
import time
deadline = time.monotonic() + 5
while not received and time.monotonic() < deadline:
    time.sleep(0.01)
logging.config.stopListening()
t.join(5)
print(received, t.is_alive())
