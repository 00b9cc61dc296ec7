"""weakref: references, proxies, the weak containers, WeakMethod,
finalize (was golden weakref_basic).  Objects die as soon as their last
strong reference goes, on both builds."""

import _weakref
import unittest
import weakref
from collections.abc import MutableSet


class Obj:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Obj({self.name})"
    def method(self): return self.name.upper()


class References(unittest.TestCase):

    def test_names(self):
        self.assertIs(weakref.ref, _weakref.ref)
        self.assertIs(weakref.ReferenceType, weakref.ref)
        self.assertEqual(weakref.ProxyTypes, (weakref.ProxyType, weakref.CallableProxyType))

    def test_ref_proxy_and_callbacks(self):
        a = Obj("a")
        calls = []
        r = weakref.ref(a, lambda wr: calls.append(wr is r2))
        r2 = r
        self.assertIs(r(), a)
        self.assertEqual(weakref.getweakrefcount(a), 1)
        self.assertEqual(weakref.getweakrefs(a), [r])
        plain = weakref.ref(a)
        self.assertIs(plain, weakref.ref(a))  # callback-less references are shared
        self.assertEqual(weakref.getweakrefcount(a), 2)
        self.assertTrue(plain == r)
        self.assertEqual(hash(plain), hash(a))
        p = weakref.proxy(a)
        self.assertEqual((p.name, p.method()), ("a", "A"))
        self.assertIs(type(p), weakref.ProxyType)
        cp = weakref.proxy(len)
        self.assertIs(type(cp), weakref.CallableProxyType)
        self.assertEqual(cp("abc"), 3)
        del a
        self.assertIsNone(r())
        self.assertEqual(calls, [True])
        self.assertIsNone(plain())
        with self.assertRaises(ReferenceError) as caught:
            p.name
        self.assertEqual(str(caught.exception), "weakly-referenced object no longer exists")

    def test_unsupported_objects(self):
        with self.assertRaises(TypeError) as caught:
            weakref.ref(3)
        self.assertEqual(str(caught.exception), "cannot create weak reference to 'int' object")
        self.assertEqual((weakref.getweakrefcount(3), weakref.getweakrefs(3)), (0, []))

    def test_remove_dead_weakref(self):
        holder = Obj("h")
        d = {"dead": weakref.ref(Obj("tmp")), "live": weakref.ref(holder)}
        _weakref._remove_dead_weakref(d, "dead")
        _weakref._remove_dead_weakref(d, "live")
        _weakref._remove_dead_weakref(d, "missing")
        self.assertEqual(sorted(d), ["live"])
        with self.assertRaises(TypeError) as caught:
            _weakref._remove_dead_weakref({"x": 1}, "x")
        self.assertEqual(str(caught.exception), "not a weakref")


class WeakValueDictionaryTests(unittest.TestCase):

    def test_lifecycle(self):
        x, y, z = Obj("x"), Obj("y"), Obj("z")
        wvd = weakref.WeakValueDictionary({"x": x}, y=y)
        wvd["z"] = z
        self.assertEqual((sorted(wvd), len(wvd), wvd["x"], "y" in wvd, wvd.get("q", "none")),
                         (["x", "y", "z"], 3, x, True, "none"))
        del y
        self.assertEqual(sorted(wvd.keys()), ["x", "z"])
        self.assertEqual(sorted(v.name for v in wvd.values()), ["x", "z"])
        self.assertEqual(sorted(k for k, v in wvd.items()), ["x", "z"])
        with self.assertRaises(KeyError) as caught:
            wvd["y"]
        self.assertEqual(caught.exception.args, ("y",))
        self.assertIs(wvd.pop("z"), z)
        self.assertEqual(wvd.pop("z", "gone"), "gone")
        self.assertIs(wvd.setdefault("x", None), x)
        self.assertEqual(len(wvd.valuerefs()), 1)
        copy = wvd.copy()
        self.assertEqual((type(copy).__name__, sorted(copy)), ("WeakValueDictionary", ["x"]))
        self.assertTrue(repr(wvd).startswith("<WeakValueDictionary at 0x"))
        w = Obj("w")
        merged = wvd | {"w": w}
        self.assertEqual((sorted(merged), type(merged).__name__), (["w", "x"], "WeakValueDictionary"))
        self.assertEqual(sorted({"q": w} | wvd), ["q", "x"])
        wvd |= {"w2": w}
        self.assertEqual(sorted(wvd), ["w2", "x"])
        self.assertIn(wvd.popitem()[0], ("x", "w2"))
        del w, merged
        wvd.clear()
        self.assertEqual(len(wvd), 0)


class WeakKeyDictionaryTests(unittest.TestCase):

    def test_lifecycle(self):
        k1, k2 = Obj("k1"), Obj("k2")
        wkd = weakref.WeakKeyDictionary({k1: 1})
        wkd[k2] = 2
        self.assertEqual((len(wkd), wkd[k1], k2 in wkd, 3 in wkd, wkd.get(Obj("other"), "none")),
                         (2, 1, True, False, "none"))
        del k1
        self.assertEqual((len(wkd), list(wkd.items()), list(wkd.values()), len(wkd.keyrefs())),
                         (1, [(k2, 2)], [2], 1))
        self.assertEqual((wkd.setdefault(k2, 9), wkd.pop(k2), len(wkd)), (2, 2, 0))
        wkd.update([(k2, 5)])
        self.assertEqual(sorted(wkd.values()), [5])
        self.assertEqual(type(wkd.copy()).__name__, "WeakKeyDictionary")


class WeakSetTests(unittest.TestCase):

    def test_set_operations(self):
        s1, s2, s3 = Obj("1"), Obj("2"), Obj("3")
        ws = weakref.WeakSet([s1, s2])
        ws.add(s3)
        self.assertEqual((len(ws), s1 in ws, 5 in ws, sorted(o.name for o in ws)),
                         (3, True, False, ["1", "2", "3"]))
        del s2
        self.assertEqual((len(ws), sorted(o.name for o in ws)), (2, ["1", "3"]))
        other = weakref.WeakSet([s1])
        self.assertEqual(sorted(o.name for o in ws - other), ["3"])
        self.assertEqual(sorted(o.name for o in ws & other), ["1"])
        self.assertEqual([other <= ws, other < ws, ws >= other, ws == weakref.WeakSet([s1, s3])],
                         [True, True, True, True])
        ws.discard(s1)
        ws.remove(s3)
        with self.assertRaises(KeyError):
            ws.remove(s3)
        with self.assertRaises(KeyError) as caught:
            ws.pop()
        self.assertEqual(caught.exception.args, ("pop from empty WeakSet",))
        self.assertEqual(len(ws), 0)
        self.assertIsInstance(ws, MutableSet)

    def test_deaths_during_iteration_are_deferred(self):
        items = [Obj(str(i)) for i in range(5)]
        ws = weakref.WeakSet(items)
        seen = 0
        for o in ws:
            seen += 1
            if seen == 1:
                del items[:]
            del o
        self.assertGreaterEqual(seen, 1)
        self.assertEqual(len(ws), 0)


class WeakMethodTests(unittest.TestCase):

    def test_weak_method(self):
        m = Obj("m")
        wm = weakref.WeakMethod(m.method)
        self.assertEqual(wm()(), "M")
        self.assertTrue(wm() == m.method)
        self.assertTrue(wm == weakref.WeakMethod(m.method))
        self.assertIsInstance(wm, weakref.ref)
        died = []
        wm2 = weakref.WeakMethod(m.method, lambda r: died.append(r is wm2))
        del m
        self.assertIsNone(wm())
        self.assertEqual(died, [True])
        self.assertFalse(wm == wm2)
        self.assertTrue(wm == wm)
        with self.assertRaises(TypeError) as caught:
            weakref.WeakMethod(len)
        self.assertEqual(str(caught.exception),
                         "argument should be a bound method, not <class 'builtin_function_or_method'>")


class Finalize(unittest.TestCase):

    def test_finalizer_runs_once(self):
        log = []
        f_obj = Obj("f")
        f = weakref.finalize(f_obj, log.append, "cleaned")
        self.assertIs(f.alive, True)
        self.assertIs(f.atexit, True)
        # A fresh bound method each time: equal, not identical.
        self.assertEqual(f.peek()[1], log.append)
        self.assertIsNot(f.peek()[1], log.append)
        self.assertTrue(repr(f).endswith("for 'Obj' at " + hex(id(f_obj)) + ">"))
        del f_obj
        self.assertEqual(log, ["cleaned"])
        self.assertEqual((f.alive, f(), f.peek()), (False, None, None))
        self.assertTrue(repr(f).endswith("; dead>"))

    def test_detach_and_call(self):
        log = []
        g_obj = Obj("g")
        g = weakref.finalize(g_obj, log.append, "g")
        self.assertIs(g.detach()[0], g_obj)
        self.assertEqual((g.alive, g.detach()), (False, None))
        h_obj = Obj("h")
        h = weakref.finalize(h_obj, lambda *a, **k: (a, k), 1, key=2)
        self.assertEqual((h(), h(), h.alive), (((1,), {"key": 2}), None, False))
        h2 = weakref.finalize(h_obj, log.append, "never")
        h2.atexit = False
        self.assertIs(h2.atexit, False)
        h2.detach()
        del h_obj
        self.assertEqual(log, [])


if __name__ == "__main__":
    unittest.main()
