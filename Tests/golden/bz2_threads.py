# One bz2 and one lzma decompressor drained by several threads at once:
# every call is whole under the object's lock, so no output is lost or
# repeated (checked by byte counts, since the pieces' order across
# threads is not fixed).  Each thread also uses objects of its own.
import bz2
import collections
import lzma
import threading

DATA = b''.join(b'line %d of shared data\n' % i for i in range(2500))
THREADS = 3

for module, compress, decomp_cls in (
        ('bz2', lambda d: bz2.compress(d, 1), bz2.BZ2Decompressor),
        ('lzma', lambda d: lzma.compress(d, preset=0),
         lzma.LZMADecompressor)):
    decomp = decomp_cls()
    first = decomp.decompress(compress(DATA), max_length=0)
    pieces = [first]
    own_ok = []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def drain(seed):
        barrier.wait()
        while True:
            try:
                piece = decomp.decompress(b'', max_length=1999)
            except EOFError:
                break
            with lock:
                pieces.append(piece)
        mine = DATA[:1000 * (seed + 1)]
        own_ok.append(bz2.decompress(bz2.compress(mine, 1)) == mine and
                      lzma.decompress(lzma.compress(mine, preset=0)) == mine)

    threads = [threading.Thread(target=drain, args=(i,))
               for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    got = b''.join(pieces)
    print(module, decomp.eof, len(got) == len(DATA),
          collections.Counter(got) == collections.Counter(DATA),
          max(len(p) for p in pieces), own_ok == [True] * THREADS)
