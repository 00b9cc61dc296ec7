# The time module: clocks, conversions, formatting and errors.  Fixed
# timestamps only; the time zone is pinned to UTC by TZ.
import os
import time

os.environ["TZ"] = "UTC"
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)

t1 = time.time()
ns = time.time_ns()
print(type(t1) is float, type(ns) is int, abs(ns / 1e9 - t1) < 5)
m1 = time.monotonic(); m2 = time.monotonic()
print(m2 >= m1, type(time.monotonic_ns()) is int)
p1 = time.perf_counter(); time.sleep(0.01); p2 = time.perf_counter()
print(p2 - p1 >= 0.009, type(time.perf_counter_ns()) is int)
print(time.process_time() >= 0, time.thread_time() >= 0,
      type(time.process_time_ns()) is int, type(time.thread_time_ns()) is int)
print(time.clock_gettime(time.CLOCK_REALTIME) > 1e9,
      type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)) is int,
      time.clock_getres(time.CLOCK_MONOTONIC) > 0)
info = time.get_clock_info("monotonic")
print(info.monotonic, info.adjustable, info.resolution > 0, info.implementation)
info = time.get_clock_info("time")
print(info.monotonic, info.adjustable, info.implementation)
try:
    time.get_clock_info("nope")
except ValueError as e:
    print("ValueError:", e)

g = time.gmtime(1234567890)
print(g)
print(g.tm_zone, g.tm_gmtoff, g[:3], len(g))
print(time.gmtime(0.9)[:6], time.gmtime(-1.5)[:6])
print(time.localtime(1234567890))
print(time.mktime(time.localtime(1234567890)), time.mktime((2009, 2, 13, 23, 31, 30, 0, 0, -1)))
print(time.asctime(g), time.ctime(1234567890), time.asctime((2024, 1, 5, 3, 4, 5, 4, 5, 0)))
print(time.strftime("%Y-%m-%d %H:%M:%S %j %a %b %%", g))
print(time.strftime("%Y", (2000, 0, 0, 0, 0, 0, 0, 0, 0)), repr(time.strftime("", g)))
print(time.strftime("%H:%M", (2000, 1, 1, 9, 5, 0, 0, 1, 5)))
print(type(time.strftime("%c")) is str, type(time.asctime()) is str, type(time.ctime()) is str)
print(len(time.localtime()), type(time.gmtime()).__name__)

for func, arg in [(time.sleep, -1), (time.sleep, "x"), (time.sleep, float("nan")),
                  (time.gmtime, "x"), (time.mktime, 5), (time.mktime, (1, 2)),
                  (time.asctime, (2024, 13, 1, 0, 0, 0, 0, 1, 0)),
                  (time.asctime, (2024, 1, 1, 25, 0, 0, 0, 1, 0)),
                  (time.strftime, 5)]:
    try:
        func(arg)
    except (TypeError, ValueError, OverflowError) as e:
        print(func.__name__, type(e).__name__, e)
time.sleep(0)
print(time.struct_time((2024, 1, 2, 3, 4, 5, 6, 7, 8)).tm_isdst)
