"""contextvars: ContextVar get/set/reset, Context as a mapping, run and
copy_context isolation (was golden contextvars_basic).

Every test runs in a fresh Context, so variables set here never leak
into the runner's context or into other tests."""

import contextvars
import re
import unittest
from contextvars import Context, ContextVar, Token, copy_context

a = ContextVar("a")
b = ContextVar("b", default=10)


def noaddr(text):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", text)


class ContextVarTestCase(unittest.TestCase):

    def run(self, result=None):
        return Context().run(super().run, result)

    def check_error(self, error, message, fn, *args, **kwargs):
        with self.assertRaises(error) as caught:
            fn(*args, **kwargs)
        self.assertIs(type(caught.exception), error)
        self.assertEqual(noaddr(str(caught.exception)), message)


class Variables(ContextVarTestCase):

    def test_module_and_reprs(self):
        self.assertEqual(sorted(contextvars.__all__), ["Context", "ContextVar", "Token", "copy_context"])
        self.assertEqual((a.name, b.name), ("a", "b"))
        self.assertEqual(noaddr(repr(a)), "<ContextVar name='a' at ADDR>")
        self.assertEqual(noaddr(repr(b)), "<ContextVar name='b' default=10 at ADDR>")
        self.assertEqual((b.get(), b.get(5), a.get("dflt"), a.get(None)), (10, 5, "dflt", None))
        self.check_error(LookupError, "<ContextVar name='a' at ADDR>", a.get)

    def test_set_and_reset(self):
        t1 = a.set(1)
        self.assertEqual(a.get(), 1)
        self.assertIs(t1.var, a)
        self.assertIs(t1.old_value, Token.MISSING)
        self.assertEqual(repr(Token.MISSING), "<Token.MISSING>")
        t2 = a.set(2)
        self.assertEqual((a.get(), t2.old_value), (2, 1))
        a.reset(t2)
        self.assertEqual(a.get(), 1)
        a.reset(t1)
        self.check_error(LookupError, "<ContextVar name='a' at ADDR>", a.get)
        self.check_error(RuntimeError,
                         "<Token used var=<ContextVar name='a' at ADDR> at ADDR> has already been used once",
                         a.reset, t1)
        self.assertTrue(repr(t1).startswith("<Token used var=<ContextVar"))
        t3 = b.set(11)
        self.check_error(ValueError,
                         "<Token var=<ContextVar name='b' default=10 at ADDR> at ADDR> was created "
                         "by a different ContextVar", a.reset, t3)
        self.check_error(TypeError, "expected an instance of Token, got 'nope'", a.reset, "nope")
        b.reset(t3)
        self.assertEqual(b.get(), 10)


class ContextMapping(ContextVarTestCase):

    def test_mapping_protocol(self):
        ctx = Context()
        self.assertEqual((len(ctx), list(ctx), ctx.get(a), ctx.get(a, "x"), a in ctx),
                         (0, [], None, "x", False))

        def fill():
            a.set("A")
            b.set("B")
            return copy_context()
        snap = ctx.run(fill)
        self.assertEqual((len(ctx), ctx[a], ctx[b], a in ctx, ctx.get(b)), (2, "A", "B", True, "B"))
        self.assertEqual(sorted(v.name for v in ctx), ["a", "b"])
        self.assertEqual(sorted(v.name for v in ctx.keys()), ["a", "b"])
        self.assertEqual(sorted(ctx.values()), ["A", "B"])
        self.assertEqual(sorted((k.name, v) for k, v in ctx.items()), [("a", "A"), ("b", "B")])
        self.assertEqual((len(ctx.keys()), len(ctx.values()), len(ctx.items())), (2, 2, 2))
        self.assertEqual([snap == ctx, snap != ctx, ctx == ctx.copy(), ctx == Context(), ctx == 1],
                         [True, False, True, False, False])
        self.check_error(TypeError, "a ContextVar key was expected, got 'a'", ctx.__getitem__, "a")
        self.check_error(TypeError, "a ContextVar key was expected, got 1", ctx.__contains__, 1)
        self.check_error(TypeError, "a ContextVar key was expected, got 2", ctx.get, 2)
        self.check_error(KeyError, "<ContextVar name='zz' at ADDR>", ctx.__getitem__, ContextVar("zz"))
        self.check_error(TypeError, "unhashable type: '_contextvars.Context'", hash, ctx)

    def test_constructor_errors(self):
        self.check_error(TypeError, "Context() does not accept any arguments", Context, 1)
        self.check_error(TypeError, "Context() does not accept any arguments", Context, x=1)
        self.check_error(TypeError, "run() missing 1 required positional argument", Context().run)
        self.check_error(TypeError, "context variable name must be a str", ContextVar, 5)
        self.check_error(RuntimeError, "Tokens can only be created by ContextVars", Token)
        for cls, name in ((Context, "Context"), (ContextVar, "ContextVar"), (Token, "Token")):
            with self.subTest(cls=name):
                self.check_error(TypeError,
                                 f"type '_contextvars.{name}' is not an acceptable base type",
                                 type, "Sub", (cls,), {})

    def test_generic_aliases(self):
        self.assertEqual(type(ContextVar.__class_getitem__(int)).__name__, "GenericAlias")
        self.assertEqual((repr(ContextVar[int]), repr(Token[str])),
                         ("_contextvars.ContextVar[int]", "_contextvars.Token[str]"))


class Isolation(ContextVarTestCase):

    def test_run_isolates_changes(self):
        seen = []

        def inner(n):
            seen.append((a.get("unset"), b.get()))
            a.set(n)
            b.set(n * 10)
            return a.get(), b.get()
        self.assertEqual(Context().run(inner, 7), (7, 70))
        self.assertEqual((a.get("unset"), b.get()), ("unset", 10))
        c2 = copy_context()
        self.assertEqual(c2.run(inner, 8), (8, 80))
        self.assertEqual((a.get("unset"), b.get()), ("unset", 10))
        self.assertEqual((c2[a], c2[b]), (8, 80))
        self.assertEqual(c2.run(inner, 9), (9, 90))
        self.assertEqual(seen, [("unset", 10), ("unset", 10), (8, 80)])

    def test_kwargs_exceptions_nesting(self):
        def kw(x, *, y):
            return x + y
        self.assertEqual(Context().run(kw, 1, y=2), 3)

        def boom():
            a.set("boom")
            raise ValueError("inside")
        c3 = Context()
        self.check_error(ValueError, "inside", c3.run, boom)
        self.assertEqual((c3[a], a.get("outside-unset")), ("boom", "outside-unset"))

        def reenter():
            self.check_error(RuntimeError,
                             "cannot enter context: <_contextvars.Context object at ADDR> is already entered",
                             c3.run, reenter)
            return "done"
        self.assertEqual(c3.run(reenter), "done")

        def nested():
            c4 = copy_context()
            a.set("outer")
            return c4.run(a.get, "none"), a.get()
        self.assertEqual(Context().run(nested), ("none", "outer"))

    def test_many_variables(self):
        vs = [ContextVar("v%d" % i, default=-i) for i in range(500)]

        def fill_many():
            for i, v in enumerate(vs[::2]):
                v.set(i)
            return copy_context()
        big = Context().run(fill_many)
        self.assertEqual((len(big), sum(big.values())), (250, 31125))
        self.assertTrue(all(big[v] == i for i, v in enumerate(vs[::2])))
        self.assertEqual(big.run(lambda: sum(v.get() for v in vs)), -31375)

        def drop_half():
            tokens = [v.set(None) for v in vs]
            for v, t in reversed(list(zip(vs, tokens))):
                v.reset(t)
            return copy_context()
        self.assertTrue(big.run(drop_half) == big)


if __name__ == "__main__":
    unittest.main()
