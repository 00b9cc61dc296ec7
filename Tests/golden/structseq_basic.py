# Struct sequences: os.stat_result, time.struct_time, os.terminal_size.
import os
import time

st_type = os.stat_result
print(st_type.n_sequence_fields, st_type.n_fields, st_type.n_unnamed_fields)
print(st_type.__match_args__)

values = tuple(range(10))
extra = {"st_atime": 1.5, "st_mtime_ns": 99, "st_blksize": 4096}
s = os.stat_result(values, extra)
print(s)
print(len(s), s[0], s[-1], s[7], s[2:5])
print(s.st_mode, s.st_atime, s.st_mtime_ns, s.st_blksize, s.st_rdev)
print(isinstance(s, tuple), s == values, hash(s) == hash(values))
print(list(s) == list(values))

# A longer sequence fills the hidden fields in order.
full = os.stat_result(tuple(range(19)))
print(full.st_atime, full.st_ctime_ns, full.st_rdev, len(full))

for bad in [(1, 2, 3), tuple(range(20))]:
    try:
        os.stat_result(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.stat_result(values, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    os.stat_result(5)
except TypeError as e:
    print("TypeError:", e)

try:
    s.st_mode = 5
except AttributeError as e:
    print("AttributeError")

cls, args = s.__reduce__()
print(cls is os.stat_result, args[0], sorted(args[1].items())[:3])
print(cls(*args) == s, cls(*args).st_blksize)

t = time.struct_time((2024, 2, 29, 13, 45, 30, 3, 60, 0))
print(t)
print(t.tm_year, t.tm_yday, t.tm_zone, t.tm_gmtoff)
print(time.struct_time.n_sequence_fields, time.struct_time.n_fields,
      time.struct_time.__match_args__)
match t:
    case time.struct_time(tm_year=y, tm_mon=m):
        print("matched", y, m)

ts = os.terminal_size((80, 24))
print(ts, ts.columns, ts.lines)
try:
    os.terminal_size((80,))
except TypeError as e:
    print("TypeError:", e)
print(type(ts).__module__, type(ts).__name__)

try:
    class Sub(os.stat_result):
        pass
except TypeError as e:
    print("TypeError:", e)
