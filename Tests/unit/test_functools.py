"""functools (was golden functools_basic)."""

import copy
import functools
import unittest
from collections.abc import Mapping
from functools import (WRAPPER_UPDATES, cache, cached_property, cmp_to_key, lru_cache,
                       partial, partialmethod, reduce, singledispatch,
                       singledispatchmethod, total_ordering, wraps)


def f(a, b=2, *c, **k):
    return (a, b, c, k)


def deco(fn):
    @wraps(fn)
    def inner(*a):
        return fn(*a)
    return inner


@deco
def named(x: int):
    "doc"


class MyPartial(partial):
    pass


class Partial(unittest.TestCase):

    def test_partial_of_partial(self):
        p = partial(f, 1, x=3)
        self.assertEqual(p(5), (1, 5, (), {"x": 3}))
        self.assertIs(p.func, f)
        self.assertEqual((p.args, p.keywords), ((1,), {"x": 3}))
        self.assertEqual(repr(p).replace(hex(id(f)), "ADDR"),
                         "functools.partial(<function f at ADDR>, 1, x=3)")
        q = partial(p, 7, y=4)
        self.assertIs(q.func, f)
        self.assertEqual((q.args, q.keywords), ((1, 7), {"x": 3, "y": 4}))
        self.assertEqual(q(8), (1, 7, (8,), {"x": 3, "y": 4}))
        self.assertEqual(q(x=0), (1, 7, (), {"x": 0, "y": 4}))

    def test_subclass_and_errors(self):
        self.assertTrue(repr(MyPartial(len, "ab")).startswith(
            f"{__name__}.MyPartial(<built-in function len>"))
        self.assertEqual(MyPartial(len, "ab")(), 2)
        with self.assertRaises(TypeError) as caught:
            partial(3)
        self.assertEqual(str(caught.exception), "the first argument must be callable")

    def test_attributes_and_copy(self):
        p2 = partial(f, 1)
        with self.assertRaises(AttributeError) as caught:
            p2.func = len
        self.assertEqual(str(caught.exception), "readonly attribute")
        p2.note = "kept"
        p3 = copy.copy(p2)
        self.assertEqual(p3.args, (1,))
        self.assertIs(p3.func, f)
        self.assertEqual(p3.note, "kept")
        self.assertEqual(p3(2), (1, 2, (), {}))


class ReduceAndKeys(unittest.TestCase):

    def test_reduce(self):
        self.assertEqual(reduce(lambda a, b: a + b, [1, 2, 3]), 6)
        self.assertEqual(reduce(lambda a, b: a * b, [], 1), 1)
        self.assertEqual(reduce(lambda a, b: a - b, range(5), 100), 90)
        with self.assertRaises(TypeError) as caught:
            reduce(max, [])
        self.assertEqual(str(caught.exception), "reduce() of empty iterable with no initial value")

    def test_cmp_to_key(self):
        self.assertEqual(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), [3, 2, 1])
        K = cmp_to_key(lambda a, b: (a > b) - (a < b))
        self.assertTrue(K(1) < K(2))
        self.assertTrue(K(2) <= K(2))
        self.assertTrue(K(3) == K(3))
        self.assertTrue(K(1) > K(0))


class Caches(unittest.TestCase):

    def test_lru_cache_bounded(self):
        @lru_cache(maxsize=2)
        def sq(x):
            return x * x
        for i in [1, 2, 1, 3, 2, 1]:
            sq(i)
        self.assertEqual(repr(sq.cache_info()), "CacheInfo(hits=1, misses=5, maxsize=2, currsize=2)")
        self.assertEqual(sq.cache_parameters(), {"maxsize": 2, "typed": False})
        self.assertEqual(sq.__name__, "sq")
        self.assertEqual(sq.__wrapped__(4), 16)
        sq.cache_clear()
        self.assertEqual(repr(sq.cache_info()), "CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)")

    def test_lru_cache_keys(self):
        @lru_cache
        def plain(x):
            return x
        plain(1)
        plain(1)
        plain(1.0)
        self.assertEqual(plain.cache_info(), (1, 2, 128, 2))

        @lru_cache(typed=True)
        def typed(x):
            return type(x).__name__
        self.assertEqual((typed(1), typed(1.0)), ("int", "float"))
        self.assertEqual(typed.cache_info(), (0, 2, 128, 2))
        with self.assertRaises(TypeError) as caught:
            lru_cache("x")
        self.assertEqual(str(caught.exception),
                         "Expected first argument to be an integer, a callable, or None")

    def test_cache_unbounded(self):
        @cache
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        self.assertEqual(fib(80), 23416728348467685)
        self.assertEqual(repr(fib.cache_info()),
                         "CacheInfo(hits=78, misses=81, maxsize=None, currsize=81)")

    def test_cached_property(self):
        log = []

        class C:
            @cached_property
            def val(self):
                log.append("computing")
                return 42
        c = C()
        self.assertEqual((c.val, c.val), (42, 42))
        self.assertEqual(log, ["computing"])
        self.assertEqual(c.__dict__, {"val": 42})
        with self.assertRaises(TypeError) as caught:
            type("S", (), {"__slots__": (), "v": cached_property(lambda s: 1)})().v
        self.assertEqual(str(caught.exception),
                         "No '__dict__' attribute on 'S' instance to cache 'v' property.")


class Dispatch(unittest.TestCase):

    def test_singledispatch(self):
        @singledispatch
        def g(x):
            return "obj"

        @g.register
        def _(x: int):
            return "int"

        @g.register(list)
        def _(x):
            return "list"

        @g.register(Mapping)
        def _(x):
            return "mapping"
        self.assertEqual([g(1), g(True), g([]), g("s"), g({})],
                         ["int", "int", "list", "obj", "mapping"])
        self.assertEqual(g.dispatch(bool).__name__, "_")
        self.assertEqual(len(g.registry), 4)

        @g.register(int | float)
        def _(x):
            return "number"
        self.assertEqual((g(1), g(1.5)), ("number", "number"))
        with self.assertRaises(TypeError) as caught:
            g()
        self.assertEqual(str(caught.exception), "g requires at least 1 positional argument")

    def test_singledispatchmethod_and_partialmethod(self):
        class C:
            @singledispatchmethod
            def m(self, a):
                return "base"

            @m.register
            def _(self, a: str):
                return "str"
            pm = partialmethod(f, 9)
        c = C()
        self.assertEqual((c.m(1), c.m("x")), ("base", "str"))
        self.assertEqual(c.pm(1)[1:], (9, (1,), {}))


class OrderingAndWrapping(unittest.TestCase):

    def test_total_ordering(self):
        @total_ordering
        class V:
            def __init__(self, v):
                self.v = v

            def __eq__(self, o):
                return self.v == o.v

            def __lt__(self, o):
                return self.v < o.v
        self.assertIs(V(1) <= V(2), True)
        self.assertIs(V(3) > V(2), True)
        self.assertIs(V(2) >= V(3), False)
        self.assertEqual(V.__gt__.__name__, "__gt__")
        with self.assertRaises(ValueError) as caught:
            total_ordering(type("E", (), {}))
        self.assertEqual(str(caught.exception),
                         "must define at least one ordering operation: < > <= >=")

    def test_wraps(self):
        self.assertEqual((named.__name__, named.__qualname__, named.__doc__,
                          named.__wrapped__.__name__), ("named", "named", "doc", "named"))
        self.assertEqual(WRAPPER_UPDATES, ("__dict__",))
        self.assertIs(WRAPPER_UPDATES, functools.WRAPPER_UPDATES)
        self.assertEqual(named.__annotations__, {"x": int})


if __name__ == "__main__":
    unittest.main()
