# random: seeded sequences must equal CPython's exactly.
import random

random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(5)])
print(random.randrange(10, 1000, 7), random.randrange(5), random.randrange(-5, 5))
print(random.getrandbits(1), random.getrandbits(32), random.getrandbits(100))
print(random.randbytes(7))
print(random.choice("abcdefg"), random.choice(range(10 ** 15)))
lst = list(range(12))
random.shuffle(lst)
print(lst)
print(random.sample(range(100), 5), random.sample(range(10 ** 9), 4))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.choices("abc", k=5), random.choices("abc", [5, 1, 1], k=5))
print(random.choices("abc", cum_weights=[1, 2, 10], k=4))
print(random.uniform(2, 5), random.triangular(0, 10, 3), random.triangular())
print(random.gauss(), random.gauss(10, 2), random.normalvariate(1, 3))
print(random.lognormvariate(0, 1), random.expovariate(2.0))
print(random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 0))
print(random.gammavariate(0.5, 2), random.gammavariate(1.0, 3),
      random.gammavariate(5.5, 1))
print(random.betavariate(2, 3), random.paretovariate(3),
      random.weibullvariate(1, 1.5))
for seed in (0, 1, -7, 2 ** 64 + 3, 3.25, "hello", b"bytes", bytearray(b"ba"), ""):
    random.seed(seed)
    print(repr(seed), random.random(), random.randrange(10 ** 6))
random.seed("hello", version=1)
print(random.random())
r = random.Random(12345)
state = r.getstate()
first = [r.random() for _ in range(3)]
r.setstate(state)
print(first == [r.random() for _ in range(3)], state[0], len(state[1]),
      state[1][-1])
r2 = random.Random()
r2.setstate(r.getstate())
print(r2.random() == r.random())
print(random.Random(7).getstate()[1][:3])


class MyRandom(random.Random):
    def random(self):
        return 0.5


print(MyRandom().randrange(10), MyRandom().choice("abc"))
for bad in ("random.randrange(0)", "random.randrange(5, 2)",
            "random.randrange(5, 2, 2)", "random.randrange(1, 5, 0)",
            "random.choice([])", "random.sample([1], 2)",
            "random.choices([1], [0])", "random.sample({1}, 1)",
            "random.seed([1])", "random.getrandbits(-1)",
            "random.Random().setstate((3, (1, 2), None))",
            "random.gammavariate(0, 1)", "random.Random(1, 2)",
            "random.setstate((9, (), None))"):
    try:
        eval(bad)
    except Exception as e:
        print(type(e).__name__, e)
sr = random.SystemRandom()
print(0 <= sr.random() < 1, sr.getrandbits(5) < 32, len(sr.randbytes(3)),
      sr.seed(1))
try:
    sr.getstate()
except NotImplementedError as e:
    print(e)
