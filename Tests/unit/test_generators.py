"""Generator protocol: send, throw, close, yield from, PEP 479 (was golden
lang_generators)."""

import unittest


class GeneratorProtocol(unittest.TestCase):

    def make_gen(self, log):
        def gen():
            x = yield 1
            log.append(("got", x))
            try:
                y = yield 2
                log.append(("got", y))
            except ValueError as e:
                log.append(("caught", str(e)))
                yield "from-except"
            finally:
                log.append("gen finally")
            return "done"
        return gen

    def test_send_throw_and_return_value(self):
        log = []
        g = self.make_gen(log)()
        self.assertEqual(next(g), 1)
        self.assertEqual(g.send("a"), 2)
        self.assertEqual(g.throw(ValueError("v")), "from-except")
        self.assertEqual(log, [("got", "a"), ("caught", "v")])
        with self.assertRaises(StopIteration) as caught:
            next(g)
        self.assertEqual(caught.exception.value, "done")
        self.assertEqual(caught.exception.args, ("done",))
        self.assertEqual(log[-1], "gen finally")

    def test_close_and_just_started_send(self):
        log = []
        gen = self.make_gen(log)
        g = gen()
        next(g)
        g.close()
        self.assertIsNone(g.gi_frame)
        g = gen()
        with self.assertRaises(TypeError) as caught:
            g.send(1)
        self.assertEqual(str(caught.exception),
                         "can't send non-None value to a just-started generator")
        self.assertEqual((gen.__name__, gen.__qualname__.rsplit(".", 1)[-1], g.__name__),
                         ("gen", "gen", "gen"))

    def test_yield_from_delegation(self):
        log = []

        def sub():
            r = yield "s1"
            log.append(("sub got", r))
            yield "s2"
            return "subret"

        def outer():
            res = yield from sub()
            log.append(("res", res))
            yield from [7, 8]
            return "outret"
        o = outer()
        self.assertEqual([next(o), o.send("X"), next(o), next(o), next(o, "dflt")],
                         ["s1", "s2", 7, 8, "dflt"])
        self.assertEqual(log, [("sub got", "X"), ("res", "subret")])
        log.clear()
        self.assertEqual(list(outer()), ["s1", "s2", 7, 8])
        self.assertEqual(log, [("sub got", None), ("res", "subret")])

    def test_pep479(self):
        def pep479():
            yield 1
            raise StopIteration("inner")
        with self.assertRaises(RuntimeError) as caught:
            list(pep479())
        self.assertIs(type(caught.exception), RuntimeError)
        self.assertEqual(str(caught.exception), "generator raised StopIteration")
        self.assertIs(type(caught.exception.__cause__), StopIteration)

    def test_generator_exit(self):
        log = []

        def closer():
            try:
                yield 1
            except GeneratorExit:
                log.append("GeneratorExit seen")
                raise
        c = closer()
        next(c)
        c.close()
        self.assertEqual(log, ["GeneratorExit seen"])

        def bad_closer():
            try:
                yield 1
            except GeneratorExit:
                yield 2
        b = bad_closer()
        next(b)
        with self.assertRaises(RuntimeError) as caught:
            b.close()
        self.assertEqual(str(caught.exception), "generator ignored GeneratorExit")

    def test_already_executing(self):
        def running():
            yield g2.send(None)
        g2 = running()
        with self.assertRaises(ValueError) as caught:
            next(g2)
        self.assertEqual(str(caught.exception), "generator already executing")

    def test_throw_forms(self):
        log = []

        def thrower():
            while True:
                try:
                    yield
                except KeyError as e:
                    log.append(repr(e))
        t = thrower()
        next(t)
        t.throw(KeyError("a"))
        with self.assertWarnsRegex(DeprecationWarning, r"signature of throw\(\) is deprecated"):
            t.throw(KeyError, KeyError("b"))
        self.assertEqual(log, ["KeyError('a')", "KeyError('b')"])
        with self.assertRaises(IndexError):
            t.throw(IndexError)
        self.assertEqual(next(t, "exhausted"), "exhausted")

    def test_throw_into_delegating_generator(self):
        log = []

        def thrower2():
            yield "t2"

        def delegating_throw():
            try:
                yield from thrower2()
            except ZeroDivisionError:
                log.append("outer got ZDE")
                yield "recovered"
        d = delegating_throw()
        next(d)
        self.assertEqual(d.throw(ZeroDivisionError), "recovered")
        self.assertEqual(log, ["outer got ZDE"])

    def test_return_in_finally(self):
        source = ("def gen_ret_in_finally():\n"
                  "    try:\n"
                  "        yield 1\n"
                  "    finally:\n"
                  "        return 5\n")
        namespace = {}
        # PEP 765: the compiler warns about return in finally.
        with self.assertWarns(SyntaxWarning):
            exec(compile(source, "<finally>", "exec"), namespace)
        gr = namespace["gen_ret_in_finally"]()
        next(gr)
        with self.assertRaises(StopIteration) as caught:
            next(gr)
        self.assertEqual(caught.exception.value, 5)

    def test_generator_expressions_and_helpers(self):
        gexp = (i * i for i in range(5) if i % 2 == 0)
        self.assertEqual(type(gexp).__name__, "generator")
        self.assertEqual(list(gexp), [0, 4, 16])
        self.assertEqual(list(gexp), [])
        self.assertEqual(sum(x for x in range(101)), 5050)

        def fib():
            a, b = 0, 1
            while True:
                yield a
                a, b = b, a + b
        f = fib()
        self.assertEqual([next(f) for _ in range(15)],
                         [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377])

        def ident():
            yield from range(3)
        it = ident()
        self.assertIs(it.gi_running, False)
        self.assertEqual(next(it), 0)
        self.assertEqual(list(it), [1, 2])
        self.assertEqual(list(zip(fib(), "abc")), [(0, "a"), (1, "b"), (1, "c")])
        self.assertEqual(list(enumerate(ident(), 10)), [(10, 0), (11, 1), (12, 2)])


if __name__ == "__main__":
    unittest.main()
