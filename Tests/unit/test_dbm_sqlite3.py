"""dbm.sqlite3, the default dbm module when the sqlite3 module exists, and
dbm.open / shelve over it."""

import dbm
import os
import shelve
import shutil
import tempfile
import threading
import unittest

try:
    import dbm.sqlite3 as dbm_sqlite3
except ImportError:
    dbm_sqlite3 = None


@unittest.skipIf(dbm_sqlite3 is None, "no sqlite3 module in this build")
class DbmSqlite3(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.dir)
        self.path = os.path.join(self.dir, "db.sqlite")

    def test_mapping(self):
        with dbm_sqlite3.open(self.path, "c") as db:
            db["a"] = "b"
            db[b"k"] = b"v"
            db[1] = 2
            self.assertEqual(sorted(db.keys()), [b"1", b"a", b"k"])
            self.assertEqual((db[b"a"], db["k"], db[1]), (b"b", b"v", b"2"))
            self.assertEqual(len(db), 3)
            self.assertIn("a", db)
            del db["a"]
            with self.assertRaises(KeyError):
                del db["a"]
            with self.assertRaises(KeyError):
                db["missing"]
            db.reorganize()
        self.assertEqual(dbm.whichdb(self.path), "dbm.sqlite3")

    def test_flags(self):
        with dbm_sqlite3.open(self.path, "c") as db:
            db["x"] = "1"
        with dbm_sqlite3.open(self.path) as db:
            self.assertEqual(dict(db), {b"x": b"1"})
            with self.assertRaises(dbm_sqlite3.error):
                db["y"] = "2"
        with dbm_sqlite3.open(self.path, "n") as db:
            self.assertEqual(len(db), 0)
        with self.assertRaises(dbm_sqlite3.error):
            dbm_sqlite3.open(os.path.join(self.dir, "missing"))
        with self.assertRaisesRegex(ValueError, "Flag must be one of"):
            dbm_sqlite3.open(self.path, "x")
        db = dbm_sqlite3.open(self.path, "w")
        db.close()
        with self.assertRaisesRegex(dbm_sqlite3.error, "already been closed"):
            db["x"]
        self.assertTrue(issubclass(dbm_sqlite3.error, OSError))

    def test_default_module_and_shelve(self):
        name = os.path.join(self.dir, "shelf")
        with dbm.open(name, "c") as db:
            db["k"] = "v"
        self.assertEqual(dbm.whichdb(name), "dbm.sqlite3")
        with shelve.open(name) as shelf:
            shelf["obj"] = {"a": [1, 2]}
        with shelve.open(name, "r") as shelf:
            self.assertEqual(shelf["obj"], {"a": [1, 2]})

    def test_threads_writing(self):
        dbm_sqlite3.open(self.path, "c").close()

        def worker(i):
            with dbm_sqlite3.open(self.path, "w") as db:
                for j in range(30):
                    db["%d-%d" % (i, j)] = str(j)

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        with dbm_sqlite3.open(self.path) as db:
            self.assertEqual(len(db), 120)


if __name__ == "__main__":
    unittest.main()
