# Popen: pipes, communicate with and without timeout, wait/poll, signals,
# context manager, text mode.
import os
import signal
import subprocess
import sys
import tempfile
import threading

PIPE = subprocess.PIPE

p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE)
print(type(p.pid).__name__, p.returncode, p.poll(), p.stderr)
p.stdin.write(b"line one\n")
p.stdin.flush()
print(p.stdout.readline())
out, err = p.communicate(b"rest")
print(out, err, p.returncode, p.poll(), p.wait())

# communicate with a timeout, then again: nothing is lost
p = subprocess.Popen(["/bin/sh", "-c", "echo first; sleep 0.2; echo second >&2"],
                     stdin=PIPE, stdout=PIPE, stderr=PIPE)
try:
    p.communicate(b"in", timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("timeout", e.output, e.stderr, e.timeout)
    try:
        p.communicate(b"more")
    except ValueError as e:
        print("ValueError:", e)
print(p.communicate(), p.returncode)

# large data in both directions at once (no deadlock)
data = bytes(range(256)) * 2000
p = subprocess.Popen(["/bin/sh", "-c", "cat; cat /dev/null >&2"],
                     stdin=PIPE, stdout=PIPE, stderr=PIPE)
out, err = p.communicate(data)
print(len(out), out == data, err)

# wait with timeout, poll, signals
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(e)
print(p.poll())
p.terminate()
print(p.wait(), p.poll())
p.kill()   # already reaped: nothing happens
p = subprocess.Popen(["sleep", "10"])
p.kill()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.send_signal(signal.SIGINT)
print(p.wait())
p = subprocess.Popen(["/bin/sh", "-c", "exit 9"])
print(p.wait(timeout=5), p.returncode)

# context manager closes the pipes and waits
with subprocess.Popen(["echo", "ctx"], stdout=PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)

# text mode, line buffering, universal newlines
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, text=True, bufsize=1)
print(type(p.stdin).__name__, p.text_mode, p.universal_newlines)
p.stdin.write("a\r\nb\n")
print(repr(p.stdout.readline()))
print(repr(p.communicate("c\rd")[0]))
try:
    subprocess.Popen(["true"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

