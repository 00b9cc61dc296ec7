# glob: wildcards, hidden files, recursive '**', root_dir, dir_fd, bytes,
# escape, has_magic.
import glob
import os
import tempfile

top = tempfile.mkdtemp()
for path in ["a.txt", "b.txt", "c.py", ".hidden.txt", "sub/d.txt", "sub/e.py",
             "sub/deep/f.txt", "sub/.hdir/g.txt", "[x].txt", "other/h.txt"]:
    full = os.path.join(top, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    open(full, "w").close()
os.symlink("sub", os.path.join(top, "linkdir"))
os.symlink("nowhere", os.path.join(top, "broken.txt"))

def show(result):
    return sorted(os.path.relpath(r, top) if os.path.isabs(r) else r for r in result)

j = lambda *parts: os.path.join(top, *parts)
print(show(glob.glob(j("*.txt"))))
print(show(glob.glob(j("?.*"))))
print(show(glob.glob(j("[ab].txt"))))
print(show(glob.glob(j("[!ab]*.txt"))))
print(show(glob.glob(j("*.txt"), include_hidden=True)))
print(show(glob.glob(j(".*"))))
print(show(glob.glob(j("*", "*.txt"))))
print(show(glob.glob(j("*", ""))))
print(show(glob.glob(j("sub"))), show(glob.glob(j("sub", ""))), show(glob.glob(j("a.txt", ""))))
print(show(glob.glob(j("missing*"))), glob.glob(j("missing")))
print(show(glob.glob(j("**", "*.txt"))))
print(show(glob.glob(j("**", "*.txt"), recursive=True)))
print(show(glob.glob(j("sub", "**"), recursive=True)))
print(show(glob.glob(j("sub", "**", ""), recursive=True)))
print(show(glob.glob(j("sub", "**"), recursive=True, include_hidden=True)))
print(show(glob.glob(j(glob.escape("[x].txt")))), show(glob.glob(j("[x].txt"))))
print(show(glob.iglob(j("*.py"))), type(glob.iglob("*")).__name__ in ("generator", "chain"))

print(sorted(glob.glob("*.txt", root_dir=top)))
print(sorted(glob.glob("**/*.py", root_dir=top, recursive=True)))
print(sorted(glob.glob("**", root_dir=os.path.join(top, "sub"), recursive=True)))
print(sorted(glob.glob("sub/*", root_dir=top)))
fd = os.open(top, os.O_RDONLY)
try:
    print(sorted(glob.glob("*.py", dir_fd=fd)))
    print(sorted(glob.glob("sub/*.txt", dir_fd=fd)))
    print(sorted(glob.glob("**/*.py", dir_fd=fd, recursive=True)))
    print(sorted(glob.glob(b"*.py", dir_fd=fd)))
finally:
    os.close(fd)
print(sorted(glob.glob(os.path.join(os.fsencode(top), b"*.py"))) == [os.fsencode(j("c.py"))])
print(sorted(glob.glob(b"sub/*.py", root_dir=os.fsencode(top))))
print(glob.glob(""), glob.glob("", recursive=True))

print(glob.escape("a*b?c[d]e"), glob.escape(b"[*]"), glob.escape("plain/path"))
print(glob.has_magic("a*"), glob.has_magic("a"), glob.has_magic(b"[x]"), glob.has_magic("a]"))

import shutil
shutil.rmtree(top)
