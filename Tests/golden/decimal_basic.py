from decimal import *
import numbers, pickle, copy, math
from fractions import Fraction

def run(f):
    ctx = getcontext(); ctx.clear_flags()
    try:
        r = f()
    except Exception as e:
        r = '%s %s' % (type(e).__name__, e)
    return '%s %s' % (r, [s.__name__ for s in (InvalidOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped) if ctx.flags[s]])

print(repr(Decimal('1.30')), repr(Decimal(' -1_000.5e-3 ')), Decimal(10**30), Decimal(0.1), repr(Decimal(-0.0)))
print(Decimal((1, (3, 1, 4), -2)), Decimal((0, (), 'n')), Decimal.from_float(2.5), Decimal.from_float(7))
print(run(lambda: Decimal('abc')), run(lambda: Decimal([1, 2])), run(lambda: Decimal((2, (1,), 0))))
print(Decimal(1) / 3, Decimal(2).sqrt(), Decimal(1).exp(), Decimal(10).ln(), Decimal(2).log10(), Decimal('1.1') ** 10)
print(run(lambda: Decimal(1) / 0), run(lambda: Decimal(0) / 0), run(lambda: Decimal(-1).sqrt()))
print(Decimal('7.325').quantize(Decimal('.01'), rounding=ROUND_DOWN), Decimal('7.325').quantize(Decimal('1.'), rounding=ROUND_UP))
for mode in (ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP):
    print(mode, [str(Decimal(v).quantize(Decimal('1'), rounding=mode)) for v in ('2.5', '-2.5', '1.5', '0.51', '-0.49', '5.01', '2.0')])
print(round(Decimal('2.675'), 2), round(Decimal('3.5')), math.floor(Decimal('-2.5')), math.ceil(Decimal('-2.5')), int(Decimal('-7.9')), float(Decimal('0.1')))
print(hash(Decimal('1.5')) == hash(1.5), hash(Decimal(7)) == hash(7), hash(Decimal('0.25')) == hash(Fraction(1, 4)))
print(Decimal('0.5') == Fraction(1, 2), Decimal('0.1') < Fraction(1, 9), Decimal('1.5') == 1.5, Decimal(2) == 2 + 0j)
print(run(lambda: Decimal(1) < Decimal('NaN')), run(lambda: hash(Decimal('sNaN'))))
print(divmod(Decimal(-7), Decimal(2)), Decimal(-7) // 2, Decimal(-7) % 2, Decimal(7).remainder_near(2), 3 - Decimal('0.5'))
print(Decimal('1.2345678E+5').to_eng_string(), Decimal('123E-10').to_eng_string(), Decimal('-0.00001').as_tuple(), Decimal('0.125').as_integer_ratio())
print(Decimal('100').normalize(), Decimal('-0.0').normalize(), Decimal('1.00').compare_total(Decimal('1.0')), Decimal(-3).copy_abs(), Decimal(3).copy_sign(-1))
print(Decimal(1).next_plus(), Decimal(1).next_minus(), Decimal(1).next_toward(0), Decimal('1.2').scaleb(3), Decimal(1234).logb())
print(Decimal(1100).logical_and(1010), Decimal(1100).logical_or(1010), Decimal(1100).logical_xor(1010), Context(prec=6).logical_invert(Decimal(101)))
print(Decimal(123456789).rotate(2), Decimal(123456789).shift(-3), Decimal(2).fma(3, 4), Decimal('-1.5').number_class(), Decimal('1e-1000000').number_class())
print(Decimal(3).max(Decimal('NaN')), Decimal(-3).min_mag(2), Decimal('2.50').same_quantum(Decimal('1.00')), Decimal('7.5').to_integral_exact(ROUND_HALF_EVEN))
print(pow(Decimal(3), 4, 5), Decimal(4) ** Decimal('0.5'), Decimal(2) ** -2, Decimal('-8') ** 3)
print(copy.copy(Decimal(5)), pickle.loads(pickle.dumps(Decimal('-1.5E+7'))), isinstance(Decimal(1), numbers.Number), isinstance(Decimal(1), numbers.Real))
for spec in ['', '.2f', '10.3e', '<+12,.2f', 'g', '.3g', '%', '.1%', 'E', '012,.1f', '^15', 'z.1f']:
    print(repr(spec), [format(Decimal(v), spec) for v in ('1234.5678', '-0.0001', '0', 'Inf', '1E+10')])
c = Context(prec=5, rounding=ROUND_UP, Emin=-10, Emax=10, traps=[])
print(c)
print(c.add(Decimal('1.23456'), 1), c.multiply(99999, 99999), c.divide(1, 3), c.create_decimal('3.14159265'), c.flags[Overflow], c.Etiny(), c.Etop())
print(run(lambda: c.power(10, 11)), run(lambda: c.create_decimal('1e-14')), c.create_decimal_from_float(0.1))
with localcontext(prec=3) as l:
    print(Decimal(2) / 3, l.prec)
print(getcontext().prec, repr(BasicContext), repr(ExtendedContext))
print(MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY, HAVE_THREADS, HAVE_CONTEXTVAR)
for cls in (Clamped, InvalidOperation, ConversionSyntax, DivisionByZero, DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded, Subnormal, Overflow, Underflow, FloatOperation):
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:-3]])
for bad in [lambda: Context(prec=0), lambda: Context(rounding='x'), lambda: Context(Emax=-1), lambda: getcontext().flags.__setitem__(1, 2)]:
    print(run(bad).split('\n')[0])
