from datetime import *
import time as _t, os
tests = [('2020-03-04', '%Y-%m-%d'), ('04/03/20 10:11 PM', '%d/%m/%y %I:%M %p'), ('Monday 5 January 1970', '%A %d %B %Y'),
 ('2020 10 3', '%Y %U %w'), ('2020 10 3', '%Y %W %w'), ('2021 1 1', '%G %V %u'), ('2019 366', '%Y %j'), ('12:00:00 UTC', '%H:%M:%S %Z'),
 ('+05:30', '%z'), ('-0800', '%z'), ('Z', '%z'), ('1 1', '%j %y'), ('  7 feb', '%d %b'), ('01/02/03', '%x'), ('10:11:12', '%X'), ('2020  2', '%Y %m'), ('100%', '%H%%')]
for s, f in tests:
    try: print(repr(s), f, tuple(_t.strptime(s, f)), repr(datetime.strptime(s, f)))
    except Exception as e: print(repr(s), f, type(e).__name__, e)
for s, f in [('2020', '%Y %m'), ('2020-01-01x', '%Y-%m-%d'), ('1', '%Q'), ('1', '%'), ('2020 1 1', '%G %V'), ('2020 10', '%Y %V'), (5, '%Y')]:
    try: print(datetime.strptime(s, f))
    except Exception as e: print(type(e).__name__, e)
class D(datetime):
    def extra(self): return 1
d = D(2020,1,1,12)
print(repr(d), type(d + timedelta(1)).__name__, type(d.replace(year=2021)).__name__, type(D.now()).__name__, type(D.fromisoformat('2020-01-01')).__name__, type(D.strptime('2020','%Y')).__name__)
print(repr(D.combine(date(2020,1,1), time(3))), d - datetime(2019,12,31))
class TZ(tzinfo):
    def utcoffset(self, dt): return timedelta(hours=2)
    def dst(self, dt): return timedelta(0)
    def tzname(self, dt): return "TWO"
    def __repr__(self): return "TZ()"
x = datetime(2020,6,1,12, tzinfo=TZ())
print(x, x.tzname(), x.astimezone(timezone.utc), datetime(2020,6,1,10,tzinfo=timezone.utc).astimezone(TZ()), x.timetuple())
print(timezone(timedelta(hours=5, minutes=30)), timezone.min, timezone.max, timezone(-timedelta(seconds=1)).tzname(None), UTC is timezone.utc)
for bad in [lambda: timezone(5), lambda: timezone(timedelta(1)), lambda: time(24), lambda: date(2020,1,1)+timedelta(days=3000000),
            lambda: datetime(2020,1,1,tzinfo=5), lambda: timedelta('1'), lambda: time().isoformat('x'), lambda: date(2020, 1.0, 1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(date.fromisocalendar(2020, 53, 7), date.fromordinal(737791), date(2020,1,1).toordinal(), date.max.toordinal(), date(2020,1,5).weekday(), date(2020,1,5).isoweekday())
print(time(1,2,3,4).strftime('%H-%M-%S-%f %Y'), time(12, tzinfo=timezone.utc) == time(13, tzinfo=timezone(timedelta(hours=1))), time(1) < time(2))
print(datetime(1,2,3).strftime('%Y %G %d'), date(5,1,1).isoformat(), datetime.min, datetime.max, timedelta.max, timedelta.min, str(time.max))
print(date(2020,1,1).replace(month=2), datetime(2020,1,1,5).replace(hour=6, tzinfo=timezone.utc), datetime(2020,1,1).timetz(), datetime(2020,1,1,3,fold=1).time())
import copy; print(copy.replace(date(2020,1,1), day=5) if hasattr(copy, 'replace') else date(2020,1,5))
print(timedelta(days=-1).total_seconds(), abs(timedelta(-1)), -timedelta(1, 1), timedelta(1) == timedelta(hours=24), timedelta(seconds=1) < timedelta(seconds=2), bool(timedelta(0)))
print(timedelta(weeks=1, milliseconds=1.5, minutes=-1), timedelta(seconds=0.1) * 3, 3 * timedelta(seconds=1), timedelta(seconds=1) / 0.3)
print(sorted([datetime(2020,1,1,tzinfo=timezone.utc), datetime(2019,1,1,tzinfo=TZ())]))
print(date(2020,1,1).__format__(''), '{:%Y}'.format(date(2020,1,1)), hash(date(2020,1,1)) == hash(date(2020,1,1)))
