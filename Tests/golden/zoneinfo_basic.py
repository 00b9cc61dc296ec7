from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones, reset_tzpath, TZPATH, InvalidTZPathWarning
import zoneinfo, pickle, io
from datetime import datetime, timedelta, timezone
ny = ZoneInfo("America/New_York"); lon = ZoneInfo("Europe/London"); lh = ZoneInfo("Australia/Lord_Howe")
print(repr(ny), str(ny), ny.key, ZoneInfo("America/New_York") is ny, ZoneInfo.no_cache("America/New_York") is ny)
for z in (ny, lon, lh):
    for dt in [datetime(2020,1,15,12), datetime(2020,7,15,12), datetime(1950,6,1), datetime(2050,7,1,12), datetime(2100,1,1), datetime(1800,1,1), datetime(2037, 11, 1, 1, 30), datetime(2037, 11, 1, 1, 30, fold=1)]:
        d = dt.replace(tzinfo=z)
        print(z, d, d.utcoffset(), d.dst(), d.tzname())
# folds and gaps
for dt in [datetime(2020,11,1,1,30), datetime(2020,11,1,1,30,fold=1), datetime(2020,3,8,2,30), datetime(2020,3,8,2,30,fold=1), datetime(2040,11,4,1,30), datetime(2040,11,4,1,30,fold=1), datetime(2040,3,11,2,30), datetime(2040,3,11,2,30,fold=1)]:
    d = dt.replace(tzinfo=ny); print(d, d.tzname(), d.astimezone(timezone.utc))
for u in [datetime(2020,11,1,5,30,tzinfo=timezone.utc), datetime(2020,11,1,6,30,tzinfo=timezone.utc), datetime(2040,11,4,5,30,tzinfo=timezone.utc), datetime(2040,11,4,6,30,tzinfo=timezone.utc), datetime(2020,4,4,14,45,tzinfo=timezone.utc), datetime(2020,4,4,15,15,tzinfo=timezone.utc), datetime(2045,4,1,14,45,tzinfo=timezone.utc), datetime(2045,4,1,15,15,tzinfo=timezone.utc)]:
    for z in (ny, lh):
        l = u.astimezone(z); print(u, z, repr(l.fold), l, l.tzname())
d = datetime(2021, 3, 28, 0, 59, tzinfo=timezone.utc)
for i in range(3): print((d + timedelta(minutes=i)).astimezone(lon))
print(pickle.loads(pickle.dumps(ny)) is ny)
try: ZoneInfo("Not/AZone")
except ZoneInfoNotFoundError as e: print(type(e).__name__, e, isinstance(e, KeyError))
for bad in ["../etc/passwd", "/etc/localtime", "America/../America/New_York"]:
    try: ZoneInfo(bad)
    except ValueError as e: print("ValueError", e)
tz = available_timezones(); print(len(tz) > 300, "America/New_York" in tz, "posixrules" in tz, "right/UTC" in tz)
print(TZPATH[:1])
f = ZoneInfo.from_file(open("/usr/share/zoneinfo/Europe/London", "rb")); print(datetime(2020,7,1,tzinfo=f).tzname(), str(f).startswith("ZoneInfo.from_file(<_io.BufferedReader"))
f2 = ZoneInfo.from_file(open("/usr/share/zoneinfo/Europe/London", "rb"), key="London"); print(repr(f2))
try: pickle.dumps(f)
except pickle.PicklingError as e: print(e)
ZoneInfo.clear_cache(); print(ZoneInfo("America/New_York") is ny)
utc = ZoneInfo("UTC"); print(utc.utcoffset(None), ny.utcoffset(None), datetime(2020,1,1,tzinfo=utc))
print(datetime(2020, 6, 1, 12, tzinfo=ny) == datetime(2020, 6, 1, 16, tzinfo=timezone.utc), datetime(2020, 6, 1, 12, tzinfo=ny) - datetime(2020, 6, 1, 12, tzinfo=lon))
