# importlib.metadata basics over a temporary site directory: version,
# metadata fields, entry points (select, load), files from RECORD,
# requires, packages_distributions, PackageNotFoundError.
import importlib.metadata as md
import os
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
info = os.path.join(tmp, 'c5_demo_pkg-1.2.3.dist-info')
os.makedirs(info)
os.makedirs(os.path.join(tmp, 'c5demopkg'))
os.makedirs(os.path.join(tmp, 'c5other-0.1.egg-info'))
def write(path, text):
    with open(os.path.join(tmp, path), 'w', encoding='utf-8') as f:
        f.write(text)
write(os.path.join(info, 'METADATA'),
      'Metadata-Version: 2.1\nName: C5-Demo-Pkg\nVersion: 1.2.3\n'
      'Summary: A demo\nRequires-Dist: requests>=2\n'
      'Requires-Dist: idna; extra == "x"\nClassifier: A\nClassifier: B\n'
      'Keywords: a b\n\nLong description\nline two\n')
write(os.path.join(info, 'entry_points.txt'),
      '[console_scripts]\nc5demo = c5demopkg.cli:main\n\n'
      '[c5demo.plugins]\np1 = c5demopkg:Plugin [extra1]\n')
write(os.path.join(info, 'RECORD'),
      'c5demopkg/__init__.py,sha256=abc,20\nc5demopkg/cli.py,,\n'
      'c5_demo_pkg-1.2.3.dist-info/RECORD,,\n')
write('c5demopkg/__init__.py', 'class Plugin:\n    pass\n')
write('c5demopkg/cli.py', 'def main():\n    return "cli main"\n')
write('c5other-0.1.egg-info/PKG-INFO', 'Name: c5other\nVersion: 0.1\n')
sys.path.insert(0, tmp)

print(md.version('c5-demo-pkg'), md.version('C5_Demo.Pkg'), md.version('c5other'))
meta = md.metadata('c5-demo-pkg')
print(meta['Name'], meta['Summary'], meta.get_all('Classifier'), meta.get('Nope'),
      'Version' in meta, repr(meta['Description']))
print(meta.json['requires_dist'], meta.json['keywords'], meta.json['name'])
try:
    md.version('c5-not-installed')
except md.PackageNotFoundError as e:
    print(isinstance(e, ModuleNotFoundError), e, e.name)
eps = md.entry_points(group='console_scripts').select(name='c5demo')
ep = eps['c5demo']
print(ep, ep.module, ep.attr, ep.extras, ep.load()(), eps.names)
plugin = md.entry_points(group='c5demo.plugins')['p1']
print(plugin.extras, plugin.load().__name__, plugin.dist.name, plugin.matches(group='c5demo.plugins'))
try:
    ep.name = 'changed'
except AttributeError as e:
    print('AttributeError:', e)
try:
    eps[0]
except KeyError as e:
    print('KeyError:', e)
print('c5demo.plugins' in md.entry_points().groups)
files = md.files('c5-demo-pkg')
print(files, files[0].hash, files[0].size, files[0].read_text().splitlines()[0])
print(md.requires('c5-demo-pkg'), md.requires('c5other'))
print(md.packages_distributions().get('c5demopkg'))
dist = md.distribution('c5-demo-pkg')
print(type(dist).__name__, dist.name, dist.version, dist.read_text('nothing.txt'))
print(sorted(d.metadata['Name'] for d in md.distributions(path=[tmp])))
print(md.Distribution.at(os.path.join(tmp, 'c5other-0.1.egg-info')).version)
sys.path.remove(tmp)
shutil.rmtree(tmp)
