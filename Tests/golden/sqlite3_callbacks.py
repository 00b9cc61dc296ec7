import sqlite3
import datetime
import decimal

con = sqlite3.connect(":memory:")

def attempt(fn, *args):
    try:
        return fn(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)

# scalar functions
con.create_function("plus", 2, lambda a, b: a + b)
con.create_function("kind", 1, lambda v: type(v).__name__, deterministic=True)
con.create_function("noargs", 0, lambda: None)
con.create_function("varargs", -1, lambda *a: len(a))
con.create_function("boom", 0, lambda: 1 / 0)
con.create_function("weird", 0, lambda: object())
print(con.execute("SELECT plus(2, 3), plus('a', 'b'), plus(1.5, 1)").fetchone())
print(con.execute("SELECT kind(1), kind(1.0), kind('s'), kind(x'00'), kind(NULL)").fetchone())
print(con.execute("SELECT noargs(), varargs(), varargs(1, 2, 3)").fetchone())
attempt(con.execute, "SELECT boom()")
attempt(con.execute, "SELECT weird()")
attempt(con.execute, "SELECT plus(1)")
con.create_function("plus", 2, None)
attempt(con.execute, "SELECT plus(1, 2)")
attempt(con.create_function, "bad", 1, 42)

# aggregates
class Avg:
    def __init__(self):
        self.total, self.count = 0, 0
    def step(self, value):
        self.total += value
        self.count += 1
    def finalize(self):
        return self.total / self.count if self.count else None

class BadStep:
    def step(self, value):
        raise ValueError
    def finalize(self):
        return 0

class BadInit:
    def __init__(self):
        raise ValueError
    def step(self, v): pass
    def finalize(self): return 0

class BadFinal:
    def step(self, v): pass
    def finalize(self): raise ValueError

con.execute("CREATE TABLE nums(x)")
con.executemany("INSERT INTO nums VALUES (?)", [(i,) for i in range(1, 6)])
con.create_aggregate("avg2", 1, Avg)
con.create_aggregate("badstep", 1, BadStep)
con.create_aggregate("badinit", 1, BadInit)
con.create_aggregate("badfinal", 1, BadFinal)
print(con.execute("SELECT avg2(x) FROM nums").fetchone())
print(con.execute("SELECT avg2(x) FROM nums WHERE x > 100").fetchone())
for name in ("badstep", "badinit", "badfinal"):
    attempt(con.execute, f"SELECT {name}(x) FROM nums")

# window function
class WindowSum:
    def __init__(self):
        self.total = 0
    def step(self, v):
        self.total += v
    def inverse(self, v):
        self.total -= v
    def value(self):
        return self.total
    def finalize(self):
        return self.total

con.create_window_function("winsum", 1, WindowSum)
print(con.execute("""SELECT x, winsum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING
                     AND 1 FOLLOWING) FROM nums ORDER BY x""").fetchall())

# collation
def reverse(a, b):
    return (a < b) - (a > b)
con.execute("CREATE TABLE words(w)")
con.executemany("INSERT INTO words VALUES (?)", [("pear",), ("apple",), ("fig",)])
con.create_collation("reverse", reverse)
print(con.execute("SELECT w FROM words ORDER BY w COLLATE reverse").fetchall())
con.create_collation("reverse", None)
attempt(con.execute, "SELECT w FROM words ORDER BY w COLLATE reverse")
attempt(con.create_collation, "x", 1)

# authorizer
def authorizer(action, arg1, arg2, dbname, source):
    if action == sqlite3.SQLITE_READ and arg2 == "secret":
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and arg2 == "hidden":
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK
con.execute("CREATE TABLE acct(name, secret, hidden)")
con.execute("INSERT INTO acct VALUES ('n', 's', 'h')")
con.set_authorizer(authorizer)
print(con.execute("SELECT name, hidden FROM acct").fetchall())
attempt(con.execute, "SELECT secret FROM acct")
con.set_authorizer(None)
print(con.execute("SELECT secret FROM acct").fetchall())

# progress handler
calls = []
def progress():
    calls.append(1)
    return 0
con.set_progress_handler(progress, 1)
con.execute("SELECT max(x) FROM nums").fetchone()
print("progress called", len(calls) > 0)
con.set_progress_handler(lambda: 1, 1)
attempt(con.execute, "SELECT max(x) FROM nums")
con.set_progress_handler(None, 1)
print(con.execute("SELECT max(x) FROM nums").fetchone())

# trace callback
statements = []
con.set_trace_callback(statements.append)
con.execute("SELECT ? + 1", (41,)).fetchone()
con.execute("INSERT INTO nums VALUES (6)")
con.set_trace_callback(None)
con.execute("SELECT 1")
print(statements)

# adapters and converters
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

def adapt_point(p):
    return f"{p.x};{p.y}"

def convert_point(raw):
    x, y = map(float, raw.split(b";"))
    return Point(x, y)

sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)

class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"

dcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dcon.execute("CREATE TABLE shapes(p point, q POINT(10), n)")
dcon.execute("INSERT INTO shapes VALUES (?, ?, ?)", (Point(1, 2), Point(3, 4), Conforming()))
print(dcon.execute("SELECT p, q, n FROM shapes").fetchone())
cur = dcon.execute('SELECT n AS "n [text]", q AS "q [point]", p AS "plain" FROM shapes')
print([d[0] for d in cur.description], cur.fetchone())
plain = sqlite3.connect(":memory:")
plain.execute("CREATE TABLE shapes(p point)")
plain.execute("INSERT INTO shapes VALUES (?)", (Point(5, 6),))
print(plain.execute("SELECT p FROM shapes").fetchone())
print(sqlite3.adapt(Point(7, 8)), sqlite3.adapt(Conforming()))
attempt(sqlite3.adapt, object())
sqlite3.register_adapter(decimal.Decimal, str)
print(plain.execute("SELECT ?", (decimal.Decimal("1.10"),)).fetchone())

# text_factory
plain.text_factory = bytes
print(plain.execute("SELECT 'caf\u00e9'").fetchone())
plain.text_factory = lambda b: b.decode().upper()
print(plain.execute("SELECT 'abc'").fetchone())
plain.text_factory = str
plain.execute("CREATE TABLE raw(t)")
plain.execute("INSERT INTO raw VALUES (CAST(x'ff61' AS TEXT))")
attempt(plain.execute("SELECT t FROM raw").fetchone)

# row_factory on connection and cursor
def dict_factory(cursor, row):
    return {d[0]: v for d, v in zip(cursor.description, row)}
plain.row_factory = dict_factory
print(plain.execute("SELECT 1 AS a, 2 AS b").fetchone())
c = plain.cursor()
c.row_factory = lambda cursor, row: row[0]
print(c.execute("SELECT 1 UNION SELECT 2").fetchall())

# An aggregate or window function whose value/finalize gives an int too
# big for SQLite is a DataError ("string or blob too big"), as CPython.
class TooBig:
    def step(self, x):
        pass

    def inverse(self, x):
        pass

    def value(self):
        return 1 << 65

    def finalize(self):
        return 1 << 65


big = sqlite3.connect(':memory:')
big.create_window_function('w_big', 1, TooBig)
big.create_aggregate('a_big', 1, TooBig)
big.execute('create table t(x)')
big.execute('insert into t values (1)')
for q in ('select w_big(x) over () from t', 'select a_big(x) from t'):
    try:
        big.execute(q).fetchall()
    except sqlite3.Error as e:
        print(type(e).__name__, e)
big.close()
