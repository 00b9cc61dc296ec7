# os.path (posixpath and genericpath) on str and bytes; no file system
# access except in a private temporary directory.
import os
import os.path as p

print(p is os.path, p.__name__)
print(p.join("a", "b", "c"), p.join("/a", "/b"), p.join("a/", "b"), p.join("a", ""))
print(p.join(b"a", b"b"))
print(p.split("/a/b/c"), p.split("c"), p.split("/"), p.split("//a//b"))
print(p.splitext("x.tar.gz"), p.splitext(".bashrc"), p.splitext("a/.b.c"),
      p.splitext("..."), p.splitext(b"f.py"))
print(p.basename("/a/b/"), p.basename("/a/b"), p.dirname("/a/b"), p.dirname("a"))
print(p.isabs("/x"), p.isabs("x"), p.isabs(b"/x"))
print(p.normpath("/a/./b/../c//d/"), p.normpath(""), p.normpath("../.."),
      p.normpath("//a/b"), p.normpath("///a"), p.normpath(b"a/../.."))
print(p.splitroot("/a"), p.splitroot("//a"), p.splitroot("///a"), p.splitroot("a"))
print(p.splitdrive("/a/b"))
print(p.commonprefix(["/usr/lib", "/usr/local"]), repr(p.commonprefix([])))
print(p.commonpath(["/usr/lib", "/usr/local/lib"]), p.commonpath(["a/b", "a"]))
try:
    p.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError:", e)
try:
    p.commonpath([])
except ValueError as e:
    print("ValueError:", e)
print(p.relpath("/a/b/c", "/a/d"), p.relpath("/a", "/a"), p.relpath("/x/y", "/"))
try:
    p.relpath("")
except ValueError as e:
    print("ValueError:", e)
try:
    p.join("a", b"b")
except TypeError as e:
    print("TypeError:", e)
try:
    p.join("a", 5)
except TypeError as e:
    print("TypeError:", e)

os.environ["WEFT_T1"] = "val"
print(p.expandvars("$WEFT_T1/${WEFT_T1}/$NOPE_WEFT/$"), p.expandvars(b"$WEFT_T1"))
os.environ["HOME"] = "/home/someone"
print(p.expanduser("~/x"), p.expanduser("~"), p.expanduser("a~"))
print(p.normcase("A/B"), p.abspath("/a/../b"))

class P:
    def __fspath__(self):
        return "/tmp/pathlike"
print(p.basename(P()), os.fspath(P()))

tmp = "/tmp/weft_os_path_%d" % os.getpid()
os.mkdir(tmp)
try:
    f = p.join(tmp, "file.txt")
    fd = os.open(f, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, b"hello")
    os.close(fd)
    os.mkdir(p.join(tmp, "sub"))
    os.symlink("file.txt", p.join(tmp, "link"))
    os.symlink("missing", p.join(tmp, "broken"))
    os.symlink("loop2", p.join(tmp, "loop1"))
    os.symlink("loop1", p.join(tmp, "loop2"))
    print(p.exists(f), p.isfile(f), p.isdir(f), p.islink(f), p.getsize(f))
    print(p.isdir(p.join(tmp, "sub")), p.islink(p.join(tmp, "link")))
    print(p.exists(p.join(tmp, "broken")), p.lexists(p.join(tmp, "broken")))
    print(p.exists(tmp + "/nope"), p.exists("a\0b"), p.isjunction(tmp))
    print(p.samefile(f, p.join(tmp, "link")), p.ismount("/"), p.ismount(tmp))
    print(p.realpath(p.join(tmp, "link")) == p.realpath(f))
    print(p.realpath(p.join(tmp, "sub/../link")).endswith("/file.txt"))
    print(p.realpath(p.join(tmp, "broken")).endswith("/missing"))
    print(p.realpath(p.join(tmp, "loop1")).endswith("/loop1"))
    try:
        p.realpath(p.join(tmp, "loop1"), strict=True)
    except OSError as e:
        print("OSError", e.errno == 40)
    try:
        p.realpath(p.join(tmp, "nope/x"), strict=True)
    except FileNotFoundError:
        print("FileNotFoundError")
    print(p.realpath(p.join(tmp, "nope/x"), strict=p.ALLOW_MISSING).endswith("/nope/x"))
    print(p.getmtime(f) == os.stat(f).st_mtime)
finally:
    for name in ("file.txt", "link", "broken", "loop1", "loop2"):
        os.unlink(p.join(tmp, name))
    os.rmdir(p.join(tmp, "sub"))
    os.rmdir(tmp)
print(p.exists(tmp))
