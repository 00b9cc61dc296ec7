"""try/except/else/finally, chaining, groups (was golden exceptions)."""

import sys
import unittest


def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return n


class MyError(Exception):
    def __init__(self, code):
        super(MyError, self).__init__(f"code {code}")
        self.code = code


class Exceptions(unittest.TestCase):

    def test_handler_selection_else_finally(self):
        log = []
        for n in range(3):
            try:
                r = risky(n)
            except ValueError as e:
                log.append(("ValueError", str(e)))
            except (KeyError, IndexError) as e:
                log.append(("lookup", repr(e)))
            else:
                log.append(("ok", r))
            finally:
                log.append(("finally", n))
        self.assertEqual(log, [("ValueError", "zero"), ("finally", 0),
                               ("lookup", "KeyError('one')"), ("finally", 1),
                               ("ok", 2), ("finally", 2)])

    def test_explicit_and_implicit_chaining(self):
        with self.assertRaises(RuntimeError) as caught:
            try:
                1 / 0
            except ZeroDivisionError as e:
                raise RuntimeError("wrapped") from e
        e = caught.exception
        self.assertEqual(str(e), "wrapped")
        self.assertIs(type(e.__cause__), ZeroDivisionError)
        self.assertIs(e.__suppress_context__, True)
        with self.assertRaises(TypeError) as caught:
            try:
                {}["k"]
            except KeyError:
                raise TypeError("during")
        self.assertEqual(str(caught.exception), "during")
        self.assertEqual(repr(caught.exception.__context__), "KeyError('k')")
        self.assertIsNone(caught.exception.__cause__)

    def test_user_exception(self):
        with self.assertRaises(Exception) as caught:
            raise MyError(7)
        e = caught.exception
        self.assertEqual(str(e), "code 7")
        self.assertEqual(e.code, 7)
        self.assertIsInstance(e, MyError)
        self.assertEqual(e.args, ("code 7",))

    def test_finally_with_return_and_continue(self):
        log = []

        def f():
            try:
                return "try"
            finally:
                log.append("cleanup")
        self.assertEqual(f(), "try")
        self.assertEqual(log, ["cleanup"])
        log.clear()
        for i in range(3):
            try:
                if i == 1:
                    continue
                log.append(("body", i))
            finally:
                log.append(("fin", i))
        self.assertEqual(log, [("body", 0), ("fin", 0), ("fin", 1), ("body", 2), ("fin", 2)])

    def test_bare_raise_without_active_exception(self):
        with self.assertRaises(RuntimeError) as caught:
            raise
        self.assertEqual(str(caught.exception), "No active exception to reraise")

    def test_exc_info_and_exception(self):
        try:
            raise ValueError("x")
        except ValueError:
            self.assertIs(sys.exc_info()[0], ValueError)
            self.assertEqual(str(sys.exception()), "x")
        self.assertIsNone(sys.exception())
        self.assertEqual(sys.exc_info(), (None, None, None))

    def test_builtin_error_messages(self):
        with self.assertRaises(AssertionError) as caught:
            assert 1 == 2, "nope"
        self.assertEqual(str(caught.exception), "nope")
        with self.assertRaises(NameError) as caught:
            undefined_name  # noqa: F821
        self.assertEqual(str(caught.exception), "name 'undefined_name' is not defined")

        def unbound():
            print(v)
            v = 1
        with self.assertRaises(UnboundLocalError) as caught:
            unbound()
        self.assertEqual(str(caught.exception),
                         "cannot access local variable 'v' where it is not associated with a value")

    def test_except_star(self):
        log = []
        try:
            raise ExceptionGroup("grp", [ValueError(1), TypeError(2)])
        except* ValueError as eg:
            log.append(("star", repr(eg.exceptions)))
        except* TypeError as eg:
            log.append(("star2", repr(eg.exceptions)))
        self.assertEqual(log, [("star", "(ValueError(1),)"), ("star2", "(TypeError(2),)")])

    def test_recursion_error(self):
        def deep(n):
            return deep(n + 1)
        with self.assertRaises(RecursionError) as caught:
            deep(0)
        self.assertEqual(str(caught.exception), "maximum recursion depth exceeded")



def chain_summary(e):
    return (type(e).__name__, e.args, type(e.__cause__).__name__,
            type(e.__context__).__name__, e.__suppress_context__)


class ChainingInDepth(unittest.TestCase):
    """Was golden lang_exceptions (first half) and lang_exceptions2."""

    def catch(self, fn):
        try:
            fn()
        except BaseException as e:
            return e
        self.fail("no exception raised")

    def test_cause_context_suppress(self):
        def from_cause():
            try:
                1 / 0
            except ZeroDivisionError as z:
                raise ValueError("v") from z

        def implicit():
            try:
                {}["k"]
            except KeyError:
                raise TypeError("t")

        def from_none():
            try:
                [][1]
            except IndexError:
                raise RuntimeError("r") from None

        def from_class():
            raise ValueError from KeyError
        self.assertEqual(chain_summary(self.catch(from_cause)),
                         ("ValueError", ("v",), "ZeroDivisionError", "ZeroDivisionError", True))
        self.assertEqual(chain_summary(self.catch(implicit)),
                         ("TypeError", ("t",), "NoneType", "KeyError", False))
        self.assertEqual(chain_summary(self.catch(from_none)),
                         ("RuntimeError", ("r",), "NoneType", "IndexError", True))
        self.assertEqual(chain_summary(self.catch(from_class)),
                         ("ValueError", (), "KeyError", "NoneType", True))

    def test_context_in_finally(self):
        log = []

        def f():
            try:
                raise ValueError("a")
            finally:
                try:
                    raise KeyError("b")
                except KeyError as e:
                    log.append(repr(e.__context__))
        e = self.catch(f)
        self.assertEqual(log, ["ValueError('a')"])
        self.assertEqual(repr(e), "ValueError('a')")
        self.assertIsNone(e.__context__)

        def g():
            try:
                1 / 0
            except ZeroDivisionError:
                try:
                    raise TypeError
                finally:
                    log.append(type(sys.exception()).__name__)
        e = self.catch(g)
        self.assertEqual(log[-1], "TypeError")
        self.assertIs(type(e), TypeError)
        self.assertIs(type(e.__context__), ZeroDivisionError)

    def test_exception_raised_by_exit(self):
        log = []

        class CM:
            def __enter__(self): return self

            def __exit__(self, *a):
                log.append([type(x).__name__ for x in a])
                raise RuntimeError("from exit")

        def failing_body():
            with CM():
                raise ValueError

        def clean_body():
            with CM():
                pass
        e = self.catch(failing_body)
        self.assertEqual((repr(e), repr(e.__context__)), ("RuntimeError('from exit')", "ValueError()"))
        e = self.catch(clean_body)
        self.assertEqual(repr(e), "RuntimeError('from exit')")
        self.assertIsNone(e.__context__)
        self.assertEqual(log, [["type", "ValueError", "traceback"],
                               ["NoneType", "NoneType", "NoneType"]])

    def test_continue_in_finally_overrides_return(self):
        source = ("def ret_override():\n"
                  "    for i in range(3):\n"
                  "        try:\n"
                  "            return i\n"
                  "        finally:\n"
                  "            if i == 0:\n"
                  "                continue\n")
        namespace = {}
        with self.assertWarns(SyntaxWarning):  # PEP 765
            exec(compile(source, "<finally>", "exec"), namespace)
        self.assertEqual(namespace["ret_override"](), 1)

    def test_exception_attributes(self):
        e = ValueError("v")
        self.assertEqual((e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__,
                          e.args), (None, None, None, False, ("v",)))
        e.__cause__ = KeyError()
        self.assertIs(e.__suppress_context__, True)
        with self.assertRaises(TypeError) as caught:
            e.__cause__ = 5
        self.assertEqual(str(caught.exception),
                         "exception cause must be None or derive from BaseException")
        e.add_note("note one")
        e.add_note("note two")
        self.assertEqual(e.__notes__, ["note one", "note two"])
        with self.assertRaises(TypeError) as caught:
            e.add_note(5)
        self.assertEqual(str(caught.exception), "note must be a str, not 'int'")
        x = Exception("x")
        x.add_note("n")
        self.assertEqual((repr(x), x.__notes__, str(x)), ("Exception('x')", ["n"], "x"))

    def test_raising_non_exceptions(self):
        class NotExc:
            pass

        def raise_int():
            raise 5

        def raise_from_int():
            raise ValueError from 5

        def raise_class():
            raise NotExc

        def catch_int():
            try:
                raise KeyError
            except (IndexError, 5):
                pass
        for fn, message in [
                (raise_int, "exceptions must derive from BaseException"),
                (raise_from_int, "exception causes must derive from BaseException"),
                (raise_class, "exceptions must derive from BaseException"),
                (catch_int, "catching classes that do not inherit from BaseException is not allowed")]:
            with self.subTest(fn=fn.__name__):
                e = self.catch(fn)
                self.assertIs(type(e), TypeError)
                self.assertEqual(str(e), message)


class HandlerState(unittest.TestCase):

    def test_exc_info_nesting(self):
        self.assertEqual(sys.exc_info(), (None, None, None))
        try:
            raise KeyError("ki")
        except KeyError:
            t, v, tb = sys.exc_info()
            self.assertEqual((t.__name__, repr(v), type(tb).__name__), ("KeyError", "KeyError('ki')", "traceback"))
            self.assertIs(sys.exception(), v)
            try:
                raise IndexError
            except IndexError:
                self.assertIs(type(sys.exception()), IndexError)
            self.assertIs(type(sys.exception()), KeyError)
        self.assertIsNone(sys.exception())
        self.assertIsNone(sys.exc_info()[0])

    def test_generator_keeps_its_exception_state(self):
        def gen_ctx():
            try:
                raise KeyError(1)
            except KeyError:
                yield sys.exception()
        g = gen_ctx()
        self.assertEqual(repr(next(g)), "KeyError(1)")
        self.assertIsNone(sys.exception())

    def test_finally_ordering(self):
        log = []

        def order():
            try:
                log.append("try")
                return "ret-try"
            finally:
                log.append("finally")
        self.assertEqual(order(), "ret-try")
        self.assertEqual(log, ["try", "finally"])
        log.clear()
        for i in range(3):
            try:
                if i == 1:
                    continue
                if i == 2:
                    break
                log.append(("body", i))
            finally:
                log.append(("fin", i))
        else:
            log.append("no else")
        self.assertEqual(log, [("body", 0), ("fin", 0), ("fin", 1), ("fin", 2)])
        log.clear()
        try:
            try:
                raise ValueError("inner")
            finally:
                log.append("inner finally")
        except ValueError as e:
            log.append(("caught", str(e)))
        finally:
            log.append("outer finally")
        self.assertEqual(log, ["inner finally", ("caught", "inner"), "outer finally"])
        log.clear()
        try:
            pass
        except Exception:
            log.append("never")
        else:
            log.append("else runs")
        finally:
            log.append("finally runs")
        self.assertEqual(log, ["else runs", "finally runs"])
        log.clear()
        for i in range(3):
            try:
                if i == 1: raise ValueError(i)
            except ValueError as e:
                log.append(("caught", str(e)))
                continue
            else:
                log.append(("no exc", i))
        self.assertEqual(log, [("no exc", 0), ("caught", "1"), ("no exc", 2)])

    def test_except_as_unbinds_module_name(self):
        namespace = {}
        exec("e = None\n"
             "try:\n"
             "    raise ValueError\n"
             "except ValueError as e:\n"
             "    pass\n"
             "try:\n"
             "    e\n"
             "except NameError as ne:\n"
             "    message = str(ne)\n", namespace)
        self.assertEqual(namespace["message"], "name 'e' is not defined")
        self.assertNotIn("e", namespace)


class ExceptionGroups(unittest.TestCase):

    def test_split_and_subgroup(self):
        eg = ExceptionGroup("grp", [ValueError(1), TypeError(2),
                                    ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
        self.assertEqual(repr(eg), "ExceptionGroup('grp', [ValueError(1), TypeError(2), "
                                   "ExceptionGroup('sub', [ValueError(3), KeyError(4)])])")
        self.assertEqual((eg.message, len(eg.exceptions)), ("grp", 3))
        match, rest = eg.split(ValueError)
        self.assertEqual(repr(match),
                         "ExceptionGroup('grp', [ValueError(1), ExceptionGroup('sub', [ValueError(3)])])")
        self.assertEqual(repr(rest),
                         "ExceptionGroup('grp', [TypeError(2), ExceptionGroup('sub', [KeyError(4)])])")
        self.assertEqual(repr(eg.subgroup(lambda x: isinstance(x, KeyError))),
                         "ExceptionGroup('grp', [ExceptionGroup('sub', [KeyError(4)])])")
        self.assertIsNone(eg.subgroup(OSError))

    def test_construction(self):
        self.assertIs(type(BaseExceptionGroup("b", [ValueError()])), ExceptionGroup)
        self.assertIs(type(BaseExceptionGroup("b", [KeyboardInterrupt()])), BaseExceptionGroup)
        with self.assertRaises(ValueError) as caught:
            ExceptionGroup("x", [])
        self.assertEqual(str(caught.exception),
                         "second argument (exceptions) must be a non-empty sequence")

    def test_except_star_clauses(self):
        log = []
        try:
            raise ExceptionGroup("eg", [ValueError("a"), TypeError("b"), OSError("c")])
        except* ValueError as g:
            log.append(("V", repr(g)))
        except* (TypeError, KeyError) as g:
            log.append(("T", repr(g)))
        except* OSError:
            log.append("OS")
        self.assertEqual(log, [("V", "ExceptionGroup('eg', [ValueError('a')])"),
                               ("T", "ExceptionGroup('eg', [TypeError('b')])"), "OS"])

    def test_unhandled_rest_and_naked_exception(self):
        log = []
        try:
            try:
                raise ExceptionGroup("eg", [ValueError("a"), KeyError("b")])
            except* ValueError:
                log.append("handled V")
        except ExceptionGroup as rest:
            log.append(repr(rest))
        try:
            raise TypeError("naked")
        except* TypeError as g:
            log.append(repr(g))
        self.assertEqual(log, ["handled V", "ExceptionGroup('eg', [KeyError('b')])",
                               "ExceptionGroup('', (TypeError('naked'),))"])

    def test_raise_inside_star_handler(self):
        log = []
        try:
            raise ExceptionGroup("g", [ValueError(1)])
        except* ValueError:
            try:
                raise TypeError("in handler")
            except TypeError:
                log.append("nested ok")
        self.assertEqual(log, ["nested ok"])
        with self.assertRaises(KeyError) as caught:
            try:
                raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
            except* ValueError:
                raise KeyError("replaced")
        self.assertEqual(repr(caught.exception), "KeyError('replaced')")
        self.assertEqual(repr(caught.exception.__context__),
                         "ExceptionGroup('g', [ValueError(1), ValueError(2)])")


class ExceptionObjects(unittest.TestCase):

    def test_reprs_and_strs(self):
        class MyErr(Exception):
            def __init__(self, code):
                super().__init__("code %d" % code)
                self.code = code
        e = MyErr(7)
        self.assertEqual((str(e), e.code, repr(e), e.args), ("code 7", 7, "MyErr('code 7')", ("code 7",)))
        self.assertEqual([repr(Exception()), str(Exception()), str(Exception(1, 2)),
                          repr(KeyError("a")), str(KeyError("a"))],
                         ["Exception()", "", "(1, 2)", "KeyError('a')", "'a'"])
        self.assertEqual([repr(ValueError(1, 2)), str(ValueError(1, 2)), str(KeyError()),
                          repr(BaseException("x"))],
                         ["ValueError(1, 2)", "(1, 2)", "", "BaseException('x')"])

    def test_hierarchy(self):
        self.assertTrue(issubclass(KeyError, LookupError))
        self.assertEqual(KeyError.__mro__, (KeyError, LookupError, Exception, BaseException, object))
        self.assertEqual(KeyboardInterrupt.__mro__[1].__name__, "BaseException")
        self.assertTrue(issubclass(StopAsyncIteration, Exception))
        self.assertEqual(GeneratorExit.__bases__, (BaseException,))

    def test_constructor_attributes(self):
        self.assertEqual(OSError(2, "No such file").errno, 2)
        self.assertEqual(str(OSError(2, "nf")), "[Errno 2] nf")
        self.assertEqual(str(OSError(2, "nf", "path")), "[Errno 2] nf: 'path'")
        self.assertEqual(StopIteration(5).value, 5)
        self.assertEqual(SystemExit(3).code, 3)
        self.assertEqual(NameError("n", name="n").name, "n")
        self.assertEqual(AttributeError("a", name="x", obj=1).obj, 1)

    def test_assertion_error(self):
        with self.assertRaises(AssertionError) as caught:
            assert 1 == 2, "msg"
        self.assertEqual(repr(caught.exception), "AssertionError('msg')")
        with self.assertRaises(AssertionError) as caught:
            assert False
        self.assertEqual((repr(caught.exception), caught.exception.args), ("AssertionError()", ()))

    def test_name_and_attribute_error_details(self):
        with self.assertRaises(NameError) as caught:
            undefined_func()  # noqa: F821
        self.assertEqual((str(caught.exception), caught.exception.name),
                         ("name 'undefined_func' is not defined", "undefined_func"))
        with self.assertRaises(AttributeError) as caught:
            (1).nope
        e = caught.exception
        self.assertEqual((str(e), e.name, e.obj), ("'int' object has no attribute 'nope'", "nope", 1))

if __name__ == "__main__":
    unittest.main()
