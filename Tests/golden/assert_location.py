# An assert's AssertionError points at the failed test (as CPython 3.13+):
# tracebacks underline the test expression, and a multi-line assert shows
# the test's lines.
import traceback


def show(function):
    try:
        function()
    except AssertionError:
        lines = [line for line in traceback.format_exc().splitlines()
                 if not line.startswith(("Traceback", "  File"))]
        print("\n".join(lines[-3:]))


def simple():
    assert 1 > 2


def with_message():
    assert 1 > 2, "message"


def and_test():
    x = 1
    assert x > 2 and 3 > 2


def multi_line():
    assert (
        1 > 2
    ), "multi"


def whole_line():
    assert (
        1 < 2 and
        3 > 4
    )


for function in (simple, with_message, and_test, multi_line, whole_line):
    show(function)
    print("--")
