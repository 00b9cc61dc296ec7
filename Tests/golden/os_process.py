# Processes and descriptors: fork, wait, pipes, exec, environ.
import os
import sys

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w), os.get_blocking(r))
os.set_inheritable(w, True)
print(os.get_inheritable(w))
os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.set_blocking(r, True)

calls = []
os.register_at_fork(before=lambda: calls.append("before1"),
                    after_in_parent=lambda: calls.append("parent"))
os.register_at_fork(before=lambda: calls.append("before2"),
                    after_in_child=lambda: calls.append("child"))
try:
    os.register_at_fork()
except TypeError as e:
    print("TypeError:", e)
try:
    os.register_at_fork(before=5)
except TypeError as e:
    print("TypeError:", e)

pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ("child sees %s\n" % calls).encode())
    os.close(w)
    os._exit(7)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
print(data.decode(), end="")
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status),
      os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status))
print(calls)

pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print("ChildProcessError", e.errno)

# exec in a child: the program's output comes back through a pipe.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    try:
        os.execv("/bin/sh", ["sh", "-c", "echo from-exec $WEFT_X"])
    finally:
        os._exit(99)
os.close(w)
print(os.read(r, 100))
os.close(r)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    try:
        os.execve("/bin/sh", ["sh", "-c", "echo from-execve $WEFT_X"], {"WEFT_X": "yes"})
    finally:
        os._exit(99)
os.close(w)
print(os.read(r, 100))
os.close(r)
os.waitpid(pid, 0)
for args in [("/bin/sh", []), ("/bin/sh", [""]), ("/bin/sh", "ab")]:
    try:
        os.execv(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.execv("/nonexistent/prog", ["prog"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)

print(os.spawnv(os.P_WAIT, "/bin/sh", ["sh", "-c", "exit 3"]))

fd = os.dup(0)
print(fd > 2, os.get_inheritable(fd))
fd2 = os.dup2(fd, fd + 5)
print(fd2 == fd + 5, os.get_inheritable(fd2))
os.close(fd2)
fd2 = os.dup2(fd, fd + 5, inheritable=False)
print(os.get_inheritable(fd2))
os.close(fd2)
os.close(fd)

# environ and environb share one store and follow putenv/unsetenv.
os.environ["WEFT_ENV"] = "one"
print(os.environ["WEFT_ENV"], os.environb[b"WEFT_ENV"], os.getenv("WEFT_ENV"),
      os.getenvb(b"WEFT_ENV"), "WEFT_ENV" in os.environ)
os.environb[b"WEFT_ENV"] = b"two"
print(os.environ["WEFT_ENV"])
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(w, 1)
    os.execv("/bin/sh", ["sh", "-c", "echo child:$WEFT_ENV"])
os.close(w)
print(os.read(r, 100))
os.close(r)
os.waitpid(pid, 0)
del os.environ["WEFT_ENV"]
print(os.getenv("WEFT_ENV"), os.getenv("WEFT_ENV", "dflt"))
try:
    os.environ["WEFT_ENV"]
except KeyError as e:
    print("KeyError", e)
try:
    os.environ["X"] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    os.environ["A=B"] = "x"
except ValueError as e:
    print("ValueError:", e)
print(type(os.environ.copy()) is dict, repr(os.environ).startswith("environ({"))
e2 = os.environ | {"WEFT_NEW": "1"}
print(type(e2) is dict, e2["WEFT_NEW"], "WEFT_NEW" in os.environ)
print(os.get_exec_path({"PATH": "/a:/b"}), os.get_exec_path({}) == os.defpath.split(":"))

print(os.getppid() > 1, os.getuid() == os.geteuid() or True, isinstance(os.getgroups(), list))
t = os.times()
print(type(t).__name__, len(t), t.user >= 0, t.elapsed > 0)
u = os.uname()
print(u.sysname, len(u), type(u).__name__)
print(os.cpu_count() >= 1, 1 <= os.process_cpu_count() <= os.cpu_count())
print(len(os.urandom(16)), os.urandom(0))
try:
    os.urandom(-1)
except ValueError as e:
    print("ValueError:", e)
print(os.strerror(2), os.error is OSError, os.name, os.sep, os.linesep == "\n", os.devnull)
print(os.fsencode("a\udcff"), os.fsdecode(b"a\xff") == "a\udcff", os.fspath(b"x"))
try:
    os.fspath(5)
except TypeError as e:
    print("TypeError:", e)
old = os.umask(0o22)
print(os.umask(old) == 0o22)
