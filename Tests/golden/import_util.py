# importlib.util and importlib.machinery: spec_from_file_location,
# module_from_spec + exec_module, spec_from_loader, resolve_name, the
# cache path helpers, decode_source, the loaders' methods, LazyLoader and
# the importlib.abc classes.  Uses a temporary directory it removes.
import os
import sys
import importlib
import importlib.abc
import importlib.machinery as machinery
import importlib.util as util

tmp = '/tmp/weft_import_util_%d' % os.getpid()
os.mkdir(tmp)


def write(name, data):
    with open(os.path.join(tmp, name), 'wb') as f:
        f.write(data)


def rel(path):
    return path.replace(tmp, '<tmp>') if isinstance(path, str) else path


def cleanup(path):
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isdir(full):
            cleanup(full)
        else:
            os.remove(full)
    os.rmdir(path)


try:
    write('standalone.py', b'import sys\nHERE = __name__\nFILE = __file__\n'
                           b'def f():\n    return "called"\n')
    spec = util.spec_from_file_location('renamed', os.path.join(tmp, 'standalone.py'))
    print(spec.name, rel(spec.origin), type(spec.loader).__name__,
          spec.has_location, spec.submodule_search_locations, spec.parent)
    module = util.module_from_spec(spec)
    print(type(module).__name__, module.__name__, rel(module.__file__),
          module.__spec__ is spec, module.__loader__ is spec.loader,
          repr(module.__package__), 'renamed' in sys.modules)
    spec.loader.exec_module(module)
    print(module.HERE, rel(module.FILE), module.f())

    # Loader methods.
    loader = spec.loader
    print(rel(loader.get_filename('renamed')), loader.is_package('renamed'))
    print(loader.get_source('renamed').splitlines()[1])
    print(len(loader.get_data(loader.path)), type(loader.get_code('renamed')).__name__)
    print(sorted(loader.path_stats(loader.path)))
    print(loader == machinery.SourceFileLoader('renamed', loader.path),
          loader == machinery.SourceFileLoader('other', loader.path))
    try:
        loader.get_filename('other')
    except ImportError as exc:
        print('ImportError', exc)

    # A package through spec_from_file_location.
    os.mkdir(os.path.join(tmp, 'spkg'))
    write('spkg/__init__.py', b'X = "pkg"\n')
    spec = util.spec_from_file_location('spkg', os.path.join(tmp, 'spkg', '__init__.py'))
    print(spec.parent, [rel(p) for p in spec.submodule_search_locations])
    spec = util.spec_from_file_location('x', os.path.join(tmp, 'x.py'),
                                        submodule_search_locations=['/a'])
    print(spec.submodule_search_locations, spec.parent)
    print(util.spec_from_file_location('x', os.path.join(tmp, 'x.txt')))

    # Coding cookies and newlines.
    write('latin.py', '# -*- coding: latin-1 -*-\nS = "caf\xe9"\r\nT = 1\r\n'.encode('latin-1'))
    lspec = util.spec_from_file_location('latin', os.path.join(tmp, 'latin.py'))
    print(repr(lspec.loader.get_source('latin')))
    print(repr(util.decode_source(b'a = 1\r\nb = 2\rc = 3\n')))
    print(repr(util.decode_source(b'\xef\xbb\xbfx = "\xc3\xa9"\n')))

    # spec_from_loader.
    class Plain:
        def is_package(self, name):
            return name == 'ppkg'
    print(util.spec_from_loader('ppkg', Plain()).submodule_search_locations)
    pspec = util.spec_from_loader('pmod', Plain(), origin='here')
    print(pspec.name, pspec.origin, pspec.submodule_search_locations)
    print(util.spec_from_loader('pmod', None).submodule_search_locations)

    # resolve_name.
    print(util.resolve_name('.sub', 'pkg.inner'), util.resolve_name('..sub', 'pkg.inner'),
          util.resolve_name('.', 'pkg'), util.resolve_name('abs', None))
    for args in [('...x', 'pkg'), ('.x', '')]:
        try:
            util.resolve_name(*args)
        except ImportError as exc:
            print('ImportError', exc)

    # Cache paths.
    tag = sys.implementation.cache_tag
    cached = util.cache_from_source('/a/b/mod.py')
    print(cached.replace(tag, '<tag>'))
    print(util.cache_from_source('/a/b/mod.py', optimization=2).replace(tag, '<tag>'))
    print(util.source_from_cache('/a/b/__pycache__/mod.%s.pyc' % tag))
    print(util.source_from_cache('/a/b/__pycache__/mod.%s.opt-1.pyc' % tag))
    for bad in ['/a/b/mod.pyc', '/a/__pycache__/mod.pyc', '/a/__pycache__/m.x.y.z.pyc']:
        try:
            util.source_from_cache(bad)
        except ValueError as exc:
            print('ValueError', exc)
    try:
        util.cache_from_source('/a/b.py', optimization='a-b')
    except ValueError as exc:
        print('ValueError', exc)
    print(len(util.MAGIC_NUMBER), util.MAGIC_NUMBER[2:])

    # Suffixes.
    print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES)
    print(machinery.EXTENSION_SUFFIXES[-1], '.abi3.so' in machinery.EXTENSION_SUFFIXES
          or '.abi3t.so' in machinery.EXTENSION_SUFFIXES)
    print(machinery.all_suffixes()[:2], len(machinery.all_suffixes())
          == 2 + len(machinery.EXTENSION_SUFFIXES))

    # import_module.
    sys.path.insert(0, tmp)
    m = importlib.import_module('standalone')
    print(m.HERE, importlib.import_module('spkg').X)
    try:
        importlib.import_module('.x')
    except TypeError as exc:
        print('TypeError', exc)

    # LazyLoader: nothing runs until the first attribute access.
    write('lazymod.py', b'print("lazymod executing")\nVALUE = 7\n')
    lspec = util.find_spec('lazymod')
    lazy_loader = util.LazyLoader(lspec.loader)
    lspec.loader = lazy_loader
    lazy = util.module_from_spec(lspec)
    sys.modules['lazymod'] = lazy
    lazy_loader.exec_module(lazy)
    print('before access', type(lazy).__name__)
    print(lazy.VALUE, type(lazy).__name__)
    factory = util.LazyLoader.factory(machinery.SourceFileLoader)
    print(type(factory('n', 'p')).__name__)
    try:
        util.LazyLoader(object())
    except TypeError as exc:
        print('TypeError', exc)

    # The abc classes.
    print(issubclass(machinery.SourceFileLoader, importlib.abc.SourceLoader),
          issubclass(machinery.FileFinder, importlib.abc.PathEntryFinder),
          issubclass(machinery.PathFinder, importlib.abc.MetaPathFinder),
          isinstance(loader, importlib.abc.Loader))
    code = importlib.abc.InspectLoader.source_to_code('Z = 5')
    ns = {}
    exec(code, ns)
    print(ns['Z'])

    class DictSource(importlib.abc.SourceLoader):
        def get_filename(self, fullname):
            return '/virtual/' + fullname + '.py'

        def get_data(self, path):
            if path.endswith('.py'):
                return b'V = "from DictSource"\n'
            raise OSError(path)

    ds = DictSource()
    dspec = util.spec_from_loader('dsmod', ds)
    print(dspec.origin, dspec.has_location, ds.is_package('dsmod'))
    dmod = util.module_from_spec(dspec)
    ds.exec_module(dmod)
    print(dmod.V, dmod.__file__, ds.get_source('dsmod'))

    # Extension modules cannot be loaded yet: a clear ImportError.
    write('fakeext.so', b'not really a shared object')
    importlib.invalidate_caches()
    espec = util.find_spec('fakeext')
    print(type(espec.loader).__name__, rel(espec.origin))
    print(espec.loader.is_package('fakeext'), espec.loader.get_code('fakeext'))
    try:
        import fakeext
    except ImportError as exc:
        print(type(exc).__name__, 'fakeext.so' in str(exc), 'fakeext' in sys.modules)
finally:
    if tmp in sys.path:
        sys.path.remove(tmp)
    cleanup(tmp)
print(os.path.exists(tmp))
