# Pdb.set_trace stops at once in the caller; where/up/down/display/jump;
# post_mortem on a traceback; breakpoint() through sys.breakpointhook.
import io
import sys
import pdb


def inner(debugger):
    x = 10
    debugger.set_trace()
    x = x + 1
    x = x + 2
    x = x * 3
    return x


def outer(debugger):
    y = inner(debugger)
    return y + 1


def run(commands):
    out = io.StringIO()
    debugger = pdb.Pdb(stdin=io.StringIO(commands), stdout=out,
                       nosigint=True, readrc=False)
    result = outer(debugger)
    pdb.bdb.Breakpoint.clearBreakpoints()
    text = out.getvalue().replace(__file__, "FILE")
    print(text.rstrip("\n"))
    print("result", result)


# where / up / down, then continue without breakpoints.
run("w\nu\np y if 'y' in dir() else 'no y yet'\nd\nd\nu\nu\nu\nc\n")
print("--")
# display changes, jump back over a line, until past the end, retval.
run("display x\nn\nn\nj 11\nn\nll\nundisplay x\nundisplay x\nunt\nunt\nretval\nc\n")
print("--")
# quit raises BdbQuit out of the traced code.
try:
    run("q\n")
except pdb.bdb.BdbQuit:
    print("BdbQuit raised")
print("tracing off:", sys.gettrace() is None)
print("--")


def fails(n):
    return 10 // n


try:
    fails(0)
except ZeroDivisionError as exc:
    caught = exc
out = io.StringIO()
post = pdb.Pdb(stdin=io.StringIO("p n\nw\nu\nl 54, 56\nq\n"), stdout=out,
               nosigint=True, readrc=False)
post.reset()
post.interaction(None, caught.__traceback__)
print(out.getvalue().replace(__file__, "FILE").rstrip("\n"))
print("--")


def hook(*args, **kwargs):
    print("hook called with", args, kwargs)
    return "hook result"


sys.breakpointhook = hook
print(breakpoint(1, two=2))
sys.breakpointhook = sys.__breakpointhook__
