"""types: internal type names, SimpleNamespace, new_class and friends,
DynamicClassAttribute, coroutine (was golden types_basic)."""

import sys
import types
import unittest


def f(): pass


class C:
    def m(self): pass

    @classmethod
    def cm(cls): pass


def gen(): yield 1
async def co(): pass
async def agen(): yield 1


def cell():
    v = 1
    def inner(): return v
    return inner.__closure__[0]


def frame_locals():
    return sys._getframe().f_locals


class TypeNames(unittest.TestCase):

    def test_isinstance_of_each_type(self):
        checks = [
            ("FunctionType", f), ("LambdaType", lambda: 0), ("CodeType", f.__code__),
            ("MappingProxyType", C.__dict__), ("SimpleNamespace", types.SimpleNamespace()),
            ("CellType", cell()), ("GeneratorType", gen()), ("MethodType", C().m),
            ("BuiltinFunctionType", len), ("BuiltinMethodType", [].append),
            ("WrapperDescriptorType", object.__init__), ("MethodWrapperType", object().__str__),
            ("MethodDescriptorType", str.join),
            ("ClassMethodDescriptorType", dict.__dict__["fromkeys"]),
            ("ModuleType", sys), ("GetSetDescriptorType", types.FunctionType.__code__),
            ("MemberDescriptorType", types.FunctionType.__globals__),
            ("GenericAlias", list[int]), ("UnionType", int | None),
            ("EllipsisType", ...), ("NoneType", None), ("NotImplementedType", NotImplemented),
            ("FrameLocalsProxyType", frame_locals()),
        ]
        for name, obj in checks:
            with self.subTest(name=name):
                self.assertIsInstance(obj, getattr(types, name))
        c = co()
        self.assertIsInstance(c, types.CoroutineType)
        c.close()
        self.assertIsInstance(agen(), types.AsyncGeneratorType)
        try:
            1 / 0
        except ZeroDivisionError as e:
            self.assertIsInstance(e.__traceback__, types.TracebackType)
            self.assertIsInstance(e.__traceback__.tb_frame, types.FrameType)

    def test_aliases_and_names(self):
        self.assertIs(types.LambdaType, types.FunctionType)
        self.assertIs(types.BuiltinMethodType, types.BuiltinFunctionType)
        self.assertEqual((types.NoneType.__name__, types.EllipsisType.__name__,
                          types.NotImplementedType.__name__),
                         ("NoneType", "ellipsis", "NotImplementedType"))

    def test_all(self):
        for name in ["FunctionType", "SimpleNamespace", "ModuleType", "new_class",
                     "coroutine", "DynamicClassAttribute", "get_original_bases",
                     "resolve_bases", "prepare_class", "CellType", "LazyImportType"]:
            with self.subTest(name=name):
                self.assertIn(name, types.__all__)
        self.assertNotIn("sys", types.__all__)
        self.assertFalse(any(n.startswith("_") for n in types.__all__))


class SimpleObjects(unittest.TestCase):

    def test_namespace_module_mappingproxy_method(self):
        ns = types.SimpleNamespace(a=1, b=2)
        ns.c = 3
        self.assertEqual(repr(ns), "namespace(a=1, b=2, c=3)")
        self.assertTrue(ns == types.SimpleNamespace(a=1, b=2, c=3))
        mod = types.ModuleType("mymod", "doc")
        self.assertEqual((mod.__name__, mod.__doc__), ("mymod", "doc"))
        mp = types.MappingProxyType({"k": 1})
        self.assertEqual((mp["k"], len(mp)), (1, 1))
        with self.assertRaises(TypeError):
            mp["k"] = 2
        bound = types.MethodType(lambda self, x: (self, x), "obj")
        self.assertEqual(bound(5), ("obj", 5))

    def test_mappingproxy_hash(self):
        # 3.12: a proxy hashes as its mapping, unhashable if that is.
        class HashableDict(dict):
            def __hash__(self):
                return 3844817361
        with self.assertRaisesRegex(TypeError, "unhashable type: 'dict'"):
            hash(types.MappingProxyType({"a": 1}))
        mapping = HashableDict(a=1)
        self.assertEqual(hash(types.MappingProxyType(mapping)), hash(mapping))

    def test_namespace_replace(self):
        import copy
        ns = types.SimpleNamespace(x=11, y=22)
        ns2 = copy.replace(ns)
        self.assertEqual(ns2, ns)
        self.assertIsNot(ns2, ns)
        self.assertEqual(vars(copy.replace(ns, y=2)), {"x": 11, "y": 2})
        self.assertEqual(vars(ns), {"x": 11, "y": 22})
        class Spam(types.SimpleNamespace):
            pass
        spam2 = copy.replace(Spam(ham=8, eggs=9), ham=5)
        self.assertIs(type(spam2), Spam)
        self.assertEqual(vars(spam2), {"ham": 5, "eggs": 9})
        with self.assertRaisesRegex(TypeError, "takes no positional"):
            ns.__replace__({"x": 1})

    def test_lazy_import_type(self):
        ns = {}
        exec("lazy import json as j", ns)
        self.assertIsInstance(ns["j"], types.LazyImportType)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"prepared": kw}

    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Entries:
    def __mro_entries__(self, bases):
        return (dict,)


class DynamicClasses(unittest.TestCase):

    def test_new_class_with_body(self):
        def body(ns):
            ns["x"] = 10
            ns["double"] = lambda self: self.x * 2
        K = types.new_class("K", (object,), exec_body=body)
        self.assertEqual((K.__name__, K().double(), K.__bases__), ("K", 20, (object,)))

    def test_prepare_class(self):
        M = types.new_class("M", (), {"metaclass": Meta, "flag": 1})
        self.assertEqual((type(M).__name__, M.prepared), ("Meta", {"flag": 1}))
        meta, nsp, kw = types.prepare_class("P", (M,), {"flag": 2})
        self.assertEqual((meta.__name__, nsp, kw), ("Meta", {"prepared": {"flag": 2}}, {"flag": 2}))
        meta, nsp, kw = types.prepare_class("Q")
        self.assertEqual((meta.__name__, nsp, kw), ("type", {}, {}))

    def test_resolve_and_original_bases(self):
        e = Entries()
        self.assertEqual(types.resolve_bases((object, e)), (object, dict))
        self.assertEqual(types.resolve_bases((object,)), (object,))
        bases = (e,)
        D = types.new_class("D", bases)
        self.assertEqual(D.__bases__, (dict,))
        self.assertIs(D.__orig_bases__, bases)
        self.assertIs(types.get_original_bases(D), bases)
        self.assertEqual(types.get_original_bases(int), (object,))

        class G(list[int]): pass
        self.assertEqual(types.get_original_bases(G), (list[int],))
        self.assertEqual(G.__bases__, (list,))

    def test_errors(self):
        with self.assertRaises(TypeError) as caught:
            types.get_original_bases(3)
        self.assertEqual(str(caught.exception), "Expected an instance of type, not 'int'")

        class BadEntries:
            def __mro_entries__(self, bases): return [int]
        with self.assertRaises(TypeError) as caught:
            types.resolve_bases((BadEntries(),))
        self.assertEqual(str(caught.exception), "__mro_entries__ must return a tuple")

        class M1(type): pass

        class M2(type): pass

        class A1(metaclass=M1): pass

        class A2(metaclass=M2): pass
        with self.assertRaises(TypeError) as caught:
            types.new_class("Conflict", (A1, A2))
        self.assertEqual(str(caught.exception),
                         "metaclass conflict: the metaclass of a derived class must be a "
                         "(non-strict) subclass of the metaclasses of all its bases")


class DynamicClassAttributeTests(unittest.TestCase):

    def test_instance_only_attribute(self):
        class EnumLike:
            def __init__(self): self._v = 7

            @types.DynamicClassAttribute
            def value(self):
                "the value"
                return self._v

            @value.setter
            def value(self, v): self._v = v
        self.assertEqual(EnumLike().value, 7)
        self.assertEqual(EnumLike.__dict__["value"].__doc__, "the value")
        el = EnumLike()
        el.value = 9
        self.assertEqual(el.value, 9)
        with self.assertRaises(AttributeError):
            EnumLike.value
        with self.assertRaises(AttributeError) as caught:
            del el.value
        self.assertEqual(str(caught.exception), "can't delete attribute")


class GenLike:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self): return self.send(None)

    def send(self, v):
        self.n += 1
        if self.n > 1:
            raise StopIteration(self.n)
        return "tick"

    def throw(self, *a): raise a[0]
    def close(self): pass


def make(): return GenLike()


class CoroutineDecorator(unittest.TestCase):

    def test_generator_function(self):
        @types.coroutine
        def gen_coro():
            x = yield "step"
            return x
        self.assertTrue(gen_coro.__code__.co_flags & 0x100)  # CO_ITERABLE_COROUTINE

        async def user():
            return await gen_coro()
        u = user()
        self.assertEqual(u.send(None), "step")
        with self.assertRaises(StopIteration) as caught:
            u.send("done")
        self.assertEqual(caught.exception.value, "done")

    def test_native_and_non_callable(self):
        async def native(): pass
        self.assertIs(types.coroutine(native), native)
        with self.assertRaises(TypeError) as caught:
            types.coroutine(3)
        self.assertEqual(str(caught.exception), "types.coroutine() expects a callable")

    def test_generator_like_object(self):
        wrapped = types.coroutine(make)
        self.assertEqual(wrapped.__name__, "make")
        self.assertIs(wrapped.__wrapped__, make)
        w = wrapped()
        self.assertEqual(type(w).__name__, "_GeneratorWrapper")
        self.assertEqual(w.send(None), "tick")

        async def drive():
            return await wrapped()
        d = drive()
        self.assertEqual(d.send(None), "tick")
        with self.assertRaises(StopIteration) as caught:
            d.send(None)
        self.assertEqual(caught.exception.value, 2)


class BuiltinGenerics(unittest.TestCase):

    def test_subscriptable_builtin_types(self):
        import types
        for cls in (list, dict, set, frozenset, tuple, type, memoryview,
                    frozendict):
            with self.subTest(cls=cls.__name__):
                alias = cls[int]
                self.assertIsInstance(alias, types.GenericAlias)
                self.assertIs(alias.__origin__, cls)
                self.assertEqual(alias.__args__, (int,))


class Capsules(unittest.TestCase):

    def test_capsule_type(self):
        import types
        import _socket
        self.assertIsInstance(_socket.CAPI, types.CapsuleType)
        self.assertIn("CapsuleType", types.__all__)
        self.assertTrue(repr(_socket.CAPI).startswith('<capsule object "_socket.CAPI" at 0x'))


if __name__ == "__main__":
    unittest.main()
