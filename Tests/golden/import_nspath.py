# Namespace packages: portions spread over several directories, the
# dynamic __path__ that picks up a portion added to sys.path later, the
# namespace loader, and nested namespace packages.  Uses temporary
# directories it creates and removes.
import os
import sys
import importlib
import importlib.util

base = '/tmp/weft_import_ns_%d' % os.getpid()
dirs = [os.path.join(base, d) for d in ('one', 'two', 'three')]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)


def rel(path):
    return path.replace(base, '<base>')


def cleanup(path):
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isdir(full):
            cleanup(full)
        else:
            os.remove(full)
    os.rmdir(path)


try:
    write(os.path.join(dirs[0], 'nsp', 'a.py'), 'WHO = "a in one"\n')
    write(os.path.join(dirs[1], 'nsp', 'b.py'), 'WHO = "b in two"\n')
    write(os.path.join(dirs[2], 'nsp', 'c.py'), 'WHO = "c in three"\n')
    write(os.path.join(dirs[0], 'nsp', 'deeper', 'leaf.py'), 'LEAF = 1\n')
    sys.path[0:0] = dirs[:2]

    import nsp
    print(nsp.__file__, nsp.__spec__.origin, nsp.__package__)
    print([rel(p) for p in nsp.__path__], len(nsp.__path__))
    print(type(nsp.__path__).__name__, type(nsp.__loader__).__name__)
    print(nsp.__spec__.loader is nsp.__loader__, nsp.__spec__.has_location)
    print(nsp.__loader__.is_package('nsp'), repr(nsp.__loader__.get_source('nsp')))
    print(type(nsp.__loader__.get_code('nsp')).__name__)
    import nsp.a, nsp.b
    print(nsp.a.WHO, nsp.b.WHO)

    try:
        import nsp.c
    except ModuleNotFoundError as exc:
        print('ModuleNotFoundError', exc)

    # A new portion on sys.path becomes part of __path__.
    sys.path.append(dirs[2])
    importlib.invalidate_caches()
    print([rel(p) for p in nsp.__path__])
    import nsp.c
    print(nsp.c.WHO)

    # Nested namespace package.
    import nsp.deeper.leaf
    print(nsp.deeper.leaf.LEAF, [rel(p) for p in nsp.deeper.__path__])
    print(nsp.deeper.__spec__.submodule_search_locations is nsp.deeper.__path__)

    spec = importlib.util.find_spec('nsp')
    print(spec.name, spec.origin, spec is nsp.__spec__)
    for name in ('nsp', 'nsp.a', 'nsp.b', 'nsp.c', 'nsp.deeper', 'nsp.deeper.leaf'):
        del sys.modules[name]
    spec = importlib.util.find_spec('nsp')
    print(spec.name, spec.origin, spec.loader,
          sorted(rel(p) for p in spec.submodule_search_locations))
    print('nsp' in sys.modules)
finally:
    for d in dirs:
        if d in sys.path:
            sys.path.remove(d)
    cleanup(base)
print(os.path.exists(base))
