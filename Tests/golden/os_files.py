# posix file and directory functions, in a private temporary directory.
import os
import stat

tmp = "/tmp/weft_os_files_%d" % os.getpid()
os.mkdir(tmp, 0o755)
os.chdir(tmp)
try:
    fd = os.open("data.bin", os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    print(type(fd) is int, os.get_inheritable(fd))
    print(os.write(fd, b"hello world"), os.write(fd, bytearray(b"!")))
    print(os.lseek(fd, 0, os.SEEK_SET), os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
    print(os.lseek(fd, -3, os.SEEK_END), os.read(fd, 3))
    os.ftruncate(fd, 4)
    os.fsync(fd)
    st = os.fstat(fd)
    print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) == 0o600)
    print(os.pread(fd, 2, 1), os.pwrite(fd, b"XY", 2), os.pread(fd, 10, 0))
    os.close(fd)
    try:
        os.close(fd)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)

    st = os.stat("data.bin")
    print(st.st_size, st.st_nlink, st.st_uid == os.getuid())
    print(isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_mtime_ns // 10**9 == st[8])
    print(st.st_mtime_ns == os.stat(b"data.bin").st_mtime_ns)

    os.utime("data.bin", (1000000000, 1000000000.5))
    st = os.stat("data.bin")
    print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8])
    os.utime("data.bin", ns=(5 * 10**9, 6 * 10**9 + 7))
    print(os.stat("data.bin").st_mtime_ns)
    for kwargs in [dict(times=(1, 2), ns=(1, 2)), dict(times=5), dict(ns=5)]:
        try:
            os.utime("data.bin", **kwargs)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)

    os.chmod("data.bin", 0o640)
    print(oct(stat.S_IMODE(os.stat("data.bin").st_mode)))
    print(stat.filemode(os.stat("data.bin").st_mode))
    print(os.access("data.bin", os.R_OK), os.access("nope", os.F_OK))

    os.mkdir("d")
    os.makedirs("d/e/f")
    os.makedirs("d/e/f", exist_ok=True)
    try:
        os.makedirs("d/e/f")
    except FileExistsError as e:
        print("FileExistsError", e.filename)
    os.symlink("data.bin", "ln")
    os.link("data.bin", "hard")
    print(os.readlink("ln"), os.readlink(b"ln"), os.stat("hard").st_nlink)
    print(os.lstat("ln").st_mode & 0o170000 == stat.S_IFLNK)
    print(sorted(os.listdir()), sorted(os.listdir(b".")))
    print(sorted(os.listdir("d")))

    with os.scandir(".") as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
              e.is_file(follow_symlinks=False), e.inode() == e.stat(follow_symlinks=False).st_ino)
    print(os.fspath(entries[0]), isinstance(entries[0], os.PathLike))
    bentries = sorted(e.name for e in os.scandir(b"d"))
    print(bentries, [e.path for e in os.scandir(b"d")])
    print([e.path for e in os.scandir("d/")])
    dfd = os.open("d", os.O_RDONLY)
    print([(e.name, e.path, e.is_dir()) for e in os.scandir(dfd)], os.listdir(dfd))
    print(os.stat("e", dir_fd=dfd).st_mode & 0o170000 == stat.S_IFDIR)
    os.close(dfd)
    it = os.scandir()
    first = next(it)
    it.close()
    print(list(it), first.path.startswith("./"))

    os.rename("data.bin", "renamed.bin")
    os.replace("renamed.bin", "hard")
    print(sorted(os.listdir()))
    os.renames("hard", "x/y/moved")
    print(sorted(os.listdir()), os.listdir("x/y"))
    os.unlink("x/y/moved")
    os.removedirs("x/y")
    print(os.path.exists("x"))
    os.remove("ln")
    os.removedirs("d/e/f")
    print(os.listdir())

    for func, args in [(os.stat, ("missing",)), (os.open, ("missing", os.O_RDONLY)),
                       (os.listdir, ("missing",)), (os.scandir, (b"missing",)),
                       (os.rmdir, ("missing",)), (os.unlink, ("missing",)),
                       (os.rename, ("missing", "other")), (os.mkdir, (".",)),
                       (os.readlink, (".",)), (os.chdir, ("missing",)),
                       (os.link, ("missing", "other"))]:
        try:
            func(*args)
        except OSError as e:
            print(func.__name__, type(e).__name__, e, e.filename, e.filename2)
    for bad in [1.5, None, ["x"]]:
        try:
            os.stat(bad)
        except TypeError as e:
            print("TypeError:", e)
    for bad in [1.5, None]:
        try:
            os.open(bad, 0)
        except TypeError as e:
            print("TypeError:", e)
    try:
        os.listdir(1.5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        os.stat("a", dir_fd=1.5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        os.rename("a", b"b")
    except OSError as e:
        print(type(e).__name__, e)
    print(os.path.basename(os.getcwd()) == os.path.basename(tmp), os.getcwdb() == os.fsencode(os.getcwd()))
finally:
    os.chdir("/")
    for root, dirs, files in os.walk(tmp, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):
                os.unlink(path)
            else:
                os.rmdir(path)
    os.rmdir(tmp)
print(os.path.exists(tmp))
