# Less common posix functions: descriptors of special kinds, vectored
# and positioned I/O, scheduling, ids, devices, terminals, waitid.
import os

fd = os.eventfd(3)
os.eventfd_write(fd, 4)
print(os.eventfd_read(fd), os.get_inheritable(fd))
os.close(fd)

fd = os.memfd_create("weft")
print(os.writev(fd, [b"abc", bytearray(b"de"), memoryview(b"f")]))
os.lseek(fd, 0, os.SEEK_SET)
a, b = bytearray(2), bytearray(10)
print(os.readv(fd, [a, b]), a, bytes(b[:4]))
print(os.pwritev(fd, [b"XY"], 1), os.pread(fd, 6, 0))
c = bytearray(3)
print(os.preadv(fd, [c], 3), c)
os.ftruncate(fd, 2)
os.posix_fallocate(fd, 0, 10)
print(os.fstat(fd).st_size)
r, w = os.pipe()
print(os.sendfile(w, fd, 0, 2), os.read(r, 2))
os.close(r); os.close(w)
os.close(fd)

affinity = os.sched_getaffinity(0)
print(type(affinity) is set, len(affinity) >= 1, all(type(c) is int for c in affinity))
os.sched_setaffinity(0, affinity)
print(os.sched_getaffinity(0) == affinity)
try:
    os.sched_setaffinity(0, [-1])
except ValueError as e:
    print("ValueError:", e)
os.sched_yield()
print(os.sched_get_priority_min(os.SCHED_FIFO) >= 1, os.sched_getscheduler(0) == os.SCHED_OTHER)
print(os.getresuid() == (os.getuid(), os.geteuid(), os.getresuid()[2]))
print(os.getpriority(os.PRIO_PROCESS, 0) == os.getpriority(os.PRIO_PROCESS, os.getpid()))

print(os.major(os.makedev(8, 17)), os.minor(os.makedev(8, 17)))
print(len(os.getrandom(12)), len(os.getrandom(5, os.GRND_NONBLOCK)))
load = os.getloadavg()
print(len(load), all(x >= 0 for x in load))

master, slave = os.openpty()
print(os.isatty(slave), os.isatty(master), os.ttyname(slave).startswith("/dev/pts/"))
os.write(master, b"hi\n")
print(os.read(slave, 10))
os.close(master); os.close(slave)
print(os.isatty(0) in (True, False), os.device_encoding(999))

pid = os.fork()
if pid == 0:
    os._exit(4)
res = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(res).__name__, res.si_pid == pid, res.si_status, res.si_code == os.CLD_EXITED)
try:
    os.waitid(os.P_PID, pid, os.WEXITED)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)

print(os.sysconf("SC_PAGESIZE") > 0, os.sysconf(os.sysconf_names["SC_CLK_TCK"]) > 0)
print(os.pathconf("/", "PC_NAME_MAX") > 0, os.fpathconf(0, "PC_PIPE_BUF") >= 0 or True)
print(os.confstr("CS_PATH").startswith("/"))
try:
    os.sysconf("NOPE")
except ValueError as e:
    print("ValueError:", e)
print(os.statvfs("/").f_bsize > 0, len(os.statvfs("/")), os.statvfs("/").f_fsid >= 0)
print(os.major(os.stat("/dev/null").st_rdev), os.minor(os.stat("/dev/null").st_rdev))
p = os.sched_param(sched_priority=0)
print(p, p.sched_priority, os.sched_getparam(0) == p, os.sched_rr_get_interval(0) >= 0)
try:
    os.sched_setparam(0, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    os.stat(0, dir_fd=1)
except ValueError as e:
    print("ValueError:", e)
try:
    os.chown(0, -1, -1, follow_symlinks=False)
except ValueError as e:
    print("ValueError:", e)
