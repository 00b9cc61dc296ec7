"""Core language: classes, functions, generators, control flow, with
(was golden classes, functions, generators, control, withstmt)."""

import unittest


class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

    @classmethod
    def create(cls, name):
        return cls(name)

    @staticmethod
    def helper(x):
        return x * 2

    @property
    def upper(self):
        return self.name.upper()


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super(Dog, self).speak() + " (woof)"


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iter__(self):
        yield self.x
        yield self.y

    def __str__(self):
        return f"Vec({self.x}, {self.y})"

    def __call__(self, k):
        return self.x * k


class Classes(unittest.TestCase):

    def test_methods_properties_and_class_attributes(self):
        before = Animal.count
        d = Dog.create("rex")
        self.assertEqual(repr(d), "Dog('rex')")
        self.assertEqual(str(d), "Dog('rex')")
        self.assertEqual(d.speak(), "rex makes a sound (woof)")
        self.assertEqual((d.kind, Animal.kind), ("dog", "animal"))
        self.assertEqual(d.upper, "REX")
        self.assertEqual(Dog.helper(4), 8)
        self.assertEqual(Animal.count, before + 1)
        self.assertIsInstance(d, Animal)
        self.assertTrue(issubclass(Dog, Animal))
        self.assertEqual(Dog.__mro__, (Dog, Animal, object))
        self.assertEqual(repr(Dog.__mro__[2]), "<class 'object'>")
        self.assertEqual(repr(Dog), f"<class '{__name__}.Dog'>")
        self.assertEqual(Dog.__name__, "Dog")
        self.assertEqual(Dog.__bases__, (Animal,))

    def test_special_methods(self):
        v = Vec(1, 2) + Vec(3, 4)
        self.assertEqual(str(v), "Vec(4, 6)")
        self.assertTrue(v == Vec(4, 6))
        self.assertEqual(len(v), 2)
        self.assertEqual(v[1], 6)
        self.assertEqual(list(v), [4, 6])
        self.assertEqual(v(10), 40)
        self.assertTrue(hasattr(v, "x"))
        self.assertIsNone(getattr(v, "z", None))
        o = object.__new__(Vec)
        setattr(o, "x", 5)
        self.assertEqual(o.x, 5)
        self.assertEqual(vars(Vec(1, 2)), {"x": 1, "y": 2})

    def test_init_subclass_slots_metaclass(self):
        class Base:
            def __init_subclass__(cls, **kw):
                cls.tag = kw.get("tag", "none")

        class Child(Base, tag="child"):
            pass

        self.assertEqual(Child.tag, "child")

        class Slotted:
            __slots__ = ("a",)

            def __init__(self):
                self.a = 1

        self.assertEqual(Slotted().a, 1)

        class Meta(type):
            def __new__(mcls, name, bases, ns):
                ns["added"] = True
                return super(Meta, mcls).__new__(mcls, name, bases, ns)

        class WithMeta(metaclass=Meta):
            pass

        self.assertIs(WithMeta.added, True)
        self.assertEqual(type(WithMeta).__name__, "Meta")

    def test_cooperative_super(self):
        class A:
            def who(self): return "A"

        class B(A):
            def who(self): return "B" + super(B, self).who()

        class C(A):
            def who(self): return "C" + super(C, self).who()

        class D(B, C):
            def who(self): return "D" + super(D, self).who()

        self.assertEqual(D().who(), "DBCA")
        self.assertEqual([k.__name__ for k in D.__mro__], ["D", "B", "C", "A", "object"])


def params(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)


def keyword_only(*, key="default"):
    return key


class Functions(unittest.TestCase):

    def test_parameter_kinds(self):
        self.assertEqual(params(1, d=4), (1, 2, 3, (), 4, 5, {}))
        self.assertEqual(params(1, 2, 3, 4, 5, d=6, e=7, z=8),
                         (1, 2, 3, (4, 5), 6, 7, {"z": 8}))
        self.assertEqual((keyword_only(), keyword_only(key="x")), ("default", "x"))
        self.assertEqual(params(*(1, 2), **{"d": 0}), (1, 2, 3, (), 0, 5, {}))
        self.assertEqual(params(*[9], **{"d": 1, "q": 2}), (9, 2, 3, (), 1, 5, {"q": 2}))
        # A positional-only name passed by keyword lands in **kw.
        self.assertEqual(params(1, 2, 3, d=1, b=2), (1, 2, 3, (), 1, 5, {"b": 2}))
        self.assertEqual(params.__kwdefaults__, {"e": 5})

    def test_call_errors(self):
        with self.assertRaises(TypeError) as caught:
            params()
        self.assertEqual(str(caught.exception),
                         "params() missing 1 required positional argument: 'a'")
        with self.assertRaises(TypeError) as caught:
            keyword_only(1)
        self.assertEqual(str(caught.exception),
                         "keyword_only() takes 0 positional arguments but 1 was given")

    def test_closures_and_nonlocal(self):
        def counter():
            count = 0

            def inc(step=1):
                nonlocal count
                count += step
                return count
            return inc
        c = counter()
        self.assertEqual(c(), 1)
        self.assertEqual(c(5), 6)
        self.assertEqual(c(), 7)

    def test_decorators(self):
        def deco(fn):
            def wrapper(*a, **k):
                return "<" + str(fn(*a, **k)) + ">"
            wrapper.__name__ = fn.__name__
            return wrapper

        @deco
        def hello(name):
            """Say hello."""
            return "hello " + name

        self.assertEqual(hello("you"), "<hello you>")
        self.assertEqual(hello.__name__, "hello")

        def param_deco(n):
            def deco(fn):
                return lambda *a: fn(*a) * n
            return deco

        @param_deco(3)
        def two():
            return 2

        self.assertEqual(two(), 6)

    def test_lambdas_defaults_recursion(self):
        square = lambda x: x * x
        self.assertEqual(square(7), 49)
        self.assertEqual((lambda *a, **k: (a, k))(1, x=2), ((1,), {"x": 2}))

        def defaults(x, acc=[]):
            acc.append(x)
            return acc
        first = defaults(1)
        self.assertIs(defaults(2), first)
        self.assertEqual(first, [1, 2])
        self.assertEqual(defaults.__defaults__, ([1, 2],))

        def rec(n):
            return 1 if n <= 1 else n * rec(n - 1)
        self.assertEqual(rec(30), 265252859812191058636308480000000)

    def test_function_attributes(self):
        def doc():
            "docstring here"
        self.assertEqual(doc.__doc__, "docstring here")
        self.assertEqual(doc.__name__, "doc")
        self.assertEqual(doc.__qualname__,
                         "Functions.test_function_attributes.<locals>.doc")
        self.assertEqual(params.__qualname__, "params")

        def annotated(x: int) -> str:
            return str(x)
        self.assertEqual(annotated(5), "5")


class Generators(unittest.TestCase):

    @staticmethod
    def count(n):
        i = 0
        while i < n:
            got = yield i
            if got:
                i = got
            i += 1
        return "done"

    def test_send_and_exhaustion(self):
        g = self.count(5)
        self.assertEqual(next(g), 0)
        self.assertEqual(next(g), 1)
        self.assertEqual(g.send(3), 4)
        self.assertEqual(list(g), [])

    def test_yield_from_result(self):
        results = []

        def delegate():
            result = yield from self.count(2)
            results.append(result)
            yield "after"
        self.assertEqual(list(delegate()), [0, 1, "after"])
        self.assertEqual(results, ["done"])

        def chain(*its):
            for it in its:
                yield from it
        self.assertEqual(list(chain("ab", [1, 2], range(2))), ["a", "b", 1, 2, 0, 1])

    def test_infinite_generator(self):
        def fib():
            a, b = 0, 1
            while True:
                yield a
                a, b = b, a + b
        f = fib()
        self.assertEqual([next(f) for _ in range(10)], [0, 1, 1, 2, 3, 5, 8, 13, 21, 34])

    def test_close_and_throw(self):
        events = []

        def closing():
            try:
                yield 1
                yield 2
            finally:
                events.append("closed")
        c = closing()
        self.assertEqual(next(c), 1)
        self.assertEqual(events, [])
        c.close()
        self.assertEqual(events, ["closed"])

        def catcher():
            while True:
                try:
                    yield
                except ValueError as e:
                    events.append(("caught", str(e)))
        ct = catcher()
        next(ct)
        ct.throw(ValueError("boom"))
        ct.close()
        self.assertEqual(events, ["closed", ("caught", "boom")])

    def test_stop_iteration_inside_generator(self):
        def stop():
            yield 1
            raise StopIteration
        with self.assertRaises(RuntimeError) as caught:
            list(stop())
        self.assertEqual(str(caught.exception), "generator raised StopIteration")
        self.assertIsInstance(caught.exception.__cause__, StopIteration)

    def test_generator_expressions_and_iterators(self):
        gen = (x * x for x in range(5))
        self.assertEqual(sum(gen), 30)
        self.assertEqual(list(gen), [])
        it = iter([1, 2, 3])
        self.assertEqual(next(it), 1)
        self.assertEqual(list(it), [2, 3])
        self.assertEqual(next(it, "default"), "default")

        class Countdown:
            def __init__(self, n):
                self.n = n

            def __iter__(self):
                return self

            def __next__(self):
                if self.n <= 0:
                    raise StopIteration
                self.n -= 1
                return self.n
        self.assertEqual(list(Countdown(3)), [2, 1, 0])


class ControlFlow(unittest.TestCase):

    def test_for_break_continue_else(self):
        seen = []
        for i in range(10):
            if i == 2:
                continue
            if i == 6:
                break
            seen.append(i)
        else:
            seen.append("no break")
        self.assertEqual(seen, [0, 1, 3, 4, 5])
        for i in range(3):
            pass
        else:
            seen.append(("loop else", i))
        self.assertEqual(seen[-1], ("loop else", 2))

    def test_while_else(self):
        seen = []
        n = 0
        while n < 5:
            n += 1
            if n == 3:
                continue
            seen.append(n)
        else:
            seen.append("while else")
        self.assertEqual(seen, [1, 2, 4, 5, "while else"])

    def test_conditionals_and_walrus(self):
        x = 7
        self.assertEqual("big" if x > 5 else "small", "big")
        if x < 0:
            branch = "neg"
        elif x == 0:
            branch = "zero"
        else:
            branch = "pos"
        self.assertEqual(branch, "pos")
        self.assertEqual((y := 10) + 1, 11)
        self.assertEqual(y, 10)

    def test_match(self):
        def classify(v):
            match v:
                case 0:
                    return "zero"
                case [a, b]:
                    return f"pair {a} {b}"
                case {"k": val}:
                    return f"dict {val}"
                case int() if v > 100:
                    return "big int"
                case str() as s:
                    return "str " + s
                case _:
                    return "other"
        self.assertEqual([classify(v) for v in [0, [1, 2], {"k": 3}, 500, "hi", 3.5]],
                         ["zero", "pair 1 2", "dict 3", "big int", "str hi", "other"])


class Recorder:
    def __init__(self, log, name, swallow=False):
        self.log, self.name, self.swallow = log, name, swallow

    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        self.log.append(("exit", self.name, typ, None if val is None else repr(val)))
        return self.swallow


class WithStatement(unittest.TestCase):

    def test_enter_value_and_clean_exit(self):
        log = []
        with Recorder(log, "a") as x:
            log.append(("inside", x))
        self.assertEqual(log, [("enter", "a"), ("inside", "A"), ("exit", "a", None, None)])

    def test_exceptions_swallowed_or_propagated(self):
        log = []
        with Recorder(log, "b", swallow=True):
            raise ValueError("swallowed")
        self.assertEqual(log, [("enter", "b"), ("exit", "b", ValueError,
                                                 "ValueError('swallowed')")])
        log.clear()
        with self.assertRaises(KeyError) as caught:
            with Recorder(log, "c"):
                raise KeyError("k")
        self.assertEqual(str(caught.exception), "'k'")
        self.assertEqual(log, [("enter", "c"), ("exit", "c", KeyError, "KeyError('k')")])

    def test_several_managers_exit_in_reverse(self):
        log = []
        with Recorder(log, "d") as p, Recorder(log, "e") as q:
            log.append((p, q))
        self.assertEqual(log, [("enter", "d"), ("enter", "e"), ("D", "E"),
                               ("exit", "e", None, None), ("exit", "d", None, None)])

    def test_return_and_continue_run_exit(self):
        log = []

        def fn():
            with Recorder(log, "f"):
                return "returned"
        self.assertEqual(fn(), "returned")
        self.assertEqual(log, [("enter", "f"), ("exit", "f", None, None)])
        log.clear()
        for i in range(2):
            with Recorder(log, str(i)):
                if i == 0:
                    continue
                log.append(("body", i))
        self.assertEqual(log, [("enter", "0"), ("exit", "0", None, None), ("enter", "1"),
                               ("body", 1), ("exit", "1", None, None)])


if __name__ == "__main__":
    unittest.main()
