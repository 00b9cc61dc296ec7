import sqlite3

print(sqlite3.apilevel, sqlite3.paramstyle, sqlite3.threadsafety in (0, 1, 3))
print(isinstance(sqlite3.sqlite_version_info, tuple),
      ".".join(map(str, sqlite3.sqlite_version_info)) == sqlite3.sqlite_version)
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.SQLITE_OK,
      sqlite3.SQLITE_DENY, sqlite3.SQLITE_IGNORE, sqlite3.SQLITE_CONSTRAINT_UNIQUE,
      sqlite3.SQLITE_LIMIT_SQL_LENGTH, sqlite3.SQLITE_CREATE_TABLE)

# PEP 249 exception hierarchy
for name in ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError",
             "OperationalError", "IntegrityError", "InternalError",
             "ProgrammingError", "NotSupportedError"]:
    exc = getattr(sqlite3, name)
    print(name, [b.__name__ for b in exc.__mro__[1:-2]], exc.__module__)

con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level == "", con.in_transaction,
      con.total_changes, con.row_factory, con.text_factory is str)
print(con.Error is sqlite3.Error, con.ProgrammingError is sqlite3.ProgrammingError)
cur = con.cursor()
print(cur.connection is con, cur.arraysize, cur.rowcount, cur.lastrowid,
      cur.description)
cur.execute("CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT, age INT, score REAL, photo BLOB)")
print("create", cur.rowcount, cur.description)
cur.execute("INSERT INTO people(name, age, score, photo) VALUES (?, ?, ?, ?)",
            ("ann", 31, 2.5, b"\x89PNG"))
print("insert", cur.rowcount, cur.lastrowid, con.in_transaction)
cur.executemany("INSERT INTO people(name, age) VALUES (:name, :age)",
                [{"name": "bob", "age": 40}, {"name": "cy", "age": 22},
                 {"name": "dee", "age": 57}])
print("executemany", cur.rowcount)
con.commit()
print("after commit", con.in_transaction, con.total_changes)

cur.execute("SELECT id, name, age, score, photo FROM people ORDER BY id")
print([d[0] for d in cur.description])
print(cur.fetchone())
print(cur.fetchmany(2))
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall())
cur.arraysize = 3
print(cur.execute("SELECT name FROM people ORDER BY name").fetchmany())
print([row for row in con.execute("SELECT age FROM people WHERE age > ? ORDER BY age", (30,))])

# types round trip
row = con.execute("SELECT ?, ?, ?, ?, ?, ?", (None, 2**62, -1.25, "h\u00e9llo", b"\x00\xff",
                                               bytearray(b"ab"))).fetchone()
print(row, [type(v).__name__ for v in row])
print(con.execute("SELECT ?", (memoryview(b"mv"),)).fetchone())
for bad in (2**63, object()):
    try:
        con.execute("SELECT ?", (bad,))
    except (OverflowError, sqlite3.ProgrammingError) as e:
        print(type(e).__name__, e)

# update / delete rowcount
print("update", con.execute("UPDATE people SET age = age + 1 WHERE age < 50").rowcount)
print("delete", con.execute("DELETE FROM people WHERE name = 'cy'").rowcount)
print("select rowcount", con.execute("SELECT * FROM people").rowcount)
con.rollback()
print("rolled back", con.execute("SELECT count(*) FROM people").fetchone())

# errors
def attempt(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)
        return e

attempt(con.execute, "SELEC 1")
attempt(con.execute, "SELECT * FROM missing")
e = attempt(con.execute, "INSERT INTO people(id, name) VALUES (1, 'dup')")
print(e.sqlite_errorcode, e.sqlite_errorname)
attempt(con.execute, "SELECT ?", (1, 2))
attempt(con.execute, "SELECT ?, ?", (1,))
attempt(con.execute, "SELECT :x", {"y": 1})
attempt(con.execute, "SELECT ?", {"x": 1})
attempt(con.execute, "SELECT 1; SELECT 2")
attempt(con.execute, "SELECT ?", 42)
attempt(con.execute, 42)
attempt(con.executemany, "SELECT ?", [(1,)])
attempt(con.execute, "SELECT 'a\x00b'")
attempt(cur.execute, "CREATE TABLE people(x)")

# executescript
cur.executescript("""
    CREATE TABLE kv(k TEXT PRIMARY KEY, v);  -- comment
    INSERT INTO kv VALUES ('a', 1);
    /* block */ INSERT INTO kv VALUES ('b', 2);
""")
print(con.execute("SELECT * FROM kv ORDER BY k").fetchall())
attempt(cur.executescript, 5)

# complete_statement
print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 1"),
      sqlite3.complete_statement("CREATE TRIGGER t AFTER INSERT ON kv BEGIN SELECT 1;"))

# context manager: commit on success, rollback on failure
with con:
    con.execute("INSERT INTO kv VALUES ('c', 3)")
print(con.in_transaction)
try:
    with con:
        con.execute("INSERT INTO kv VALUES ('d', 4)")
        raise ValueError("boom")
except ValueError:
    pass
print(con.execute("SELECT k FROM kv ORDER BY k").fetchall())

# isolation_level
con.isolation_level = None
con.execute("INSERT INTO kv VALUES ('e', 5)")
print(con.in_transaction, con.isolation_level)
con.isolation_level = "IMMEDIATE"
con.execute("INSERT INTO kv VALUES ('f', 6)")
print(con.in_transaction, con.isolation_level)
con.commit()
attempt(setattr, con, "isolation_level", "BOGUS")
attempt(setattr, con, "isolation_level", 1)

# Row
con.row_factory = sqlite3.Row
r = con.execute("SELECT k AS Key, v AS Value FROM kv WHERE k = 'a'").fetchone()
print(type(r).__name__, r.keys(), r["key"], r["VALUE"], r[0], r[-1], r[0:1], len(r), list(r))
r2 = con.execute("SELECT k AS Key, v AS Value FROM kv WHERE k = 'a'").fetchone()
print(r == r2, r != r2, hash(r) == hash(r2), tuple(r) == ("a", 1))
attempt(r.__getitem__, "nope")
attempt(r.__getitem__, 5)
con.row_factory = None

# cursor close, closed connection
c2 = con.cursor()
c2.close()
attempt(c2.execute, "SELECT 1")
c2.close()
print(con.execute("SELECT count(*) FROM kv").fetchone())
print(list(con.iterdump())[:3])
print(list(con.iterdump(filter="kv")))
con.close()
con.close()
attempt(con.execute, "SELECT 1")
attempt(con.cursor)
attempt(lambda: con.in_transaction)
attempt(sqlite3.connect, "/nonexistent/dir/x.db")
