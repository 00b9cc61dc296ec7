# shutil: copying files and metadata, copytree, rmtree (with its error
# handlers and symlink safety), move, which, disk_usage, chown checks,
# get_terminal_size.
import errno
import os
import shutil
import stat
import sys
import tempfile

base = tempfile.mkdtemp()
def p(*parts):
    return os.path.join(base, *parts)
def rel(path):
    return os.path.relpath(path, base)
def tree(top):
    found = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            full = os.path.join(dirpath, name)
            kind = "L" if os.path.islink(full) else "D" if os.path.isdir(full) else "F"
            found.append(kind + " " + os.path.relpath(full, top))
    return found

with open(p("src.txt"), "wb") as f:
    f.write(b"hello shutil\n" * 1000)
os.chmod(p("src.txt"), 0o640)
os.utime(p("src.txt"), (1000000000, 1000000000))

# copyfileobj, copyfile
import io
src = io.BytesIO(b"x" * 100000)
dst = io.BytesIO()
shutil.copyfileobj(src, dst, 7)
print(dst.getvalue() == b"x" * 100000)
print(rel(shutil.copyfile(p("src.txt"), p("a.txt"))))
with open(p("a.txt"), "rb") as f:
    print(len(f.read()))
print(oct(stat.S_IMODE(os.stat(p("a.txt")).st_mode)) != "0o640")
try:
    shutil.copyfile(p("src.txt"), p("src.txt"))
except shutil.SameFileError as e:
    print(type(e).__name__, isinstance(e, shutil.Error), isinstance(e, OSError))
try:
    shutil.copyfile(p("missing"), p("b.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", rel(e.filename))
try:
    shutil.copyfile(p("src.txt"), p("nodir", "x"))
except FileNotFoundError as e:
    print("FileNotFoundError")
os.mkfifo(p("fifo"))
try:
    shutil.copyfile(p("fifo"), p("c.txt"))
except shutil.SpecialFileError as e:
    print("SpecialFileError", str(e) == "`%s` is a named pipe" % p("fifo"))
os.unlink(p("fifo"))
os.symlink("src.txt", p("link"))
shutil.copyfile(p("link"), p("link_copy"), follow_symlinks=False)
print(os.readlink(p("link_copy")))
shutil.copyfile(p("link"), p("link_followed"))
print(os.path.islink(p("link_followed")), os.path.getsize(p("link_followed")))

# copymode, copystat, copy, copy2
shutil.copymode(p("src.txt"), p("a.txt"))
print(oct(stat.S_IMODE(os.stat(p("a.txt")).st_mode)))
shutil.copystat(p("src.txt"), p("a.txt"))
print(os.stat(p("a.txt")).st_mtime)
os.mkdir(p("dir"))
print(rel(shutil.copy(p("src.txt"), p("dir"))))
st = os.stat(p("dir", "src.txt"))
print(oct(stat.S_IMODE(st.st_mode)), st.st_mtime != 1000000000)
print(rel(shutil.copy2(p("src.txt"), p("dir", "two.txt"))))
st = os.stat(p("dir", "two.txt"))
print(oct(stat.S_IMODE(st.st_mode)), st.st_mtime)

# copytree
os.makedirs(p("t", "sub", "deep"))
for name in ("t/a.py", "t/b.txt", "t/sub/c.py", "t/sub/deep/d.txt"):
    with open(p(name), "w") as f:
        f.write(name)
os.symlink("a.py", p("t", "link_to_a"))
os.symlink("nowhere", p("t", "dangling"))
os.symlink("sub", p("t", "dirlink"))
def ignore_txt(directory, names):
    return {n for n in names if n.endswith(".txt") or n == "dangling"}
print(rel(shutil.copytree(p("t"), p("t2"), ignore=ignore_txt)))
print(tree(p("t2")))
shutil.copytree(p("t"), p("t3"), symlinks=True)
print(tree(p("t3")), os.readlink(p("t3", "dangling")))
try:
    shutil.copytree(p("t"), p("t4"))
except shutil.Error as e:
    errors = e.args[0]
    print("Error", len(errors), [rel(s) for s, d, why in errors])
shutil.copytree(p("t"), p("t5"), ignore_dangling_symlinks=True)
print("dangling" in os.listdir(p("t5")))
try:
    shutil.copytree(p("t"), p("t5"), symlinks=True)
except FileExistsError as e:
    print("FileExistsError")
shutil.copytree(p("t"), p("t5"), symlinks=True, dirs_exist_ok=True)
print(os.path.islink(p("t5", "dangling")))
copied = []
def my_copy(s, d):
    copied.append(os.path.basename(s))
    return shutil.copy(s, d)
shutil.copytree(p("t", "sub"), p("t6"), copy_function=my_copy)
print(sorted(copied))

# rmtree
shutil.rmtree(p("t2"))
print(os.path.exists(p("t2")))
try:
    shutil.rmtree(p("t2"))
except FileNotFoundError as e:
    print("FileNotFoundError", rel(e.filename))
shutil.rmtree(p("t2"), ignore_errors=True)
calls = []
def onexc(func, path, exc):
    calls.append((func.__name__, rel(path), type(exc).__name__))
def rmtree_onexc(path):
    # The expected output was made with a Python without onexc (3.11).
    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=onexc)
    else:
        shutil.rmtree(path, onerror=lambda f, p, info: onexc(f, p, info[1]))
rmtree_onexc(p("t2"))
print(calls)
try:
    shutil.rmtree(p("t", "dirlink"))
except OSError as e:
    print("OSError", e)
calls.clear()
rmtree_onexc(p("t", "dirlink"))
print(calls, os.path.exists(p("t", "sub", "c.py")))
calls.clear()
rmtree_onexc(p("src.txt"))
print(calls)
print(shutil.rmtree.avoids_symlink_attacks)
# a symlink inside the tree is removed, never followed
os.symlink(p("t", "sub"), p("t3", "outside_link"))
shutil.rmtree(p("t3"))
print(os.path.exists(p("t3")), os.path.exists(p("t", "sub", "c.py")))
# dir_fd
fd = os.open(base, os.O_RDONLY)
try:
    shutil.rmtree("t5", dir_fd=fd)
finally:
    os.close(fd)
print(os.path.exists(p("t5")))

# move
shutil.move(p("t6"), p("moved"))
print(sorted(os.listdir(p("moved"))))
print(rel(shutil.move(p("a.txt"), p("moved"))))
try:
    shutil.move(p("dir", "two.txt"), p("moved", "two.txt"))
    shutil.move(p("moved", "two.txt"), p("moved", "two.txt"))
except shutil.Error as e:
    print("Error", e)
os.mkdir(p("other"))
with open(p("other", "a.txt"), "w"):
    pass
try:
    shutil.move(p("other", "a.txt"), p("moved"))
except shutil.Error as e:
    print("Error", str(e) == "Destination path '%s' already exists" % p("moved", "a.txt"))
print(rel(shutil.move(p("moved"), p("other"))))
print(tree(p("other")))

# which
bindir = p("bin")
os.mkdir(bindir)
for name, mode in (("tool", 0o755), ("data", 0o644)):
    with open(os.path.join(bindir, name), "w") as f:
        f.write("#!/bin/sh\n")
    os.chmod(os.path.join(bindir, name), mode)
os.mkdir(os.path.join(bindir, "subdir"))
print(rel(shutil.which("tool", path=bindir)))
print(shutil.which("data", path=bindir), shutil.which("subdir", path=bindir))
print(rel(shutil.which("data", mode=os.F_OK, path=bindir)))
print(shutil.which("tool", path=""), shutil.which("nothing-here-xyz", path=bindir))
print(rel(shutil.which(os.path.join(bindir, "tool"))))
print(rel(os.fsdecode(shutil.which(b"tool", path=os.fsencode(bindir)))))
old_path = os.environ.get("PATH")
os.environ["PATH"] = "/nonexistent" + os.pathsep + bindir
print(rel(shutil.which("tool")))
os.environ["PATH"] = old_path
print(shutil.which("sh") is not None)

# disk_usage, chown, get_terminal_size
usage = shutil.disk_usage(base)
print(type(usage).__name__, usage._fields, usage.total >= usage.used >= 0,
      usage.total >= usage.free >= 0)
try:
    shutil.chown(p("bin", "tool"))
except ValueError as e:
    print("ValueError:", e)
shutil.chown(p("bin", "tool"), os.getuid(), os.getgid())
os.environ["COLUMNS"] = "123"
os.environ["LINES"] = "45"
print(shutil.get_terminal_size())
os.environ["COLUMNS"] = "bad"
os.environ["LINES"] = "0"
size = shutil.get_terminal_size((77, 11))
print(type(size).__name__, size.columns > 0, size.lines > 0)

print(issubclass(shutil.Error, OSError), issubclass(shutil.ExecError, OSError),
      issubclass(shutil.ReadError, OSError), issubclass(shutil.RegistryError, Exception))
try:
    shutil.make_archive(p("arch"), "no-such-format")
except ValueError as e:
    print("ValueError:", e)
try:
    shutil.unpack_archive(p("arch.unknown"))
except shutil.ReadError as e:
    print("ReadError", str(e) == "Unknown archive format '%s'" % p("arch.unknown"))
shutil.rmtree(base)
print(os.path.exists(base))
