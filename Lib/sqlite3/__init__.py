"""The sqlite3 module: a DB-API 2.0 (PEP 249) interface to SQLite.

Open a database with connect(), run SQL through a Cursor or directly on
the Connection, and commit or roll back:

    import sqlite3
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t(x)")
    con.executemany("INSERT INTO t VALUES(?)", [(1,), (2,)])
    con.commit()
    print(con.execute("SELECT sum(x) FROM t").fetchone())

The C half lives in _sqlite3; this package adds the DB-API type
constructors and the default date/time adapters (see dbapi2).
"""

from sqlite3.dbapi2 import *
