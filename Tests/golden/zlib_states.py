# zlib stream objects after their end: flush again, use after finish.
import zlib
c = zlib.compress(b"abc")
do = zlib.decompressobj()
print(do.decompress(c), do.flush(), do.flush(), do.eof)
try:
    do.decompress(b"zz")
except zlib.error as e:
    print(e, do.unused_data)
do = zlib.decompressobj()
print(do.decompress(c[:5]), do.flush(), do.eof, do.flush())
co = zlib.compressobj()
x = co.compress(b"a") + co.flush()
for call in [lambda: co.flush(), lambda: co.compress(b"x"), lambda: co.flush(zlib.Z_SYNC_FLUSH), lambda: co.copy()]:
    try: print(call())
    except Exception as e: print(type(e).__name__, e)
d = zlib.decompressobj(wbits=-15, zdict=b"abc")
print(zlib.decompressobj(zdict=bytearray(b"xyz")).decompress(zlib.compress(b"q")))
try: zlib.decompressobj(zdict=b"abc").decompress(zlib.compressobj(zdict=b"xyz").compress(b"hello")+b"")
except Exception as e: print(type(e).__name__, e)
