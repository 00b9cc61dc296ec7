# logging: levels, the logger hierarchy, propagation and caching.
import io
import logging

print(logging.getLevelName(10), logging.getLevelName('ERROR'),
      logging.getLevelName(33), logging.getLevelName('WARN'))
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25), logging.getLevelName('NOTICE'))
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR,
      logging.CRITICAL, logging.FATAL, logging.WARN, logging.NOTSET)
print(logging.BASIC_FORMAT)

root = logging.getLogger()
print(root is logging.root, root is logging.getLogger('root'), root)
ab = logging.getLogger('a.b')
print(ab, ab.parent is root)
a = logging.getLogger('a')
print(ab.parent is a, a.parent is root)
abc = logging.getLogger('a.b.c')
print(abc.parent is ab, a.getChild('b') is ab, root.getChild('a') is a)
print(type(logging.Logger.manager.loggerDict['a']).__name__)

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(name)s|%(levelname)s|%(message)s'))
a.addHandler(h)
a.setLevel(logging.INFO)
print(abc.getEffectiveLevel(), abc.isEnabledFor(logging.DEBUG),
      abc.isEnabledFor(logging.INFO))
abc.debug('hidden')
abc.info('shown %d', 1)
abc.log(25, 'custom level')
abc.setLevel('DEBUG')
abc.debug('now visible')
ab.propagate = False
abc.warning('stops at a.b')
ab.propagate = True
abc.error('%(x)s and %(y)s', {'x': 1, 'y': 2})
logging.disable(logging.WARNING)
abc.warning('disabled')
abc.error('above disable')
logging.disable(logging.NOTSET)
abc.warning('enabled again')
print(out.getvalue(), end='')
print(a.hasHandlers(), logging.getLogger('zz').hasHandlers())

for bad in ('NOPE', 1.5):
    try:
        a.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    logging.getLogger(3)
except TypeError as e:
    print('TypeError', e)
try:
    a.log('INFO', 'x')
except TypeError as e:
    print('TypeError', e)


class MyLogger(logging.Logger):
    pass


logging.setLoggerClass(MyLogger)
print(type(logging.getLogger('mine')).__name__, logging.getLoggerClass().__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print('TypeError', e)

# Placeholders are replaced and children re-parented.
x = logging.getLogger('p.q.r')
print(type(logging.Logger.manager.loggerDict['p.q']).__name__)
pq = logging.getLogger('p.q')
print(x.parent is pq, pq.parent is root)

# callHandlers reaches lastResort when no handler exists.
import sys
saved = sys.stderr
sys.stderr = io.StringIO()
logging.getLogger('lonely').warning('to last resort')
logging.getLogger('lonely').info('too low')
got = sys.stderr.getvalue()
sys.stderr = saved
print(repr(got))
print(logging.lastResort)
a.removeHandler(h)
print(a.handlers)
