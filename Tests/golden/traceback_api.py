# traceback: extraction, formatting, chaining, groups, suggestions.
import sys
import traceback


def fail(n):
    if n == 0:
        return 1 / 0
    return fail(n - 1)


def capture(fn, *args):
    try:
        fn(*args)
    except BaseException as e:
        return e


def show(lines):
    text = "".join(lines).replace(__file__, "FILE")
    print(text, end="")


e = capture(fail, 5)
show(traceback.format_exception(e))
print("--- limit=2 / limit=-1")
show(traceback.format_exception(e, limit=2))
show(traceback.format_tb(e.__traceback__, limit=-1))
print("--- extract_tb")
for fs in traceback.extract_tb(e.__traceback__):
    print(fs.name, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno,
          repr(fs.line))
fs = traceback.extract_tb(e.__traceback__)[-1]
print(fs == (__file__, 8, "fail", "return 1 / 0"), len(fs), fs[2])
print(repr(traceback.FrameSummary("f.py", 3, "g", line=" x ")))
print(list(traceback.FrameSummary("f.py", 3, "g", line=" x ")))
print("--- only")
print(traceback.format_exception_only(e))
print(traceback.format_exception_only(None))
print(traceback.format_exception_only(KeyError("k")))


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError


print(traceback.format_exception_only(BadStr()))
print(traceback.format_exception_only(ValueError()))
n = ValueError("noted")
n.add_note("first\nsecond")
print(traceback.format_exception_only(n))
print("--- chain")


def chained():
    try:
        {}["k"]
    except KeyError as exc:
        raise ValueError("converted") from exc


show(traceback.format_exception(capture(chained)))
show(traceback.format_exception(capture(chained), chain=False))


def context():
    try:
        int("x")
    except ValueError:
        None.foo


show(traceback.format_exception(capture(context)))
print("--- group")
g = ExceptionGroup("outer", [ValueError(1),
                             ExceptionGroup("inner", [TypeError(2)])])
show(traceback.format_exception(g))
show(traceback.format_exception_only(g, show_group=True))
te = traceback.TracebackException.from_exception(
    ExceptionGroup("wide", [ValueError(i) for i in range(4)]),
    max_group_width=2)
show(te.format())
print("--- recursion")


def recurse(n):
    return recurse(n + 1) if n < 30 else 1 / 0


lines = traceback.format_exception(capture(recurse, 0))
show(lines[:5] + lines[-4:])
print("--- syntax")
try:
    compile("a = 1 +* 2\n", "<src>", "exec")
except SyntaxError as exc:
    show(traceback.format_exception_only(exc))
se = SyntaxError("custom", ("f.py", 2, 5, "\tab cd ef\n", 2, 7))
show(traceback.format_exception_only(se))
print("--- suggestions")


def name_error():
    length = 3
    return lenght


print(traceback.format_exception(capture(name_error))[-1], end="")


class Point:
    def __init__(self):
        self.xcoord = 1


print(traceback.format_exception_only(
    capture(lambda: Point().xcord))[-1], end="")
print(traceback.format_exception_only(
    capture(lambda: sys.maxsze))[-1], end="")
print(traceback._levenshtein_distance("kitten", "sitting", 100),
      traceback._levenshtein_distance("Abc", "abc", 100))
print("--- stack")


def inner():
    return traceback.extract_stack(limit=2)


st = inner()
print([(f.name, f.line) for f in st])
print(traceback.format_list([("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", None)]))
print(traceback.StackSummary.from_list([("a.py", 1, "f", "pass")]).format())
print([n for f, n in traceback.walk_tb(e.__traceback__)])
print(sum(1 for _ in traceback.walk_stack(None)) >= 1)
st = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()),
                                    capture_locals=True, limit=1)
print(sorted(st[0].locals)[:3])
print("--- exc helpers")
try:
    raise KeyError("in handler")
except KeyError:
    print(traceback.format_exc().splitlines()[-1])
print(traceback.format_exc(), end="")
try:
    traceback.print_exception(e, e)
except ValueError as exc:
    print(exc)
try:
    traceback.format_exception(3)
except TypeError as exc:
    print(exc)
traceback.print_exception(ValueError("to stdout"), file=sys.stdout)
traceback.clear_frames(e.__traceback__)
print(e.__traceback__.tb_next.tb_frame.f_locals)
try:
    traceback.print_last()
except ValueError as exc:
    print(exc)
te = traceback.TracebackException.from_exception(n)
print(str(te), te.exc_type_str, te == traceback.TracebackException.from_exception(n))
