"""dbm.gnu (_gdbm) and dbm.ndbm (_dbm) on the system gdbm, and dbm.open's
dispatch to them; skipped when the interpreter was built without them."""

import dbm
import os
import shutil
import tempfile
import unittest

try:
    import dbm.gnu as gnu
except ImportError:
    gnu = None
try:
    import dbm.ndbm as ndbm
except ImportError:
    ndbm = None


class Base:

    def setUp(self):
        self.dir = tempfile.mkdtemp()
        self.path = os.path.join(self.dir, "db")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_mapping(self):
        with self.module.open(self.path, "c") as db:
            db["text"] = "värde"
            db[b"raw"] = b"\x00\xff"
            self.assertEqual(db["text"], "värde".encode())
            self.assertEqual(db[b"raw"], b"\x00\xff")
            self.assertEqual(len(db), 2)
            self.assertEqual(sorted(db.keys()), [b"raw", b"text"])
            self.assertIn("text", db)
            self.assertNotIn(b"missing", db)
            self.assertEqual(db.get(b"missing"), None)
            self.assertEqual(db.get(b"missing", b"d"), b"d")
            self.assertEqual(db.setdefault("new", b"v"), b"v")
            self.assertEqual(db.setdefault("new", b"w"), b"v")
            del db["new"]
            with self.assertRaises(KeyError):
                db["new"]
            with self.assertRaises(KeyError):
                del db["new"]
            with self.assertRaises(TypeError):
                db[1] = b"x"
            with self.assertRaises(TypeError):
                db[b"k"] = 1
            db.clear()
            self.assertEqual(len(db), 0)
            db[b"kept"] = b"1"
        with self.module.open(self.path, "r") as db:
            self.assertEqual(db[b"kept"], b"1")
            with self.assertRaises(self.module.error):
                db[b"kept"] = b"2"

    def test_closed_and_flags(self):
        db = self.module.open(self.path, "c")
        db.close()
        db.close()
        with self.assertRaises(self.module.error):
            db[b"a"]
        self.assertTrue(issubclass(self.module.error, OSError))
        with self.assertRaises(self.module.error):
            self.module.open(os.path.join(self.dir, "missing"), "r")
        with self.assertRaises(self.module.error):
            self.module.open(self.path, "z")

    def test_new_flag_empties(self):
        with self.module.open(self.path, "c") as db:
            db[b"a"] = b"1"
        with self.module.open(self.path, "n") as db:
            self.assertEqual(len(db), 0)

    def test_dbm_open_dispatch(self):
        with self.module.open(self.path, "c") as db:
            db[b"k"] = b"v"
        self.assertEqual(dbm.whichdb(self.path), self.kind)
        with dbm.open(self.path) as db:
            self.assertIsInstance(db, self.db_type)
            self.assertEqual(db[b"k"], b"v")


@unittest.skipIf(gnu is None, "built without gdbm")
class Gnu(Base, unittest.TestCase):
    module = gnu
    kind = "dbm.gnu"

    @property
    def db_type(self):
        with gnu.open(os.path.join(self.dir, "probe"), "c") as db:
            return type(db)

    def test_walk_and_maintenance(self):
        with gnu.open(self.path, "cf") as db:
            for i in range(20):
                db[b"%d" % i] = b"x" * i
            seen = []
            key = db.firstkey()
            while key is not None:
                seen.append(key)
                key = db.nextkey(key)
            self.assertEqual(sorted(seen), sorted(db.keys()))
            self.assertEqual(len(seen), 20)
            for i in range(10):
                del db[b"%d" % i]
            db.reorganize()
            db.sync()
            self.assertEqual(len(db), 10)
        self.assertEqual(gnu.open_flags, "rwcnfsu")
        with self.assertRaisesRegex(gnu.error, "Flag 'q'"):
            gnu.open(self.path, "rq")


@unittest.skipIf(ndbm is None, "built without gdbm's ndbm compatibility")
class Ndbm(Base, unittest.TestCase):
    module = ndbm
    kind = "dbm.ndbm"

    @property
    def db_type(self):
        with ndbm.open(os.path.join(self.dir, "probe"), "c") as db:
            return type(db)

    def test_rw_flag(self):
        with ndbm.open(self.path, "c") as db:
            db[b"a"] = b"1"
        with ndbm.open(self.path, "rw") as db:
            db[b"b"] = b"2"
            self.assertEqual(len(db), 2)

    def test_files(self):
        with ndbm.open(self.path, "c") as db:
            db[b"a"] = b"b"
        self.assertTrue(os.path.exists(self.path + ".pag"))
        self.assertTrue(os.path.exists(self.path + ".dir"))
        self.assertEqual(ndbm.library, "GNU gdbm")


if __name__ == "__main__":
    unittest.main()
