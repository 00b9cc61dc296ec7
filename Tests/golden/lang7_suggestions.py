# "Did you mean" hints: misspelt keyword arguments (3.13+), names that
# are instance attributes (self.x, 3.12+), missing stdlib imports (3.12+),
# close names and attributes, and import-from typos (3.12+).
import re
import traceback

def last_line(fn):
    try:
        fn()
    except BaseException as e:
        line = traceback.format_exception(e)[-1]
        print(re.sub(r"\(/[^)]*\)", "(PATH)", line), end="")

def f(a, /, bee, *, alpha=1, Gamma=2):
    pass

for kw in ('alhpa', 'gamma', 'be', 'zzz', 'alphabet'):
    last_line(lambda: f(1, 2, **{kw: 3}))
last_line(lambda: f(a=1, bee=2))

class K:
    def __init__(self):
        self.foo = 1
    def m(self, value):
        pass
    def uses_foo(self):
        return foo
    def uses_fooo(self):
        return fooo

last_line(lambda: K().m(valeu=1))
last_line(lambda: K().uses_foo())
last_line(lambda: K().uses_fooo())
last_line(lambda: K().fo)

def local_typo():
    counter = 1
    return countr
last_line(local_typo)
last_line(lambda: lenn([]))
last_line(lambda: sys.argv)

def import_typo():
    from collections import OrderDict
last_line(import_typo)

def kwargs_ok(**kw):
    return sorted(kw)
print(kwargs_ok(alhpa=1))
