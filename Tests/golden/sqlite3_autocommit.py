# Behaviour added in 3.12+: the autocommit attribute, the default-adapter
# deprecation warnings, and (3.14) named placeholders with a sequence.
import datetime
import sqlite3
import warnings

def attempt(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(sqlite3.LEGACY_TRANSACTION_CONTROL)
legacy = sqlite3.connect(":memory:")
print("legacy", legacy.autocommit)

off = sqlite3.connect(":memory:", autocommit=False)
print("off", off.autocommit, off.in_transaction)
off.execute("CREATE TABLE t(x)")
off.execute("INSERT INTO t VALUES (1)")
off.commit()
print("after commit", off.in_transaction)
off.execute("INSERT INTO t VALUES (2)")
off.rollback()
print("after rollback", off.in_transaction, off.execute("SELECT count(*) FROM t").fetchone())
with off:
    off.execute("INSERT INTO t VALUES (3)")
print("after with", off.in_transaction, off.execute("SELECT x FROM t ORDER BY x").fetchall())
off.autocommit = True
print("switched on", off.autocommit, off.in_transaction)
off.execute("INSERT INTO t VALUES (4)")
print("autocommit insert", off.in_transaction)
off.autocommit = False
print("switched off", off.in_transaction)
off.close()

on = sqlite3.connect(":memory:", autocommit=True)
on.execute("CREATE TABLE t(x)")
on.execute("INSERT INTO t VALUES (1)")
print("on", on.autocommit, on.in_transaction)
on.execute("BEGIN")
on.execute("INSERT INTO t VALUES (2)")
on.commit()        # does nothing in autocommit mode
print("commit is a no-op", on.in_transaction)
on.execute("ROLLBACK")
print(on.execute("SELECT count(*) FROM t").fetchone())
attempt(setattr, on, "autocommit", 2)
attempt(sqlite3.connect, ":memory:", autocommit="yes")

# named placeholders need a mapping (ProgrammingError since 3.14)
c = sqlite3.connect(":memory:")
attempt(c.execute, "SELECT :a", (1,))
print(c.execute("SELECT ?1, ?2", (1, 2)).fetchone())
print(c.execute("SELECT :a", {"a": 1}).fetchone())

# the default date/datetime adapters and converters warn (3.12)
d = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
d.execute("CREATE TABLE ev(day date, at timestamp)")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    d.execute("INSERT INTO ev VALUES (?, ?)",
              (datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 13, 5, 7, 250)))
    row = d.execute("SELECT day, at FROM ev").fetchone()
print(row)
for w in caught:
    print(w.category.__name__, w.message)
print(d.execute("SELECT CAST(day AS TEXT), CAST(at AS TEXT) FROM ev").fetchone())

# version/version_info are gone (3.14)
print(hasattr(sqlite3, "version"), hasattr(sqlite3, "version_info"))

# Connection.__init__ not called, Cursor.__init__ not called
class Lazy(sqlite3.Connection):
    def __init__(self, *a, **k):
        pass
attempt(Lazy(":memory:").execute, "SELECT 1")
class LazyCursor(sqlite3.Cursor):
    def __init__(self, con):
        pass
attempt(LazyCursor(c).execute, "SELECT 1")

# custom factory and cursor factory
class MyConnection(sqlite3.Connection):
    pass
class MyCursor(sqlite3.Cursor):
    pass
mc = sqlite3.connect(":memory:", factory=MyConnection)
print(type(mc).__name__, type(mc.cursor(MyCursor)).__name__, type(mc.cursor()).__name__)
attempt(mc.cursor, lambda con: 1)
