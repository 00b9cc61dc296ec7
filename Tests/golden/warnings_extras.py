# warnings: @deprecated, _deprecated, the fallback pattern matcher,
# skip_file_prefixes, and linecache.
import sys
import warnings
import linecache

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")

    @warnings.deprecated("use g instead")
    def f(x, y=2):
        """f's doc."""
        return x + y

    print(f(1), f.__name__, f.__doc__, f.__deprecated__)
    print(log[-1].category.__name__, log[-1].message, log[-1].lineno)

    @warnings.deprecated("old class", category=FutureWarning)
    class Old:
        def __init__(self, v):
            self.v = v

    print(Old(5).v, Old.__deprecated__, log[-1].category.__name__,
          log[-1].message)

    class Sub(Old):
        pass

    print("subclassing warns:", log[-1].message, len(log))

    @warnings.deprecated("silent", category=None)
    def quiet():
        return "quiet"

    n = len(log)
    print(quiet(), quiet.__deprecated__, len(log) == n)

    try:
        warnings.deprecated(42)
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        warnings.deprecated("x")(3)
    except TypeError as exc:
        print("TypeError:", exc)

    def uses_old_api():
        warnings._deprecated("spam", remove=(3, 99))

    uses_old_api()
    print(log[-1].category.__name__, log[-1].message)
    try:
        warnings._deprecated("eggs", remove=(3, 1))
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    # skip_file_prefixes: frames from these files are not blamed.
    def helper():
        warnings.warn("skipped", skip_file_prefixes=(__file__,))

    helper()
    print(log[-1].message, log[-1].filename)
    try:
        warnings.warn("x", skip_file_prefixes=[__file__])
    except TypeError as exc:
        print("TypeError:", type(exc).__name__)

# The pattern matcher used while the re module is missing.
P = warnings._SimplePattern
cases = [
    ("abc", "abcdef", False), ("abc", "xabc", False), ("a.c", "abc", False),
    ("a.*z", "abcz", False), ("a.*z", "abc", False), ("ab+c", "abbbc", False),
    ("ab+c", "ac", False), ("ab?c", "ac", False), ("colou?r$", "color", False),
    ("x\\Z", "x\n", False), ("x$", "x\n", False), ("[a-c]+d", "cabd", False),
    ("[^0-9]", "5", False), ("\\d{2,3}x", "12x", False),
    ("\\d{2,3}x", "1x", False), ("(foo|bar)baz", "barbaz", False),
    ("(?:ab)*c", "ababc", False), ("HELLO", "hello world", True),
    ("[A-Z]+", "abc", True), ("mod\\.sub\\Z", "mod.sub", False),
    ("mod\\.sub\\Z", "mod.subx", False), ("\\w+\\s\\w+", "hi there", False),
]
for pattern, text, ignore_case in cases:
    print(f"{pattern!r:16} {text!r:14} {bool(P(pattern, ignore_case).match(text))}")
print(P("ab", True) == P("ab", True), P("ab") == P("ab", True), repr(P("ab", True)))
for bad in ("(ab", "*a", "[ab"):
    try:
        P(bad)
    except ValueError as exc:
        print("ValueError:", exc)
print(warnings._escape("a.b*c") in ("a\\.b\\*c",))

# linecache on this very file.
here = __file__
print(repr(linecache.getline(here, 1)))
print(len(linecache.getlines(here)) > 90, linecache.getline(here, 10**6) == "")
print(linecache.getline("<string>", 1) == "", linecache.getline("", 1) == "")
print(linecache.getline("/nonexistent/file.py", 1) == "")
linecache.checkcache(here)
linecache.clearcache()
print(here in linecache.cache)


class FakeLoader:
    def get_source(self, name):
        return "line one\nline two\n"


g = {"__name__": "fakemod", "__loader__": FakeLoader()}
print(linecache.lazycache("fake.py", g), "fake.py" in linecache.cache)
print(repr(linecache.getline("fake.py", 2)))
print(linecache.lazycache("<fake>", g))
