"""random: seeded sequences equal CPython's exactly (was golden
random_seeded).  The module-level generator's stream is checked in one
test, in the order the values are drawn."""

import random
import unittest


class MyRandom(random.Random):
    def random(self):
        return 0.5


class SeededStream(unittest.TestCase):

    def setUp(self):
        self.saved = random.getstate()

    def tearDown(self):
        random.setstate(self.saved)

    def test_seed_42_stream(self):
        random.seed(42)
        draws = [
            ("random", [random.random() for _ in range(3)],
             [0.6394267984578837, 0.025010755222666936, 0.27502931836911926]),
            ("randint", [random.randint(1, 100) for _ in range(5)], [29, 18, 95, 14, 87]),
            ("randrange", (random.randrange(10, 1000, 7), random.randrange(5),
                           random.randrange(-5, 5)), (983, 0, 4)),
            ("getrandbits", (random.getrandbits(1), random.getrandbits(32),
                             random.getrandbits(100)),
             (0, 136505587, 255006772609626340134244895342)),
            ("randbytes", random.randbytes(7), b"\xd1\xf6^\x81\xe6\x1d\x9a"),
            ("choice", (random.choice("abcdefg"), random.choice(range(10 ** 15))),
             ("a", 223873285865894)),
        ]
        lst = list(range(12))
        random.shuffle(lst)
        draws += [
            ("shuffle", lst, [5, 1, 9, 0, 2, 4, 7, 3, 6, 8, 10, 11]),
            ("sample", (random.sample(range(100), 5), random.sample(range(10 ** 9), 4)),
             ([43, 35, 19, 27, 97], [361415646, 109747451, 99585092, 407943839])),
            ("sample counts", random.sample(["red", "blue"], counts=[4, 2], k=5),
             ["red", "red", "blue", "red", "red"]),
            ("choices", (random.choices("abc", k=5), random.choices("abc", [5, 1, 1], k=5)),
             (["c", "c", "b", "c", "b"], ["a", "b", "a", "c", "a"])),
            ("cum_weights", random.choices("abc", cum_weights=[1, 2, 10], k=4),
             ["c", "a", "c", "c"]),
            ("uniform/triangular", (random.uniform(2, 5), random.triangular(0, 10, 3),
                                    random.triangular()),
             (2.2393759307708825, 2.6426741363306423, 0.22472364073426845)),
            ("gauss/normal", (random.gauss(), random.gauss(10, 2), random.normalvariate(1, 3)),
             (-0.24848979310693248, 12.7983727941721, -0.10452751569809182)),
            ("lognorm/expo", (random.lognormvariate(0, 1), random.expovariate(2.0)),
             (0.5066904828089078, 1.379576396672764)),
            ("vonmises", (random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 0)),
             (0.2314724629192515, 4.581238783952533)),
            ("gamma", (random.gammavariate(0.5, 2), random.gammavariate(1.0, 3),
                       random.gammavariate(5.5, 1)),
             (0.07485253938392705, 13.675819105326186, 6.59752039572769)),
            ("beta/pareto/weibull", (random.betavariate(2, 3), random.paretovariate(3),
                                     random.weibullvariate(1, 1.5)),
             (0.37433824443396335, 1.010934939089154, 0.5237105371307436)),
        ]
        for name, actual, expected in draws:
            with self.subTest(name=name):
                self.assertEqual(actual, expected)

    def test_seed_types(self):
        cases = [
            (0, 0.8444218515250481, 794772), (1, 0.13436424411240122, 888598),
            (-7, 0.32383276483316237, 158176), (2 ** 64 + 3, 0.9129684455472157, 967520),
            (3.25, 0.10626827177291942, 698925), ("hello", 0.3537754404730722, 695414),
            (b"bytes", 0.37075677971469856, 702892),
            (bytearray(b"ba"), 0.6102644558390378, 614970), ("", 0.9602256525641875, 624334),
        ]
        for seed, first, second in cases:
            with self.subTest(seed=seed):
                random.seed(seed)
                self.assertEqual((random.random(), random.randrange(10 ** 6)), (first, second))
        random.seed("hello", version=1)
        self.assertEqual(random.random(), 0.8180391270568783)


class State(unittest.TestCase):

    def test_getstate_setstate(self):
        r = random.Random(12345)
        state = r.getstate()
        first = [r.random() for _ in range(3)]
        r.setstate(state)
        self.assertEqual(first, [r.random() for _ in range(3)])
        self.assertEqual((state[0], len(state[1]), state[1][-1]), (3, 625, 624))
        r2 = random.Random()
        r2.setstate(r.getstate())
        self.assertEqual(r2.random(), r.random())
        self.assertEqual(random.Random(7).getstate()[1][:3], (2147483648, 2261207994, 869397079))

    def test_subclass_random_drives_helpers(self):
        self.assertEqual((MyRandom().randrange(10), MyRandom().choice("abc")), (6, "b"))

    def test_system_random(self):
        sr = random.SystemRandom()
        self.assertTrue(0 <= sr.random() < 1)
        self.assertLess(sr.getrandbits(5), 32)
        self.assertEqual(len(sr.randbytes(3)), 3)
        self.assertIsNone(sr.seed(1))
        with self.assertRaises(NotImplementedError) as caught:
            sr.getstate()
        self.assertEqual(str(caught.exception), "System entropy source does not have state.")


class Errors(unittest.TestCase):

    def setUp(self):
        self.saved = random.getstate()

    def tearDown(self):
        random.setstate(self.saved)

    def test_messages(self):
        cases = [
            ("random.randrange(0)", ValueError, "empty range for randrange()"),
            ("random.randrange(5, 2)", ValueError, "empty range in randrange(5, 2)"),
            ("random.randrange(5, 2, 2)", ValueError, "empty range in randrange(5, 2, 2)"),
            ("random.randrange(1, 5, 0)", ValueError, "zero step for randrange()"),
            ("random.choice([])", IndexError, "Cannot choose from an empty sequence"),
            ("random.sample([1], 2)", ValueError, "Sample larger than population or is negative"),
            ("random.choices([1], [0])", ValueError, "Total of weights must be greater than zero"),
            ("random.sample({1}, 1)", TypeError,
             "Population must be a sequence.  For dicts or sets, use sorted(d)."),
            ("random.seed([1])", TypeError,
             "The only supported seed types are: None,\nint, float, str, bytes, and bytearray."),
            ("random.getrandbits(-1)", ValueError, "number of bits must be non-negative"),
            ("random.Random().setstate((3, (1, 2), None))", ValueError,
             "state vector is the wrong size"),
            ("random.gammavariate(0, 1)", ValueError,
             "gammavariate: alpha and beta must be > 0.0"),
            ("random.Random(1, 2)", TypeError,
             "Random.__init__() takes from 1 to 2 positional arguments but 3 were given"),
            ("random.setstate((9, (), None))", ValueError,
             "state with version 9 passed to Random.setstate() of version 3"),
        ]
        for source, error, message in cases:
            with self.subTest(source=source):
                with self.assertRaises(error) as caught:
                    eval(source)
                self.assertIs(type(caught.exception), error)
                self.assertEqual(str(caught.exception), message)


if __name__ == "__main__":
    unittest.main()
