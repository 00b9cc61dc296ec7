# importlib.resources basics: files() for a package on disk, a module,
# a namespace package and a package inside a ZIP archive; the functional
# helpers; as_file() for on-disk and archived resources.
import importlib.resources as resources
import importlib.resources.abc as resources_abc
import os
import shutil
import sys
import tempfile
import zipfile

tmp = tempfile.mkdtemp()
pkg = os.path.join(tmp, 'c5rpkg')
os.makedirs(os.path.join(pkg, 'sub'))
os.makedirs(os.path.join(tmp, 'c5rns'))
with open(os.path.join(pkg, '__init__.py'), 'w') as f:
    f.write('')
with open(os.path.join(pkg, 'data.txt'), 'w', encoding='utf-8') as f:
    f.write('h\xe9llo\n')
with open(os.path.join(pkg, 'sub', 'inner.bin'), 'wb') as f:
    f.write(b'\x00\x01')
with open(os.path.join(tmp, 'c5rns', 'n.txt'), 'w') as f:
    f.write('namespace')
with open(os.path.join(tmp, 'c5rmod.py'), 'w') as f:
    f.write('M = 1\n')
archive = os.path.join(tmp, 'c5res.zip')
with zipfile.ZipFile(archive, 'w') as z:
    z.writestr('c5zres/__init__.py', '')
    z.writestr('c5zres/d.txt', 'zipped data')
    z.writestr('c5zres/s/e.txt', 'deep')
sys.path[:0] = [tmp, archive]

import c5rpkg
root = resources.files('c5rpkg')
print(type(root).__name__, root.name, resources.files(c5rpkg) == root)
print(repr(root.joinpath('data.txt').read_text(encoding='utf-8')),
      (root / 'sub' / 'inner.bin').read_bytes())
print(sorted(child.name for child in root.iterdir() if child.name != '__pycache__'))
print(resources.files('c5rmod').name == os.path.basename(tmp))
print(type(resources.files('c5rns')).__name__,
      resources.files('c5rns').joinpath('n.txt').read_text())
print(repr(resources.read_text('c5rpkg', 'data.txt')),
      resources.read_binary('c5rpkg', 'sub', 'inner.bin'),
      resources.is_resource('c5rpkg', 'data.txt'),
      resources.is_resource('c5rpkg', 'sub'))
with resources.open_text('c5rpkg', 'data.txt') as f:
    print(repr(f.read()))
with resources.open_binary('c5rpkg', 'data.txt') as f:
    print(f.read())
with resources.path('c5rpkg', 'data.txt') as p:
    print(p.name, p.exists())
with resources.as_file(root / 'data.txt') as p:
    print(type(p).__name__, p == root / 'data.txt')
try:
    resources.read_text('c5rpkg', 'missing.txt')
except FileNotFoundError:
    print('FileNotFoundError')
try:
    resources.files(3)
except TypeError:
    print('TypeError')

zroot = resources.files('c5zres')
print(zroot.joinpath('d.txt').read_text(), resources.read_text('c5zres', 's', 'e.txt'),
      zroot.joinpath('s').is_dir(), zroot.joinpath('d.txt').is_file())
with resources.as_file(zroot / 'd.txt') as p:
    print(p.read_text(), p.exists())
print(os.path.exists(p))
with resources.as_file(zroot) as p:
    print(sorted(os.listdir(p)))
print(issubclass(resources_abc.TraversableResources, resources_abc.ResourceReader))
shutil.rmtree(tmp)
