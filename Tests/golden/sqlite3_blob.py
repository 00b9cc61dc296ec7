import os
import sqlite3

def attempt(fn, *args, **kw):
    try:
        return fn(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ":", e)

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE b(id INTEGER PRIMARY KEY, data BLOB)")
con.execute("INSERT INTO b(data) VALUES (zeroblob(10))")
con.execute("INSERT INTO b(data) VALUES (?)", (b"abcdefghij",))

blob = con.blobopen("b", "data", 1)
print(type(blob).__name__, len(blob), blob.tell())
blob.write(b"hello")
print(blob.tell())
blob.seek(0)
print(blob.read(), blob.tell())
blob.seek(2)
print(blob.read(2), blob.tell())
blob.seek(-3, os.SEEK_END)
print(blob.tell(), blob.read(100))
blob.seek(-2, os.SEEK_CUR)
print(blob.tell())
attempt(blob.seek, 11)
attempt(blob.seek, -1)
attempt(blob.seek, 0, 7)
blob.seek(8)
attempt(blob.write, b"xyz")
print(blob[0], blob[-1], blob[1:4], blob[::2])
blob[0] = ord("H")
blob[5:10] = b"WORLD"
blob[0:10:3] = b"1234"
print(blob[:])
attempt(blob.__getitem__, 10)
attempt(blob.__setitem__, 0, 256)
attempt(blob.__setitem__, slice(0, 2), b"abc")
attempt(blob.__delitem__, 0)
attempt(blob.__getitem__, "x")
blob.close()
attempt(blob.read)
attempt(len, blob)
blob.close()

with con.blobopen("b", "data", 2, readonly=True) as ro:
    print(ro.read(3))
    attempt(ro.write, b"zz")
attempt(ro.read)
attempt(con.blobopen, "b", "data", 99)
attempt(con.blobopen, "nope", "data", 1)
open_blob = con.blobopen("b", "data", 2)
con.close()
attempt(open_blob.read)

# backup
src = sqlite3.connect(":memory:")
src.execute("CREATE TABLE t(x)")
src.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
src.commit()
dst = sqlite3.connect(":memory:")
steps = []
src.backup(dst, pages=1, progress=lambda status, remaining, total: steps.append((status, remaining, total)))
print(dst.execute("SELECT count(*), sum(x) FROM t").fetchone(), len(steps) > 1, steps[-1][1])
attempt(src.backup, src)
attempt(src.backup, "x")
attempt(src.backup, dst, progress=5)

# serialize / deserialize
data = src.serialize()
print(type(data).__name__, len(data) > 0, data[:15])
other = sqlite3.connect(":memory:")
other.deserialize(data)
print(other.execute("SELECT count(*) FROM t").fetchone())
attempt(other.serialize, name="nosuch")
attempt(other.deserialize, b"not a database at all")
attempt(other.execute, "SELECT * FROM t")

# limits and config
lim = sqlite3.connect(":memory:")
old = lim.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
print(lim.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 100) == old,
      lim.getlimit(sqlite3.SQLITE_LIMIT_LENGTH))
attempt(lim.execute, "SELECT ?", ("x" * 200,))
attempt(lim.getlimit, 1000)
lim.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, old)
print(lim.getconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_FKEY))
print(lim.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_FKEY), lim.getconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_FKEY))
print(lim.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_FKEY, False))
attempt(lim.getconfig, -1)
lim.execute("CREATE TABLE p(id INTEGER PRIMARY KEY)")
lim.execute("CREATE TABLE c(pid REFERENCES p(id))")
lim.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_FKEY, True)
attempt(lim.execute, "INSERT INTO c VALUES (5)")
