# logging: LogRecord, Formatter styles and validation, BufferingFormatter.
import logging
import time


def rec(msg='hello %s', args=('world',), level=logging.INFO, **extra):
    r = logging.LogRecord('app.mod', level, '/src/app/mod.py', 42, msg, args,
                          None, 'func')
    r.created = 1700000000.25
    r.msecs = 250.0
    r.__dict__.update(extra)
    return r


r = rec()
print(r)
print(r.name, r.levelno, r.levelname, r.pathname, r.filename, r.module,
      r.lineno, r.funcName, r.exc_info, r.exc_text, r.stack_info)
print(r.getMessage(), r.processName, r.threadName, type(r.thread).__name__,
      type(r.process).__name__, type(r.relativeCreated).__name__)
print(rec('%(a)s-%(b)s', ({'a': 1, 'b': 2},)).getMessage())
print(rec('no args', ()).getMessage(), rec(123, ()).getMessage())

fmts = [
    ('%(levelname)s:%(name)s:%(message)s', '%'),
    ('%(levelno)03d %(filename)s:%(lineno)d %(funcName)s %(module)s', '%'),
    ('{levelname}|{name}|{message!r:>15}', '{'),
    ('$levelname ${name} $message', '$'),
]
for fmt, style in fmts:
    print(logging.Formatter(fmt, style=style).format(rec()))
print(logging.Formatter().format(rec()))
print(logging.Formatter(style='{').format(rec()))
print(logging.Formatter(style='$').format(rec()))

f = logging.Formatter('%(asctime)s %(message)s')
f.converter = time.gmtime
print(f.format(rec()))
f = logging.Formatter('{asctime} {message}', datefmt='%H:%M:%S', style='{')
f.converter = time.gmtime
print(f.format(rec()), f.usesTime())


class MsFormatter(logging.Formatter):
    converter = time.gmtime
    default_time_format = '%d/%m/%Y %H.%M'
    default_msec_format = '%s::%03d'


print(MsFormatter('%(asctime)s').format(rec()))
print(logging.Formatter('%(custom)s %(message)s',
                        defaults={'custom': 'dflt'}).format(rec()))
print(logging.Formatter('%(custom)s', defaults={'custom': 'dflt'})
      .format(rec(custom='given')))
try:
    logging.Formatter('%(nosuch)s').format(rec())
except ValueError as e:
    print('ValueError', e)

bad = [('%(message)', '%'), ('plain text', '%'), ('{}', '{'),
       ('{message!z}', '{'), ('no fields', '{'), ('nothing', '$'),
       ('%(message)s', 'x')]
for fmt, style in bad:
    try:
        logging.Formatter(fmt, style=style)
        print('accepted', fmt)
    except ValueError as e:
        print('ValueError', e)
print(logging.Formatter('plain text', validate=False).format(rec()))

try:
    1 / 0
except ZeroDivisionError:
    import sys
    r = rec(exc_info=sys.exc_info())
f = logging.Formatter('%(levelname)s %(message)s')
text = f.format(r)
lines = text.splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])
print(r.exc_text == f.formatException(r.exc_info), text.endswith('zero'))
r2 = rec(stack_info='Stack (most recent call last):\n  here')
print(f.format(r2))


class Bracket(logging.BufferingFormatter):
    def formatHeader(self, records):
        return '[%d:' % len(records)

    def formatFooter(self, records):
        return ']'


print(repr(logging.BufferingFormatter().format([rec(), rec()])))
print(Bracket(logging.Formatter('<%(message)s>')).format([rec(), rec('x', ())]))
print(repr(Bracket().format([])))

m = logging.makeLogRecord({'msg': 'made %s', 'args': (7,), 'name': 'mk',
                           'levelno': 40, 'levelname': 'ERROR'})
print(logging.Formatter().format(m))

old = logging.getLogRecordFactory()


def factory(*args, **kwargs):
    record = old(*args, **kwargs)
    record.custom = 'from-factory'
    return record


logging.setLogRecordFactory(factory)
lg = logging.getLogger('fact')
import io
out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(custom)s %(message)s %(extra1)s'))
lg.addHandler(h)
lg.propagate = False
lg.warning('msg', extra={'extra1': 'E1'})
logging.setLogRecordFactory(old)
print(logging.getLogRecordFactory() is logging.LogRecord)
for key in ('message', 'asctime', 'levelno'):
    try:
        lg.warning('x', extra={key: 1})
    except KeyError as e:
        print('KeyError', e)
print(out.getvalue(), end='')
