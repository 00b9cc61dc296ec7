import os, sys, tempfile, shutil, subprocess, trace, io, contextlib
d = tempfile.mkdtemp()
src = os.path.join(d, 'tmod.py')
with open(src, 'w') as f:
    f.write('"""doc"""\ndef f(n):\n    """fdoc"""\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n\ndef never():\n    return 0  #pragma NO COVER\n\ndef never2():\n    return 1\n')
sys.path.insert(0, d)
import tmod
t = trace.Trace(count=1, trace=0)
print(t.runfunc(tmod.f, 3))
r = t.results()
print(sorted((os.path.basename(k[0]), k[1], v) for k, v in r.counts.items() if k[0] == src))
cov = os.path.join(d, 'cov')
out = io.StringIO()
with contextlib.redirect_stdout(out):
    r.write_results(show_missing=True, summary=True, coverdir=cov)
print(out.getvalue().replace(d, 'D'))
print(open(os.path.join(cov, 'tmod.cover')).read())
t2 = trace.Trace(count=0, trace=0, countfuncs=1)
t2.runfunc(tmod.f, 1)
print(sorted((os.path.basename(a), b, c) for a, b, c in t2.results().calledfuncs))
for args in ([], ['--listfuncs', '--count', 'x.py'], ['--count'], ['--report']):
    p = subprocess.run([sys.executable, '-m', 'trace', *args], capture_output=True, text=True)
    print(p.returncode, p.stderr.strip().splitlines()[-1])
sys.path.remove(d); del sys.modules['tmod']; shutil.rmtree(d)
