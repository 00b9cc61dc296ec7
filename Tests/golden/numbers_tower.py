import numbers
from numbers import Number, Complex, Real, Rational, Integral
from fractions import Fraction
from decimal import Decimal
for v in [1, True, 1.5, 2j, Fraction(1, 3), Decimal('1.5'), 'x', None]:
    print(type(v).__name__, [isinstance(v, c) for c in (Number, Complex, Real, Rational, Integral)])
print(numbers.__all__, Number.__hash__, issubclass(Integral, Number))
print(sorted(Complex.__abstractmethods__))
print(sorted(Real.__abstractmethods__))
print(sorted(Rational.__abstractmethods__))
print(sorted(Integral.__abstractmethods__))
class MyInt(Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __pow__(self, e, m=None): return MyInt(pow(self.v, int(e), m))
    def __lshift__(s, o): return NotImplemented
    __rlshift__ = __rshift__ = __rrshift__ = __and__ = __rand__ = __xor__ = __rxor__ = __or__ = __ror__ = __lshift__
    def __invert__(s): return MyInt(~s.v)
    def __abs__(s): return MyInt(abs(s.v))
    def __add__(s, o): return MyInt(s.v + int(o))
    __radd__ = __add__
    def __mul__(s, o): return MyInt(s.v * int(o))
    __rmul__ = __mul__
    def __neg__(s): return MyInt(-s.v)
    def __pos__(s): return s
    def __eq__(s, o): return s.v == int(o)
    def __lt__(s, o): return s.v < int(o)
    def __le__(s, o): return s.v <= int(o)
    def __truediv__(s, o): return s.v / int(o)
    def __rtruediv__(s, o): return int(o) / s.v
    def __floordiv__(s, o): return MyInt(s.v // int(o))
    def __rfloordiv__(s, o): return MyInt(int(o) // s.v)
    def __mod__(s, o): return MyInt(s.v % int(o))
    def __rmod__(s, o): return MyInt(int(o) % s.v)
    def __rpow__(s, b): return b ** s.v
    def __trunc__(s): return s.v
    def __floor__(s): return s.v
    def __ceil__(s): return s.v
    def __round__(s, n=None): return s.v
    __hash__ = None
m = MyInt(7)
print(float(m), m.numerator.v, m.denominator, m.real.v, m.imag, m.conjugate().v, complex(m), [10, 20, 30, 40, 50, 60, 70, 80][m], (m - 2).v, divmod(m, 2)[0].v, bool(MyInt(0)))
try: Real()
except TypeError as e: print('TypeError', 'abstract' in str(e))
