"""Attribute access hooks, descriptors, properties, slots,
__init_subclass__, __class_getitem__, __mro_entries__, metaclass hooks,
instance/subclass checks (was golden lang_attrs)."""

import unittest


class GA:
    def __init__(self): self.real = 1

    def __getattr__(self, name):
        if name.startswith("no"): raise AttributeError(name)
        return "ga:" + name


class GAB:
    def __getattribute__(self, name):
        if name == "secret": return 42
        return object.__getattribute__(self, name)

    def __getattr__(self, name): return "fallback " + name


class Outer:
    class Inner:
        def meth(self): pass


class AttributeHooks(unittest.TestCase):

    def test_getattr_fallback(self):
        g = GA()
        self.assertEqual((g.real, g.foo), (1, "ga:foo"))
        self.assertIs(hasattr(g, "nope"), False)
        self.assertEqual(getattr(g, "nope", "dflt"), "dflt")
        self.assertEqual((GAB().secret, GAB().other), (42, "fallback other"))

    def test_setattr_delattr(self):
        log = []

        class SA:
            def __setattr__(self, name, value):
                log.append(("set", name, value))
                object.__setattr__(self, name, value * 2)

            def __delattr__(self, name):
                log.append(("del", name))
                object.__delattr__(self, name)
        s = SA()
        s.a = 5
        self.assertEqual(s.a, 10)
        del s.a
        self.assertIs(hasattr(s, "a"), False)
        with self.assertRaises(AttributeError) as caught:
            del s.a
        self.assertEqual(str(caught.exception), "'SA' object has no attribute 'a'")
        self.assertEqual(log, [("set", "a", 5), ("del", "a"), ("del", "a")])

    def test_plain_object_messages(self):
        with self.assertRaises(AttributeError) as caught:
            object().x = 1
        self.assertEqual(str(caught.exception),
                         "'object' object has no attribute 'x' and no __dict__ for setting new attributes")
        with self.assertRaises(AttributeError) as caught:
            object().zz
        self.assertEqual(str(caught.exception), "'object' object has no attribute 'zz'")


class DescriptorsAndProperties(unittest.TestCase):

    def test_data_descriptor_lifecycle(self):
        log = []

        class Desc:
            def __set_name__(self, owner, name):
                log.append(("set_name", owner.__name__, name))
                self.name = "_" + name

            def __get__(self, obj, objtype=None):
                if obj is None: return self
                return getattr(obj, self.name, "unset")

            def __set__(self, obj, value):
                setattr(obj, self.name, value)

            def __delete__(self, obj):
                log.append(("delete", self.name))

        class User:
            d = Desc()
            e = Desc()
        self.assertEqual(log, [("set_name", "User", "d"), ("set_name", "User", "e")])
        u = User()
        self.assertEqual((u.d, type(User.d).__name__), ("unset", "Desc"))
        u.d = 10
        self.assertEqual((u.d, u.__dict__), (10, {"_d": 10}))
        del u.d
        self.assertEqual(log[-1], ("delete", "_d"))

    def test_non_data_descriptor_yields_to_instance(self):
        class NonData:
            def __get__(self, obj, t=None): return "nondata"

        class H:
            nd = NonData()
        h = H()
        self.assertEqual(h.nd, "nondata")
        h.__dict__["nd"] = "inst"
        self.assertEqual(h.nd, "inst")

    def test_property_setter_deleter_readonly(self):
        log = []

        class P:
            def __init__(self): self._x = 0

            @property
            def x(self): return self._x

            @x.setter
            def x(self, v): self._x = v + 1

            @x.deleter
            def x(self): log.append("deleting x")

            @property
            def ro(self): return "ro"
        p = P()
        p.x = 5
        self.assertEqual(p.x, 6)
        del p.x
        self.assertEqual(log, ["deleting x"])
        with self.assertRaises(AttributeError):
            p.ro = 1

    def test_slots(self):
        class S:
            __slots__ = ("a", "b")
            def __init__(self): self.a = 1
        s = S()
        self.assertEqual((s.a, hasattr(s, "b"), hasattr(s, "__dict__")), (1, False, False))
        with self.assertRaises(AttributeError) as caught:
            s.c = 3
        self.assertEqual(str(caught.exception),
                         "'S' object has no attribute 'c' and no __dict__ for setting new attributes")
        with self.assertRaises(AttributeError) as caught:
            s.b
        # An empty slot names the fully qualified type (CPython 3.13+).
        self.assertEqual(str(caught.exception),
                         "'%s.%s' object has no attribute 'b'"
                         % (S.__module__, S.__qualname__))

        class S2(S):
            __slots__ = ("c",)
        s2 = S2()
        s2.c = 9
        s2.b = 8
        self.assertEqual((s2.a, s2.b, s2.c), (1, 8, 9))


class ClassCreationHooks(unittest.TestCase):

    def test_init_subclass(self):
        class Base:
            subs = []

            def __init_subclass__(cls, tag=None, **kw):
                super().__init_subclass__(**kw)
                Base.subs.append((cls.__name__, tag))

        class A1(Base): pass

        class A2(Base, tag="t2"): pass
        self.assertEqual(Base.subs, [("A1", None), ("A2", "t2")])
        self.assertTrue(A2.__mro__ == (A2, Base, object))
        self.assertEqual(A2.__name__, "A2")
        self.assertEqual(A2.__qualname__, "ClassCreationHooks.test_init_subclass.<locals>.A2")
        self.assertEqual(Outer.Inner.__qualname__, "Outer.Inner")
        self.assertEqual(Outer.Inner.meth.__qualname__, "Outer.Inner.meth")

    def test_class_getitem_and_generic_aliases(self):
        class CG:
            def __class_getitem__(cls, item): return ("cg", cls.__name__, item)
        self.assertEqual(CG[int], ("cg", "CG", int))
        self.assertEqual(CG[1, 2], ("cg", "CG", (1, 2)))
        self.assertEqual([repr(list[int]), repr(dict[str, int]), repr(tuple[int, ...])],
                         ["list[int]", "dict[str, int]", "tuple[int, ...]"])

    def test_mro_entries(self):
        class ME:
            def __mro_entries__(self, bases): return (dict,)

        class FromME(ME()): pass
        self.assertEqual(FromME.__bases__, (dict,))
        self.assertEqual(FromME.__orig_bases__[0].__class__.__name__, "ME")

    def test_metaclass_prepare_new_call(self):
        log = []

        class Meta(type):
            @classmethod
            def __prepare__(mcs, name, bases, **kw):
                log.append(("prepare", name, kw))
                return {"injected": 1}

            def __new__(mcs, name, bases, ns, **kw):
                log.append(("new", name, sorted(k for k in ns if not k.startswith("__"))))
                return super().__new__(mcs, name, bases, ns)

            def __init__(cls, name, bases, ns, **kw):
                super().__init__(name, bases, ns)

            def __call__(cls, *a):
                log.append(("meta call", a))
                return super().__call__(*a)

        class WithMeta(metaclass=Meta, flag=True):
            x = 1
            def m(self): pass
        w = WithMeta()
        self.assertEqual(log, [("prepare", "WithMeta", {"flag": True}),
                               ("new", "WithMeta", ["injected", "m", "x"]), ("meta call", ())])
        self.assertEqual((type(WithMeta).__name__, WithMeta.injected), ("Meta", 1))
        self.assertIsInstance(w, WithMeta)

    def test_singleton_new(self):
        class Sing:
            _inst = None

            def __new__(cls, *a):
                if cls._inst is None:
                    cls._inst = super().__new__(cls)
                return cls._inst

            def __init__(self, v): self.v = v
        self.assertIs(Sing(1), Sing(2))
        self.assertEqual(Sing(3).v, 3)


class InstanceChecks(unittest.TestCase):

    def test_custom_checks(self):
        class IC(type):
            def __instancecheck__(cls, inst): return inst == 7
            def __subclasscheck__(cls, sub): return sub is int

        class Any(metaclass=IC): pass
        self.assertEqual([isinstance(7, Any), isinstance(8, Any), issubclass(int, Any),
                          issubclass(str, Any)], [True, False, True, False])

    def test_tuples_and_errors(self):
        self.assertTrue(isinstance(1, (str, int)))
        self.assertTrue(issubclass(bool, (str, int)))
        with self.assertRaises(TypeError) as caught:
            isinstance(1, 2)
        self.assertEqual(str(caught.exception),
                         "isinstance() arg 2 must be a type, a tuple of types, or a union")


if __name__ == "__main__":
    unittest.main()
