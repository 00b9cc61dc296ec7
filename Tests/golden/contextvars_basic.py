# contextvars: ContextVar get/set/reset, Context as a mapping, run/copy.
import contextvars
from contextvars import Context, ContextVar, Token, copy_context

def noaddr(text):
    # Replaces every " at 0x<hex>" with " at ADDR".
    parts = text.split(' at 0x')
    out = parts[0]
    for part in parts[1:]:
        i = 0
        while i < len(part) and part[i] in '0123456789abcdef':
            i += 1
        out += ' at ADDR' + part[i:]
    return out

def err(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except Exception as e:
        print(' ', type(e).__name__ + ':', noaddr(str(e)))
    else:
        print('  no error')

print(sorted(n for n in contextvars.__all__))
a = ContextVar('a')
b = ContextVar('b', default=10)
print(a.name, b.name, repr(a).startswith("<ContextVar name='a' at 0x"))
print(repr(b).startswith("<ContextVar name='b' default=10 at 0x"))
print(b.get(), b.get(5), a.get('dflt'), a.get(None))
err(a.get)

print('-- set/reset')
t1 = a.set(1)
print(a.get(), t1.var is a, t1.old_value is Token.MISSING, repr(Token.MISSING))
t2 = a.set(2)
print(a.get(), t2.old_value)
a.reset(t2)
print(a.get())
a.reset(t1)
err(a.get)
err(a.reset, t1)
print(repr(t1).startswith('<Token used var=<ContextVar'))
t3 = b.set(11)
err(a.reset, t3)
err(a.reset, 'nope')
b.reset(t3)
print(b.get())

print('-- context mapping')
ctx = Context()
print(len(ctx), list(ctx), ctx.get(a), ctx.get(a, 'x'), a in ctx)
def fill():
    a.set('A')
    b.set('B')
    return copy_context()
snap = ctx.run(fill)
print(len(ctx), ctx[a], ctx[b], a in ctx, ctx.get(b))
print(sorted(v.name for v in ctx), sorted(v.name for v in ctx.keys()))
print(sorted(ctx.values()), sorted((k.name, v) for k, v in ctx.items()))
print(len(ctx.keys()), len(ctx.values()), len(ctx.items()))
print(snap == ctx, snap != ctx, ctx == ctx.copy(), ctx == Context(), ctx == 1)
err(ctx.__getitem__, 'a')
err(ctx.__contains__, 1)
err(ctx.get, 2)
err(ctx.__getitem__, ContextVar('zz'))
err(hash, ctx)
err(Context, 1)
err(Context, x=1)
err(ctx.run)
err(ContextVar, 5)
err(Token)
for cls in (Context, ContextVar, Token):
    err(type, 'Sub', (cls,), {})

print('-- isolation')
def inner(n):
    print('  inner sees', a.get('unset'), b.get())
    a.set(n)
    b.set(n * 10)
    return a.get(), b.get()
print(Context().run(inner, 7), a.get('unset'), b.get())
c2 = copy_context()
print(c2.run(inner, 8), a.get('unset'), b.get())
print(c2[a], c2[b], c2.run(inner, 9))

print('-- run: kwargs, exceptions, nesting')
def kw(x, *, y):
    return x + y
print(Context().run(kw, 1, y=2))
def boom():
    a.set('boom')
    raise ValueError('inside')
c3 = Context()
err(c3.run, boom)
print(c3[a], a.get('outside-unset'))
def reenter():
    err(c3.run, reenter)
    return 'done'
print(c3.run(reenter))
def nested():
    c4 = copy_context()
    a.set('outer')
    return c4.run(a.get, 'none'), a.get()
print(Context().run(nested))

print('-- many variables')
vs = [ContextVar('v%d' % i, default=-i) for i in range(500)]
def fill_many():
    for i, v in enumerate(vs[::2]):
        v.set(i)
    return copy_context()
big = Context().run(fill_many)
print(len(big), sum(big.values()), all(big[v] == i for i, v in enumerate(vs[::2])))
print(big.run(lambda: sum(v.get() for v in vs)))
def drop_half():
    tokens = [v.set(None) for v in vs]
    for v, t in reversed(list(zip(vs, tokens))):
        v.reset(t)
    return copy_context()
print(big.run(drop_half) == big)
print(type(ContextVar.__class_getitem__(int)).__name__, ContextVar[int], Token[str])
