import zlib

data = b"hello world " * 200 + bytes(range(256)) * 4
print(zlib.crc32(b"hello"), zlib.crc32(b"world", zlib.crc32(b"hello ")))
print(zlib.crc32(b"hello world"), zlib.adler32(b"hello world"), zlib.adler32(b""))
print(zlib.crc32(b"abc", -1), zlib.adler32(memoryview(b"abc"), 5))
print(zlib.crc32(bytearray(100000)))

c = zlib.compress(data)
print(c[:2].hex(), len(c) < len(data), zlib.decompress(c) == data)
for level in range(-1, 10):
    assert zlib.decompress(zlib.compress(data, level)) == data
print(zlib.compress(b"abc", 0).hex())
print(zlib.compress(b"", 9).hex())
raw = zlib.compress(data, wbits=-15)
print(zlib.decompress(raw, -15) == data)
gz = zlib.compress(data, wbits=31)
print(gz[:3].hex(), zlib.decompress(gz, 31) == data, zlib.decompress(gz, 47) == data)
print(zlib.decompress(c, bufsize=1) == data, zlib.decompress(c, bufsize=0) == data)

for bad, args in [(b"not zlib data", ()), (c[:-5], ()), (c, (-15,)), (b"", ())]:
    try:
        zlib.decompress(bad, *args)
    except zlib.error as e:
        print("error:", e)
try:
    zlib.compress(b"x", 12)
except zlib.error as e:
    print("error:", e)
try:
    zlib.decompress(c, bufsize=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    zlib.decompress(c, 3)
except zlib.error as e:
    print("error:", e)
try:
    zlib.compressobj(method=3)
except ValueError as e:
    print("ValueError:", e)
try:
    zlib.crc32("text")
except TypeError as e:
    print("TypeError:", e)

co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(co.flush())
stream = b"".join(parts)
print(zlib.decompress(stream, -12) == data)

co = zlib.compressobj()
a = co.compress(b"first part ")
a += co.flush(zlib.Z_SYNC_FLUSH)
print(a[-4:].hex())
print(co.flush(zlib.Z_NO_FLUSH))
co2 = co.copy()
b1 = co.compress(b"one") + co.flush()
b2 = co2.compress(b"two") + co2.flush()
print(zlib.decompress(a + b1), zlib.decompress(a + b2))
try:
    co.copy()
except ValueError as e:
    print("ValueError:", e)

do = zlib.decompressobj()
out = b""
for i in range(0, len(c), 7):
    out += do.decompress(c[i:i + 7])
out += do.flush()
print(out == data, do.eof, do.unused_data, do.unconsumed_tail)

do = zlib.decompressobj()
first = do.decompress(c + b"TRAILER", 100)
print(len(first), len(do.unconsumed_tail) > 0, do.eof)
rest = b""
while not do.eof:
    rest += do.decompress(do.unconsumed_tail, 1000)
print((first + rest) == data, do.eof, do.unused_data, do.unconsumed_tail)
print(do.decompress(b"more"), do.unused_data)

do = zlib.decompressobj()
half = do.decompress(c[:len(c) // 2])
dc = do.copy()
print(half + do.decompress(c[len(c) // 2:]) == data,
      half + dc.decompress(c[len(c) // 2:]) == data)
try:
    do.decompress(b"x", -1)
except ValueError as e:
    print("ValueError:", e)
try:
    do.flush(0)
except ValueError as e:
    print("ValueError:", e)

zd = b"hello world dictionary "
co = zlib.compressobj(zdict=zd)
cz = co.compress(b"hello world hello world dictionary") + co.flush()
do = zlib.decompressobj(zdict=zd)
print(do.decompress(cz))
try:
    zlib.decompressobj().decompress(cz)
except zlib.error as e:
    print("error:", e)
try:
    zlib.decompress(cz)
except zlib.error as e:
    print("error:", e)
try:
    zlib.decompressobj(zdict=42)
except TypeError as e:
    print("TypeError:", e)
co = zlib.compressobj(wbits=-15, zdict=zd)
rz = co.compress(b"dictionary hello") + co.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(rz))

do = zlib.decompressobj()
try:
    do.decompress(b"garbage!")
except zlib.error as e:
    print("error:", e)

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION,
      zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED,
      zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH,
      zlib.Z_FULL_FLUSH, zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES)
print(type(zlib.ZLIB_VERSION), zlib.ZLIB_RUNTIME_VERSION.split(".")[0])
print(issubclass(zlib.error, Exception), zlib.error.__module__)
import copy
co = zlib.compressobj()
head = co.compress(b"abc")
print(zlib.decompress(head + copy.copy(co).flush()),
      zlib.decompress(head + copy.deepcopy(co).flush()))
