import os
import shutil
import sqlite3
import tempfile
import threading

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "shared.db")
try:
    setup = sqlite3.connect(path)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("PRAGMA synchronous=OFF")
    setup.execute("CREATE TABLE log(worker INTEGER, n INTEGER)")
    setup.commit()

    # Several threads, each with its own connection to one file database.
    errors = []
    def worker(ident):
        try:
            con = sqlite3.connect(path, timeout=30)
            con.execute("PRAGMA synchronous=OFF")
            for n in range(25):
                with con:
                    con.execute("INSERT INTO log VALUES (?, ?)", (ident, n))
            con.close()
        except Exception as e:
            errors.append(e)
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("errors", errors)
    print(setup.execute("SELECT count(*), count(DISTINCT worker), sum(n) FROM log").fetchone())

    # check_same_thread=True: another thread may not use the connection.
    seen = []
    def misuse():
        try:
            setup.execute("SELECT 1")
        except sqlite3.ProgrammingError as e:
            seen.append(str(e).startswith(
                "SQLite objects created in a thread can only be used in that same thread. "
                "The object was created in thread id "))
        try:
            setup.close()
        except sqlite3.ProgrammingError as e:
            seen.append("thread" in str(e))
    t = threading.Thread(target=misuse)
    t.start()
    t.join()
    print("same-thread check", seen)

    # check_same_thread=False: one connection shared under a lock.
    shared = sqlite3.connect(path, check_same_thread=False)
    shared.execute("PRAGMA synchronous=OFF")
    lock = threading.Lock()
    def sharer(ident):
        for n in range(25):
            with lock:
                shared.execute("INSERT INTO log VALUES (?, ?)", (100 + ident, n))
                shared.commit()
                cur = shared.execute("SELECT count(*) FROM log WHERE worker = ?", (100 + ident,))
                assert cur.fetchone()[0] == n + 1
    threads = [threading.Thread(target=sharer, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(shared.execute("SELECT count(*) FROM log WHERE worker >= 100").fetchone())

    # Without a user lock the connection's own lock keeps it consistent.
    def reader():
        for _ in range(20):
            rows = shared.execute("SELECT worker, n FROM log WHERE worker = 100 ORDER BY n").fetchall()
            assert len(rows) == 25, len(rows)
    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("readers done")

    # interrupt() from another thread stops a long query.
    def interrupter():
        shared.interrupt()
    ticks = []
    def progress():
        if not ticks:
            threading.Thread(target=interrupter).start()
        ticks.append(1)
        return len(ticks) > 100000   # a safety net: never loop forever
    shared.set_progress_handler(progress, 1000)
    try:
        shared.execute("""WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
                          SELECT count(*) FROM c""").fetchone()
    except sqlite3.OperationalError as e:
        print("interrupted:", e)
    shared.set_progress_handler(None, 0)
    shared.close()
    setup.close()
finally:
    shutil.rmtree(tmp)
print("cleaned", not os.path.exists(tmp))
