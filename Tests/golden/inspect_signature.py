# inspect: signatures of every kind of callable, binding, argument specs,
# predicates, members, getattr_static, generator states and closure vars.
import inspect, functools, sys, types, abc, collections
def f(a, b=2, /, c=3, *args, d, e=5, **kw) -> int: pass
print(inspect.signature(f))
print(inspect.signature(len), inspect.signature(str.split), inspect.signature('a'.split))
class A:
    def __init__(self, x, y=1): pass
    def m(self, q): pass
print(inspect.signature(A), inspect.signature(A(1).m), inspect.signature(A.m))
print(inspect.signature(functools.partial(f, 1, c=4)))
print(inspect.signature(f).bind(1, 2, 3, 4, d=5, z=1))
try: inspect.signature(f).bind()
except TypeError as e: print(e)
print(inspect.getfullargspec(f))
print(inspect.getcallargs(f, 1, d=2))
print(inspect.signature(object), inspect.signature(lambda: 0))
class B: pass
print(inspect.signature(B))
try: print(inspect.signature(int))
except ValueError as e: print(e)
print(repr(inspect.Parameter.POSITIONAL_ONLY), inspect.Parameter.KEYWORD_ONLY.description)
class Meta(type):
    def __call__(cls, p, *, q=1): pass
class M(metaclass=Meta): pass
print('meta', inspect.signature(M))
class N:
    def __new__(cls, a, b=2): return super().__new__(cls)
print('new', inspect.signature(N))
class Sub(N):
    def __init__(self, z): pass
print('sub', inspect.signature(Sub))
class C:
    @classmethod
    def cm(cls, x, y): pass
    @staticmethod
    def sm(x, y=3): pass
    def __call__(self, u, /, v): pass
    @property
    def prop(self): "doc of prop"; return 1
    attr = 5
print(inspect.signature(C.cm), inspect.signature(C.sm), inspect.signature(C()))
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs): return fn(*args, **kwargs)
    return wrapper
@deco
def wrapped(a, b: int = 3, *, c: 'str' = 'x'): pass
print(inspect.signature(wrapped), inspect.signature(wrapped, follow_wrapped=False))
class PM:
    def meth(self, a, b, c=1): pass
    pm = functools.partialmethod(meth, 1)
print(inspect.signature(PM.pm), inspect.signature(PM().pm))
print(inspect.signature(functools.partial(wrapped, b=1)))
def g(a, b, *args, c): pass
print(inspect.signature(functools.partial(g, a=1)))
sig = inspect.signature(g)
ba = sig.bind(1, 2, 3, 4, c=5); print(ba, ba.args, ba.kwargs)
ba = sig.bind_partial(1); ba.apply_defaults(); print(ba)
for args, kw in [((1,), {}), ((1, 2), {'a': 1, 'c': 2}), ((), {'a':1,'b':2,'c':3,'d':4})]:
    try: sig.bind(*args, **kw)
    except TypeError as e: print('TypeError', e)
def po(a, /, b): pass
for args, kw in [((), {'a': 1, 'b': 2}), ((1,), {'a': 1, 'b': 2})]:
    try: print(inspect.signature(po).bind(*args, **kw))
    except TypeError as e: print('TypeError', e)
P = inspect.Parameter
print(inspect.Signature([P('a', P.POSITIONAL_ONLY), P('b', P.KEYWORD_ONLY, default=1, annotation=int)], return_annotation=list))
for bad in [lambda: P('a', P.VAR_POSITIONAL, default=1), lambda: P('def', P.KEYWORD_ONLY), lambda: P(1, P.KEYWORD_ONLY), lambda: P('a', 9),
            lambda: inspect.Signature([P('a', P.KEYWORD_ONLY), P('b', P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P('a', P.POSITIONAL_ONLY, default=1), P('b', P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P('a', P.POSITIONAL_ONLY), P('a', P.KEYWORD_ONLY)])]:
    try: bad()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
print(P('x', P.KEYWORD_ONLY).replace(name='y', default=None), repr(P('x', P.VAR_KEYWORD)))
print(sig == inspect.signature(g), hash(sig) == hash(inspect.signature(g)), sig.replace(return_annotation=int))
print(inspect.signature(sorted))
print(inspect.getfullargspec(C.cm), inspect.getfullargspec(C().__call__))
try: inspect.getcallargs(g, 1)
except TypeError as e: print(e)
try: inspect.getcallargs(po, 1, 2, 3)
except TypeError as e: print(e)
print(inspect.getcallargs(C.cm, 1, 2))
# predicates
async def co(): pass
async def ag(): yield 1
def gen(): yield 1
for f in (inspect.isfunction, inspect.ismethod, inspect.isgeneratorfunction, inspect.iscoroutinefunction, inspect.isasyncgenfunction, inspect.isbuiltin, inspect.isroutine, inspect.ismethoddescriptor, inspect.isdatadescriptor, inspect.isclass):
    print(f.__name__, [f(x) for x in (g, C().__call__, gen, co, ag, len, str.join, C.prop, int, functools.partial(co), [].append, object.__init__)])
def mk(): pass
print(inspect.iscoroutinefunction(mk), inspect.iscoroutinefunction(inspect.markcoroutinefunction(mk)))
class AB(abc.ABC):
    @abc.abstractmethod
    def x(self): pass
print(inspect.isabstract(AB), inspect.isabstract(C))
g1 = gen(); print(inspect.getgeneratorstate(g1)); next(g1); print(inspect.getgeneratorstate(g1), inspect.getgeneratorlocals(g1)); g1.close(); print(inspect.getgeneratorstate(g1))
c1 = co(); print(inspect.getcoroutinestate(c1)); c1.close(); print(inspect.getcoroutinestate(c1))
print(inspect.isawaitable(co.__code__), inspect.iscode(co.__code__))
print([n for n, v in inspect.getmembers(C) if not n.startswith('__')])
print([n for n, v in inspect.getmembers(C, inspect.isfunction)])
print(type(inspect.getattr_static(C, 'cm')), inspect.getattr_static(C(), 'attr'), inspect.getattr_static(C, 'prop').__class__)
print(inspect.getdoc(C.prop), inspect.cleandoc('   Hello\n      world\n    ok\n\n'))
print([(a.name, a.kind, a.defining_class.__name__) for a in inspect.classify_class_attrs(C) if not a.name.startswith('__')])
x = 10
def clo():
    y = 1
    def inner(): return x + y + len([]) + zz.attr
    return inner
cv = inspect.getclosurevars(clo())
print(cv.nonlocals, cv.globals, list(cv.builtins), sorted(cv.unbound))
print(inspect.unwrap(wrapped).__name__, inspect.getmro(Sub)[1].__name__)
print(inspect.getmodulename('/a/b/mod.py'), inspect.getmodule(C).__name__, inspect.getmodule(inspect.signature).__name__)
print(str(inspect.signature(lambda a, *, b=[1, 2]: 0)), inspect.formatannotation(list[int]), inspect.formatannotation(collections.OrderedDict))
print(inspect.CO_GENERATOR, inspect.CO_COROUTINE, int(inspect.BufferFlags.FULL_RO), inspect.BufferFlags.WRITABLE)

print(inspect.signature(lambda a, b=2, *c, d, **e: 0).format(max_width=10))
print(inspect.signature(len).parameters['obj'].kind, inspect.Parameter.VAR_KEYWORD.description)
print(inspect.isasyncgen(ag()), inspect.isgenerator(gen()), inspect.ispackage(collections), inspect.ispackage(abc))
