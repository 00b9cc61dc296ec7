# Codecs over real files: codecs.open, EncodedFile, and open() with a
# charmap encoding (TextIOWrapper going through the codec registry).
import codecs
import os
import warnings

base = "/tmp/weft_codecs_files_%d" % os.getpid()
os.mkdir(base)
path = os.path.join(base, "data.txt")
try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with codecs.open(path, "w", "utf-16") as f:
            print(type(f).__name__, f.encoding)
            f.write("h\xe9llo\n")
            f.writelines(["w\u20acrld\n", "end"])
        with open(path, "rb") as raw:
            print(raw.read())
        with codecs.open(path, "r", "utf-16") as f:
            print(f.readline(), f.readlines())
        with codecs.open(path, "rb") as f:
            print(type(f).__name__ != "StreamReaderWriter", len(f.read()))

    with open(path, "w", encoding="cp1252") as f:
        f.write("\u20ac5 caf\xe9\n")
    with open(path, "rb") as raw:
        print(raw.read())
    with open(path, encoding="cp1252") as f:
        print(repr(f.read()))
    with open(path, encoding="koi8-r", errors="replace") as f:
        print(repr(f.read()))
    try:
        with open(path, "w", encoding="cp437") as f:
            f.write("\u20ac")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e.encoding, e.start, e.end)
    try:
        open(path, encoding="rot13")
    except LookupError as e:
        print("LookupError:", e)

    with open(path, "wb") as raw:
        raw.write("caf\xe9\n".encode("latin-1"))
    with open(path, "rb") as raw:
        recoded = codecs.EncodedFile(raw, "utf-8", "latin-1")
        print(recoded.readline(), recoded.file_encoding)
finally:
    for name in os.listdir(base):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
print(os.path.exists(base))
