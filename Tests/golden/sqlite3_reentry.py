# Callbacks that use their own connection again, and misuse that must
# raise instead of crashing.
import sqlite3

def attempt(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ":", e)

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t(x)")
con.executemany("INSERT INTO t VALUES (?)", [(1,), (2,), (3,)])

# a function that runs its own query on the same connection
con.create_function("count_above", 1,
                    lambda v: con.execute("SELECT count(*) FROM t WHERE x > ?", (v,)).fetchone()[0])
print(con.execute("SELECT x, count_above(x) FROM t ORDER BY x").fetchall())

# the same cursor from inside its own row factory
cur = con.cursor()
def factory(c, row):
    try:
        c.execute("SELECT 1")
    except sqlite3.ProgrammingError as e:
        return str(e)
    return row
cur.row_factory = factory
print(cur.execute("SELECT x FROM t LIMIT 1").fetchone())

# closing the connection from inside a callback is refused
def closer(v):
    con.close()
    return v
con.create_function("closer", 1, closer)
sqlite3.enable_callback_tracebacks(False)
attempt(con.execute, "SELECT closer(1)")
print(con.execute("SELECT count(*) FROM t").fetchone())

# cursors of a closed connection, blobs, rows
cur2 = con.execute("SELECT x FROM t ORDER BY x")
print(cur2.fetchone())
con.close()
attempt(cur2.fetchone)
attempt(cur2.fetchall)
print(cur2.description is not None)

# uninitialised objects
attempt(sqlite3.Connection.__new__(sqlite3.Connection).cursor)
attempt(sqlite3.Connection.__new__(sqlite3.Connection).close)
attempt(sqlite3.Cursor.__new__(sqlite3.Cursor).fetchone)
attempt(sqlite3.Cursor, 1)
attempt(sqlite3.Row, 1, ())
attempt(sqlite3.Blob)
attempt(sqlite3.connect, ":memory:", isolation_level="nope")
attempt(sqlite3.connect, 1)
print(type(sqlite3.connect(b":memory:")).__name__)

# garbage collection of reference cycles through row_factory
import gc
c3 = sqlite3.connect(":memory:")
c3.row_factory = lambda cur, row: c3
c3.execute("SELECT 1").fetchone()
del c3
print(gc.collect() >= 0)

# enable_callback_tracebacks: failures go to sys.unraisablehook, or nowhere
import sys
seen = []
sys.unraisablehook = lambda u: seen.append(type(u.exc_value).__name__)
c4 = sqlite3.connect(":memory:")
c4.create_function("boom", 0, lambda: 1 / 0)
sqlite3.enable_callback_tracebacks(True)
attempt(c4.execute, "SELECT boom()")
sqlite3.enable_callback_tracebacks(False)
attempt(c4.execute, "SELECT boom()")
print(seen)

# load_extension is refused until enabled
attempt(c4.load_extension, "/nonexistent/extension")
c4.enable_load_extension(True)
try:
    c4.load_extension("/nonexistent/extension", entrypoint="init")
except sqlite3.OperationalError as e:
    print("enabled, but no such file:", "nonexistent" in str(e))
c4.enable_load_extension(False)
