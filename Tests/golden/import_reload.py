# importlib.reload: re-runs the loader on the existing module object,
# keeps old attributes, follows source changes, and reports CPython's
# errors.  Works in a temporary directory it creates and removes.
import os
import sys
import importlib

tmp = '/tmp/weft_import_reload_%d' % os.getpid()
os.mkdir(tmp)
os.mkdir(tmp + '/rpkg')


def write(name, text):
    with open(os.path.join(tmp, name), 'w') as f:
        f.write(text)


def cleanup(path):
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isdir(full):
            cleanup(full)
        else:
            os.remove(full)
    os.rmdir(path)


try:
    sys.path.insert(0, tmp)
    write('rmod.py', 'VALUE = 1\nCOUNT = globals().get("COUNT", 0) + 1\n')
    write('rpkg/__init__.py', 'P = "first"\n')
    write('rpkg/sub.py', 'S = "sub first"\n')
    import rmod
    import rpkg.sub
    print(rmod.VALUE, rmod.COUNT)
    rmod.EXTRA = 'kept'
    old_dict = rmod.__dict__

    write('rmod.py', 'VALUE = 2222\nCOUNT = globals().get("COUNT", 0) + 1\n')
    importlib.invalidate_caches()
    again = importlib.reload(rmod)
    print(again is rmod, rmod.__dict__ is old_dict)
    print(rmod.VALUE, rmod.COUNT, rmod.EXTRA)
    print(rmod.__spec__.name, rmod.__name__, type(rmod.__loader__).__name__)

    write('rpkg/sub.py', 'S = "sub second"\n')
    importlib.reload(rpkg.sub)
    print(rpkg.sub.S, rpkg.sub.__package__)
    importlib.reload(rpkg)
    print(rpkg.P, rpkg.sub.S)

    # A syntax error on reload leaves the old module in place.
    write('rmod.py', 'VALUE = (\n')
    try:
        importlib.reload(rmod)
    except SyntaxError:
        print('SyntaxError', sys.modules['rmod'] is rmod, rmod.VALUE)

    # Errors.
    try:
        importlib.reload(42)
    except TypeError as exc:
        print('TypeError', exc)
    fake = type(sys)('not_registered_mod')
    try:
        importlib.reload(fake)
    except ImportError as exc:
        print(type(exc).__name__, exc, exc.name)
    os.remove(os.path.join(tmp, 'rmod.py'))
    importlib.invalidate_caches()
    try:
        importlib.reload(rmod)
    except ModuleNotFoundError as exc:
        print(type(exc).__name__, exc, exc.name)

    # Built-in modules reload to themselves.
    import _imp
    print(importlib.reload(_imp) is _imp, importlib.reload(sys) is sys)
finally:
    sys.path.remove(tmp)
    cleanup(tmp)
print(os.path.exists(tmp))
