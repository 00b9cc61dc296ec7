# logging.config.dictConfig: formatters, filters, handlers, factories,
# cfg:// and ext:// references, incremental and disable_existing_loggers.
import io
import logging
import logging.config
import logging.handlers
import sys

OUT = io.StringIO()


class Upper(logging.Formatter):
    def format(self, record):
        return super().format(record).upper()


class OnlyEven(logging.Filter):
    def __init__(self, modulus=2):
        super().__init__()
        self.modulus = modulus

    def filter(self, record):
        return record.args[0] % self.modulus == 0


def make_handler(stream, prefix):
    h = logging.StreamHandler(stream)
    h.setFormatter(logging.Formatter(prefix + '%(message)s'))
    return h


old = logging.getLogger('old.logger')
old_child = logging.getLogger('app.sub')
old_child.setLevel(logging.CRITICAL)

config = {
    'version': 1,
    'custom': {'stream': OUT, 'items': ['first', 'second']},
    'formatters': {
        'brief': {'format': '%(levelname)s %(name)s: %(message)s'},
        'braces': {'format': '{name}|{message}', 'style': '{'},
        'upper': {'()': Upper, 'fmt': '%(message)s'},
        'withdefaults': {'format': '%(message)s [%(tag)s]',
                         'defaults': {'tag': 'none'}},
        'byclass': {'class': 'logging.Formatter', 'format': '<%(message)s>'},
    },
    'filters': {
        'even': {'()': OnlyEven, 'modulus': 2},
        'named': {'name': 'app'},
    },
    'handlers': {
        'main': {'class': 'logging.StreamHandler', 'formatter': 'brief',
                 'stream': 'cfg://custom.stream', 'level': 'DEBUG'},
        'upper': {'class': 'logging.StreamHandler', 'formatter': 'upper',
                  'stream': 'ext://__main__.OUT', 'filters': ['even']},
        'factory': {'()': make_handler, 'stream': 'cfg://custom.stream',
                    'prefix': 'factory: ', '.': {'marker': 42}},
        'buffer': {'class': 'logging.handlers.MemoryHandler',
                   'capacity': 100, 'target': 'main'},
        'braces': {'class': 'logging.StreamHandler', 'formatter': 'braces',
                   'stream': 'ext://__main__.OUT'},
        'tagged': {'class': 'logging.StreamHandler',
                   'formatter': 'withdefaults', 'stream': 'ext://__main__.OUT'},
        'byclass': {'class': 'logging.StreamHandler', 'formatter': 'byclass',
                    'stream': 'ext://__main__.OUT'},
    },
    'loggers': {
        'app': {'level': 'INFO', 'handlers': ['main'], 'filters': ['named'],
                'propagate': False},
        'app.even': {'handlers': ['upper'], 'propagate': False},
        'app.factory': {'handlers': ['factory'], 'propagate': False},
        'app.buffered': {'handlers': ['buffer'], 'propagate': False},
        'app.braces': {'handlers': ['braces', 'tagged', 'byclass'],
                       'propagate': False},
    },
    'root': {'level': 'WARNING', 'handlers': ['main']},
}
logging.config.dictConfig(config)

app = logging.getLogger('app')
app.debug('not shown')
app.info('app info')
even = logging.getLogger('app.even')
for i in range(4):
    even.info('number %d', i)
fac = logging.getLogger('app.factory')
fac.info('%s', config['custom']['items'][1])
logging.getLogger('app.braces').warning('braced')
buf = logging.getLogger('app.buffered')
buf.info('buffered 1')
buf.info('buffered 2')
print('before flush:', repr(OUT.getvalue().splitlines()[-1]))
buf.error('flushes')
logging.getLogger('unconfigured').warning('to root')
print('old disabled:', old.disabled, 'child level reset:',
      old_child.level, old_child.propagate)
print(OUT.getvalue(), end='')
print(sorted(logging.getHandlerNames()) if hasattr(logging, 'getHandlerNames')
      else sorted(logging._handlers.keys()))
h = logging._handlers['factory']
print(h.marker, type(logging._handlers['buffer'].target).__name__,
      logging._handlers['main'].level)

# Incremental: only levels change.
OUT.seek(0)
OUT.truncate()
logging.config.dictConfig({'version': 1, 'incremental': True,
                           'handlers': {'main': {'level': 'ERROR'}},
                           'loggers': {'app': {'level': 'DEBUG'}}})
app.warning('dropped by handler level')
app.error('kept')
print(repr(OUT.getvalue()), app.level)

# disable_existing_loggers=False keeps unconfigured loggers alive.
keep = logging.getLogger('keep.me')
logging.config.dictConfig({'version': 1, 'disable_existing_loggers': False,
                           'root': {'level': 'DEBUG'}})
print('keep disabled:', keep.disabled, 'app disabled:', app.disabled,
      'root handlers:', logging.getLogger().handlers)
logging.config.dictConfig({'version': 1})
print('keep disabled now:', keep.disabled)

bad_configs = [
    {},
    {'version': 2},
    {'version': 1, 'handlers': {'h': {'class': 'logging.NoSuchHandler'}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler',
                                      'formatter': 'missing'}}},
    {'version': 1, 'formatters': {'f': {'format': '%(message)'}}},
    {'version': 1, 'loggers': {'x': {'level': 'LOUD'}}},
    {'version': 1, 'root': {'handlers': ['nothere']}},
    {'version': 1, 'filters': {'f': {'()': 'no.such.module.Filter'}}},
    {'version': 1, 'incremental': True, 'handlers': {'ghost': {}}},
    {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler',
                                      'stream': 'cfg://nothing[0]'}}},
]
for cfg in bad_configs:
    try:
        logging.config.dictConfig(cfg)
        print('accepted', cfg)
    except (ValueError, KeyError) as e:
        cause = e.__cause__
        print(type(e).__name__, e, '|', type(cause).__name__ if cause else None)

print(logging.config.valid_ident('ok_name'))
try:
    logging.config.valid_ident('not valid')
except ValueError as e:
    print('ValueError', e)
c = logging.config.BaseConfigurator({'a': {'b': [10, {'c': 'deep'}]}})
print(c.convert('cfg://a.b[1].c'), c.convert('cfg://a.b[0]'),
      c.convert('ext://sys.maxsize') == sys.maxsize,
      c.convert('plain'), c.convert('xyz://not-a-converter'))
