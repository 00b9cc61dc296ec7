# Python 3.14's keyword-typo hint: when a plain "invalid syntax" comes
# from a mistyped keyword, traceback rewrites it to "invalid syntax. Did
# you mean '<keyword>'?" pointing at the word, if the keyword makes the
# code valid.  Also "Did you mean" for names and attributes and "Did you
# forget to import" (3.12+), as the traceback module formats them.
# Expected output written from the documentation and CPython's rules.
import re
import traceback

SOURCES = [
    "whille x:\n    pass\n",
    "fro x in y:\n    pass\n",
    "x = 1\nimprot os\n",
    "defn f():\n    pass\n",
    "x = 1 iff y else 2\n",
    "clas C:\n    pass\n",
    "retrun 5\n",
    "foo bar baz\n",          # no keyword helps: stays plain
    "x = (1, 2\n",            # another message: untouched
]

for source in SOURCES:
    try:
        compile(source, "<typo>", "exec")
    except SyntaxError as e:
        print("".join(traceback.format_exception_only(e)), end="")
        print("  metadata:", type(e._metadata).__name__, len(e._metadata))


def last_line(func):
    try:
        func()
    except Exception as e:
        return "".join(traceback.format_exception(e)).splitlines()[-1]


class Box:
    colour = "red"
    def __init__(self):
        self.weight = 3


def name_typo():
    counter = 1
    return countr


def builtin_typo():
    return lenn([])


def attr_typo():
    return Box().wieght


def module_typo():
    import os
    return os.getcwdd


def forgot_import():
    return sys.argv


def import_typo():
    from os import getcwdd


for f in (name_typo, builtin_typo, attr_typo, module_typo, forgot_import,
          import_typo):
    print(re.sub(r" \(/[^)]*\)", "", last_line(f)))
