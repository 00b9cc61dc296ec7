# logging: basicConfig, StreamHandler/FileHandler, handleError, filters,
# LoggerAdapter, captureWarnings, module functions and thread safety.
import io
import logging
import os
import sys
import tempfile
import threading
import warnings

root = logging.getLogger()
out = io.StringIO()
logging.basicConfig(stream=out)
logging.warning('first %s', 'call')
logging.info('not shown')
logging.basicConfig(stream=out, format='ignored')   # root has a handler now
logging.error('second')
print(out.getvalue(), end='')
print(root.handlers)

out2 = io.StringIO()
logging.basicConfig(stream=out2, format='{levelname}-{message}', style='{',
                    level='DEBUG', force=True)
logging.debug('forced')
logging.log(logging.INFO, 'via log')
logging.critical('crit')
print(out2.getvalue(), end='')
for kwargs in ({'stream': out, 'filename': 'x'},
               {'handlers': [], 'stream': out},
               {'style': '?'},
               {'stream': out, 'bogus': 1, 'other': 2}):
    try:
        logging.basicConfig(force=True, **kwargs)
    except ValueError as e:
        print('ValueError', e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'log.txt')
    logging.basicConfig(filename=path, filemode='w', force=True,
                        format='%(name)s %(message)s', encoding='utf-8')
    h = root.handlers[0]
    print(type(h).__name__, h.mode, h.encoding, h.errors,
          h.baseFilename == path, repr(h) == '<FileHandler %s (NOTSET)>' % path)
    logging.warning('in file \u00e9')
    logging.shutdown()
    with open(path, encoding='utf-8') as f:
        print(repr(f.read()))
    # delay: nothing is created until the first record.
    p2 = os.path.join(d, 'delayed.txt')
    fh = logging.FileHandler(p2, delay=True)
    print(fh.stream, os.path.exists(p2))
    fh.handle(logging.makeLogRecord({'msg': 'late', 'levelno': 30}))
    fh.close()
    print(open(p2).read(), end='')
    fh = logging.FileHandler(p2, mode='w', errors='replace', encoding='ascii')
    fh.handle(logging.makeLogRecord({'msg': 'caf\u00e9'}))
    fh.close()
    print(open(p2).read(), end='')
    root.handlers.clear()

# handleError reports on stderr and carries on.
stream = io.StringIO()
lg = logging.getLogger('errs')
lg.propagate = False
sh = logging.StreamHandler(stream)
lg.addHandler(sh)
saved = sys.stderr
sys.stderr = err = io.StringIO()
lg.warning('%d items', 'not-a-number')
lg.warning('after error')
sys.stderr = saved
text = err.getvalue()
print(text.splitlines()[0], '|', 'TypeError' in text, '|',
      text.splitlines()[-2], '|', text.splitlines()[-1])
print(repr(stream.getvalue()))
logging.raiseExceptions = False
sys.stderr = err = io.StringIO()
lg.warning('%d items', 'again')
sys.stderr = saved
logging.raiseExceptions = True
print(repr(err.getvalue()))

# setStream, terminator, handler level and repr.
s2 = io.StringIO()
print(sh.setStream(s2) is stream, sh.setStream(s2))
sh.terminator = ' <EOL>\n'
sh.setLevel(logging.ERROR)
lg.warning('filtered by handler level')
lg.error('kept')
print(repr(s2.getvalue()), sh)
sh.terminator = '\n'
sh.setLevel(logging.NOTSET)

# Filters: Filter objects, callables, and records rejected by loggers.
s3 = io.StringIO()
sh.setStream(s3)
lg.addFilter(logging.Filter('errs'))
lg.warning('passes name filter')
lg.addFilter(lambda r: 'secret' not in r.getMessage())
lg.warning('a secret message')
lg.warning('public message')
f = logging.Filter('a.b')
for name in ('a.b', 'a.b.c', 'a.bc', 'a', 'x'):
    print(name, f.filter(logging.makeLogRecord({'name': name})))
print(logging.Filter().filter(logging.makeLogRecord({'name': 'any'})))
sh.addFilter(lambda r: r.levelno >= logging.ERROR)
lg.warning('dropped by handler filter')
lg.error('error passes')
print(s3.getvalue(), end='')
lg.filters.clear()
sh.filters.clear()

# LoggerAdapter.
class Prefixed(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        kwargs['extra'] = self.extra
        return '[%s] %s' % (self.extra['conn'], msg), kwargs


s4 = io.StringIO()
sh.setStream(s4)
sh.setFormatter(logging.Formatter('%(message)s conn=%(conn)s'))
ad = logging.LoggerAdapter(lg, {'conn': 'c1'})
ad.warning('plain adapter')
Prefixed(lg, {'conn': 'c2'}).error('custom process')
ad.log(logging.CRITICAL, 'via log %d', 5)
print(ad, ad.isEnabledFor(logging.DEBUG), ad.getEffectiveLevel(),
      ad.name, ad.manager is logging.Logger.manager, ad.hasHandlers())
try:
    raise KeyError('k')
except KeyError:
    ad.exception('caught')
print(s4.getvalue().splitlines()[:4], s4.getvalue().splitlines()[-1])
sh.setFormatter(None)

# captureWarnings routes warnings to the 'py.warnings' logger.
s5 = io.StringIO()
wl = logging.getLogger('py.warnings')
wh = logging.StreamHandler(s5)
wh.setFormatter(logging.Formatter('%(name)s:%(levelname)s:%(message)s'))
wl.addHandler(wh)
wl.propagate = False
logging.captureWarnings(True)
warnings.warn_explicit('careful', UserWarning, 'mod.py', 7)
logging.captureWarnings(False)
print(repr(s5.getvalue()))
print(warnings.showwarning is logging._showwarning)

# Many threads through one handler: no lost or interleaved lines.
s6 = io.StringIO()
sh.setStream(s6)


def worker(n):
    for i in range(50):
        lg.warning('thread %d line %d', n, i)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
lines = s6.getvalue().splitlines()
print(len(lines), len(set(lines)),
      all(l.startswith('thread ') and l.count('line') == 1 for l in lines))

nh = logging.NullHandler()
nh.handle(logging.makeLogRecord({}))
print(nh.lock, logging.Handler().name)
try:
    logging.Handler().emit(None)
except NotImplementedError as e:
    print('NotImplementedError', e)
