# zoneinfo with TZif files written by the test itself: a version 1 file
# (transition table only) and a version 2 file whose POSIX TZ footer
# covers every date; also TZPATH handling.
import os, tempfile, shutil, warnings
from datetime import datetime, timedelta, timezone
import zoneinfo
from zoneinfo import ZoneInfo

def header(version, counts):
    return b"TZif" + version + b"\0" * 15 + b"".join(c.to_bytes(4, "big") for c in counts)

def block(times, idx, types, chars, width):
    data = b"".join(t.to_bytes(width, "big", signed=True) for t in times)
    data += bytes(idx)
    for off, isdst, ai in types:
        data += off.to_bytes(4, "big", signed=True) + bytes([isdst, ai])
    return data + chars

types = [(0, 0, 0), (3600, 1, 4), (-1800, 0, 8)]
chars = b"AAA\0BBB\0CCC\0"
times = [1000000000, 1010000000, 1020000000]
idx = [1, 0, 2]
counts = [0, 0, 0, len(times), len(types), len(chars)]
v1 = header(b"\0", counts) + block(times, idx, types, chars, 4)

footer_types = [(-7200, 0, 0)]
fchars = b"DDD\0"
fcounts = [0, 0, 0, 0, 1, len(fchars)]
v2 = header(b"2", fcounts) + block([], [], footer_types, fchars, 4)
v2 += header(b"2", fcounts) + block([], [], footer_types, fchars, 8)
v2 += b"\n<-02>2<-01>,M3.5.0/-2,M10.5.0/-1\n"

tmp = tempfile.mkdtemp()
try:
    os.makedirs(os.path.join(tmp, "Test"))
    with open(os.path.join(tmp, "Test", "One"), "wb") as f:
        f.write(v1)
    with open(os.path.join(tmp, "Test", "Two"), "wb") as f:
        f.write(v2)
    with open(os.path.join(tmp, "notzif"), "wb") as f:
        f.write(b"hello")
    zoneinfo.reset_tzpath(to=[tmp])
    print(zoneinfo.TZPATH == (tmp,), sorted(zoneinfo.available_timezones()))
    one = ZoneInfo("Test/One")
    for ts in [0, 999999999, 1000000000, 1009999999, 1010000000, 1020000000, 2000000000]:
        d = datetime.fromtimestamp(ts, one)
        print(ts, d, d.tzname(), d.utcoffset(), d.dst(), d.fold)
    # Local times around the fall-back at 1010000000 (BBB -> AAA, 1 hour).
    back = datetime.fromtimestamp(1010000000, timezone.utc).replace(tzinfo=None)
    for delta in (-30, 30):
        wall = back + timedelta(minutes=delta)
        for fold in (0, 1):
            d = wall.replace(tzinfo=one, fold=fold)
            print(d, fold, d.tzname(), d.timestamp())
    two = ZoneInfo("Test/Two")
    for dt in [datetime(2020, 1, 1), datetime(2020, 7, 1), datetime(2020, 3, 28, 23, 30),
               datetime(2020, 3, 29, 0, 30), datetime(2020, 10, 24, 22, 30),
               datetime(2020, 10, 24, 22, 30, fold=1), datetime(1900, 6, 1)]:
        d = dt.replace(tzinfo=two)
        print(d, d.tzname(), d.utcoffset(), d.dst())
    for hours in range(-1, 3):
        u = datetime(2020, 10, 24, 23, tzinfo=timezone.utc) + timedelta(hours=hours)
        l = u.astimezone(two)
        print(u, l, l.tzname(), l.fold)
    with open(os.path.join(tmp, "Test", "One"), "rb") as f:
        z = ZoneInfo.from_file(f, key="custom")
    print(repr(z), datetime(2003, 1, 1, tzinfo=z).tzname())
    try:
        ZoneInfo("notzif")
    except ValueError as e:
        print("ValueError", e)
    try:
        zoneinfo.reset_tzpath(to=["relative/path"])
    except ValueError as e:
        print("ValueError", e)
    try:
        zoneinfo.reset_tzpath(to="/abs")
    except TypeError as e:
        print("TypeError", e)
    os.environ["PYTHONTZPATH"] = os.pathsep.join([tmp, "rel"])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        zoneinfo.reset_tzpath()
    print(zoneinfo.TZPATH == (tmp,), [x.category.__name__ for x in w], issubclass(zoneinfo.InvalidTZPathWarning, RuntimeWarning))
    os.environ["PYTHONTZPATH"] = ""
    zoneinfo.reset_tzpath()
    print(zoneinfo.TZPATH)
    try:
        ZoneInfo.no_cache("Test/One")
    except zoneinfo.ZoneInfoNotFoundError as e:
        print("ZoneInfoNotFoundError", e)
    del os.environ["PYTHONTZPATH"]
finally:
    shutil.rmtree(tmp)
zoneinfo.reset_tzpath()
print("/usr/share/zoneinfo" in zoneinfo.TZPATH)
class Sub(ZoneInfo):
    pass
print(repr(Sub("UTC")), Sub("UTC") is Sub("UTC"), Sub("UTC") is ZoneInfo("UTC"))
