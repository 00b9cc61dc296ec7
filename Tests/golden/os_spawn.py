# posix_spawn and posix_spawnp: file actions, attributes and errors.
import os
r, w = os.pipe()
pid = os.posix_spawn("/bin/sh", ["sh", "-c", "echo spawned $X"], {"X": "1"},
                     file_actions=[(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r)])
os.close(w)
print(os.read(r, 100)); os.close(r)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
pid = os.posix_spawnp("sh", ["sh", "-c", "exit 4"], os.environ, setpgroup=0, resetids=True)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
for kw in [dict(file_actions=[(9,)]), dict(file_actions=[5]), dict(file_actions=[(os.POSIX_SPAWN_CLOSE,)])]:
    try: os.posix_spawn('/bin/true', ['true'], {}, **kw)
    except Exception as e: print(type(e).__name__, e)
try: os.posix_spawn('/nonexist', ['true'], {})
except Exception as e: print(type(e).__name__, e, e.filename)
pid = os.posix_spawn("/bin/true", ["true"], {}, setsigmask=[10], setsigdef=[15], scheduler=(None, os.sched_param(0)))
print(os.waitpid(pid, 0)[1])
