# pdb's interact command: a console over the frame's names; its output
# goes to the debugger's stdout; EOF ends it, then pdb quits on EOF.
import io
import pdb
import bdb


def f():
    v = 5
    out = io.StringIO()
    debugger = pdb.Pdb(stdin=io.StringIO("interact\nv * 2\nzz\n"),
                       stdout=out, nosigint=True, readrc=False)
    try:
        debugger.set_trace()
    except bdb.BdbQuit:
        print("quit")
    print(out.getvalue().replace(__file__, "FILE"))


f()
