# tomllib: TOML 1.1 additions (3.15) -- multi-line inline tables with
# trailing commas, \xHH and \e escapes, times without seconds.
import tomllib

doc = """
tbl = {
    key = "a string",   # comment inside
    moar-tbl = {
        key = 1,
    },
}
null = "null byte: \\x00; letter a: \\x61; e-acute: \\xe9"
csi = "\\e[0m"
dt = 2010-02-03 14:15
odt = 2010-02-03T14:15-05:30
t = 14:15
t2 = 14:15:16.25
empty = {
}
arr = [ { a = 1,
          b = 2, }, ]
"""
for key, value in tomllib.loads(doc).items():
    print(key, repr(value))
for bad in ["a = {x=1,,}", "a = {,}", 'a = "\\xZ1"', 'a = "\\x1"',
            "a = {x=1\ny=2}", "a = {x = 1, x = 2,}", "a = 2010-02-03 14:15:",
            "a = 24:00", "a = 14:15:5"]:
    try:
        print(repr(bad), tomllib.loads(bad))
    except tomllib.TOMLDecodeError as e:
        print(repr(bad), e)
