# PEP 709 (3.12+): list, set and dict comprehensions run inline in the
# enclosing function, also when they contain nested scopes; an iteration
# variable that a nested scope closes over becomes a cell of the
# enclosing function, fresh for each run of the comprehension.
import sys
import traceback


def closures():
    fs = [lambda: x for x in range(3)]
    return [g() for g in fs]

print(closures(), closures.__code__.co_cellvars)


def shadowed():
    x = 10
    fs = [lambda: x for x in range(3)]
    return [g() for g in fs], x

print(shadowed(), shadowed.__code__.co_cellvars)


def param_captured(y):
    return [lambda: y + i for i in range(2)]

print([g() for g in param_captured(5)], param_captured.__code__.co_cellvars)
print(param_captured(0)[0].__qualname__)


def fresh_cell_per_run():
    out = []
    for n in range(2):
        out.append([lambda: k * n for k in (1, 2)])
    return [[g() for g in fs] for fs in out]

print(fresh_cell_per_run())


def nested():
    return ([[a * b for b in range(3)] for a in range(3)],
            [list(a + b for b in range(2)) for a in range(3)],
            {k: (lambda: k) for k in 'ab'}['a'](),
            [(lambda: x)() for x in range(3)])

print(nested())


def frames_of_error():
    try:
        [1 / 0 for q in range(2)]
    except ZeroDivisionError as e:
        return [f.name for f in traceback.extract_tb(e.__traceback__)]

print(frames_of_error())


def error_in_lambda():
    try:
        [(lambda: 1 / v)() for v in [0]]
    except ZeroDivisionError as e:
        return [f.name for f in traceback.extract_tb(e.__traceback__)]

print(error_in_lambda())


def locals_inside():
    x = 'outer'
    r = [sorted(locals()) for x in range(1)]
    return r[0], x

print(locals_inside())


def cell_restored_after_raise():
    x = 'kept'
    def read():
        return x
    try:
        [lambda: x for x in [1, 0] if 1 / x]
    except ZeroDivisionError:
        pass
    return x, read()

print(cell_restored_after_raise())


def outer_free():
    x = 'free'
    def inner():
        a = [x for x in range(2)]
        b = [x for _ in range(2)]
        return a, b, x
    return inner()

print(outer_free())


fs = [lambda: z for z in range(3)]
print([g() for g in fs], 'z' in globals())


class C:
    fs = [lambda: z for z in range(3)]
    vals = [g() for g in fs]

print(C.vals, hasattr(C, 'z'))


# The iteration variables are visible through f_locals only while the
# comprehension runs, in every kind of scope (3.13+).
code_during = 'val = [sys._getframe().f_locals["a"] for a in [0]][0]'
code_after = 'val = "a" in [sys._getframe().f_locals for a in [0]][0]'
for code in (code_during, code_after):
    for scope in ('module', 'class', 'function'):
        ns = {'sys': sys}
        if scope == 'module':
            exec(code, ns)
            r = ns['val']
        elif scope == 'class':
            exec('class K:\n    ' + code, ns)
            r = ns['K'].val
        else:
            exec('def f():\n    ' + code + '\n    return val', ns)
            r = ns['f']()
        print(scope, repr(r))


async def agen():
    for i in range(3):
        yield i

async def async_comps():
    return [i async for i in agen()], [lambda: j for j in range(2)][1]()

co = async_comps()
try:
    co.send(None)
except StopIteration as e:
    print(e.value)
