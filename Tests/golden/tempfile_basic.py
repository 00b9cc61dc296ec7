# tempfile: mkstemp/mkdtemp/mktemp, the temporary file classes, name
# generation and the default directory.
import io
import os
import stat
import sys
import tempfile
import threading

top = tempfile.mkdtemp(prefix="tftest")
print(os.path.isabs(top), os.path.basename(top).startswith("tftest"))
print(oct(stat.S_IMODE(os.stat(top).st_mode)))
print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.template)
print(type(tempfile.gettempdir()).__name__, type(tempfile.gettempdirb()).__name__)
print(tempfile.gettempdir() == os.fsdecode(tempfile.gettempdirb()))
print(os.path.isdir(tempfile.gettempdir()), tempfile.tempdir == tempfile.gettempdir())
print(tempfile.TMP_MAX > 100)

# mkstemp
fd, name = tempfile.mkstemp(suffix=".dat", prefix="pre_", dir=top)
base = os.path.basename(name)
print(os.path.dirname(name) == top, base.startswith("pre_"), base.endswith(".dat"),
      len(base) == len("pre_") + 8 + len(".dat"))
print(all(c in "abcdefghijklmnopqrstuvwxyz0123456789_" for c in base[4:-4]))
print(oct(stat.S_IMODE(os.stat(name).st_mode)), os.get_inheritable(fd))
os.write(fd, b"abc")
os.close(fd)
fd, bname = tempfile.mkstemp(dir=os.fsencode(top))
print(type(bname).__name__, os.path.basename(bname).startswith(b"tmp"))
os.close(fd)
fd, tname = tempfile.mkstemp(dir=top, text=True)
os.close(fd)
try:
    tempfile.mkstemp(prefix=b"x", suffix="y")
except TypeError as e:
    print("TypeError:", e)
try:
    tempfile.mkstemp(dir=os.path.join(top, "missing"))
except FileNotFoundError:
    print("FileNotFoundError")

# mkdtemp and mktemp
d = tempfile.mkdtemp(suffix="_d", dir=top)
print(os.path.isdir(d), d.endswith("_d"), oct(stat.S_IMODE(os.stat(d).st_mode)))
bd = tempfile.mkdtemp(dir=os.fsencode(top))
print(type(bd).__name__)
m = tempfile.mktemp(prefix="mk", dir=top)
print(os.path.exists(m), os.path.basename(m).startswith("mk"))

# names are unique, also from many threads
names = set()
lock = threading.Lock()
def make_many():
    for _ in range(30):
        fd, n = tempfile.mkstemp(dir=top)
        os.close(fd)
        with lock:
            names.add(n)
threads = [threading.Thread(target=make_many) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(names))

# TemporaryFile
with tempfile.TemporaryFile(dir=top) as f:
    f.write(b"temporary")
    f.seek(0)
    print(f.read(), f.mode, isinstance(f.name, int))
with tempfile.TemporaryFile("w+", encoding="utf-8", dir=top) as f:
    f.write("text\u00e9")
    f.seek(0)
    print(repr(f.read()), type(f).__name__)
print(f.closed)
with tempfile.TemporaryFile(buffering=0, dir=top) as f:
    print(type(f).__name__)

# NamedTemporaryFile
with tempfile.NamedTemporaryFile(dir=top, suffix=".n") as f:
    print(os.path.exists(f.name), f.name.endswith(".n"), f.mode, f.delete if hasattr(f, "delete") else True)
    f.write(b"named")
    f.flush()
    with open(f.name, "rb") as g:
        print(g.read())
    print(type(f.file).__name__, f.closed, f.fileno() > 2)
    lines = None
name = f.name
print(os.path.exists(name), f.closed)
f = tempfile.NamedTemporaryFile("w+", encoding="ascii", dir=top)
f.write("l1\nl2\n")
f.seek(0)
print(list(f), [line for line in f])
f.seek(0)
print(f.readline(), end="")
f.close()
print(os.path.exists(f.name))
f = tempfile.NamedTemporaryFile(dir=top, delete=False)
f.close()
print(os.path.exists(f.name))
os.unlink(f.name)
f = tempfile.NamedTemporaryFile(dir=top)
n = f.name
del f
print(os.path.exists(n))

# SpooledTemporaryFile
s = tempfile.SpooledTemporaryFile(max_size=10, dir=top)
print(s._rolled, s.name, s.mode)
s.write(b"0123456789")
print(s._rolled, s.tell())
s.write(b"A")
print(s._rolled, s.tell(), isinstance(s.name, int))
s.seek(0)
print(s.read(), s.readable(), s.writable(), s.seekable())
s.close()
print(s.closed)
s = tempfile.SpooledTemporaryFile(mode="w+", encoding="utf-8")
s.write("line1\nline2\n")
s.seek(0)
print(s.readline(), end="")
print(s.readlines(), s.encoding, s.newlines, s._rolled)
print(s.fileno() > 2, s._rolled)
s.seek(0)
print(s.read())
s.close()
with tempfile.SpooledTemporaryFile(max_size=100) as s:
    s.write(b"abcdef")
    s.truncate(3)
    s.seek(0)
    print(s.read(), s._rolled)
    s.truncate(200)
    print(s._rolled)
s = tempfile.SpooledTemporaryFile()
s.writelines([b"a", b"b"])
s.seek(0)
print(s.read(), s._rolled, s.isatty())
s.rollover()
s.flush()
print(s._rolled)
s.close()
try:
    with s:
        pass
except ValueError as e:
    print("ValueError:", e)

# TemporaryDirectory
with tempfile.TemporaryDirectory(dir=top, prefix="td") as d:
    print(os.path.isdir(d), os.path.basename(d).startswith("td"))
    os.makedirs(os.path.join(d, "x", "y"))
    with open(os.path.join(d, "x", "y", "f"), "w") as f:
        f.write("z")
    os.chmod(os.path.join(d, "x", "y"), 0o500)
print(os.path.exists(d))
td = tempfile.TemporaryDirectory(dir=top)
print(repr(td) == "<TemporaryDirectory %r>" % td.name)
td.cleanup()
td.cleanup()
print(os.path.exists(td.name))
td = tempfile.TemporaryDirectory(dir=top)
os.rmdir(td.name)
td.cleanup()
td = tempfile.TemporaryDirectory(dir=top, ignore_cleanup_errors=True)
td.cleanup()
td = tempfile.TemporaryDirectory(dir=os.fsencode(top))
print(type(td.name).__name__)
td.cleanup()

# tempdir and TMPDIR
old = tempfile.tempdir
tempfile.tempdir = top
print(tempfile.gettempdir() == top, os.path.dirname(tempfile.mkdtemp()) == top)
tempfile.tempdir = None
os.environ["TMPDIR"] = top
print(tempfile.gettempdir() == top)
tempfile.tempdir = old

import shutil
shutil.rmtree(top)
print(os.path.exists(top))
