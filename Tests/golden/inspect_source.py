# inspect: source retrieval (getsource/getblock on decorators, multi-line
# signatures, strings, continuations, nested classes), comments, frames.
import inspect, functools

def deco(*a, **k):
    def wrap(f):
        return f
    return wrap

# Comment about f1
# second line
@deco(1,
      2)
@deco
def f1(a,
       b="def x(): )",
       c='''multi
line ( string
'''):
    """Doc string
    with ( paren"""
    x = [1,
 2]  # odd indentation inside brackets
    if a:
        return \
            b
    # trailing comment in body
    return c
    # another
# not part

async def f2(): return 1
g = lambda x: (x +
               1)
class K:
    # method comment
    def m(self):
        s = f"{self!r} {'{'} }}"
        return s

    class Inner:
        def deep(self): pass
        z = 3

    y = 2
def f3(): pass; \

print(inspect.getsource(f1), end='|\n')
print(inspect.getsource(f2), end='|\n')
print(inspect.getsource(g), end='|\n')
print(inspect.getsource(K), end='|\n')
print(inspect.getsource(K.m), end='|\n')
print(inspect.getsource(K.Inner), end='|\n')
print(inspect.getsource(K.Inner.deep), end='|\n')
print(inspect.getsourcelines(f3))
print(repr(inspect.getcomments(f1)), repr(inspect.getcomments(K.m)))
print(inspect.getsourcelines(K.m)[1], inspect.findsource(f2)[1])
import sys
fr = sys._getframe()
info = inspect.getframeinfo(fr, 3)
print(info.filename.endswith('inspect_source.py'), info.lineno, info.function, info.code_context, info.index)
def inner_stack():
    return inspect.stack()
st = inner_stack()
print([(s.function, s.lineno, s.code_context) for s in st][:2])
try:
    1/0
except ZeroDivisionError:
    tr = inspect.trace()
    print([(t.function, t.lineno) for t in tr])
print(inspect.getlineno(fr), inspect.currentframe().f_code.co_name)
print(inspect.getfile(K).endswith('inspect_source.py'), inspect.getsourcefile(f1).endswith('inspect_source.py'))
try: inspect.getfile(len)
except TypeError as e: print(e)
try: inspect.getsource(len)
except TypeError as e: print(e)
