# A function docstring runs no code: tracing sees no 'line' event for it,
# and it is the function's __doc__ (co_consts[0]).  The compiler strips
# the docstring's indentation (3.13+).  Under optimize=2 a lone
# docstring stands in for `pass` (CPython 3.14+).
import sys

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith('f') or name == 'method':
        print(name, event, frame.f_lineno - frame.f_code.co_firstlineno)
    return tracer

def f1():
    """doc"""
    x = 1
    return x

def f2():
    """doc only"""

def f3():
    """doc"""
    pass

def f4():
    """multi
    line
    doc"""
    return 4

class C:
    """class doc"""
    def method(self):
        "method doc"
        return 3

def f5():
    x = 1
    "not a docstring"
    return x

sys.settrace(tracer)
f1(); f2(); f3(); f4(); C().method(); f5()
sys.settrace(None)
print(f1.__doc__, f2.__doc__, f4.__doc__.splitlines(), C.__doc__, C.method.__doc__, f5.__doc__)
print(f1.__code__.co_consts[0], f5.__code__.co_consts[0] if f5.__code__.co_consts else None)

src = '''
def fo1():
    """doc"""
    y = 2
    return y
def fo2():
    """doc only"""
'''
ns = {}
exec(compile(src, '<opt2>', 'exec', optimize=2), ns)
sys.settrace(tracer)
ns['fo1'](); ns['fo2']()
sys.settrace(None)
print(ns['fo1'].__doc__, ns['fo2'].__doc__)

# Docstrings are stored with their indentation removed (3.13+).
def f4():
    """multi
    line
        indented
    doc"""
def f5():
    """
    starts blank

    blank middle
    """
def f6():
	"""tabs
	here"""
class K:
    """  Lead
       two
         three
    """
def f7():
    """only first line   """
def f8():
    """first
      
    last"""
for o in (f4, f5, f6, K, f7, f8):
    print(repr(o.__doc__))
import inspect
print(all(inspect.cleandoc(o.__doc__) == inspect.getdoc(o) for o in (f4, f5, f6, K, f7, f8)))
src2 = 'def h():\n    """a\n       b"""\n'
ns2 = {}
exec(compile(src2, '<s>', 'exec'), ns2)
print(repr(ns2['h'].__doc__), repr(compile('"""m\n   x"""', '<m>', 'exec').co_consts))
