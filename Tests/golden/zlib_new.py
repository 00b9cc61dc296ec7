# zlib features newer than 3.11: _ZlibDecompressor (3.12), *_combine (3.15).
import zlib

print(zlib.crc32_combine(zlib.crc32(b"hello "), zlib.crc32(b"world"), 5),
      zlib.crc32(b"hello world"))
print(zlib.adler32_combine(zlib.adler32(b"hello "), zlib.adler32(b"world"), 5),
      zlib.adler32(b"hello world"))

data = bytes(range(256)) * 40
c = zlib.compress(data)

d = zlib._ZlibDecompressor()
print(d.eof, d.needs_input, d.unused_data)
print(d.decompress(c + b"tail") == data, d.eof, d.needs_input, d.unused_data)
try:
    d.decompress(b"more")
except EOFError as e:
    print("EOFError:", e)

d = zlib._ZlibDecompressor()
part = d.decompress(c[:20])
print(len(part) < len(data), d.needs_input, d.eof)
part += d.decompress(c[20:])
print(part == data, d.eof)

d = zlib._ZlibDecompressor()
out = d.decompress(c, 100)
print(len(out), d.needs_input)
print(len(d.decompress(b"", 0)), d.needs_input)
n = 1
while not d.eof:
    out += d.decompress(b"", 1000)
    n += 1
print(out == data, n)

gz = zlib.compress(data, wbits=31)
d = zlib._ZlibDecompressor(31)
print(d.decompress(gz) == data, d.eof)
d = zlib._ZlibDecompressor(wbits=-15, zdict=b"abc")
co = zlib.compressobj(wbits=-15, zdict=b"abc")
print(d.decompress(co.compress(b"abcabc") + co.flush()))
d = zlib._ZlibDecompressor()
try:
    d.decompress(b"garbage data")
except zlib.error as e:
    print("error:", e)
print(type(d).__name__)
