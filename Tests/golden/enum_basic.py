from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, verify, UNIQUE, CONTINUOUS, member, nonmember
import enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.RED in Color, list(Color.__members__))
print(f"{Color.RED}", format(Color.GREEN, ">12"), hash(Color.RED) == hash("RED"), Color.RED == 1, Color.RED != Color.GREEN)
try: Color(7)
except ValueError as e: print("ValueError", e)
try: Color.RED < Color.GREEN
except TypeError as e: print("TypeError", e)
try: Color.RED = 5
except AttributeError as e: print("AttributeError", e)
try:
    class More(Color): PINK = 4
except TypeError as e: print("TypeError", e)
class Shape(IntEnum):
    SQUARE = 2
    CIRCLE = 3
print(Shape.SQUARE, repr(Shape.CIRCLE), Shape.SQUARE + 1, Shape(3), Shape.SQUARE == 2, f"{Shape.CIRCLE:03d}", sorted([Shape.CIRCLE, Shape.SQUARE]), isinstance(Shape.SQUARE, int))
class Mode(StrEnum):
    READ = auto()
    WRITE = "w"
print(Mode.READ, repr(Mode.READ), Mode.WRITE.upper(), Mode("w"), Mode.READ == "read")
class Ordinal(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print([(m.name, m.value) for m in Ordinal])
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = R | W
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm.RW, list(Perm.RW), Perm.R in Perm.RW, bool(Perm(0)), repr(Perm(0)), ~Perm.R, len(Perm.R | Perm.W | Perm.X), list(Perm))
class IP(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(IP.A | IP.C, repr(IP.A | IP.C), IP.A | 8, repr(IP(9)), IP.B & 2, [m.value for m in IP])
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.value, Planet((5.976e+24, 6.37814e6)))
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal(3)), Animal.__module__)
Pets = Enum('Pets', [('DOG', 'd'), ('FISH', 'f')])
print(Pets('f'), Pets.DOG.value)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print("ValueError", e)
class WithMissing(Enum):
    ONE = 1
    @classmethod
    def _missing_(cls, value):
        return cls.ONE if value == "one" else None
print(WithMissing("one"), WithMissing.ONE)
class Helpers(Enum):
    A = 1
    B = member(lambda: 2)
    c = nonmember(3)
    def describe(self): return f"{self.name}={self.value}"
print(Helpers.A.describe(), Helpers.c, [m.name for m in Helpers])
print(Color.RED.__reduce_ex__(4), Color.__class__, type(Color.RED), isinstance(Color.RED, Color))
print(enum.Flag.__name__, IP.__class__.__name__, issubclass(IntEnum, int))
class Weekday(Enum):
    _ignore_ = ['i']
    MON = 1
    TUE = 2
print(dir(Color.RED)[:6], Color.__members__['CRIMSON'])
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e: print("TypeError", e)
try:
    @verify(CONTINUOUS)
    class Gap(Enum):
        A = 1
        C = 3
except ValueError as e: print("ValueError", e)
print(Shape.SQUARE.__format__(''), str(IP.A), Perm.R.value, Perm(6))
# 3.12+: containment accepts values
print(2 in Color, 7 in Color, "RED" in Color, Color.RED in Color)
