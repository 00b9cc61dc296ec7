# Results and flags of the spec operations on assorted operands and contexts.
from decimal import *
vals = ['0', '-0', '1', '-7.5', '0.1', '1.30', '12345678901234567890', '999999999', '1E-1000', '9.99E+998', '-Inf', 'NaN12', '-sNaN3']
ops2 = ['__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__', 'remainder_near', 'compare', 'max', 'min_mag', 'quantize', 'compare_total', 'next_toward', 'scaleb', 'rotate', 'shift']
ops1 = ['sqrt', 'exp', 'ln', 'log10', 'logb', 'normalize', 'next_plus', 'next_minus', 'to_integral_exact', 'number_class', '__neg__', '__abs__', 'as_tuple', 'to_eng_string', 'logical_invert']
def run(f):
    ctx = getcontext(); ctx.clear_flags()
    try: r = f()
    except Exception as e: r = '%s %s' % (type(e).__name__, e)
    return '%s %s' % (r, ''.join(s.__name__[:2] for s in (InvalidOperation, DivisionByZero, Overflow, Underflow, Subnormal, Inexact, Rounded, Clamped) if ctx.flags[s]))
for prec, rnd, emax, clamp in [(9, ROUND_HALF_EVEN, 999, 0), (5, ROUND_DOWN, 999, 1), (7, ROUND_CEILING, 999, 0)]:
    setcontext(Context(prec=prec, rounding=rnd, Emax=emax, Emin=-emax, clamp=clamp, traps=[]))
    print('== context', getcontext())
    for a in vals:
        A = Decimal(a)
        print(a, *[run(lambda: getattr(A, op)()) for op in ops1], sep=' | ')
        for b in vals:
            B = Decimal(b)
            print(a, b, *[run(lambda: getattr(A, op)(B)) for op in ops2], run(lambda: divmod(A, B)), run(lambda: A.fma(B, -1)), sep=' | ')
for x, y in [('2', '10'), ('2', '-3'), ('-2', '3'), ('1.5', '2.5'), ('0.5', '-0.5'), ('10', '0.3'), ('-8', '0.5'), ('0', '-2'), ('Inf', '-1'), ('1.0001', '10000'), ('7', '1E+3')]:
    print(x, y, run(lambda: Decimal(x) ** Decimal(y)), run(lambda: pow(Decimal(x), 3, 7)))
