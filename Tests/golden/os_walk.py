# os.walk and os.fwalk over a small tree in a private temporary directory.
import os

tmp = "/tmp/weft_os_walk_%d" % os.getpid()
os.makedirs(os.path.join(tmp, "a", "b"))
os.makedirs(os.path.join(tmp, "c"))
for name in ("a/f1", "a/b/f2", "top"):
    with_fd = os.open(os.path.join(tmp, name), os.O_WRONLY | os.O_CREAT, 0o644)
    os.close(with_fd)
os.symlink("a", os.path.join(tmp, "link_to_a"))


def show(triples):
    for top, dirs, files in triples:
        print(os.path.relpath(top, tmp) if isinstance(top, str) else top[-4:],
              sorted(dirs), sorted(files))


try:
    show(sorted(os.walk(tmp)))
    print("--- bottom-up order")
    order = [os.path.relpath(t, tmp) for t, d, f in os.walk(tmp, topdown=False)]
    print(order.index("a/b") < order.index("a"), order[-1])
    print("--- followlinks")
    show(sorted(os.walk(tmp, followlinks=True)))
    print("--- pruning")
    for top, dirs, files in os.walk(tmp):
        dirs[:] = [d for d in dirs if d != "a"]
        print(os.path.relpath(top, tmp), sorted(dirs))
    print("--- errors")
    errors = []
    print(list(os.walk(tmp + "/missing", onerror=errors.append)))
    print([type(e).__name__ for e in errors])
    print("--- bytes")
    print(sorted(d for t, d, f in os.walk(os.fsencode(tmp)))[0:1])
    print("--- fwalk")
    rows = []
    for top, dirs, files, fd in os.fwalk(tmp):
        rows.append((os.path.relpath(top, tmp), sorted(dirs), sorted(files),
                     os.path.samestat(os.stat(fd), os.stat(top))))
    for row in sorted(rows):
        print(*row)
    rows = [(os.path.relpath(t, tmp), sorted(d)) for t, d, f, fd in
            os.fwalk(os.fsencode(tmp).decode(), follow_symlinks=True)]
    print(sorted(rows))
    print(sorted(os.path.relpath(t, tmp) for t, d, f, fd in os.fwalk(tmp, topdown=False)))
finally:
    for top, dirs, files in os.walk(tmp, topdown=False):
        for name in files:
            os.unlink(os.path.join(top, name))
        for name in dirs:
            path = os.path.join(top, name)
            (os.unlink if os.path.islink(path) else os.rmdir)(path)
    os.rmdir(tmp)
print(os.path.exists(tmp))
