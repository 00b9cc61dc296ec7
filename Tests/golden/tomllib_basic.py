# tomllib: TOML 1.0 values, tables, arrays of tables, and error messages.
import tomllib, io
bad = ["a = 1\na = 2", "[a]\n[a]", "a = 1\n[a]", "a = {x=1}\n[a.b]", "[a.b]\nx=1\n[a]\nb.y=2", "a = [1]\n[[a]]", "x", "a = ", "a = 1 2", "a = \"abc", "a = \"\\q\"", "a = \"\\uZZZZ\"", "a = \"\x01\"", "a = \x27abc", "a = \x27a\x01\x27", "# c \x01", "a = 1979-02-30", "a = {x=1,}", "a = {x=1", "a = [1 2]", "a = [1", "[a", "[[a]", "a.b = 1\n[a.b]", "= 1", "a = 0x", "a = 01", "a = {x=1, x=2}", "a = \"\"\"abc", "a = \"\\uD800\"", "a = tru", "a = {x=1}\na.y = 2", "\ta = +inf\nb = nan",
 "[fruit]\napple.color = 'red'\n[fruit.apple]", "[fruit]\napple.color = 'red'\n[fruit.apple.texture]\nsmooth = true", "a = \"x\ny\"", "k = '''\nab'''''", "s = \"\"\"\\\n   trimmed \\\n  x\"\"\"", "[[t]]\nx=1\n[t.sub]\ny=2\n[[t]]\nx=2\n[t.sub]\ny=3", "a = {b.c = 1, b.d = 2}", "a = 0o17\nb = 0b101\nc = 0xdead_beef\nd = 1_000\ne = -0.5e-3\nf = +12"]
for s in bad:
    try: print(repr(s), "OK", tomllib.loads(s))
    except tomllib.TOMLDecodeError as e: print(repr(s), e)
doc = """
# Top
title = "TOML \\u00e9 \\U0001F600 \\t tab"
lit = 'C:\\path'
[owner]
name = "Tom"
dob = 1979-05-27T07:32:00-08:00
utc = 1979-05-27T07:32:00.123Z
local = 1979-05-27 07:32:00.5
day = 1979-05-27
t = 07:32:00.999999999
[database]
ports = [ 8000, 8001,
  8002, # comment
]
data = [ ["delta", "phi"], [3.14] ]
enabled = true
"quoted key".'lit key' = 1
[[products]]
name = "Hammer"
[[products]]
name = "Nail"
inline = { x = 1, y = { z = [1, 2] } }
"""
r = tomllib.loads(doc)
for k, v in r.items(): print(k, repr(v))
class Decimal(str):
    def __repr__(self): return "D(" + str.__repr__(self) + ")"
print(tomllib.loads("x = 1.10", parse_float=Decimal))
print(tomllib.load(io.BytesIO(b"a = 1\r\nb = 2\r\n")))
try: tomllib.load(io.StringIO("a=1"))
except TypeError as e: print(e)
try: tomllib.loads("x = 1", parse_float=lambda s: [])
except ValueError as e: print(e)
