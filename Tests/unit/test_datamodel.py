"""Special methods: operators and their reflections, comparisons, truth,
hashing, iteration protocols, __missing__, __format__, __del__, context
managers (was golden lang_datamodel)."""

import unittest

LOG = []


class V:
    def __init__(self, x): self.x = x
    def __repr__(self): return "V(%r)" % (self.x,)

    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented

    def __radd__(self, o):
        LOG.append(("radd", o))
        return V(o + self.x)

    def __iadd__(self, o):
        LOG.append("iadd")
        self.x += o.x if isinstance(o, V) else o
        return self

    def __sub__(self, o): return V(self.x - o.x)
    def __mul__(self, o): return V(self.x * o)
    __rmul__ = __mul__
    def __neg__(self): return V(-self.x)
    def __pos__(self): return self
    def __abs__(self): return V(abs(self.x))
    def __invert__(self): return V(~self.x)

    def __eq__(self, o):
        if not isinstance(o, V): return NotImplemented
        return self.x == o.x

    def __lt__(self, o):
        if not isinstance(o, V): return NotImplemented
        return self.x < o.x

    def __hash__(self): return hash(self.x)
    def __bool__(self): return self.x != 0
    def __index__(self): return self.x
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o): return ("rpow", o)
    def __floordiv__(self, o): return "fd"
    def __rtruediv__(self, o): return "rtd"
    def __lshift__(self, o): return "lsh"
    def __rand__(self, o): return "rand"


class Operators(unittest.TestCase):

    def setUp(self):
        LOG.clear()

    def test_binary_unary_and_reflected(self):
        a, b = V(3), V(4)
        results = [a + b, a + 1, 1 + a, a - b, a * 2, 2 * a, -a, +a, abs(V(-5)), ~a]
        self.assertEqual([repr(r) for r in results],
                         ["V(7)", "V(4)", "V(4)", "V(-1)", "V(6)", "V(6)", "V(-3)", "V(3)",
                          "V(5)", "V(-4)"])
        self.assertEqual(LOG, [("radd", 1)])
        self.assertEqual([a @ 1, 1 @ a, pow(a, 2), pow(a, 2, 5), 2 ** a, a // 1, 1 / a,
                          a << 1, 1 & a],
                         ["matmul", "rmatmul", ("pow", 2, None), ("pow", 2, 5), ("rpow", 2),
                          "fd", "rtd", "lsh", "rand"])

    def test_in_place(self):
        a, b = V(3), V(4)
        c = a
        c += b
        self.assertEqual(repr(c), "V(7)")
        self.assertIs(a, c)
        c += 5
        self.assertEqual(repr(c), "V(12)")
        self.assertEqual(LOG, ["iadd", "iadd"])

    def test_comparisons(self):
        a, b = V(12), V(4)
        self.assertIs(a == V(12), True)
        self.assertIs(a == 12, False)
        self.assertIs(a != V(1), True)
        self.assertIs(a < b, False)
        self.assertIs(b > a, False)
        self.assertEqual(repr(sorted([V(3), V(1), V(2)])), "[V(1), V(2), V(3)]")
        with self.assertRaises(TypeError) as caught:
            a < 3
        self.assertEqual(str(caught.exception),
                         "'<' not supported between instances of 'V' and 'int'")
        with self.assertRaises(TypeError) as caught:
            a <= b
        self.assertEqual(str(caught.exception),
                         "'<=' not supported between instances of 'V' and 'V'")

    def test_bool_index_hash(self):
        self.assertIs(bool(V(0)), False)
        self.assertIs(bool(V(2)), True)
        self.assertEqual([10, 20, 30, 40][V(2)], 30)
        self.assertEqual((hex(V(255)), bin(V(5))), ("0xff", "0b101"))
        self.assertEqual({V(1), V(1), V(2)}.__len__(), 2)


class TruthAndHashing(unittest.TestCase):

    def test_len_truth(self):
        class L:
            def __len__(self): return 0
        self.assertIs(bool(L()), False)
        self.assertIs(not L(), True)

        class L2:
            def __len__(self): return -1
        with self.assertRaises(ValueError) as caught:
            bool(L2())
        self.assertIs(type(caught.exception), ValueError)
        self.assertEqual(str(caught.exception), "__len__() should return >= 0")

    def test_eq_disables_hash(self):
        class Unh:
            def __eq__(self, o): return True
        self.assertIsNone(Unh.__hash__)
        with self.assertRaises(TypeError) as caught:
            hash(Unh())
        self.assertEqual(str(caught.exception), "unhashable type: 'Unh'")


class Protocols(unittest.TestCase):

    def test_old_sequence_protocol(self):
        class Seq:
            def __getitem__(self, i):
                if i >= 3: raise IndexError
                return i * 10
        self.assertEqual(list(Seq()), [0, 10, 20])
        self.assertIn(20, Seq())
        self.assertNotIn(5, Seq())

    def test_iterator_protocol(self):
        class It:
            def __init__(self): self.n = 0
            def __iter__(self): return self

            def __next__(self):
                self.n += 1
                if self.n > 3: raise StopIteration
                return self.n
        self.assertEqual((list(It()), sum(It()), max(It())), ([1, 2, 3], 6, 3))

    def test_contains_call_reversed_length_hint(self):
        class C:
            def __contains__(self, x): return x == 42
            def __call__(self, *a, **k): return (a, k)
            def __reversed__(self): return iter([3, 2, 1])
            def __length_hint__(self): return 7
        self.assertIs(42 in C(), True)
        self.assertIs(1 in C(), False)
        self.assertIs(1 not in C(), True)
        self.assertEqual(C()(1, 2, z=3), ((1, 2), {"z": 3}))
        self.assertEqual(list(reversed(C())), [3, 2, 1])
        self.assertEqual(C().__length_hint__(), 7)

    def test_missing(self):
        class D(dict):
            def __missing__(self, k): return k * 2
        d = D(a=1)
        self.assertEqual((d["a"], d["zz"], d.get("zz"), "zz" in d), (1, "zzzz", None, False))

    def test_format(self):
        class F:
            def __format__(self, spec): return "F<" + spec + ">"
        self.assertEqual((format(F(), "abc"), f"{F():x>10}", "{:q}".format(F())),
                         ("F<abc>", "F<x>10>", "F<q>"))
        with self.assertRaises(TypeError) as caught:
            format(object(), "x")
        self.assertEqual(str(caught.exception),
                         "unsupported format string passed to object.__format__")

    def test_del_runs_when_last_reference_goes(self):
        log = []

        class Del:
            def __init__(self, n): self.n = n
            def __del__(self): log.append(("del", self.n))
        x = Del(1)
        del x
        self.assertEqual(log, [("del", 1)])
        y = Del(2)
        y = None
        self.assertEqual(log, [("del", 1), ("del", 2)])
        self.assertIsNone(y)

    def test_context_manager_suppresses(self):
        log = []

        class CM:
            def __enter__(self):
                log.append("enter")
                return "val"

            def __exit__(self, t, v, tb):
                log.append(("exit", t, None if v is None else str(v)))
                return True
        with CM() as v:
            log.append(v)
            raise KeyError("k")
        log.append("suppressed")
        self.assertEqual(log, ["enter", "val", ("exit", KeyError, "'k'"), "suppressed"])
        log.clear()
        with CM() as v, CM() as w:
            log.append((v, w))
        self.assertEqual(log, ["enter", "enter", ("val", "val"), ("exit", None, None),
                               ("exit", None, None)])


if __name__ == "__main__":
    unittest.main()
