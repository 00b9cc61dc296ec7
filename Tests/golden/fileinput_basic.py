# fileinput: several files as one stream, the module functions, hooks,
# nextfile in binary mode, in-place editing with a backup, and errors.
import fileinput, os, shutil, tempfile, gzip
d = tempfile.mkdtemp()
a = os.path.join(d, 'a.txt'); b = os.path.join(d, 'b.txt'); g = os.path.join(d, 'c.gz')
open(a, 'w').write('a1\na2\n'); open(b, 'w').write('b1\nb2\nb3'); 
with gzip.open(g, 'wt') as f: f.write('g1\ng2\n')
for line in fileinput.input([a, b], encoding='utf-8'):
    print(fileinput.lineno(), os.path.basename(fileinput.filename()), fileinput.filelineno(), fileinput.isfirstline(), fileinput.isstdin(), repr(line))
print(fileinput.lineno())
fileinput.close()
with fileinput.FileInput([a, g], openhook=fileinput.hook_compressed, encoding='utf-8') as fi:
    print([l for l in fi])
with fileinput.input([a, b], mode='rb') as fi:
    out = []
    for l in fi:
        out.append(l)
        if fi.filelineno() == 1: fi.nextfile()
    print(out)
for line in fileinput.input(a, inplace=True, backup='.orig', encoding='utf-8'):
    print(line.upper(), end='')
print(open(a).read(), open(a + '.orig').read())
try:
    fileinput.input([a]); fileinput.input([a])
except RuntimeError as e: print(e)
fileinput.close()
try: fileinput.lineno()
except RuntimeError as e: print(e)
try: fileinput.FileInput(mode='w')
except ValueError as e: print(e)
try: fileinput.FileInput(inplace=True, openhook=open)
except ValueError as e: print(e)
print(list(fileinput.input([a], openhook=fileinput.hook_encoded('latin-1'))))
fileinput.close()
print(fileinput.FileInput[str])
shutil.rmtree(d)
