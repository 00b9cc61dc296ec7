"""Classes: MRO and super(), class vs instance attributes, method kinds,
rich comparison dispatch, subclassing built-in types (was golden
lang_classes)."""

import unittest


class A:
    def who(self): return "A"
    def chain(self): return ["A"]


class B(A):
    def who(self): return "B" + super().who()
    def chain(self): return ["B"] + super().chain()


class C(A):
    def who(self): return "C" + super().who()
    def chain(self): return ["C"] + super().chain()


class D(B, C):
    def chain(self): return ["D"] + super().chain()


class Repr:
    pass


class ZBase:
    def hello(self):
        return "Base.hello"

    @classmethod
    def make(cls):
        return f"Base.make({cls.__name__})"


class ZLeft(ZBase):
    def hello(self):
        return "Left>" + super().hello()


class ZRight(ZBase):
    def hello(self):
        return "Right>" + super().hello()


class ZChild(ZLeft, ZRight):
    def hello(self):
        return "Child>" + super().hello()

    @classmethod
    def make(cls):
        return "Child>" + super().make()

    def deferred(self):
        def inner():
            return __class__.__name__
        return inner() + ":" + super().hello()


class ZeroArgumentSuper(unittest.TestCase):
    """Was golden super_zero_arg."""

    def test_methods_class_methods_closures(self):
        self.assertEqual(ZChild().hello(), "Child>Left>Right>Base.hello")
        self.assertEqual(ZChild.make(), "Child>Base.make(ZChild)")
        self.assertEqual(ZChild().deferred(), "ZChild:Left>Right>Base.hello")
        self.assertEqual([c.__name__ for c in ZChild.__mro__],
                         ["ZChild", "ZLeft", "ZRight", "ZBase", "object"])

    def test_outside_a_method(self):
        with self.assertRaises(RuntimeError) as caught:
            exec("super()", {})
        self.assertEqual(str(caught.exception), "super(): no arguments")


class MethodResolution(unittest.TestCase):

    def test_mro_and_super(self):
        self.assertEqual(D().who(), "BCA")
        self.assertEqual(D().chain(), ["D", "B", "C", "A"])
        self.assertEqual([k.__name__ for k in D.__mro__], ["D", "B", "C", "A", "object"])
        self.assertTrue(D.mro() == list(D.__mro__))
        self.assertEqual(super(B, D()).who(), "CA")
        self.assertEqual(super(D, D).chain(D()), ["B", "C", "A"])

    def test_inconsistent_mro(self):
        with self.assertRaises(TypeError) as caught:
            class X(A, B):
                pass
        self.assertEqual(" ".join(str(caught.exception).split()),
                         "Cannot create a consistent method resolution order (MRO) for bases A, B")

    def test_type_objects(self):
        self.assertIs(type(A), type)
        self.assertIs(type(type), type)
        self.assertEqual(repr(type(A)), "<class 'type'>")
        self.assertEqual(type(A()).__name__, "A")
        self.assertEqual(A.__bases__, (object,))
        self.assertEqual(object.__bases__, ())
        self.assertEqual(type.__mro__, (type, object))
        self.assertEqual(A.__dict__["who"].__qualname__, "A.who")
        self.assertIn("who", A.__dict__)
        self.assertIn("who", B.__dict__)
        self.assertNotIn("who", D.__dict__)
        N = type("N", (A,), {"x": 5, "who": lambda self: "N"})
        self.assertEqual((N().who(), N.x, N.__name__, N.__mro__[1].__name__),
                         ("N", 5, "N", "A"))

    def test_reprs(self):
        self.assertTrue(repr(Repr()).startswith(f"<{__name__}.Repr object at 0x"))
        self.assertEqual(str(Repr), f"<class '{__name__}.Repr'>")
        self.assertEqual(repr(A.who)[:21], "<function A.who at 0x")


class Attributes(unittest.TestCase):

    def test_class_and_instance_attributes(self):
        class Cnt:
            count = 0

            def __init__(self):
                Cnt.count += 1
                self.count = "inst"
        Cnt()
        Cnt()
        self.assertEqual(Cnt.count, 2)
        self.assertEqual(Cnt().count, "inst")
        self.assertEqual(vars(Cnt()), {"count": "inst"})
        self.assertEqual(Cnt.count, 4)

        class WithClassAttr:
            items = []

            def add(self, x): self.items.append(x)
        w1, w2 = WithClassAttr(), WithClassAttr()
        w1.add(1)
        w2.add(2)
        self.assertEqual(WithClassAttr.items, [1, 2])

    def test_method_kinds(self):
        class Stat:
            @staticmethod
            def s(): return "static"

            @classmethod
            def c(cls): return cls.__name__

        class SubStat(Stat):
            pass
        self.assertEqual((Stat.s(), SubStat.c(), SubStat().c()),
                         ("static", "SubStat", "SubStat"))
        self.assertEqual(type(Stat.__dict__["s"]).__name__, "staticmethod")
        self.assertEqual(type(Stat.__dict__["c"]).__name__, "classmethod")
        bound = A().who
        self.assertEqual(bound.__self__.__class__.__name__, "A")
        self.assertEqual(A.who.__name__, "who")
        self.assertIs(bound.__func__, A.who)

    def test_property_slots_and_callables(self):
        class Prop:
            def __init__(self): self._v = 1
            v = property(lambda self: self._v, doc="the v")
        self.assertEqual((Prop().v, Prop.v.__doc__, type(Prop.v).__name__),
                         (1, "the v", "property"))

        class Slotted:
            __slots__ = ("x",)
        self.assertEqual(Slotted.__slots__, ("x",))
        self.assertEqual(type(Slotted.x).__name__, "member_descriptor")

        class CallCount:
            def __init__(self, f):
                self.f = f
                self.n = 0

            def __call__(self, *a):
                self.n += 1
                return self.f(*a)

        @CallCount
        def sq(x): return x * x
        self.assertEqual((sq(3), sq(4), sq.n), (9, 16, 2))

        def deco(tag):
            def wrap(f):
                def inner(*a): return tag + str(f(*a))
                return inner
            return wrap

        @deco("<")
        @deco(">")
        def val(): return 1
        self.assertEqual(val(), "<>1")

        class Abstractish:
            def method(self): raise NotImplementedError("subclass must implement")
        with self.assertRaises(NotImplementedError) as caught:
            Abstractish().method()
        self.assertEqual(str(caught.exception), "subclass must implement")


class Comparisons(unittest.TestCase):

    def test_eq_without_hash(self):
        class Eq:
            def __init__(self, v): self.v = v
            def __eq__(self, o): return type(o) is Eq and o.v == self.v
        self.assertTrue(Eq(1) == Eq(1))
        self.assertFalse(Eq(1) != Eq(1))
        self.assertTrue(Eq(1) != Eq(2))
        self.assertIsNone(Eq.__hash__)
        self.assertIn(Eq(1), [Eq(1)])

    def test_reflected_operands(self):
        log = []

        class Ord:
            def __init__(self, v): self.v = v

            def __lt__(self, o):
                log.append(("lt", self.v, o.v))
                return self.v < o.v

            def __gt__(self, o):
                log.append(("gt", self.v, o.v))
                return self.v > o.v
        self.assertIs(Ord(1) < Ord(2), True)
        self.assertIs(Ord(1) > Ord(2), False)
        self.assertEqual(log, [("lt", 1, 2), ("gt", 1, 2)])

        class Sub(Ord):
            def __gt__(self, o):
                log.append("sub gt")
                return True
        log.clear()
        # The right operand's type is a subclass overriding the reflection:
        # it is tried first.
        self.assertIs(Ord(1) < Sub(2), True)
        self.assertEqual(log, ["sub gt"])

    def test_object_eq_returns_not_implemented(self):
        self.assertIs(object.__eq__(1, 1), True)
        self.assertIs(object.__eq__(1, 2), NotImplemented)
        self.assertIs(object().__ne__(object()), NotImplemented)
        self.assertIs((1).__eq__("a"), NotImplemented)


class BuiltinSubclasses(unittest.TestCase):

    def test_int_subclass(self):
        class Num(int):
            def __add__(self, o): return "Num.add"
        self.assertEqual(Num(1) + 1, "Num.add")
        self.assertEqual(1 + Num(1), 2)
        self.assertEqual(Num(5) * 2, 10)
        self.assertIs(type(Num(5) * 2), int)
        self.assertEqual((str(Num(7)), repr(Num(7))), ("7", "7"))
        self.assertIsInstance(Num(1), int)

    def test_list_str_dict_subclasses(self):
        class MyList(list):
            def __repr__(self): return "MyList" + super().__repr__()
        m = MyList([1, 2])
        m.append(3)
        self.assertEqual(repr(m), "MyList[1, 2, 3]")
        self.assertEqual((len(m), m[0]), (3, 1))
        self.assertIs(type(m[:1]), list)
        self.assertEqual(m + [4], [1, 2, 3, 4])
        self.assertIs(type(m + [4]), list)

        class MyStr(str):
            pass
        self.assertEqual(MyStr("x") + "y", "xy")
        self.assertIs(type(MyStr("x") + "y"), str)
        self.assertEqual(MyStr("ab").upper(), "AB")
        self.assertTrue(MyStr("z") == "z")

        class MyDict(dict):
            def __getitem__(self, k): return "override"
        md = MyDict(a=1)
        self.assertEqual(md["a"], "override")
        self.assertEqual(md.get("a"), 1)
        self.assertEqual(dict(md), {"a": 1})
        self.assertEqual(list(md.items()), [("a", 1)])


if __name__ == "__main__":
    unittest.main()
