# zipimport: modules, packages and bytecode imported from a ZIP archive
# on sys.path (also a directory inside one), the zipimporter API, and
# runpy.run_path / `python archive` running the archive's __main__.py.
import importlib.util
import marshal
import os
import runpy
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zipimport

tmp = tempfile.mkdtemp()
lib = os.path.join(tmp, 'c5lib.zip')
code = compile('B = "from bytecode"\n', 'c5bc.py', 'exec')
pyc = importlib.util.MAGIC_NUMBER + b'\0' * 12 + marshal.dumps(code)
with zipfile.ZipFile(lib, 'w') as z:
    z.writestr('c5zmod.py', 'X = 1\ndef name():\n    return __name__\n')
    z.writestr('c5zpkg/__init__.py', 'from .sub import Y\n')
    z.writestr('c5zpkg/sub.py', 'Y = "sub"\n')
    z.writestr('c5zpkg/data.txt', 'resource!')
    z.writestr('c5bc.pyc', pyc)
    z.writestr('inner/deep/c5deep.py', 'D = 4\n')
    z.writestr('c5bad.py', 'def (:\n')
with zipfile.ZipFile(os.path.join(tmp, 'c5deflate.zip'), 'w',
                     compression=zipfile.ZIP_DEFLATED) as z:
    z.writestr('c5big.py', 'V = %r\n' % ('xyz' * 2000))

def rel(path):
    return path.replace(tmp + os.sep, '').replace(tmp, '<tmp>')

sys.path[:0] = [lib, lib + '/inner/deep', os.path.join(tmp, 'c5deflate.zip')]
import c5zmod, c5zpkg, c5zpkg.sub, c5deep, c5bc, c5big
print(c5zmod.X, c5zmod.name(), rel(c5zmod.__file__), c5zpkg.Y,
      [rel(p) for p in c5zpkg.__path__], rel(c5zpkg.__file__))
print(c5deep.D, c5bc.B, len(c5big.V), type(c5zmod.__loader__).__name__,
      rel(c5zmod.__spec__.origin), c5zpkg.__spec__.submodule_search_locations is not None)
try:
    import c5bad
except SyntaxError as e:
    print('SyntaxError in', rel(e.filename))
print(sys.path_hooks[0] is zipimport.zipimporter)

z = zipimport.zipimporter(lib)
print(rel(z.archive), repr(z.prefix), z.is_package('c5zpkg'), z.is_package('c5zmod'),
      rel(z.get_filename('c5zmod')), z.get_source('c5bc'))
print(repr(z.get_source('c5zmod')), z.get_data(lib + '/c5zpkg/data.txt'),
      z.get_data('c5zpkg/data.txt'), z.find_spec('c5nothing'))
inner = zipimport.zipimporter(lib + '/inner/deep')
print(rel(repr(inner)), repr(inner.prefix), inner.find_spec('c5deep').name)
plain = os.path.join(tmp, 'plain.txt')
with open(plain, 'w') as f:
    f.write('not a zip')
for bad in (os.path.join(tmp, 'missing.zip'), plain, tmp):
    try:
        zipimport.zipimporter(bad)
    except zipimport.ZipImportError as e:
        print('ZipImportError:', rel(str(e)))
for call in (lambda: z.get_source('c5nothing'), lambda: z.is_package('c5nothing')):
    try:
        call()
    except zipimport.ZipImportError as e:
        print('ZipImportError:', e)
try:
    z.get_data('nothing.txt')
except OSError as e:
    print('OSError', e.errno)
print(issubclass(zipimport.ZipImportError, ImportError))

app = os.path.join(tmp, 'c5app.zip')
with zipfile.ZipFile(app, 'w') as za:
    za.writestr('__main__.py', 'import sys\nfrom helper import H\n'
                'print("app", __name__, H, sys.argv[1:])\n')
    za.writestr('helper.py', 'H = "helped"\n')
ns = runpy.run_path(app, run_name='c5run')
print(ns['__name__'], ns['H'])
out = subprocess.run([sys.executable, app, 'a', 'b'], capture_output=True,
                     text=True)
print(out.stdout.strip(), out.returncode)
pyz = os.path.join(tmp, 'c5app.pyz')
with open(pyz, 'wb') as f, open(app, 'rb') as src:
    f.write(b'#!/usr/bin/env python3\n' + src.read())
out = subprocess.run([sys.executable, pyz, 'c'], capture_output=True, text=True)
print(out.stdout.strip(), out.returncode)
shutil.rmtree(tmp)
