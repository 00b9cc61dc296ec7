import os, sys, tempfile, zipfile, shutil, importlib, py_compile
d = tempfile.mkdtemp()
arc = os.path.join(d, 'lib.zip')
with zipfile.ZipFile(arc, 'w', compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr('zmod.py', 'VALUE = 42\ndef f():\n    return "f from zip"\n')
    z.writestr('zpkg/__init__.py', 'from .sub import g\n')
    z.writestr('zpkg/sub.py', 'def g():\n    return __name__\n')
    z.writestr('zpkg/data.txt', b'some data')
    z.writestr('inner/deep/dmod.py', 'X = "deep"\n')
    z.writestr('nspkg/', b'')
    z.writestr('nspkg/part.py', 'Y = 1\n', compress_type=zipfile.ZIP_STORED)
sys.path.insert(0, arc)
sys.path.insert(0, arc + '/inner/deep')
import zmod, zpkg, dmod, nspkg.part
print(zmod.VALUE, zmod.f(), zpkg.g(), dmod.X, nspkg.part.Y)
print(zmod.__file__[len(d):], zpkg.__path__[0][len(d):], zmod.__loader__.__class__.__name__)
print(type(sys.path_importer_cache[arc]).__name__)
print(zmod.__loader__.get_data(os.path.join(arc, 'zpkg', 'data.txt')))
print(zmod.__loader__.get_source('zmod').splitlines()[0], zmod.__loader__.is_package('zpkg'))
import zipimport
z = zipimport.zipimporter(arc + '/inner/deep')
print(repr(z)[len('<zipimporter object "') + len(d):], z.prefix)
try: z.get_data('nope')
except OSError as e: print('OSError')
try: z.is_package('nothere')
except zipimport.ZipImportError as e: print(e)
import inspect; print(inspect.getsource(zmod.f).strip().splitlines()[0])
for m in ('zmod', 'zpkg', 'zpkg.sub', 'dmod', 'nspkg', 'nspkg.part'): del sys.modules[m]
sys.path[:2] = []
shutil.rmtree(d)
