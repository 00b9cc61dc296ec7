# 3.12+ behaviour of datetime (expected output written from the docs).
import warnings, copy, pickle
from datetime import *
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(datetime.utcfromtimestamp(86400.5))
    datetime.utcnow()
    for item in w:
        print(item.category.__name__, str(item.message)[:60])
print(repr(datetime.fromisoformat("2020-12-31T24:00")), repr(datetime.fromisoformat("2020-06-01T24:00:00+02:00")))
print(repr(date.strptime("2024-02-29", "%Y-%m-%d")), repr(time.strptime("10:11:12.5 +0130", "%H:%M:%S.%f %z")))
print(date(2020, 1, 1).__replace__(day=9), time(1, 2).__replace__(minute=5), datetime(2020, 1, 1).__replace__(year=2021))
if hasattr(copy, "replace"):
    print(copy.replace(date(2020, 1, 1), month=3))
else:
    print(date(2020, 3, 1))
for bad in [(2020, 13, 1), (2020, 2, 30), (0, 1, 1), (10000, 1, 1)]:
    try: date(*bad)
    except ValueError as e: print(e)
for bad in [(24,), (1, 60), (1, 1, 60), (1, 1, 1, 10**6)]:
    try: time(*bad)
    except ValueError as e: print(e)
print(datetime(5, 1, 2).strftime("%Y|%G|%F"), date(999, 12, 31).strftime("%Y"), datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=30))).strftime("%z %:z %Z"))
print(datetime.max.isocalendar(), date(2020, 12, 28).isocalendar().week, UTC, repr(UTC))
s = pickle.dumps(datetime(2020, 1, 1, 1, fold=1), 4); print(repr(pickle.loads(s)), s[-20:])
print(repr(datetime(2020, 1, 1, fold=1).__reduce_ex__(4)[1][0]), repr(datetime(2020, 1, 1, fold=1).__reduce_ex__(2)[1][0]))
print(repr(datetime(b'\x07\xe4\x81\x01\x00\x00\x00\x00\x00\x00')), repr(time(b'\x81\x00\x00\x00\x00\x01', timezone.utc)))
