# subprocess.run and the convenience functions: output capture, input,
# text mode, check, timeout, error paths and the exception texts.
import os
import subprocess
import sys
import tempfile

PY = sys.executable

r = subprocess.run(["/bin/sh", "-c", "echo out; echo err >&2; exit 0"],
                   capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(repr(subprocess.CompletedProcess(["a"], 0)))
print(repr(subprocess.CompletedProcess("x", 1, b"o", "e")))
r.check_returncode()

r = subprocess.run([PY, "-c", "import sys; sys.stdout.write(sys.stdin.read()[::-1])"],
                   input=b"abc\n", stdout=subprocess.PIPE)
print(r.stdout, r.stderr)
r = subprocess.run(["/bin/sh", "-c", "printf 'a\\r\\nb\\rc\\n'"],
                   capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["cat"], input="h\u00e9llo", capture_output=True,
                   encoding="utf-8")
print(repr(r.stdout), type(r.stdout).__name__)
r = subprocess.run(["printf", "\\377ok"], capture_output=True,
                   encoding="utf-8", errors="replace")
print(repr(r.stdout))
r = subprocess.run("echo $0 $1", shell=True, capture_output=True, text=True)
print(repr(r.stdout))

# stderr into stdout, and DEVNULL
r = subprocess.run(["/bin/sh", "-c", "echo one; echo two >&2"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()), r.stderr)
r = subprocess.run(["/bin/sh", "-c", "echo gone; echo gone >&2"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r.stdout, r.stderr, r.returncode)
r = subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True)
print(r.stdout)

# check=True and the exception texts
try:
    subprocess.run(["/bin/sh", "-c", "echo partial; exit 3"],
                   capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(str(e))
    print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)
    print(isinstance(e, subprocess.SubprocessError))
for sig in (9, 15):
    try:
        subprocess.run(["/bin/sh", "-c", "kill -%d $$" % sig], check=True)
    except subprocess.CalledProcessError as e:
        print(e)
print(subprocess.CalledProcessError(-200, "cmd"))
print(subprocess.CalledProcessError(1, ["a", "b"]))

try:
    subprocess.run(["/bin/sh", "-c", "echo early; exec sleep 10"],
                   capture_output=True, timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(str(e))
    print(e.cmd, e.timeout, e.output, e.stdout, e.stderr)
print(subprocess.TimeoutExpired("c", 1.5))

# argument checks
for kwargs in ({"input": b"x", "stdin": subprocess.PIPE},
               {"capture_output": True, "stdout": subprocess.PIPE}):
    try:
        subprocess.run(["true"], **kwargs)
    except ValueError as e:
        print("ValueError:", e)
try:
    subprocess.check_output(["true"], stdout=subprocess.PIPE)
except ValueError as e:
    print("ValueError:", e)

# the older functions
print(subprocess.call(["/bin/sh", "-c", "exit 4"]))
print(subprocess.call("exit 5", shell=True))
print(subprocess.check_call(["true"]))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.check_output(["echo", "hello"]))
print(subprocess.check_output("echo $X", shell=True, env={"X": "from env"},
                              text=True), end="")
print(subprocess.check_output(["cat"], input=None))
print(repr(subprocess.check_output(["cat"], input=None, text=True)))
print(subprocess.getoutput("echo a; echo b >&2"))
print(subprocess.getstatusoutput("echo out; exit 7"))
print(subprocess.getstatusoutput("true"))
try:
    subprocess.call(["sleep", "10"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(e)

# missing programs and directories
for args, kw in ((["/nonexistent/program"], {}),
                 (["no-such-program-xyzzy"], {}),
                 (["pwd"], {"cwd": "/nonexistent/dir"})):
    try:
        subprocess.run(args, **kw)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.filename)
with tempfile.TemporaryDirectory() as d:
    script = os.path.join(d, "script")
    with open(script, "w") as f:
        f.write("#!/bin/sh\necho script ran\n")
    try:
        subprocess.run([script])
    except PermissionError as e:
        print(type(e).__name__, e.errno, e.filename == script)
    os.chmod(script, 0o755)
    print(subprocess.run([script], capture_output=True).stdout)
    print(subprocess.run(["./script"], cwd=d, capture_output=True).stdout)
    r = subprocess.run(["pwd"], cwd=d, capture_output=True, text=True)
    print(os.path.samefile(r.stdout.strip(), d))
    print(subprocess.run(["script"], env={"PATH": d}, capture_output=True).stdout)

# environment
r = subprocess.run(["/usr/bin/env"], env={"A": "1", "B": "two"},
                   capture_output=True, text=True)
print(sorted(r.stdout.split()))
try:
    subprocess.run(["true"], env={"A=B": "1"})
except ValueError as e:
    print("ValueError:", e)
try:
    subprocess.run(["echo", "a\0b"])
except ValueError as e:
    print("ValueError:", e)

print(subprocess.list2cmdline(["a b", "c", "", 'd"e', "f\\g", "h\\\\\"i", "j\\ k\\"]))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
