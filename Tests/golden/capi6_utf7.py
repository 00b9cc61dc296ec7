# The utf-7 codec (RFC 2152): encoding, decoding, error handling and the
# incremental decoder, against CPython's results.
import codecs

samples = [
    "", "Hi Mom -\u263a-!", "A\u2262\u0391.", "\u65e5\u672c\u8a9e",
    "1 + 1 = 2", "a+b", "~\\", "tab\there\r\n", "caf\u00e9", "\U0001f600 ok",
    "\ud800 lone", "x-y", "\u00e9-", "\u00e9a", "\u00e9.", "!\"#$%&*;<=>@[]^_`{|}",
    "\x00\x01", "+", "++-", "\u20ac" * 5,
]
for s in samples:
    data = s.encode("utf-7")
    back = data.decode("utf-7")
    print(repr(s), data, back == s)

print(codecs.utf_7_encode("\u00e9t\u00e9"))
print(codecs.utf_7_decode(b"+AOk-t+AOk-"))
print(codecs.utf_7_decode(b"ab+AOk", "strict", False))
print(codecs.utf_7_decode(b"ab+AOk", "strict", True))
for alias in ("utf7", "UTF-7", "u7", "unicode-1-1-utf-7"):
    print(alias, codecs.lookup(alias).name)

bad = [b"a\xffb", b"+AOk", b"+A-", b"+AOl-", b"+!", b"+AOkA", b"\x80"]
for data in bad:
    for errors in ("strict", "replace", "ignore"):
        try:
            print(data, errors, repr(data.decode("utf-7", errors)))
        except UnicodeDecodeError as exc:
            print(data, errors, "error:", exc.reason, exc.start, exc.end)

decoder = codecs.getincrementaldecoder("utf-7")()
pieces = [decoder.decode(bytes([b])) for b in b"x+2D3eAA-y+Jjo-"]
pieces.append(decoder.decode(b"", final=True))
print(pieces)
encoder = codecs.getincrementalencoder("utf-7")()
print(encoder.encode("\u00e9"), encoder.encode("a"))
