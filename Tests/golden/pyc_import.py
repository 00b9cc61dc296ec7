# The bytecode cache seen from Python: importing a module writes
# __pycache__/NAME.TAG.pyc with the right header; a second import loads
# it; stale, truncated and corrupt caches are replaced; tracebacks from
# cached code show the right lines; sys.dont_write_bytecode and
# sys.pycache_prefix are honoured.  Works in a fresh temporary directory.
import importlib.util
import linecache
import marshal
import os
import sys

sys.dont_write_bytecode = False
tag = sys.implementation.cache_tag
print("tag:", tag)
root = "/tmp/weft_pyc_import.%d" % os.getpid()
os.mkdir(root)
sys.path.insert(0, root)
pycache = os.path.join(root, "__pycache__")


def write(name, text, mtime=None):
    path = os.path.join(root, name)
    with open(path, "w") as f:
        f.write(text)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def fresh_import(name):
    sys.modules.pop(name, None)
    return __import__(name)


def listing():
    if not os.path.isdir(pycache):
        return []
    return sorted(os.listdir(pycache))


def header(path):
    with open(path, "rb") as f:
        data = f.read()
    return (data[:4] == importlib.util.MAGIC_NUMBER,
            int.from_bytes(data[4:8], "little"),
            int.from_bytes(data[8:12], "little"),
            int.from_bytes(data[12:16], "little"), len(data))


SOURCE = '''VALUE = "v1"

def fail(x):
    # comment line
    return x / 0
'''

try:
    src = write("pycmod.py", SOURCE, mtime=1700000000)
    mod = fresh_import("pycmod")
    print("first import:", mod.VALUE, listing())
    cached = os.path.join(pycache, "pycmod.%s.pyc" % tag)
    print("__cached__:", mod.__cached__ == cached,
          importlib.util.cache_from_source(src) == cached)
    magic_ok, flags, mtime, size, length = header(cached)
    print("header:", magic_ok, flags, mtime, size == len(SOURCE), length > 16)

    # A cache whose recorded mtime and size match is trusted: prove it by
    # planting different code under a header that matches the source.
    planted = compile('VALUE = "from cache"\n', src, "exec")
    with open(cached, "wb") as f:
        f.write(importlib.util.MAGIC_NUMBER + bytes(4)
                + mtime.to_bytes(4, "little") + size.to_bytes(4, "little")
                + marshal.dumps(planted))
    print("second import:", fresh_import("pycmod").VALUE)

    # Same size, new mtime: stale, recompiled, rewritten.
    os.utime(src, (1700000100, 1700000100))
    mod = fresh_import("pycmod")
    print("new mtime:", mod.VALUE, header(cached)[2] == 1700000100)

    # New size (the mtime kept): stale too.
    write("pycmod.py", SOURCE.replace("v1", "v22"), mtime=1700000100)
    mod = fresh_import("pycmod")
    print("new size:", mod.VALUE, header(cached)[3] == len(SOURCE) + 1)

    # Tracebacks from code loaded from the cache point at the source.
    mod = fresh_import("pycmod")
    try:
        mod.fail(1)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        code = tb.tb_frame.f_code
        print("traceback:", os.path.basename(code.co_filename), tb.tb_lineno,
              linecache.getline(code.co_filename, tb.tb_lineno).strip())

    # Truncated, empty, foreign-magic and garbage caches are ignored and
    # replaced by a good one.
    good = header(cached)
    with open(cached, "rb") as f:
        data = f.read()
    for label, bad in [("truncated", data[:len(data) // 2]),
                       ("header only", data[:16]),
                       ("empty", b""),
                       ("cpython magic", b"\xa7\r\r\n" + data[4:]),
                       ("garbage body", data[:16] + b"\xff" * 40)]:
        with open(cached, "wb") as f:
            f.write(bad)
        mod = fresh_import("pycmod")
        print(label + ":", mod.VALUE, header(cached) == good)

    # The module's own path is recorded, even when the cache was written
    # for the same source under another name (a moved tree).
    st = os.stat(src)
    with open(src) as f:
        moved = compile(f.read(), "/elsewhere/pycmod.py", "exec")
    with open(cached, "wb") as f:
        f.write(importlib.util.MAGIC_NUMBER + bytes(4)
                + int(st.st_mtime).to_bytes(4, "little")
                + st.st_size.to_bytes(4, "little") + marshal.dumps(moved))
    mod = fresh_import("pycmod")
    print("co_filename:", mod.__file__ == src,
          mod.fail.__code__.co_filename == src,
          mod.__spec__.loader.get_code("pycmod").co_filename == src)

    # No temporary files are left behind.
    print("listing:", listing())

    # Hash-based pycs (py_compile): a checked one notices a change that
    # keeps size and mtime, and is rewritten as a checked one; an
    # unchecked one is trusted as it is.
    import py_compile
    Mode = py_compile.PycInvalidationMode
    hashed = write("hashed.py", 'H = "aa"\n', mtime=1700000000)
    hashed_pyc = py_compile.compile(hashed, invalidation_mode=Mode.CHECKED_HASH)
    print("checked flags:", header(hashed_pyc)[1])
    print("checked import:", fresh_import("hashed").H)
    write("hashed.py", 'H = "bb"\n', mtime=1700000000)
    print("checked after edit:", fresh_import("hashed").H,
          header(hashed_pyc)[1])
    py_compile.compile(hashed, invalidation_mode=Mode.UNCHECKED_HASH)
    write("hashed.py", 'H = "cc"\n', mtime=1700000000)
    print("unchecked after edit:", fresh_import("hashed").H,
          header(hashed_pyc)[1])

    # A lone .pyc (no source) is imported as sourceless bytecode; a bad
    # magic number or a cut header is an error, as in CPython.
    lone = write("lone.py", 'L = "sourceless"\n')
    py_compile.compile(lone, cfile=os.path.join(root, "lone.pyc"))
    os.remove(lone)
    print("sourceless:", fresh_import("lone").L)
    with open(os.path.join(root, "badmagic.pyc"), "wb") as f:
        f.write(b"garbage!" * 4)
    with open(os.path.join(root, "cut.pyc"), "wb") as f:
        f.write(importlib.util.MAGIC_NUMBER + bytes(4))
    for name in ("badmagic", "cut"):
        try:
            fresh_import(name)
        except (ImportError, EOFError) as e:
            print(type(e).__name__ + ":", e)

    # sys.dont_write_bytecode: imports work, nothing is written.
    sys.dont_write_bytecode = True
    write("nowrite.py", "X = 1\n")
    print("dont_write_bytecode:", fresh_import("nowrite").X,
          "nowrite.%s.pyc" % tag in listing())
    sys.dont_write_bytecode = False

    # A cache directory that cannot be created (a file is in the way):
    # the import still works.
    blocked = os.path.join(root, "blocked")
    os.mkdir(blocked)
    with open(os.path.join(blocked, "__pycache__"), "w") as f:
        f.write("not a directory")
    with open(os.path.join(blocked, "inside.py"), "w") as f:
        f.write("Y = 2\n")
    sys.path.insert(0, blocked)
    print("unwritable cache:", fresh_import("inside").Y)
    sys.path.remove(blocked)

    # sys.pycache_prefix moves every cache file under one tree.
    prefix = os.path.join(root, "prefix")
    sys.pycache_prefix = prefix
    write("prefixed.py", "Z = 3\n")
    print("prefixed:", fresh_import("prefixed").Z)
    expected = os.path.join(prefix, root.lstrip("/"), "prefixed.%s.pyc" % tag)
    print("prefix file:", os.path.isfile(expected),
          importlib.util.cache_from_source(os.path.join(root, "prefixed.py"))
          == expected)
    sys.pycache_prefix = None

    # Optimization levels get their own file names.
    for opt in ("", 1, 2):
        print("optimization %r:" % (opt,), os.path.basename(
            importlib.util.cache_from_source(src, optimization=opt)))
    try:
        importlib.util.cache_from_source(src, optimization="a-b")
    except ValueError as e:
        print("bad optimization:", e)
finally:
    for dirpath, dirnames, filenames in list(os.walk(root, topdown=False)):
        for name in filenames:
            os.remove(os.path.join(dirpath, name))
        for name in dirnames:
            os.rmdir(os.path.join(dirpath, name))
    os.rmdir(root)
    sys.path.remove(root)
print("cleaned up:", not os.path.exists(root))
