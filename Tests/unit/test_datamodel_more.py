"""More of the data model: metaclass dunders, __init_subclass__,
descriptors, __getattr__/__getattribute__, slots with __dict__,
__index__, reversed/iter protocols, and the messages of the TypeErrors
the interpreter raises for bad special-method results (was golden
lang_datamodel2, lang_datamodel3)."""

import unittest


class TypeProtocols(unittest.TestCase):

    def test_metaclass_special_methods(self):
        class Meta(type):
            def __repr__(cls): return "<Meta %s>" % cls.__name__
            def __len__(cls): return 3
            def __iter__(cls): return iter("abc")
            def __getitem__(cls, k): return k * 2

        class U(metaclass=Meta):
            pass
        self.assertEqual((repr(U), len(U), list(U), U[4], type(U).__name__),
                         ("<Meta U>", 3, ["a", "b", "c"], 8, "Meta"))

    def test_metaclass_new_and_properties(self):
        class Meta(type):
            def __new__(m, name, bases, ns):
                ns["created_by"] = m.__name__
                return super().__new__(m, name, bases, ns)

            @property
            def upper(cls): return cls.__name__.upper()

        class WithMeta(metaclass=Meta):
            pass

        class Child(WithMeta):
            pass
        self.assertEqual((WithMeta.created_by, Child.created_by, Child.upper,
                          type(Child).__name__), ("Meta", "Meta", "CHILD", "Meta"))
        with self.assertRaises(AttributeError) as caught:
            WithMeta().upper
        self.assertEqual(str(caught.exception), "'WithMeta' object has no attribute 'upper'")

    def test_init_subclass_keywords(self):
        class Base:
            def __init_subclass__(cls, /, **kw):
                cls.kw = kw

        class Sub(Base, a=1):
            pass
        self.assertEqual(Sub.kw, {"a": 1})
        with self.assertRaises(TypeError) as caught:
            class Bad(object, foo=1):
                pass
        # The message names the class by its qualified name.
        self.assertEqual(str(caught.exception),
                         "TypeProtocols.test_init_subclass_keywords.<locals>.Bad"
                         ".__init_subclass__() takes no keyword arguments")


class Descriptors(unittest.TestCase):

    def test_set_name(self):
        class Desc:
            def __set_name__(self, owner, name): self.n = name
            def __get__(self, o, t): return self.n

        class Holder:
            a = Desc()
            b = Desc()
        self.assertEqual((Holder.a, Holder().b), ("a", "b"))

    def test_property_getter_with_super(self):
        class Base:
            @property
            def p(self): return "base"

        class Der(Base):
            @Base.p.getter
            def p(self): return "der+" + super().p
        self.assertEqual(Der().p, "der+base")

    def test_getattribute_and_getattr(self):
        class A:
            def __init__(self): self.__dict__["x"] = 1

            def __getattribute__(self, n):
                if n == "boom": raise AttributeError("custom")
                return super().__getattribute__(n)

            def __getattr__(self, n): return "fallback:" + n
        self.assertEqual((A().x, A().boom, A().zzz), (1, "fallback:boom", "fallback:zzz"))

    def test_non_data_descriptor_caches_in_instance(self):
        class Lazy:
            def __init__(self, f):
                self.f = f
                self.name = f.__name__

            def __get__(self, obj, cls):
                if obj is None: return self
                v = self.f(obj)
                obj.__dict__[self.name] = v
                return v

        class UsesLazy:
            calls = 0

            @Lazy
            def value(self):
                UsesLazy.calls += 1
                return 42
        u = UsesLazy()
        self.assertEqual((u.value, u.value, UsesLazy.calls), (42, 42, 1))

    def test_data_descriptor_validates(self):
        class Typed:
            def __set_name__(self, owner, name): self.name = name
            def __get__(self, obj, cls): return obj.__dict__.get(self.name) if obj else self

            def __set__(self, obj, value):
                if not isinstance(value, int): raise TypeError(f"{self.name} must be int")
                obj.__dict__[self.name] = value

        class Pt:
            x = Typed()
            y = Typed()

            def __init__(self, x, y):
                self.x = x
                self.y = y
        p = Pt(1, 2)
        self.assertEqual((p.x, p.y), (1, 2))
        with self.assertRaisesRegex(TypeError, "^x must be int$"):
            p.x = "s"

    def test_slots_with_dict(self):
        class WithSlots:
            __slots__ = ("x", "__dict__")
        w = WithSlots()
        w.x = 1
        w.y = 2
        self.assertEqual((w.x, w.y, w.__dict__), (1, 2, {"y": 2}))


class Lifetimes(unittest.TestCase):

    def test_del_on_return_and_clear(self):
        log = []

        class Tracker:
            def __del__(self): log.append("del tracker")

        def make():
            t = Tracker()
            return 1
        self.assertEqual(make(), 1)
        self.assertEqual(log, ["del tracker"])
        lst = [Tracker()]
        lst.clear()
        self.assertEqual(log, ["del tracker", "del tracker"])

    def test_with_statement_order(self):
        log = []

        class Ctx:
            def __init__(self, n): self.n = n

            def __enter__(self):
                log.append(("enter", self.n))
                return self

            def __exit__(self, *exc):
                log.append(("exit", self.n, exc[0]))
                return False
        with self.assertRaises(ValueError):
            with Ctx(1), Ctx(2) as c2:
                raise ValueError
        self.assertEqual(log, [("enter", 1), ("enter", 2), ("exit", 2, ValueError),
                               ("exit", 1, ValueError)])
        log.clear()
        with (Ctx(3) as a3,
              Ctx(4) as a4):
            log.append(a3.n + a4.n)
        self.assertEqual(log, [("enter", 3), ("enter", 4), 7, ("exit", 4, None),
                               ("exit", 3, None)])


class Idx:
    def __index__(self): return 2


class Hashy:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v


class Rev:
    def __len__(self): return 3

    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i


class Sequences(unittest.TestCase):

    def test_index(self):
        self.assertEqual(("abcd"[Idx()], [1, 2, 3][Idx():], range(10)[Idx()], bin(Idx())),
                         ("c", [3], 2, "0b10"))
        self.assertIs((5).__pow__(Idx()), NotImplemented)
        self.assertEqual(round(3.14159, Idx()), 3.14)

    def test_colliding_keys(self):
        d = {Hashy(1): "a", Hashy(2): "b", Hashy(1): "c"}
        self.assertEqual(len(d), 2)
        self.assertEqual(list(d.values()), ["c", "b"])

    def test_reversed_and_iter(self):
        self.assertEqual((list(reversed(Rev())), list(Rev()), 2 in Rev()),
                         ([2, 1, 0], [0, 1, 2], True))

        class IterBad:
            def __iter__(self): return iter([1])
            def __next__(self): return 1
        self.assertEqual(list(IterBad()), [1])

    def test_callable(self):
        class Callable:
            def __call__(self, x): return x + 1
        self.assertEqual(Callable()(1), 2)
        self.assertTrue(callable(Callable()))
        self.assertTrue(callable(Callable))


class NotImplementedDispatch(unittest.TestCase):

    def test_iadd_isub_fallback(self):
        class Counter:
            def __init__(self): self.n = 0

            def __iadd__(self, k):
                self.n += k
                return self

            def __isub__(self, k): return NotImplemented

            def __sub__(self, k):
                r = Counter()
                r.n = self.n - k
                return r
        c = Counter()
        c += 5
        c -= 2
        self.assertEqual((c.n, type(c).__name__), (3, "Counter"))

    def test_eq_falls_back_to_identity(self):
        log = []

        class Cmp:
            def __init__(self, v): self.v = v

            def __eq__(self, o):
                log.append("eq called")
                return NotImplemented
        self.assertIs(Cmp(1) == Cmp(1), False)
        self.assertIs(Cmp(1) != Cmp(1), True)
        self.assertEqual(len(log), 4)
        log.clear()
        x = Cmp(1)
        self.assertIs(x == x, True)
        self.assertIs(x in [x], True)
        self.assertEqual([x].count(x), 1)
        # Containment and count test identity first.
        self.assertEqual(len(log), 2)

    def test_reflected_only(self):
        class R:
            def __radd__(self, o): return "radd"
            def __rsub__(self, o): return "rsub"
            def __rlshift__(self, o): return "rlshift"
        self.assertEqual((1 + R(), 5 - R(), 1 << R()), ("radd", "rsub", "rlshift"))


class ErrorMessages(unittest.TestCase):

    def check(self, error, message, fn):
        with self.assertRaises(error) as caught:
            fn()
        self.assertIs(type(caught.exception), error)
        self.assertEqual(str(caught.exception), message)

    def test_bad_special_method_results(self):
        class Bad:
            def __len__(self): return "x"

        class Big:
            def __len__(self): return 2 ** 100

        class H:
            def __hash__(self): return "x"

        class BoolBad:
            def __bool__(self): return 1

        class ReprBad:
            def __repr__(self): return 5

        class StrBad:
            def __str__(self): return None

        class IdxBad:
            def __index__(self): return 1.5

        class NextBad:
            def __iter__(self): return self

        class BadIter:
            def __iter__(self): return 5

        class NoRev:
            __reversed__ = None
            def __len__(self): return 1
            def __getitem__(self, i): return i

        class NoIter:
            __iter__ = None
        cases = [
            (TypeError, "'str' object cannot be interpreted as an integer", lambda: len(Bad())),
            (OverflowError, "cannot fit 'int' into an index-sized integer", lambda: len(Big())),
            (TypeError, "__hash__ method should return an integer", lambda: hash(H())),
            (TypeError, "__bool__ should return bool, returned int", lambda: bool(BoolBad())),
            (TypeError, "__repr__ returned non-string (type int)", lambda: repr(ReprBad())),
            (TypeError, "__str__ returned non-string (type NoneType)", lambda: str(StrBad())),
            (TypeError, "__index__ returned non-int (type float)", lambda: [1][IdxBad()]),
            (TypeError, "iter() returned non-iterator of type 'NextBad'",
             lambda: list(NextBad())),
            (TypeError, "iter() returned non-iterator of type 'int'", lambda: iter(BadIter())),
            (TypeError, "'NoRev' object is not reversible", lambda: reversed(NoRev())),
            (TypeError, "'NoIter' object is not iterable", lambda: iter(NoIter())),
        ]
        for error, message, fn in cases:
            with self.subTest(message=message):
                self.check(error, message, fn)

    def test_builtin_operation_errors(self):
        five = 5
        cases = [
            (TypeError, "string indices must be integers, not 'float'", lambda: "ab"[float(1)]),
            (TypeError, "slice indices must be integers or None or have an __index__ method",
             lambda: [1][None:"x"]),
            (TypeError, "'int' object is not callable", lambda: five()),
            (AttributeError, "'str' object has no attribute 'foo'", lambda: "s".foo()),
            (AttributeError, "'NoneType' object has no attribute 'x'", lambda: None.x),
            (TypeError, "len() takes exactly one argument (0 given)", lambda: len()),
            (TypeError, "list.append() takes exactly one argument (0 given)",
             lambda: [].append()),
            (TypeError, "descriptor '__add__' requires a 'int' object but received a 'str'",
             lambda: int.__add__("a", 1)),
            (TypeError, "'<' not supported between instances of 'int' and 'str'",
             lambda: 1 < "a"),
            (TypeError, "bad operand type for unary -: 'str'", lambda: -"a"),
            (TypeError, 'can only concatenate list (not "tuple") to list', lambda: [] + ()),
            (TypeError, "can't multiply sequence by non-int of type 'str'", lambda: "a" * "b"),
            (TypeError, "unhashable type: 'list'", lambda: {}[[]]),
        ]
        for error, message, fn in cases:
            with self.subTest(message=message):
                self.check(error, message, fn)
        with self.assertRaises(AttributeError):
            object.__setattr__(1, "x", 1)


if __name__ == "__main__":
    unittest.main()
