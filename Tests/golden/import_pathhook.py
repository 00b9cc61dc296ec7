# sys.path_hooks and sys.path_importer_cache: a Python path hook serving
# modules for a made-up path entry, hooks that refuse with ImportError,
# the default FileFinder hook, and PathFinder.invalidate_caches().
import sys
import importlib
import importlib.abc
import importlib.machinery
from importlib.machinery import ModuleSpec, PathFinder, FileFinder

ENTRY = 'memory://store'
STORE = {'memmod': 'WHERE = "memory"\n', 'mempkg': 'KIND = "pkg"\n',
         'mempkg.inner': 'INNER = __name__\n'}
log = []


class MemoryLoader(importlib.abc.Loader):
    def exec_module(self, module):
        exec(STORE[module.__name__], module.__dict__)


class MemoryFinder(importlib.abc.PathEntryFinder):
    def __init__(self, entry):
        self.entry = entry
        self.invalidated = 0

    def find_spec(self, fullname, target=None):
        log.append(('find', self.entry, fullname))
        if fullname not in STORE:
            return None
        is_pkg = fullname == 'mempkg'
        spec = ModuleSpec(fullname, MemoryLoader(), origin=self.entry + '/' + fullname,
                          is_package=is_pkg)
        if is_pkg:
            spec.submodule_search_locations.append(self.entry + '/mempkg')
        return spec

    def invalidate_caches(self):
        self.invalidated += 1


def memory_hook(entry):
    log.append(('hook', entry))
    if not entry.startswith('memory://'):
        raise ImportError('not a memory entry')
    return MemoryFinder(entry)


sys.path_hooks.insert(0, memory_hook)
sys.path.insert(0, ENTRY)

import memmod
print(memmod.WHERE, memmod.__spec__.origin)
finder = sys.path_importer_cache[ENTRY]
print(type(finder).__name__, finder.entry)
print(log)
log.clear()

import mempkg.inner
print(mempkg.KIND, mempkg.__path__, mempkg.inner.INNER)
print(log)
print(isinstance(sys.path_importer_cache[ENTRY + '/mempkg'], MemoryFinder))
log.clear()

# The finder is cached: the hook is not called again.
import memmod as again
print(again is memmod, [entry for entry in log if entry[0] == 'hook'])

# Real directories still go through the default FileFinder hook.
import import_pkg.starmod
here = sys.path[1]
print(type(sys.path_importer_cache[here]).__name__)
print(sys.path_importer_cache[here].path == here)

# invalidate_caches() reaches the cached path entry finders.
absolute = MemoryFinder('/memory/abs')
sys.path_importer_cache['/memory/abs'] = absolute
importlib.invalidate_caches()
print('invalidated', finder.invalidated, absolute.invalidated)
print(ENTRY in sys.path_importer_cache, '/memory/abs' in sys.path_importer_cache)

# A None in the cache means "no finder": the entry is skipped.
sys.path.insert(0, 'memory://none')
sys.path_importer_cache['memory://none'] = None
try:
    import not_in_memory
except ModuleNotFoundError as exc:
    print('ModuleNotFoundError', exc)
print(('find', 'memory://none', 'not_in_memory') in log)
PathFinder.invalidate_caches()
print('memory://none' in sys.path_importer_cache)

# PathFinder used directly, with an explicit path.
spec = PathFinder.find_spec('memmod', [ENTRY])
print(spec.name, spec.origin)
print(PathFinder.find_spec('memmod', ['/nonexistent/dir']))

# FileFinder.path_hook builds finders for directories only.
hook = FileFinder.path_hook((importlib.machinery.SourceFileLoader, ['.py']))
ff = hook(here)
print(type(ff).__name__, ff.path == here)
spec = ff.find_spec('import_basic')
print(spec.name, type(spec.loader).__name__, spec.origin == here + '/import_basic.py')
print(ff.find_spec('import_pkg').submodule_search_locations == [here + '/import_pkg'])
print(ff.find_spec('no_such_module_here'))
try:
    hook(here + '/import_basic.py')
except ImportError as exc:
    print('ImportError', exc, exc.path == here + '/import_basic.py')

# With no path hooks at all, PathFinder warns and finds nothing.
import warnings
saved = sys.path_hooks[:]
sys.path_hooks.clear()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(PathFinder.find_spec('whatever', ['/some/new/entry']))
print([(w.category.__name__, str(w.message)) for w in caught])
sys.path_hooks[:] = saved
sys.path_hooks.remove(memory_hook)
sys.path.remove(ENTRY)
sys.path.remove('memory://none')
