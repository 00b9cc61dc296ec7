from datetime import *
import datetime as dtm, pickle, time as _t, os
print(repr(timedelta(1,2,3)), repr(timedelta(0)), str(timedelta(-1,5,6)), str(timedelta(2,1)))
print(timedelta(hours=1.5, microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=2.5))
print(timedelta(seconds=10) / 3, timedelta(seconds=10) * 0.1, timedelta(1)//timedelta(hours=5), timedelta(1)%timedelta(hours=5), divmod(timedelta(1), timedelta(hours=7)))
print(repr(date(2020,1,2)), date(2020,2,29).isocalendar(), date(2021,1,1).isocalendar(), date(2020,12,31).isocalendar())
print(date(2020,1,1).ctime(), date(2020,1,1)+timedelta(40), date(2020,3,1)-date(2020,2,1))
d=datetime(2020,5,17,13,4,5,123456,tzinfo=timezone(timedelta(hours=-5),'EST'))
print(repr(d), str(d), d.isoformat(timespec='milliseconds'), d.ctime())
print(d.strftime('%Y-%m-%d %H:%M:%S.%f %z %:z %Z %a %A %b %j %%'), format(d, '%d/%m'), f"{d:%H}")
print(d.astimezone(timezone.utc), d.timestamp(), d.utctimetuple())
for s in ['2020-01-02', '20200102', '2020-W01-3', '2020W013', '2020-W53', '2020W01']:
    print(s, date.fromisoformat(s))
for s in ['2020-01-02T03:04:05.123+05:30', '2020-01-02 03', '20200102T0304', '2020-01-02T03:04:05,5Z', '2020-W01-1T10:00:00-0130', '2011-11-04T00:05:23.283+00:00']:
    print(s, repr(datetime.fromisoformat(s)))
for s in ['2020-1-02', '2020-01-02T', '2020-01-02T25:00', 'x', '2020-01-02T03:04:5']:
    try: print(datetime.fromisoformat(s))
    except ValueError as e: print(e)
print(repr(time.fromisoformat('T10:11:12.5')), time(1,2,3,tzinfo=timezone.utc).isoformat(), repr(time(1,2,fold=1)))
for o in [date(2020,1,2), datetime(2020,1,2,3,4,5,6,timezone.utc), time(5,6,7,8), timedelta(1,2,3), timezone(timedelta(hours=2),'X'), datetime(2020,1,1,fold=1), timezone.utc]:
    for proto in range(0,6):
        r = pickle.loads(pickle.dumps(o, proto))
        assert r == o and (repr(r)==repr(o) or proto<4), (o, proto, r)
print(pickle.dumps(date(2020,1,2), 4))
print(datetime.strptime('2020-03-04 05:06:07.5 +0100', '%Y-%m-%d %H:%M:%S.%f %z'))
print(repr(datetime.strptime('Tue Jan  7 10:00:00 2020', '%c')), _t.strptime('1999 12', '%Y %W') if hasattr(_t, 'strptime') else '')
print(datetime(2020,1,1) == date(2020,1,1), hash(datetime(2020,1,1,tzinfo=timezone.utc))==hash(datetime(2020,1,1,1,tzinfo=timezone(timedelta(hours=1)))))
try: datetime(2020,1,1) < datetime(2020,1,1,tzinfo=timezone.utc)
except TypeError as e: print(e)
for bad in [(2020,13,1),(2020,2,30),(0,1,1)]:
    try: date(*bad)
    except ValueError as e: print(e)
os.environ['TZ']='America/New_York'; _t.tzset()
a=datetime(2020,11,1,1,30); b=a.replace(fold=1)
print(a.timestamp(), b.timestamp(), datetime.fromtimestamp(1604212200.0), repr(datetime.fromtimestamp(1604215800)))
g=datetime(2020,3,8,2,30); print(g.timestamp(), g.replace(fold=1).timestamp())
print(a.astimezone(), b.astimezone(), repr(datetime(2020,7,1).astimezone()))
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(-1.5))
