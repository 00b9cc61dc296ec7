# The encodings package: every shipped codec, incremental and stream use.
import codecs

sample = "Gr\xfc\xdfe \u20ac \u0416 \u03a9"
names = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
         "utf-32-le", "utf-32-be", "unicode_escape", "raw_unicode_escape"]
for name in names:
    data = sample.encode(name)
    print(name, data, data.decode(name) == sample)

for name in ["latin-1", "cp1252", "iso8859-15", "cp437", "cp850", "cp1250",
             "iso8859-2", "koi8-r", "cp866", "iso8859-7", "cp1251", "mac-roman",
             "ascii"]:
    data = sample.encode(name, "replace")
    print(name, data, ascii(data.decode(name)))

print(bytes(range(128, 256)).decode("cp437"))
print(bytes(range(160, 256)).decode("iso8859-15"))
print(ascii(bytes(range(128, 160)).decode("cp1252", "replace")))
print("\u20ac\u0160\u0161\u017d\u017e\u0152\u0153\u0178".encode("iso8859-15"))

# Stateless functions of _codecs.
print(codecs.utf_8_decode(b"a\xe2\x82", "strict", False))
print(codecs.utf_8_decode(b"a\xe2\x82", "replace", True))
print(codecs.utf_16_ex_decode(b"\xfe\xff\x00A", "strict", 0, True))
print(codecs.utf_16_ex_decode(b"\xff\xfeA\x00", "strict", 0, True))
print(codecs.utf_32_decode(b"\xff\xfe\x00\x00A\x00\x00\x00B", "strict", False))
print(codecs.latin_1_encode("\xff"), codecs.ascii_decode(b"abc"))
print(codecs.escape_encode(b"a\n\x00'\\\xff"), codecs.escape_decode(b"a\\n\\x41\\\\"))
print(codecs.readbuffer_encode(b"xyz"), codecs.readbuffer_encode("xyz"))
print(codecs.unicode_escape_decode(b"\\u20ac\\x41\\n\\N{EURO SIGN}"))
print(codecs.unicode_escape_decode(b"ab\\u20", "strict", False))
print(codecs.raw_unicode_escape_decode(b"\\u20ac\\\\u20ac\\", "strict", True))
print(codecs.raw_unicode_escape_decode(b"ab\\u20", "strict", False))
print(codecs.unicode_escape_encode("\u20ac\n\xe9"),
      codecs.raw_unicode_escape_encode("\u20ac\n\xe9"))
table = "abc\ufffe"
print(codecs.charmap_decode(b"\x00\x02\x01", "strict", table))
print(codecs.charmap_decode(b"\x00\x03", "replace", table))
print(codecs.charmap_decode(b"\x00\x01", "strict", {0: "X", 1: 0x263a}))
emap = codecs.charmap_build("abc")
print(sorted(emap.items()) if isinstance(emap, dict) else "map")
print(codecs.charmap_encode("cab", "strict", emap))
print(codecs.charmap_decode(b"\xe9"), codecs.charmap_encode("\xe9"))
try:
    codecs.utf_8_decode("str")
except TypeError as e:
    print("TypeError:", e)

# Incremental decoders keep incomplete sequences.
dec = codecs.getincrementaldecoder("utf-8")()
print([dec.decode(bytes([b])) for b in "\u20ac!".encode()], dec.decode(b"", True))
dec = codecs.getincrementaldecoder("utf-16")()
parts = [dec.decode(b) for b in [b"\xff", b"\xfeA", b"\x00B", b"\x00"]]
print(parts, dec.getstate())
dec = codecs.getincrementaldecoder("utf-8-sig")()
print([dec.decode(b) for b in [b"\xef", b"\xbb", b"\xbfhi"]])
dec = codecs.getincrementaldecoder("utf-8")()
dec.decode(b"\xe2\x82")
print(dec.getstate())
try:
    dec.decode(b"", final=True)
except UnicodeDecodeError as e:
    print("final:", e)
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"), enc.getstate())
enc.reset()
print(enc.encode("c"))
print(codecs.getincrementalencoder("utf-8-sig")().encode("x"))
print(list(codecs.iterencode(["a", "\xe9", ""], "utf-16-be")))
print(list(codecs.iterdecode([b"\xc3", b"\xa9", b"!"], "utf-8")))
print("".join(codecs.iterdecode([b"\\u", b"20", b"ac"], "unicode_escape")))

# Stream readers and writers over a small in-memory byte stream.
class Stream:
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0
    def read(self, size=-1):
        end = len(self.data) if size < 0 else self.pos + size
        chunk = bytes(self.data[self.pos:end])
        self.pos += len(chunk)
        return chunk
    def write(self, b):
        self.data += b
        return len(b)
    def seek(self, pos, whence=0):
        self.pos = pos
    def close(self):
        print("closed")

w = codecs.getwriter("utf-16-le")(Stream())
w.write("h\xe9")
w.writelines(["l", "lo"])
print(bytes(w.stream.data), w.pos)
r = codecs.getreader("utf-8")(Stream("line one\nline \u20ac two\r\nthree\rfour".encode()))
print([r.readline() for _ in range(5)])
r = codecs.getreader("utf-8")(Stream("x\ny\n\u20acz".encode()))
print(r.readlines(), r.read())
r = codecs.getreader("utf-8")(Stream("\u20acabc".encode()))
print(r.read(1), r.read(chars=2), r.read())
r = codecs.getreader("utf-8")(Stream(b"a\nb\nc"))
print(list(r), r.readline(keepends=False) == "")
r = codecs.getreader("utf-8")(Stream(b"a\nb"))
print(r.readline(keepends=False), r.readline(keepends=False))
rw = codecs.StreamReaderWriter(Stream("x\xe9".encode("latin-1")),
                               codecs.getreader("latin-1"),
                               codecs.getwriter("latin-1"))
print(rw.read(), rw.encoding)
with rw:
    pass
rec = codecs.EncodedFile(Stream("caf\xe9".encode("latin-1")), "utf-8", "latin-1")
print(rec.read(), rec.data_encoding, rec.file_encoding)
rec.write("\xe8".encode("utf-8"))
print(bytes(rec.stream.data))
try:
    rec.write(b"\xff")
except UnicodeDecodeError as e:
    print("recoder:", e.reason)
sig = codecs.getreader("utf-8-sig")(Stream(codecs.BOM_UTF8 + b"text"))
print(sig.read())
u16 = codecs.getreader("utf-16")(Stream("ab".encode("utf-16-be") and b"\xfe\xff\x00a\x00b"))
print(u16.read())
w = codecs.getwriter("utf-8-sig")(Stream())
w.write("a"); w.write("b")
print(bytes(w.stream.data))
try:
    import pickle
except ImportError:
    pass
try:
    codecs.getreader("ascii")(Stream()).__reduce_ex__(2)
except TypeError as e:
    print("TypeError:", e)

# The 'undefined' codec refuses everything (3.12+: no wrapping, a note).
try:
    "x".encode("undefined")
except UnicodeError as e:
    print(type(e).__name__, e)
