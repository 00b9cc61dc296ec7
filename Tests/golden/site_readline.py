# The line editor (through readline's hidden test hook _edit_keys, which
# feeds key bytes to the editor as a terminal would) and the history.
import os
import readline

E = readline._edit_keys
LEFT, RIGHT, UP, DOWN = b"\x1b[D", b"\x1b[C", b"\x1b[A", b"\x1b[B"
HOME, END, DEL = b"\x1b[H", b"\x1b[F", b"\x1b[3~"

readline.clear_history()
cases = [
    ("plain", b"hello\r"),
    ("ctrl-a/e", b"abc\x01X\x05Y\r"),
    ("home/end keys", b"abc" + HOME + b"<" + END + b">\r"),
    ("ctrl-b/f", b"abcd\x02\x02\x02\x06-\r"),
    ("arrows", b"ac" + LEFT + b"b" + RIGHT + b"d\r"),
    ("ctrl-k", b"abcdef\x02\x02\x0b\r"),
    ("ctrl-u", b"abcdef\x02\x02\x15\r"),
    ("ctrl-w", b"foo bar  baz  \x17\r"),
    ("backspace", b"abc\x7f\x7fX\r"),
    ("ctrl-h", b"abc\x08Z\r"),
    ("delete", b"abc" + LEFT + LEFT + DEL + b"\r"),
    ("ctrl-d deletes", b"abc" + HOME + b"\x04\r"),
    ("alt-b/f", b"one two three\x1bb\x1bb^\x1bf$\r"),
    ("ctrl-left", b"one two\x1b[1;5D_\r"),
    ("alt-backspace", b"keep drop\x1b\x7f\r"),
    ("utf-8", "h\u00e9\u4e16\U0001F600x".encode() + LEFT + b"\x7f\r"),
    ("utf-8 cursor", "\u00e9\u00e8".encode() + LEFT + b"|\r"),
    ("tab indents", b"\tx\r"),
    ("ctrl-l", b"ab\x0cc\r"),
    ("end of input", b"partial"),
]
for name, keys in cases:
    print(f"{name:15} {E('>>> ', keys)!r}")

# History: up/down browsing keeps the line being typed.
readline.clear_history()
readline.set_history_length(-1)
for line in (b"first\r", b"second\r", b"second\r", b"\r", b"third\r"):
    E(">>> ", line)
print([readline.get_history_item(i)
       for i in range(1, readline.get_current_history_length() + 1)])
print(E(">>> ", UP + b"\r"), E(">>> ", UP + UP + UP + b"\r"),
      E(">>> ", UP * 10 + b"\r"))
print(E(">>> ", b"new" + UP + DOWN + b"!\r"),
      E(">>> ", b"\x10\x10\x0e\r"))
print(E(">>> ", b"\x12sec\r"), E(">>> ", b"\x12ir\x05?\r"))
print(readline.get_history_item(0), readline.get_history_item(99))

for keys, exc in ((b"\x04", EOFError), (b"", EOFError),
                  (b"abc\x03", KeyboardInterrupt)):
    try:
        E(">>> ", keys)
    except exc:
        print(exc.__name__)

# What the terminal is sent.
line, screen = E(">>> ", b"ab\r", True)
print(line, screen)

# Completion through readline.set_completer().
words = ["alpha", "alpine", "beta"]


def complete(text, state):
    matches = [w for w in words if w.startswith(text)]
    return matches[state] if state < len(matches) else None


readline.set_completer(complete)
print(readline.get_completer() is complete)
print(E(">>> ", b"x = al\t\r"), E(">>> ", b"b\t\r"), E(">>> ", b"zz\t\r"),
      E(">>> ", b"  \t.\r"))
readline.set_completer(None)
print(readline.get_completer(), E(">>> ", b"x\t\r"))
print(repr(readline.get_completer_delims()[:5]))

# History editing and files.
readline.clear_history()
for item in ("one", "two", "three"):
    readline.add_history(item)
readline.replace_history_item(0, "ONE")
readline.remove_history_item(1)
print(readline.get_current_history_length(), readline.get_history_item(1),
      readline.get_history_item(2))
for bad in (lambda: readline.remove_history_item(5),
            lambda: readline.replace_history_item(-1, "x")):
    try:
        bad()
    except ValueError as exc:
        print("ValueError:", exc)
path = f"/tmp/weft_history_{os.getpid()}"
readline.write_history_file(path)
readline.clear_history()
readline.read_history_file(path)
print(readline.get_current_history_length(), readline.get_history_item(2))
readline.add_history("four")
readline.append_history_file(1, path)
with open(path) as f:
    print(f.read().split("\n"))
readline.set_history_length(2)
readline.write_history_file(path)
with open(path) as f:
    print(f.read().split("\n"), readline.get_history_length())
readline.set_history_length(-1)

# Lines typed at the prompt go to the history file as they are accepted.
readline._set_history_file(path)
E(">>> ", b"typed line\r")
readline._set_history_file(None)
E(">>> ", b"not saved\r")
with open(path) as f:
    print(f.read().split("\n")[-2])
os.unlink(path)
try:
    readline.read_history_file(path)
except OSError as exc:
    print(type(exc).__name__, exc.errno)
print(readline.backend)
