# datetime error cases: exception types and messages (3.12+ texts
# written from the docs where they changed).
from datetime import *
import pickle
tests = [lambda: date(2020), lambda: date(2020, 1), lambda: datetime(2020, 1), lambda: date("2020", 1, 1), lambda: date(2020.0, 1, 1), lambda: time(1.5),
 lambda: timedelta(days="1"), lambda: timedelta(seconds=None), 
 
 lambda: datetime(2020,1,1) - timedelta(days=800000), lambda: date.max + timedelta(1), lambda: date.min - timedelta(1), lambda: datetime.max + timedelta(microseconds=1),
 lambda: timedelta.max + timedelta(1), lambda: -timedelta.max, lambda: -timedelta.min, lambda: timedelta(1) / timedelta(0), 
 lambda: date.fromordinal(0), lambda: date.fromordinal(3652060), lambda: date.fromisocalendar(2020, 54, 1), lambda: date.fromisocalendar(2020, 1, 8), lambda: date.fromisocalendar(0, 1, 1), lambda: date.fromisocalendar(2021, 53, 1),
 lambda: date.fromisoformat(5), lambda: datetime.fromisoformat(b"2020"), lambda: datetime.strptime(5, "%Y"), lambda: datetime.strptime("2020", 5), lambda: time().isoformat(timespec="bogus"), lambda: datetime.now().isoformat(sep="ab"),
 lambda: datetime.combine(5, time()), lambda: datetime.combine(date.today(), 5), lambda: datetime(2020,1,1).astimezone(5), lambda: timezone(timedelta(0), 5), lambda: timezone(timedelta(hours=24)), lambda: timezone(timedelta(1), "x"),
 lambda: date(2020,1,1).strftime(5), lambda: format(date(2020,1,1), 5), lambda: datetime(2020,1,1).replace(month=13), lambda: datetime(2020,1,1, fold=2), lambda: time(fold=-1), lambda: datetime.fromtimestamp(1e20),
 lambda: timedelta(days=10**9), lambda: timedelta(days=-10**9), lambda: timedelta(microseconds=float("nan")), lambda: timedelta(seconds=float("inf")), lambda: timedelta(1) * float("nan"),
 lambda: date(2020,1,1) != 5, lambda: hash(timezone.utc) == hash(timezone(timedelta(0), "x")), lambda: timezone.utc == timezone(timedelta(0), "x"),
 lambda: pickle.loads(pickle.dumps(timezone.utc)) is timezone.utc, lambda: time(0) == 0, lambda: bool(time(0)), lambda: str(timedelta(-1, 1)), ]
for t in tests:
    try: r = repr(t())
    except Exception as e: r = type(e).__name__ + ": " + str(e)
    print(r)
