# Behaviour fixed to match CPython: locale's gettext family, weakref
# subclasses, math.hypot/dist rounding and overflow, select() over a list
# that fileno() mutates, os.utime float rounding, linecache decoding,
# classmethod annotations, contextlib.suppress, random.choices.
import contextlib
import linecache
import locale
import math
import operator
import os
import random
import select
import shutil
import sys
import tempfile
import weakref

# ---- locale: the C library's message catalogs
print(locale.textdomain(None), locale.gettext('hello'),
      locale.dgettext(None, 'w'), locale.dgettext('nodomain', 'x'),
      locale.dcgettext(None, 'y', locale.LC_MESSAGES))
print(locale.bindtextdomain('c5dom', '/nonexistent/c5'),
      locale.bindtextdomain('c5dom', b'/nonexistent/c6'),
      locale.bindtextdomain('c5dom', None),
      locale.bind_textdomain_codeset('c5dom', None),
      locale.bind_textdomain_codeset('c5dom', 'UTF-8'),
      locale.bind_textdomain_codeset('c5dom', None))
print(locale.textdomain('c5dom'), locale.textdomain(None),
      locale.textdomain(''), locale.gettext('msg'))
for call, args in [(locale.bindtextdomain, ('', None)),
                   (locale.gettext, (1,)),
                   (locale.gettext, ('a\0b',)),
                   (locale.textdomain, (3.5,)),
                   (locale.dgettext, (1, 'x')),
                   (locale.dgettext, (None, None)),
                   (locale.bindtextdomain, ('d', 1))]:
    try:
        call(*args)
    except (TypeError, ValueError, locale.Error) as e:
        print(type(e).__name__, e)

# ---- weakref
class Thing:
    pass

thing = Thing()
try:
    weakref.ref(thing, callback=None)
except TypeError as e:
    print('TypeError', e)

class TaggedRef(weakref.ref):
    def __init__(self, ob, callback=None, **tags):
        super().__init__(ob, callback)
        self.tags = tags

    def __call__(self):
        return ('tagged', super().__call__())

r = TaggedRef(thing, colour='red')
print(r.tags, r()[0], r()[1] is thing)
try:
    weakref.ref(thing)(1)
except TypeError as e:
    print('TypeError', e)

class Config(dict):
    def __getattr__(self, name):
        return self[name]

cfg = Config()
text = repr(weakref.ref(cfg))
print("to 'Config'" in text or "to '__main__.Config'" in text, '(' in text)
print(repr(weakref.ref(math.floor)).endswith('(floor)>'))

# ---- math.hypot / math.dist: correctly rounded, inf rather than errors
pairs = [('0x1.10106eb4b44a2p+29', '0x1.ef0596cdc97f8p+29'),
         ('0x1.0d3a6e3d04245p+29', '0x1.32a62fea52352p+30'),
         ('0x1.888e19611bfc5p+29', '0x1.52b8e70b24353p+29'),
         ('0x1.1592bbb0e4690p+29', '0x1.a9c337b33fb9ap+29')]
for hx, hy in pairs:
    print(math.hypot(float.fromhex(hx), float.fromhex(hy)).hex())
big = sys.float_info.max / 4
print(math.hypot(1e308, 1e308), math.hypot(*[big] * 31), math.dist((1e308,), (-1e308,)))
print(math.hypot(5e-324, 5e-324), math.hypot(3, 4), math.hypot(), math.hypot(-2.5),
      math.dist((0, 0, 0), (1, 2, 2)), math.hypot(1, 1).hex())

# ---- select with a list that fileno() shrinks
r_fd, w_fd = os.pipe()
victims = []
class Shrinker:
    def fileno(self):
        del victims[-1]
        return w_fd
victims[:] = [Shrinker()] * 10
_, writable, _ = select.select([], victims, [], 0)
print(len(writable), len(victims))
os.close(r_fd)
os.close(w_fd)

# ---- os.utime floors float seconds to nanoseconds
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, 'f')
open(path, 'w').close()
for value in (1.002003, 4.005006, 1.9999999999, -1.5):
    os.utime(path, (value, value))
    print(os.stat(path).st_mtime_ns)

# ---- linecache: undecodable source gives no lines; \f is not a line end
bad = os.path.join(tmp, 'bad.py')
with open(bad, 'wb') as f:
    f.write(b'# coding: utf-8\n\xffabc\n')
print(linecache.getlines(bad), repr(linecache.getline(bad, 1)))
good = os.path.join(tmp, 'good.py')
with open(good, 'wb') as f:
    f.write(b'a = 1\x0c# after form feed\r\nb = "\xe2\x80\xa8"\rc = 3')
print(linecache.getlines(good))
shutil.rmtree(tmp)

# ---- classmethod and staticmethod expose the function's annotations
def annotated(x: int, y: 'str' = '') -> float:
    pass
print(classmethod(annotated).__annotations__)
print(staticmethod(annotated).__annotations__ == annotated.__annotations__)
cm = classmethod(annotated)
cm.__annotations__ = {'z': bytes}
print(cm.__annotations__, annotated.__annotations__['x'])

# ---- small library fixes
with contextlib.suppress(KeyError) as entered:
    pass
print(entered)
print(sorted(n for n in vars(operator) if not n.startswith('__')
             and getattr(getattr(operator, n), '__module__', None) in ('operator', '_operator')
             and n not in operator.__all__))
try:
    random.choices([], weights=[], k=1)
except IndexError as e:
    print('IndexError', e)
try:
    random.choices([], cum_weights=[], k=2)
except IndexError as e:
    print('IndexError', e)
print(type(sys.implementation.version).__name__, sys.implementation.version[:2] == (
      sys.implementation.version.major, sys.implementation.version.minor))
