# pkgutil: iter_modules, walk_packages, get_importer, get_data,
# resolve_name and extend_path on a temporary tree it creates and removes.
import os
import sys
import pkgutil

base = '/tmp/weft_import_pkgutil_%d' % os.getpid()


def write(rel, text):
    path = os.path.join(base, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
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
    write('top_a.py', 'A = 1\n')
    write('pu_pkg/__init__.py', 'class Thing:\n    class Inner:\n        V = 3\n')
    write('pu_pkg/mod_b.py', 'B = 2\n')
    write('pu_pkg/sub/__init__.py', '')
    write('pu_pkg/sub/leaf.py', 'LEAF = "leaf"\n')
    write('pu_pkg/data.txt', 'some data\n')
    write('not_a_pkg/readme.txt', 'x\n')
    sys.path.insert(0, base)

    infos = list(pkgutil.iter_modules([base]))
    print([(i.name, i.ispkg) for i in infos])
    print(type(infos[0].module_finder).__name__, infos[0][1] == infos[0].name)
    print([(i.name, i.ispkg) for i in pkgutil.iter_modules([base + '/pu_pkg'], 'pu_pkg.')])
    print(sorted(i.name for i in pkgutil.walk_packages([base])))
    finder = pkgutil.get_importer(base)
    print(type(finder).__name__, finder is sys.path_importer_cache[base])
    print(pkgutil.get_data('pu_pkg', 'data.txt'))
    print(pkgutil.resolve_name('pu_pkg.sub.leaf').LEAF)
    print(pkgutil.resolve_name('pu_pkg:Thing.Inner').V)
    print(pkgutil.resolve_name('pu_pkg.Thing.Inner.V'))
    print(pkgutil.resolve_name('pu_pkg.mod_b:').B)
    for bad in ['', '1abc', 'a:b:c']:
        try:
            pkgutil.resolve_name(bad)
        except ValueError as exc:
            print('ValueError', exc)
    try:
        list(pkgutil.iter_modules(base))
    except ValueError as exc:
        print('ValueError', exc)
    print(pkgutil.extend_path('not a list', 'x'))
finally:
    sys.path.remove(base)
    cleanup(base)
print(os.path.exists(base))
