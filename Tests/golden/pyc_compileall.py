# py_compile and compileall as library functions: where files go, what
# they contain, what is printed at each quiet level, and the return
# values.  Works in a fresh temporary directory.
import compileall
import importlib.util
import io
import marshal
import os
import py_compile
import sys

root = "/tmp/weft_pyc_compileall.%d" % os.getpid()
tag = sys.implementation.cache_tag


def run(func, *args, **kwargs):
    """Call func with stdout captured; print its output with the
    temporary directory shown as <root>, then its result."""
    saved = sys.stdout
    sys.stdout = buffer = io.StringIO()
    try:
        result = func(*args, **kwargs)
    finally:
        sys.stdout = saved
    for line in buffer.getvalue().splitlines():
        print("  |", line.replace(root, "<root>"))
    return result


def write(relative, text):
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def pycs():
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".pyc"):
                found.append(os.path.relpath(os.path.join(dirpath, name), root))
    return found


class EndsWith:
    """A stand-in for a compiled regular expression (rx only needs
    search)."""

    def __init__(self, suffix):
        self.suffix = suffix

    def search(self, text):
        return text.endswith(self.suffix)


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    return data[:16], marshal.loads(data[16:])


os.mkdir(root)
try:
    a = write("pkg/a.py", "X = 1\n")
    write("pkg/sub/b.py", "def f():\n    return 2\n")
    write("pkg/sub/deeper/c.py", "C = 3\n")
    write("pkg/notes.txt", "not python\n")

    # py_compile.compile: default cache path, header and code.
    cfile = py_compile.compile(a)
    print("compile ->", os.path.relpath(cfile, root))
    head, code = load(cfile)
    st = os.stat(a)
    print("magic:", head[:4] == importlib.util.MAGIC_NUMBER,
          "flags:", int.from_bytes(head[4:8], "little"),
          "mtime:", int.from_bytes(head[8:12], "little") == int(st.st_mtime),
          "size:", int.from_bytes(head[12:16], "little") == st.st_size)
    ns = {}
    exec(code, ns)
    print("code runs:", ns["X"], code.co_filename == a)
    # dfile is what tracebacks will name; cfile any target path.
    target = os.path.join(root, "elsewhere", "a.pyc")
    py_compile.compile(a, cfile=target, dfile="shown/a.py")
    print("dfile:", load(target)[1].co_filename)
    print("optimize=2:", os.path.basename(py_compile.compile(a, optimize=2)))
    print("modes:", [m.name for m in py_compile.PycInvalidationMode])

    # Errors: printed to stderr (doraise=False) or raised.
    bad = write("bad/broken.py", "def f(:\n")
    saved = sys.stderr
    sys.stderr = err = io.StringIO()
    print("no raise:", py_compile.compile(bad))
    sys.stderr = saved
    print("stderr mentions SyntaxError:", "SyntaxError" in err.getvalue())
    try:
        py_compile.compile(bad, doraise=True)
    except py_compile.PyCompileError as e:
        print("raised:", e.exc_type_name, os.path.basename(e.file),
              isinstance(e.exc_value, SyntaxError))
    # A directory where the pyc would go is refused.
    os.makedirs(os.path.join(root, "pkg", "__pycache__", "a.%s.opt-1.pyc" % tag))
    try:
        py_compile.compile(a, optimize=1)
    except FileExistsError as e:
        print("FileExistsError:", "non-regular file" in str(e))

    # compileall.compile_dir: recursion, output, return values.
    print("compile_dir:", run(compileall.compile_dir,
                              os.path.join(root, "pkg"), quiet=0))
    print("pycs:", pycs())
    print("up to date:", run(compileall.compile_dir,
                             os.path.join(root, "pkg"), quiet=1))
    print("maxlevels=1 force:", run(compileall.compile_dir,
                                    os.path.join(root, "pkg"), maxlevels=1,
                                    force=True))
    print("rx skips b:", run(compileall.compile_dir, os.path.join(root, "pkg"),
                             rx=EndsWith("b.py"), force=True, quiet=1))
    print("with error:", run(compileall.compile_dir, os.path.join(root, "bad")))
    print("with error -q:", run(compileall.compile_dir,
                                os.path.join(root, "bad"), quiet=1))
    print("with error -qq:", run(compileall.compile_dir,
                                 os.path.join(root, "bad"), quiet=2))
    print("missing dir:", run(compileall.compile_dir,
                              os.path.join(root, "missing")))

    # compile_file: legacy location, ddir, several optimization levels.
    print("legacy:", run(compileall.compile_file, a, legacy=True, quiet=1),
          os.path.isfile(a + "c"))
    run(compileall.compile_file, a, ddir="/installed", force=True, quiet=1)
    print("ddir:", load(importlib.util.cache_from_source(a))[1].co_filename)
    run(compileall.compile_file, a, stripdir=root, prependdir="/opt",
        force=True, quiet=1)
    print("stripdir+prependdir:",
          load(importlib.util.cache_from_source(a))[1].co_filename
          .replace(root, "<root>"))
    c = os.path.join(root, "pkg", "sub", "deeper", "c.py")
    print("levels:", run(compileall.compile_file, c, optimize=[0, 2],
                         force=True, quiet=1),
          sorted(n for n in os.listdir(os.path.join(os.path.dirname(c),
                                                    "__pycache__"))))
    try:
        compileall.compile_dir(root, workers=-1)
    except ValueError as e:
        print("workers:", e)
finally:
    for dirpath, dirnames, filenames in list(os.walk(root, topdown=False)):
        for name in filenames:
            os.remove(os.path.join(dirpath, name))
        for name in dirnames:
            os.rmdir(os.path.join(dirpath, name))
    os.rmdir(root)
print("cleaned up:", not os.path.exists(root))
