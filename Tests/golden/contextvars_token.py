# contextvars.Token as a context manager (3.14), Token.MISSING, and the
# reset error paths.
from contextvars import Context, ContextVar, Token, copy_context

def noaddr(text):
    parts = text.split(' at 0x')
    out = parts[0]
    for part in parts[1:]:
        i = 0
        while i < len(part) and part[i] in '0123456789abcdef':
            i += 1
        out += ' at ADDR' + part[i:]
    return out

def err(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        print(' ', type(e).__name__ + ':', noaddr(str(e)))
    else:
        print('  no error')

var = ContextVar('var', default='d')
print(Token.MISSING is Token.MISSING, type(Token.MISSING).__name__)
with var.set('one') as tok:
    print(type(tok).__name__, tok.var is var, tok.old_value is Token.MISSING)
    print('inside', var.get())
    with var.set('two') as tok2:
        print('inner', var.get(), tok2.old_value)
    print('after inner', var.get())
print('after', var.get())
print(noaddr(repr(tok)))

print('-- exception inside the with block')
try:
    with var.set('x'):
        raise KeyError('k')
except KeyError as e:
    print('propagated', e, var.get())

print('-- __exit__ of a used token')
t = var.set(1)
var.reset(t)
err(t.__exit__, None, None, None)
t = var.set(2)
print(t.__enter__() is t, t.__exit__(None, None, None), var.get())

print('-- reset in another context')
t = var.set(3)
err(Context().run, var.reset, t)
err(copy_context().run, t.__exit__, None, None, None)
var.reset(t)
print(var.get())

print('-- reset by another variable')
other = ContextVar('other')
t = other.set(0)
err(var.reset, t)
other.reset(t)
err(other.get)

print('-- tokens are not hashable and not subclassable')
err(hash, var.set(5))
err(type, 'T', (Token,), {})
print(hash(var) == hash(var), var == var, var != ContextVar('var'))
