# exec/eval and functions whose globals carry a __builtins__ that is not a
# dict or a module: CPython keeps the object and looks builtins up in it
# with __getitem__ (a mapping works; anything else raises TypeError).
import types

class Mapping:
    def __getitem__(self, key):
        if key == 'len':
            return lambda x: 'mapped len'
        if key == '__build_class__':
            return lambda *a: 'built ' + a[1]
        raise KeyError(key)

class Missing(dict):
    def __missing__(self, key):
        return 'missing:' + key

def run(src, g):
    try:
        exec(src, g)
        print('ok', g.get('out'))
    except BaseException as e:
        print(type(e).__name__, e)

run("out = 1 + 2", {'__builtins__': 123})
run("out = len", {'__builtins__': 123})
run("print(1)", {'__builtins__': 123})
run("class A: pass", {'__builtins__': 123})
run("out = len('ab')", {'__builtins__': Mapping()})
run("out = foo", {'__builtins__': Mapping()})
run("class A: pass\nout = A", {'__builtins__': Mapping()})
run("out = foo", {'__builtins__': Missing()})
run("out = len", {'__builtins__': {'len': 5}})
run("out = (lambda: len('x'))()", {'__builtins__': Mapping()})
run("def f(): return len\nout = f.__builtins__", {'__builtins__': 123})
run("def f(): pass\nout = f.__builtins__ is __builtins__",
    {'__builtins__': Mapping()})
run("out = [len for i in range(1)]", {'__builtins__': {'len': 7, 'range': range}})

g = {'__builtins__': Mapping()}
for src in ("len(1)", "nope"):
    try:
        print(eval(src, g))
    except Exception as e:
        print(type(e).__name__, e)

def f():
    return len
for b in (123, Mapping(), {'len': 'dict len'}):
    fn = types.FunctionType(f.__code__, {'__builtins__': b})
    try:
        print(type(fn.__builtins__).__name__, fn()('xyz'))
    except Exception as e:
        print(type(e).__name__, e)

# bpo-42990: a function whose globals have no __builtins__ gets the
# builtins of the frame that creates it.
safe = {'None': None, 'len': lambda s: 'safe len'}
ns = {'type': type, '__builtins__': safe}
exec("def f3(s): return len(s)\nf4 = type(f3)(f3.__code__, {})", ns)
print(ns['f3'].__builtins__ is safe, ns['f4'].__builtins__ is safe,
      '__builtins__' in ns['f4'].__globals__, ns['f4']('abc'))
