# faulthandler: dumping stacks on request, on a user signal and after a
# timeout; enable/disable state.
import faulthandler
import os
import signal
import sys
import threading
import time

tmp = "/tmp/faulthandler_test_%d" % os.getpid()
os.mkdir(tmp)
path = os.path.join(tmp, "dump.txt")


def normalized(text):
    lines = []
    for line in text.splitlines():
        if line.startswith(("Thread 0x", "Current thread 0x")):
            # The id varies, and 3.14+ adds the thread's name in brackets.
            head, _, rest = line.partition(" 0x")
            tail = rest[rest.index(" (most recent"):]
            line = head + " 0xID" + tail
        lines.append(line.replace(__file__, "FILE"))
    return lines


def dump_to_file(**kwargs):
    with open(path, "w") as f:
        faulthandler.dump_traceback(f, **kwargs)
    with open(path) as f:
        return normalized(f.read())


def level2():
    return dump_to_file(all_threads=False)


def level1():
    return level2()


for line in level1():
    print(line)
print(dump_to_file()[0])

# Another thread's stack, shown while it waits.
ready = threading.Event()
release = threading.Event()


def waiter():
    ready.set()
    release.wait()


t = threading.Thread(target=waiter)
t.start()
ready.wait()
lines = dump_to_file()
release.set()
t.join()
print(sum(1 for l in lines if l.startswith("Thread 0xID")),
      sum(1 for l in lines if l.startswith("Current thread 0xID")),
      any("in waiter" in l for l in lines))

print(faulthandler.is_enabled())
faulthandler.enable(file=sys.stdout)
print(faulthandler.is_enabled())
print(faulthandler.disable(), faulthandler.is_enabled(), faulthandler.disable())

# dump on a user signal
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
faulthandler.register(signal.SIGUSR1, file=fd, all_threads=False)


def signalled():
    os.kill(os.getpid(), signal.SIGUSR1)


signalled()
print(faulthandler.unregister(signal.SIGUSR1),
      faulthandler.unregister(signal.SIGUSR1))
os.close(fd)
with open(path) as f:
    for line in normalized(f.read()):
        print(line)

# dump after a timeout
with open(path, "w") as f:
    faulthandler.dump_traceback_later(0.05, file=f)
    time.sleep(0.3)
    faulthandler.dump_traceback_later(10, file=f)
    faulthandler.cancel_dump_traceback_later()
with open(path) as f:
    lines = normalized(f.read())
print(lines[0], lines[1], any("line" in l for l in lines[2:]))

for bad in ("faulthandler.register(signal.SIGSEGV)",
            "faulthandler.dump_traceback_later(0)",
            "faulthandler.dump_traceback_later(-1)",
            "faulthandler.enable(file=-1)",
            "faulthandler.dump_traceback(file=object())"):
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
os.remove(path)
os.rmdir(tmp)
