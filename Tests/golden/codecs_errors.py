# Error handlers: the standard ones, lookup, and custom ones.
import codecs

text = "a\xe9\u20ac\U0001f600b"
for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace",
               "namereplace"]:
    print(errors, text.encode("ascii", errors), text.encode("latin-1", errors),
          text.encode("cp1252", errors))

data = b"a\xff\xfeb\x80"
for errors in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
    print(errors, ascii(data.decode("ascii", errors)),
          ascii(data.decode("utf-8", errors)))

try:
    "\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end)
try:
    b"ab\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.start, e.end)
try:
    b"\x81".decode("cp1252")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "\u0100".encode("cp1252")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)

# surrogateescape round trip, surrogatepass.
raw = b"caf\xe9 \xff"
s = raw.decode("utf-8", "surrogateescape")
print(ascii(s), s.encode("utf-8", "surrogateescape") == raw)
print("\ud800".encode("utf-8", "surrogatepass"),
      "\ud800".encode("utf-16-le", "surrogatepass"),
      "\udc80".encode("utf-32-be", "surrogatepass"))
print(ascii(b"\xed\xa0\x80".decode("utf-8", "surrogatepass")))
print(ascii(b"\x00\xd8".decode("utf-16-le", "surrogatepass")))
try:
    "\ud800".encode("latin-1", "surrogatepass")
except UnicodeEncodeError as e:
    print("surrogatepass latin-1:", e.reason)

for name in ["strict", "ignore", "replace", "xmlcharrefreplace",
             "backslashreplace", "namereplace", "surrogateescape",
             "surrogatepass"]:
    print(name, codecs.lookup_error(name).__name__)
print(codecs.strict_errors is codecs.lookup_error("strict"))
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)
try:
    "\xe9".encode("ascii", "nope")
except LookupError as e:
    print("LookupError:", e)

# The handlers called directly.
exc = UnicodeEncodeError("ascii", "x\xe9\u20acy", 1, 3, "bad")
for name in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace",
             "namereplace"]:
    print(name, codecs.lookup_error(name)(exc))
dexc = UnicodeDecodeError("utf-8", b"x\xff\xfey", 1, 3, "bad")
for name in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
    print(name, ascii(codecs.lookup_error(name)(dexc)))
texc = UnicodeTranslateError("x\xe9y", 1, 2, "bad")
for name in ["ignore", "replace", "backslashreplace"]:
    print(name, ascii(codecs.lookup_error(name)(texc)))
try:
    codecs.strict_errors(exc)
except UnicodeEncodeError as e:
    print("strict re-raised:", e is exc)
try:
    codecs.xmlcharrefreplace_errors(dexc)
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.ignore_errors(ValueError("x"))
except TypeError as e:
    print("TypeError:", e)
try:
    codecs.strict_errors(42)
except TypeError as e:
    print("TypeError:", e)

# Custom handlers used by the built-in codecs.
def stars(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("*" * (exc.end - exc.start), exc.end)
    return ("<%d-%d>" % (exc.start, exc.end), exc.end)
codecs.register_error("test.stars", stars)
print("a\xe9\u20acb".encode("ascii", "test.stars"),
      "a\u20acb".encode("latin-1", "test.stars"),
      "a\ud800b".encode("utf-8", "test.stars"))
print(b"a\xff\xfeb".decode("ascii", "test.stars"),
      b"a\xffb".decode("utf-8", "test.stars"))

def to_bytes(exc):
    return (b"[%d]" % exc.start, exc.end)
codecs.register_error("test.bytes", to_bytes)
print("x\xe9y\xe8".encode("ascii", "test.bytes"))

def bad_result(exc):
    return "oops"
codecs.register_error("test.bad", bad_result)
try:
    "\xe9".encode("ascii", "test.bad")
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode("ascii", "test.bad")
except TypeError as e:
    print("TypeError:", e)

def skip_back(exc):
    return ("?", -1)   # resume at the last character
codecs.register_error("test.end", skip_back)
print(b"ab\xffcd".decode("ascii", "test.end"))

try:
    codecs.register_error("test.x", "not callable")
except TypeError as e:
    print("TypeError:", e)

# _codecs._unregister_error (3.14): custom handlers only.
import _codecs
codecs.register_error("test.tmp", codecs.replace_errors)
print(_codecs._unregister_error("test.tmp"), _codecs._unregister_error("test.tmp"))
try:
    _codecs._unregister_error("strict")
except ValueError as e:
    print("ValueError:", e)
try:
    codecs.lookup_error("test.tmp")
except LookupError as e:
    print("LookupError:", e)
