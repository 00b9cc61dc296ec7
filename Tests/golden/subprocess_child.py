# Popen: the child's set-up (files and descriptors, executable, pass_fds,
# close_fds, session, process group, umask, signals, preexec_fn), argument
# forms, repr, __del__, os.popen/os.fdopen, and Popen from many threads.
import os
import signal
import subprocess
import sys
import tempfile
import threading

PIPE = subprocess.PIPE

# stdout to a file object and to a descriptor
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "out.txt")
    with open(path, "wb") as f:
        subprocess.run(["echo", "to file"], stdout=f)
        subprocess.run(["/bin/sh", "-c", "echo err to fd >&2"], stderr=f.fileno())
    with open(path, "rb") as f:
        print(f.read())
        f.seek(0)
        print(subprocess.run(["cat"], stdin=f, capture_output=True).stdout)

    # executable and argv[0]
    print(subprocess.run(["myname", "-c", "echo $0"], executable="/bin/sh",
                         capture_output=True).stdout)
    print(subprocess.run("echo $0", shell=True, executable="/bin/sh",
                         capture_output=True).stdout)

    # pass_fds, close_fds
    r, w = os.pipe()
    print(os.get_inheritable(w))
    cmd = ["/bin/sh", "-c", "echo through >&%d" % w]
    res = subprocess.run(cmd, pass_fds=(w,), capture_output=True)
    os.close(w)
    print(res.returncode, os.read(r, 100))
    os.close(r)
    r, w = os.pipe()
    os.set_inheritable(w, True)
    res = subprocess.run(["/bin/sh", "-c", "echo x >&%d" % w], capture_output=True)
    print(res.returncode, res.stderr != b"")
    res = subprocess.run(["/bin/sh", "-c", "echo kept >&%d" % w],
                         close_fds=False)
    os.close(w)
    print(res.returncode, os.read(r, 100))
    os.close(r)

    # session, process group, umask
    out = subprocess.run(["cut", "-d", " ", "-f6", "/proc/self/stat"],
                         start_new_session=True, capture_output=True, text=True).stdout
    child_sid = int(out)
    print(child_sid != os.getsid(0))
    p = subprocess.Popen(["sleep", "0.05"], process_group=0)
    print(os.getpgid(p.pid) == p.pid)
    p.wait()
    print(subprocess.run(["/bin/sh", "-c", "umask"], umask=0o027,
                         capture_output=True, text=True).stdout, end="")
    subprocess.run(["/bin/sh", "-c", "touch %s/m" % d], umask=0o077)
    print(oct(os.stat(os.path.join(d, "m")).st_mode & 0o777))

    # restore_signals: SIGPIPE is ignored by Python, reset for children
    sig_ign = "grep SigIgn /proc/self/status"
    for restore in (True, False):
        out = subprocess.run(["/bin/sh", "-c", sig_ign], capture_output=True,
                             text=True, restore_signals=restore).stdout
        mask = int(out.split()[1], 16)
        print(restore, bool(mask & (1 << (signal.SIGPIPE - 1))))

    # preexec_fn runs in the child before exec
    def preexec():
        os.environ["FROM_PREEXEC"] = "yes"
        os.chdir(d)
    print(subprocess.run(["/bin/sh", "-c", "echo $FROM_PREEXEC; pwd"],
                         preexec_fn=preexec, capture_output=True,
                         text=True).stdout.split()[0])
    print("FROM_PREEXEC" in os.environ)

    def failing():
        raise RuntimeError("boom")
    try:
        subprocess.run(["true"], preexec_fn=failing)
    except subprocess.SubprocessError as e:
        print(type(e).__name__, e)

# arguments: bytes, a str program, a path-like
class PathLike:
    def __fspath__(self):
        return "/bin/echo"
print(subprocess.run(b"true").returncode)
print(subprocess.run("true").returncode)
print(subprocess.run(PathLike(), capture_output=True).stdout)
print(subprocess.run([PathLike(), b"bytes", "str"], capture_output=True).stdout)
try:
    subprocess.run(PathLike(), shell=True)
except TypeError as e:
    print("TypeError:", e)
for bad in ({"bufsize": "x"}, {"startupinfo": 1}, {"creationflags": 1}):
    try:
        subprocess.Popen(["true"], **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

p = subprocess.Popen(["true"])
print(repr(p).split(":")[0], repr(p).endswith("args: ['true']>"))
p.wait()
print(repr(p))
p = subprocess.Popen(["echo"] + ["x" * 10] * 10, stdout=subprocess.DEVNULL)
p.wait()
print(repr(p), len(repr(p)))

# __del__ of a running child warns, and the child is reaped later
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    p = subprocess.Popen(["sleep", "0.05"])
    pid = p.pid
    del p

print([(w.category.__name__, str(w.message) == "subprocess %d is still running" % pid)
       for w in caught])

# os.popen and os.fdopen
with os.popen("echo popen read") as f:
    print(repr(f.read()))
f = os.popen("exit 3")
print(f.read() == "", f.close())
f = os.popen("cat > /dev/null", "w")
f.write("data")
print(f.close())
f = os.popen("kill -9 $$")
print(f.close())
r, w = os.pipe()
with os.fdopen(w, "w") as wf:
    wf.write("via fdopen")
with os.fdopen(r, "rb") as rf:
    print(rf.read())
try:
    os.popen("true", "rw")
except ValueError as e:
    print("ValueError:", e)

# many Popen objects from many threads at once
results = []
lock = threading.Lock()
def worker(n):
    for i in range(3):
        out = subprocess.run(["/bin/sh", "-c", "echo %d" % (n * 10 + i)],
                             capture_output=True, text=True).stdout
        with lock:
            results.append(int(out))
threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results) == sorted(n * 10 + i for n in range(6) for i in range(3)))

# one Popen waited for by several threads
p = subprocess.Popen(["sleep", "0.1"])
codes = []
ts = [threading.Thread(target=lambda: codes.append(p.wait())) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(codes)
