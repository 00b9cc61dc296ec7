# 3.13+: C functions suggest a keyword parameter close to an unexpected
# keyword argument, like Python functions do (PyArg_ParseTupleAndKeywords
# and the keyword parsers of built-in functions and methods).
import itertools


def show(call):
    try:
        call()
    except TypeError as e:
        print(e)


show(lambda: print(1, sepp=''))
show(lambda: print(1, fil=None))
show(lambda: max(1, 2, kye=len))
show(lambda: min([1], defualt=0))
show(lambda: max(1, 2, nothing_like_it=1))
show(lambda: sorted([], reversed=True))
show(lambda: [].sort(kee=None))
show(lambda: int('1', bas=2))
show(lambda: ' '.split(sepp=' '))
show(lambda: 'a'.split(maxsplt=1))
show(lambda: b'a b'.split(sepp=b' '))
show(lambda: bytes(sourc=b''))
show(lambda: ImportError(nam='x'))
show(lambda: itertools.product('a', repeet=2))
show(lambda: itertools.product('a', zzz=2))
