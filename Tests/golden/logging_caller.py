# logging: findCaller with stacklevel, stack_info, exc_info forms.
import io
import logging
import sys

out = io.StringIO()
lg = logging.getLogger('caller')
lg.propagate = False
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter('%(funcName)s:%(lineno)d:%(module)s %(message)s'))
lg.addHandler(h)


def helper(msg, level=1):
    lg.warning(msg, stacklevel=level)


def outer():
    helper('level one')
    helper('level two', 2)
    helper('too deep', 50)


outer()
lg.warning('top level')
logging.LoggerAdapter(lg, {}).warning('through adapter')
print(out.getvalue(), end='')
print(lg.findCaller()[1:3])

out.seek(0)
out.truncate()
h.setFormatter(logging.Formatter('%(levelname)s %(message)s'))


def with_stack():
    lg.warning('stacked', stack_info=True)


with_stack()
# The stack names this file by its full path, which depends on the checkout.
lines = out.getvalue().replace(__file__, 'logging_caller.py').splitlines()
print(lines[0], '|', lines[1], '|', lines[-2].strip(), '|', lines[-1].strip())

for form in ('true', 'instance', 'tuple'):
    out.seek(0)
    out.truncate()
    try:
        raise ValueError('bad ' + form)
    except ValueError as e:
        arg = {'true': True, 'instance': e, 'tuple': sys.exc_info()}[form]
    lg.error('logged %s', form, exc_info=arg)
    lines = out.getvalue().splitlines()
    print(lines[0], '|', lines[1], '|', lines[-1])

out.seek(0)
out.truncate()
try:
    {}['missing']
except KeyError:
    lg.exception('exception() at %s', 'ERROR')
    lg.critical('no traceback')
lines = out.getvalue().splitlines()
print(lines[0], '|', lines[-2], '|', lines[-1])
lg.error('no exception active', exc_info=True)
print(out.getvalue().splitlines()[-1])
