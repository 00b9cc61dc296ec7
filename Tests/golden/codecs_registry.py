# The codec registry: lookup, normalisation, search functions, errors.
import codecs

for name in ["utf-8", "UTF8", "Latin-1", "latin_1", " latin 1 ", "ISO-8859-15",
             "cp1252", "windows-1252", "ascii", "US-ASCII", "utf_16", "U16",
             "utf-32-be", "unicode_escape", "koi8-r", "rot13", "utf-8-sig",
             "IBM437", "l9"]:
    print(repr(name), "->", codecs.lookup(name).name)

for bad in ["no-such-codec", "", "utf-9"]:
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print("LookupError:", e)

info = codecs.lookup("utf-8")
print(type(info).__name__, isinstance(info, tuple), len(info))
print(info[0] is info.encode, info[1] is info.decode)
print(info.incrementalencoder.__name__, info.streamreader.__name__)
print(repr(info).startswith("<codecs.CodecInfo object for encoding utf-8 at 0x"))
print(codecs.lookup("utf8") is codecs.lookup("UTF-8"))

# A search function of our own; it sees the normalised name.
seen = []
def search(name):
    seen.append(name)
    if name == "my_codec":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode(), len(s)),
                                lambda b, errors="strict": (bytes(b).decode().lower(), len(b)),
                                name="my-codec")
    return None

codecs.register(search)
print(codecs.lookup("My-Codec").name, seen)
print("hello".encode("my codec"), b"HELLO".decode("MY_CODEC"))
print(codecs.encode("abc", "my-codec"), codecs.decode(b"ABC", "my-codec"))
codecs.unregister(search)
try:
    codecs.lookup("my-codec")
except LookupError as e:
    print("after unregister:", e)
try:
    codecs.register(42)
except TypeError as e:
    print("TypeError:", e)

# A search function must return a 4-tuple or None.
def bad_search(name):
    return (1, 2) if name == "bad_codec" else None
codecs.register(bad_search)
try:
    codecs.lookup("bad-codec")
except TypeError as e:
    print("TypeError:", e)
codecs.unregister(bad_search)

# Non-text codecs are refused by str.encode / bytes.decode.
print(codecs.encode("Hello, World", "rot13"), codecs.decode("Uryyb", "rot-13"))
try:
    "abc".encode("rot13")
except LookupError as e:
    print("LookupError:", e)
try:
    b"abc".decode("rot13")
except LookupError as e:
    print("LookupError:", e)

# An encoder that returns the wrong type.
def str_search(name):
    if name == "strcodec":
        return codecs.CodecInfo(lambda s, errors="strict": (s, len(s)),
                                lambda b, errors="strict": (b, len(b)),
                                name="strcodec")
codecs.register(str_search)
try:
    "x".encode("strcodec")
except TypeError as e:
    print("TypeError:", e)
try:
    b"x".decode("strcodec")
except TypeError as e:
    print("TypeError:", e)
codecs.unregister(str_search)

print(codecs.getencoder("latin-1")("é"), codecs.getdecoder("latin-1")(b"\xe9"))
print(codecs.getincrementalencoder("utf-8")().encode("é"))
print(codecs.getreader("ascii").__module__, codecs.getwriter("ascii").__module__)

print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
      codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
print(codecs.BOM == codecs.BOM_UTF16, codecs.BOM32_LE == codecs.BOM_UTF16_LE,
      codecs.BOM64_BE == codecs.BOM_UTF32_BE)
print(sorted(n for n in codecs.__all__ if n.startswith("get")))
print(codecs.make_encoding_map({1: 10, 2: 10, 3: 30}))
print(sorted(codecs.make_identity_dict(range(3)).items()))

# 3.12+: an error raised inside a codec gets a note naming the codec.
try:
    codecs.decode(b"\xff", "ascii")
except UnicodeDecodeError as e:
    print(e.__notes__)
try:
    codecs.encode("x", "my-failing-codec")
except LookupError as e:
    print(getattr(e, "__notes__", None))
def failing(name):
    if name == "failing":
        def enc(s, errors="strict"):
            raise ValueError("boom")
        return codecs.CodecInfo(enc, enc, name="failing")
codecs.register(failing)
try:
    "x".encode("failing")
except ValueError as e:
    print(e, e.__notes__)
codecs.unregister(failing)
