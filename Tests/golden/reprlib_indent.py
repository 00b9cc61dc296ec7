import reprlib

r = reprlib.Repr(fillvalue='<+>', maxlist=3)
print(r.repr(list(range(10))))
print(r.repr([[[[[[[[1]]]]]]]]))
r = reprlib.Repr(indent=2)
print(r.repr([1, [2, 3], {'a': 4}]))
r = reprlib.Repr(indent='-->', maxlist=2)
print(r.repr([1, 2, 3]))
print(reprlib.Repr(indent=4).repr([]))
print(reprlib.Repr(indent=4).repr((1,)))
try:
    reprlib.Repr(indent=-1).repr([1])
except ValueError as e:
    print(e)
try:
    reprlib.Repr(indent=1.5).repr([1])
except TypeError as e:
    print(e)
print(reprlib.Repr(maxlevel=1).repr({1: [2]}))

import re
import sys
big = 10 ** 5000
text = reprlib.repr(big)
print(re.sub('0x[0-9a-f]+', 'ADDR', text), sys.get_int_max_str_digits())
print(reprlib.Repr(maxlong=10).repr(-(10 ** 30)))
