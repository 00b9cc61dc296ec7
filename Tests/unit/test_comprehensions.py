"""Comprehension scoping: class bodies, closures, walrus, globals (was
golden lang_comprehensions)."""

import unittest

shadowed = 10
module_result = [shadowed for shadowed in range(3)]


class InClass:
    xs = [1, 2, 3]
    ys = [x * 2 for x in xs]
    total = sum(x for x in xs)
    d = {k: v for k, v in zip("ab", xs)}
    pairs = [(a, b) for a in xs for b in "ab" if a < 2]


g = 10


class ClassA:
    g = 20
    x = 5
    a = [x for x in range(3)]
    b = [g for _ in range(2)]
    c = {k: k * 2 for k in "ab"}
    s = {n % 2 for n in range(5)}
    seen = ('x' in vars(), 'k' in vars(), 'n' in vars())


class ClassC:
    y = 10
    vals = [i for i in range(3)]
    try:
        bad = [y for i in range(2)]
    except NameError as e:
        bad = str(e)
    try:
        r = [1 / (i - 1) for i in range(3)]
    except ZeroDivisionError as e:
        frames = []
        tb = e.__traceback__
        while tb:
            frames.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        del tb


class ClassE:
    vals = [1, 2]
    try:
        r = [v for v in vals for w in vals]
    except NameError as e:
        message = str(e)
    t = [q for q in vals if q > 1]


rebound = "unchanged"


def comp_after_global():
    global rebound
    rebound = [rebound for rebound in range(2)]
    return rebound


class Comprehensions(unittest.TestCase):

    def test_class_body(self):
        self.assertEqual(InClass.ys, [2, 4, 6])
        self.assertEqual(InClass.total, 6)
        self.assertEqual(InClass.d, {"a": 1, "b": 2})
        self.assertEqual(InClass.pairs, [(1, "a"), (1, "b")])

    def test_iteration_variable_does_not_leak(self):
        self.assertEqual(shadowed, 10)
        self.assertEqual(module_result, [0, 1, 2])

        def comp_shadows_param(x):
            return [x for x in range(x)], x
        self.assertEqual(comp_shadows_param(3), ([0, 1, 2], 3))

    def test_lambdas_and_closures(self):
        self.assertEqual([(lambda: i)() for i in range(3)], [0, 1, 2])
        base = 100
        self.assertEqual([(lambda y: base + y)(v) for v in range(3)], [100, 101, 102])
        fns = [lambda: v for v in range(3)]
        self.assertEqual([f() for f in fns], [2, 2, 2])

    def test_nesting(self):
        self.assertEqual([[j * i for j in range(3)] for i in range(3)],
                         [[0, 0, 0], [0, 1, 2], [0, 2, 4]])
        out = []
        for i in range(2):
            out.append([i + j for j in range(2)])
        self.assertEqual(out, [[0, 1], [1, 2]])
        self.assertEqual([k for k in (m * 2 for m in range(3))], [0, 2, 4])
        rows = [[1, 2], [3]]
        self.assertEqual([[str(cell) for cell in row] for row in rows], [["1", "2"], ["3"]])

    def test_outer_names_in_conditions_and_values(self):
        limit = 4
        self.assertEqual({v for v in range(10) if v < limit}, {0, 1, 2, 3})
        prefix = "k_"
        self.assertEqual({prefix + k: len(k) for k in ["a", "bb"]}, {"k_a": 1, "k_bb": 2})

    def test_walrus_binds_in_enclosing_scope(self):
        def walrus_in_comp(data):
            if any((hit := v) > 2 for v in data):
                return hit
        self.assertEqual(walrus_in_comp([1, 5, 7]), 5)

    def test_exception_inside_comprehension(self):
        def comp_try():
            try:
                return [1 // v for v in [1, 0]]
            except ZeroDivisionError:
                return "zde", [v for v in "ok"]
        self.assertEqual(comp_try(), ("zde", ["o", "k"]))

    def test_global_statement(self):
        self.assertEqual(comp_after_global(), [0, 1])
        self.assertEqual(rebound, [0, 1])



INLINING_MODULE = """
x = "module x"
data = [1, 2, 3]
doubled = [x * 2 for x in data]
mapping = {k: v for k, v in zip("ab", data)}
as_set = {x for x in data}
pairs = [(x, y) for x in range(2) for y in "ab" if x or y == "b"]
walrus = [z := x + 1 for x in data]
try:
    [1 / (x - 2) for x in data]
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    del e, tb
visible = sorted(k for k in globals() if not k.startswith("__"))
"""


class InlinedComprehensions(unittest.TestCase):
    """PEP 709: comprehensions run inline, without a frame of their own,
    yet their iteration variables stay hidden (was golden
    lang_comprehension_inlining, compile_class_comprehension)."""

    def test_module_level(self):
        ns = {"__name__": "inlining"}
        exec(compile(INLINING_MODULE, "<module>", "exec"), ns)
        self.assertEqual((ns["doubled"], ns["x"]), ([2, 4, 6], "module x"))
        self.assertEqual((ns["mapping"], ns["as_set"]), ({"a": 1, "b": 2}, {1, 2, 3}))
        self.assertEqual(ns["pairs"], [(0, "b"), (1, "a"), (1, "b")])
        self.assertEqual((ns["walrus"], ns["z"]), ([2, 3, 4], 4))
        self.assertEqual(ns["names"], ["<module>"])
        self.assertEqual(ns["visible"], ["as_set", "data", "doubled", "mapping", "names",
                                         "pairs", "walrus", "x", "z"])

    def test_exec_namespaces(self):
        ns = {}
        exec("r = ([q for q in range(3)], 'q' in dir())", ns)
        self.assertEqual(ns["r"], ([0, 1, 2], False))
        g, l = {}, {"src": [5, 6]}
        exec("r = [a + 1 for a in src]", g, l)
        self.assertEqual(l["r"], [6, 7])
        self.assertNotIn("a", l)

    def test_nested_and_closures(self):
        self.assertEqual([[y for y in range(x)] for x in range(3)], [[], [0], [0, 1]])
        self.assertEqual([lambda: x for x in range(2)][1](), 1)

    def test_class_body(self):
        self.assertEqual((ClassA.x, ClassA.a, ClassA.b, ClassA.c, sorted(ClassA.s)),
                         (5, [0, 1, 2], [10, 10], {"a": "aa", "b": "bb"}, [0, 1]))
        self.assertEqual(ClassA.seen, (True, False, False))
        self.assertEqual(ClassC.vals, [0, 1, 2])
        self.assertEqual(ClassC.bad, "name 'y' is not defined")
        self.assertEqual(ClassC.frames, ["ClassC"])
        self.assertEqual(ClassE.message, "name 'vals' is not defined")
        self.assertEqual(ClassE.t, [2])

    def test_class_in_function(self):
        def outer():
            y = 7

            class B:
                z = [y + i for i in range(3)]
                w = y
            return B
        self.assertEqual((outer().z, outer().w), ([7, 8, 9], 7))

        def shadowed():
            y = "enclosing"

            class F:
                y = "class"
                seen = [y for _ in range(1)]
            return F.seen
        self.assertEqual(shadowed(), ["enclosing"])

if __name__ == "__main__":
    unittest.main()
