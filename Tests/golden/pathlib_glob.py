# pathlib Path.glob/rglob patterns over a small tree (output from CPython 3.11).
import os, tempfile, shutil
from pathlib import Path
b = Path(tempfile.mkdtemp())
try:
    for p in ['a/b/c.txt', 'a/b/.h', 'a/x.py', 'a/B/d.py', 'e.txt', '.hid/z.py', 'a/b/c/d/e.py']:
        q = b / p; q.parent.mkdir(parents=True, exist_ok=True); q.write_text('x')
    os.symlink(b / 'a', b / 'la')
    for pat in ['*', '*/', 'a/*', '**/*.py', '**/b/*', 'a/**/*', '*/*/*', '.*', 'a/?/*', '[ae]*', 'a/b/../x.py', '**/.h', 'la/*', '**/d/', 'a/**/c*', '**/*/']:
        print(pat, sorted(str(x.relative_to(b)) for x in b.glob(pat)))
    print(sorted(str(x.relative_to(b)) for x in (b / 'a').rglob('*.py')))
finally:
    shutil.rmtree(b)
