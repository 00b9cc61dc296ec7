"""Core behaviours checked against CPython 3.13 in session 13."""
import sys
import traceback
import unittest
import warnings


class ComprehensionScopeTest(unittest.TestCase):
    def test_name_bound_by_earlier_comprehension_reads_global(self):
        # The first comprehension's `x` is its own: the second one reads
        # the global `x`, not the function's hidden slot.
        ns = {"x": 3}
        exec("def f():\n"
             "    [x for x in [1]]\n"
             "    return [x for _ in [1]]\n", ns)
        self.assertEqual(ns["f"](), [3])

    def test_function_local_still_wins(self):
        ns = {"x": 3}
        exec("def f():\n"
             "    x = 2\n"
             "    [x for x in [1]]\n"
             "    return [x for _ in [1]]\n", ns)
        self.assertEqual(ns["f"](), [2])


class BrokenIter:
    def __init__(self, next_raises=False, iter_raises=False):
        self.next_raises = next_raises
        self.iter_raises = iter_raises

    def __next__(self):
        if self.next_raises:
            1 / 0
        raise StopIteration

    def __iter__(self):
        if self.iter_raises:
            1 / 0
        return self


class ComprehensionErrorLocationTest(unittest.TestCase):
    def located(self, src):
        ns = {"BrokenIter": BrokenIter}
        exec(compile(src, "<loc>", "exec"), ns)
        try:
            ns["f"]()
        except ZeroDivisionError as e:
            frames = [f for f in traceback.extract_tb(e.__traceback__)
                      if f.filename == "<loc>"]
        line = src.splitlines()[frames[-1].lineno - 1]
        return line[frames[-1].colno:frames[-1].end_colno]

    def test_iterator_errors_point_at_the_iterable(self):
        for body in ["[x for x in BrokenIter(next_raises=True)]",
                     "{x for x in BrokenIter(iter_raises=True)}",
                     "{x: 1 for x in BrokenIter(next_raises=True)}",
                     "[x for y in [1] for x in BrokenIter(iter_raises=True)]",
                     "(x for x in BrokenIter(iter_raises=True))"]:
            with self.subTest(body=body):
                where = self.located("def f():\n    " + body + "\n")
                self.assertTrue(where.startswith("BrokenIter("), where)
                self.assertTrue(where.endswith("=True)"), where)


class SyntaxMessageTest(unittest.TestCase):
    def error(self, src):
        with self.assertRaises(SyntaxError) as cm:
            compile(src, "<s>", "exec")
        e = cm.exception
        return e.msg, e.lineno, e.offset

    def test_messages(self):
        cases = [
            ("[x for x if range(1)]",
             "'in' expected after for-loop variables", 10),
            ("[x for a, b, (c + 1, d()) if y]",
             "'in' expected after for-loop variables", 27),
            ("[x for a b in y]", "'in' expected after for-loop variables", 10),
            ("f(a=)", "expected argument value expression", 3),
            ("f(a, b, c=, d)", "expected argument value expression", 9),
            ("f(*args=[0])", "cannot assign to iterable argument unpacking", 3),
            ("f(a, **kw={'a': 1})",
             "cannot assign to keyword argument unpacking", 6),
            ("A[*(1:2)]", "Invalid star expression", 6),
            ("A[*]", "Invalid star expression", 4),
            ("f(**x, *)", "Invalid star expression", 9),
            ("f(x, *:)", "Invalid star expression", 7),
            ("import a.y.z, b from b.y.z",
             "Did you mean to use 'from ... import ...' instead?", 1),
            ("import", "Expected one or more names after 'import'", 7),
            ("from .. import\n", "Expected one or more names after 'import'",
             15),
            ("3 + not 3", "'not' after an operator must be parenthesized", 5),
            ("3 + - not 3", "'not' after an operator must be parenthesized", 7),
            ("~ not 3", "'not' after an operator must be parenthesized", 3),
            ('"\\\n"(1 for c in I,\\\n\\', "'(' was never closed", 2),
            ("match y:\n case e(e=v,v,", "'(' was never closed", 8),
            ('"blech\\"',
             "unterminated string literal (detected at line 1); perhaps you "
             "escaped the end quote?", 1),
            ("'blech", "unterminated string literal (detected at line 1)", 1),
            ("yield from [1]", "'yield from' outside function", 1),
            ("class C: yield from x", "'yield from' outside function", 10),
        ]
        for src, msg, offset in cases:
            with self.subTest(src=src):
                got = self.error(src)
                self.assertEqual(got[0], msg)
                self.assertEqual(got[2], offset)

    def test_unchanged_neighbours(self):
        self.assertEqual(self.error("import a as b from c")[0],
                         "invalid syntax")
        self.assertEqual(self.error("f(a for a in b, c)")[0],
                         "Generator expression must be parenthesized")
        self.assertEqual(self.error("1 << not 2")[0], "invalid syntax")
        compile("[x for x in y if not z]; f(*a, **b); -(not x)", "<s>", "exec")

    def test_is_with_tuple_literal_warns(self):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile("x is not (1, 2)", "<s>", "exec")
            compile("x is (1, y)", "<s>", "exec")
        self.assertEqual([str(w.message) for w in caught],
                         ['"is not" with \'tuple\' literal. Did you mean "!="?'])

    def test_type_parameter_expressions(self):
        cases = [
            ("def f[T: (int, (yield))](): pass",
             "yield expression cannot be used within a TypeVar constraint"),
            ("def f[T = (yield)](): pass",
             "yield expression cannot be used within a TypeVar default"),
            ("class A[*Ts = (yield)]: pass",
             "yield expression cannot be used within a TypeVarTuple default"),
            ("type A[**P = [(yield), int]] = int",
             "yield expression cannot be used within a ParamSpec default"),
            ("def f[T: (x:=3)](): pass",
             "named expression cannot be used within a TypeVar bound"),
            ("type A[T: ((x:=3), int)] = int",
             "named expression cannot be used within a TypeVar constraint"),
            ("type A = (x := 3)",
             "named expression cannot be used within a type alias"),
            ("class A[T]((x := 3)): ...",
             "named expression cannot be used within the definition of a "
             "generic"),
        ]
        for src, msg in cases:
            with self.subTest(src=src):
                self.assertEqual(self.error(src)[0], msg)

    def test_fstring_fields_three_deep(self):
        value, width = 12.345, 10
        self.assertEqual(f'{value:{width:{0}}.{2:1}}', '   1.2e+01')
        self.assertEqual(self.error("f'{1:{2:{3:{4}}}}'")[0],
                         "f-string: expressions nested too deeply")


class CodeAssignmentTest(unittest.TestCase):
    def test_kind_change_warns(self):
        def plain(): pass
        def gen(): yield
        before = plain.__code__
        with self.assertWarnsRegex(DeprecationWarning,
                                   "code object of non-matching type"):
            plain.__code__ = gen.__code__
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            plain.__code__ = gen.__code__     # same kind now: no warning
            def other(): return 1
            gen.__code__ = gen.__code__
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plain.__code__ = before
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            plain.__code__ = other.__code__
        self.assertEqual(plain(), 1)


class GeneratorCloseProfileTest(unittest.TestCase):
    def test_unfinished_generator_close_is_not_profiled(self):
        def f():
            for i in range(2):
                yield i

        def g():
            next(f())

        events = []
        def prof(frame, event, arg):
            if event in ("call", "return") and \
                    frame.f_code in (f.__code__, g.__code__):
                events.append((event, frame.f_code.co_name))
        sys.setprofile(prof)
        try:
            g()
        finally:
            sys.setprofile(None)
        self.assertEqual(events, [("call", "g"), ("call", "f"),
                                  ("return", "f"), ("return", "g")])


class AsyncGenAwaitableTest(unittest.TestCase):
    @staticmethod
    def agen_waiting(catch=()):
        import types

        @types.coroutine
        def suspend():
            return (yield None)

        async def agen():
            while True:
                try:
                    await suspend()
                except catch:
                    pass
            yield

        return agen()

    def test_throw_checks_running_and_reuse(self):
        class MyExc(Exception):
            pass
        agen = self.agen_waiting(MyExc)
        first = agen.asend(None)
        first.send(None)
        second = agen.asend(None)
        with self.assertRaisesRegex(RuntimeError, r"anext\(\): asynchronous "
                                    "generator is already running"):
            second.throw(MyExc)
        with self.assertRaisesRegex(RuntimeError, r"cannot reuse already "
                                    r"awaited __anext__\(\)/asend\(\)"):
            second.send(None)
        third = agen.athrow(MyExc)
        with self.assertRaisesRegex(RuntimeError, r"athrow\(\): asynchronous "
                                    "generator is already running"):
            third.throw(MyExc)
        first.close()

    def test_close_that_is_ignored(self):
        import types

        @types.coroutine
        def suspend():
            return (yield None)

        async def agenfn():
            try:
                await suspend()
            except GeneratorExit:
                await suspend()
            return
            yield

        agen = agenfn()
        step = agen.asend(None)
        step.send(None)
        with self.assertRaisesRegex(RuntimeError,
                                    "coroutine ignored GeneratorExit"):
            step.close()

    def test_aclose_throw_then_reuse(self):
        async def agen():
            yield 1
        closing = agen().aclose()
        with self.assertRaises(StopIteration):
            closing.throw(GeneratorExit)
        with self.assertRaisesRegex(RuntimeError, r"cannot reuse already "
                                    r"awaited aclose\(\)/athrow\(\)"):
            closing.throw(GeneratorExit)

    def test_three_argument_athrow_warns_once(self):
        async def agen():
            yield 1
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            step = agen().athrow(GeneratorExit, GeneratorExit(), None)
            with self.assertRaises(GeneratorExit):
                step.send(None)
        self.assertEqual([str(w.message)[:40] for w in caught],
                         ["the (type, exc, tb) signature of athrow("])

    def test_never_awaited_warnings(self):
        async def agen():
            yield 1
        for method, make in [("asend", lambda g: g.asend(None)),
                             ("athrow", lambda g: g.athrow(ValueError)),
                             ("aclose", lambda g: g.aclose())]:
            with self.subTest(method=method):
                g = agen()
                msg = (f"coroutine method '{method}' of "
                       f"'{agen.__qualname__}' was never awaited")
                with self.assertWarnsRegex(RuntimeWarning, msg):
                    make(g)
                    import gc
                    gc.collect()


class FrameLocalsProxyTest(unittest.TestCase):
    def test_lists_reversed_and_repr(self):
        x = 1
        d = sys._getframe().f_locals
        self.assertEqual(d.keys(), ["self", "x", "d"])
        self.assertEqual(d.values()[1], 1)
        self.assertEqual(d.items()[1], ("x", 1))
        self.assertEqual(reversed(d), ["d", "x", "self"])
        d["extra"] = d
        self.assertTrue(repr(d).endswith("'extra': {...}}"), repr(d))
        self.assertEqual(locals()["extra"], d)
        with self.assertRaises(TypeError):
            d.update([1, 2])

    def test_constructor(self):
        def make():
            x = 1
            return sys._getframe()
        proxy_type = type(sys._getframe().f_locals)
        self.assertEqual(proxy_type(make()), {"x": 1})
        for args, kwargs in [((), {}), ((123,), {}),
                             ((), {"frame": sys._getframe()})]:
            with self.assertRaises(TypeError):
                proxy_type(*args, **kwargs)

    def test_keys_that_are_not_plain_str(self):
        class Same:
            def __hash__(self):
                return hash("x")
            def __eq__(self, other):
                return other == "x"

        class Unhashable(str):
            __hash__ = None

        def f():
            proxy = sys._getframe().f_locals
            proxy[Same()] = 2
            return x
            x = 1
        self.assertEqual(f(), 2)
        proxy = sys._getframe().f_locals
        with self.assertRaises(TypeError):
            proxy[Unhashable("x")]
        with self.assertRaises(TypeError):
            proxy[Unhashable("x")] = 0


class ModuleReprTest(unittest.TestCase):
    def test_loader_without_spec_or_file(self):
        import types
        class Loader:
            pass
        m = types.ModuleType("foo")
        m.__loader__ = Loader
        self.assertEqual(repr(m), "<module 'foo' (%r)>" % (Loader,))
        del m.__name__
        self.assertEqual(repr(m), "<module '?' (%r)>" % (Loader,))

    def test_spec_without_origin(self):
        import importlib.machinery
        import types
        m = types.ModuleType("foo")
        loader = importlib.machinery.NamespaceLoader("foo", ["bar"], "baz")
        m.__spec__ = importlib.machinery.ModuleSpec("foo", loader)
        self.assertEqual(repr(m), "<module 'foo' (namespace) from ['bar']>")
        class Loader:
            _path = ["spam"]
        m.__spec__ = importlib.machinery.ModuleSpec("foo", Loader)
        self.assertEqual(repr(m), "<module 'foo' (%r)>" % (Loader,))
        m.__spec__ = importlib.machinery.ModuleSpec("foo", None)
        self.assertEqual(repr(m), "<module 'foo'>")


class TypeCreationTest(unittest.TestCase):
    def test_non_string_namespace_key_warns(self):
        with self.assertWarnsRegex(RuntimeWarning,
                                   "non-string key in the __dict__ of class "
                                   "MyClass"):
            cls = type("MyClass", (), {1: 2})
        self.assertEqual(cls.__dict__[1], 2)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            type("Fine", (), {"a": 1})

    def test_empty_slot_names_the_qualified_type(self):
        class X:
            __slots__ = "a"
        with self.assertRaisesRegex(
                AttributeError,
                r"^'test_core_s13\.TypeCreationTest\.test_empty_slot_names_"
                r"the_qualified_type\.<locals>\.X' object has no attribute 'a'$"):
            X().a


class CoroutineDetailsTest(unittest.TestCase):
    def test_name_docstrings(self):
        import types
        for t, kind in [(types.GeneratorType, "generator"),
                        (types.CoroutineType, "coroutine"),
                        (types.AsyncGeneratorType, "async generator")]:
            self.assertEqual(t.__dict__["__name__"].__doc__, "name of the " + kind)
            self.assertEqual(t.__dict__["__qualname__"].__doc__,
                             "qualified name of the " + kind)

    def test_unawaited_warning_survives_a_broken_hook(self):
        import gc
        async def corofn():
            pass
        orig = warnings._warn_unawaited_coroutine
        seen = []
        old_hook = sys.unraisablehook
        sys.unraisablehook = lambda u: seen.append(u.exc_type)
        try:
            warnings._warn_unawaited_coroutine = lambda coro: 1 / 0
            with self.assertWarnsRegex(RuntimeWarning, "was never awaited"):
                corofn()
                gc.collect()
        finally:
            warnings._warn_unawaited_coroutine = orig
            sys.unraisablehook = old_hook
        self.assertEqual(seen, [ZeroDivisionError])


class ReduceBuiltinsTest(unittest.TestCase):
    def test_iterator_reduce_uses_the_frame_builtins(self):
        import types
        code = compile("x.__reduce__()", "test", "eval")
        ns = {"__builtins__": types.MappingProxyType({}), "x": iter([1, 2])}
        with self.assertRaisesRegex(AttributeError, "iter"):
            eval(code, ns)
        ns = {"__builtins__": types.MappingProxyType({"iter": iter}),
              "x": iter([1, 2])}
        self.assertEqual(eval(code, ns), (iter, ([1, 2],), 0))


class RelativeImportWarningTest(unittest.TestCase):
    def test_package_guessed_from_name_warns(self):
        with self.assertWarnsRegex(ImportWarning, "falling back on __name__ "
                                   "and __path__"):
            with self.assertRaisesRegex(ImportError, "no known parent"):
                __import__("", {"__package__": None, "__spec__": None,
                                "__name__": "__main__"},
                           locals={}, fromlist=("foo",), level=1)


class JumpUnboundLocalsTest(unittest.TestCase):
    def test_jump_binds_unbound_locals_with_a_warning(self):
        def f():
            a = 1
            b = 2
            c = 3
            return (a, b, c)

        first = f.__code__.co_firstlineno
        def tracer(frame, event, arg):
            if frame.f_code is f.__code__:
                if event == "line" and frame.f_lineno == first + 1:
                    frame.f_lineno = first + 4
                return tracer
            return None
        sys.settrace(tracer)
        try:
            with self.assertWarnsRegex(RuntimeWarning,
                                       "assigning None to 3 unbound locals"):
                result = f()
        finally:
            sys.settrace(None)
        self.assertEqual(result, (None, None, None))


class FStringDebugTextTest(unittest.TestCase):
    def test_comments_are_left_out_of_the_echo(self):
        src = ("r1 = f\"{1+2 = # my comment\n  }\"\n"
               "r2 = f'{\"\"\" # booo\n  \"\"\"=}'\n"
               "r3 = f'{\" # nooo \"=}'\n")
        ns = {}
        exec(src, ns)
        self.assertEqual(ns["r1"], "1+2 = \n  3")
        self.assertEqual(ns["r2"], '""" # booo\n  """=\' # booo\\n  \'')
        self.assertEqual(ns["r3"], '" # nooo "=\' # nooo \'')
        with self.assertRaises(SyntaxError):
            eval("f'{i='")


if __name__ == "__main__":
    unittest.main()
