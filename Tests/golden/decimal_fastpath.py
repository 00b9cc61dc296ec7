# Results that fit the context unrounded take a short path (the bounds
# cached in the context): each limit of that path, and the same values
# once prec, Emin or Emax change, so stale bounds would show.
from decimal import *


def show(label, f):
    ctx = getcontext()
    ctx.clear_flags()
    try:
        r = f()
    except Exception as e:
        r = '%s %s' % (type(e).__name__, e)
    names = ''.join(s.__name__[:3] for s in (
        InvalidOperation, DivisionByZero, Overflow, Underflow, Subnormal,
        Inexact, Rounded, Clamped) if ctx.flags[s])
    print(label, repr(r), names)


D = Decimal
cases = [
    ('999+1', lambda: D('999') + 1), ('1+999', lambda: 1 + D('999')),
    ('998+1', lambda: D('998') + D(1)), ('1000-1', lambda: D('1000') - 1),
    ('5-5', lambda: D(5) - 5), ('0-0', lambda: D('-0') - D('0')),
    ('-0+-0', lambda: D('-0') + D('-0')), ('1.5-2', lambda: D('1.5') - 2),
    ('9.99+0.01', lambda: D('9.99') + D('0.01')),
    ('1E+5+1', lambda: D('1E+5') + 1), ('1E-5+1', lambda: D('1E-5') + 1),
    ('12-1E+7', lambda: 12 - D('1E+7')),
    ('31*32', lambda: D(31) * D(32)), ('32*32', lambda: D(32) * 32),
    ('-3*3', lambda: D(-3) * D(3)), ('0.1*0.1', lambda: D('0.1') * D('0.1')),
    ('1E+7*1', lambda: D('1E+7') * 1), ('1E+6*1', lambda: D('1E+6') * 1),
    ('1E-7*1', lambda: D('1E-7') * 1), ('1E-9*1', lambda: D('1E-9') * 1),
    ('1E-9*0', lambda: D('1E-9') * 0), ('1E+9*0', lambda: D('1E+9') * 0),
    ('2.5q1', lambda: D('2.5').quantize(D('1'))),
    ('2.567q.01', lambda: D('2.567').quantize(D('0.01'))),
    ('999.9q1', lambda: D('999.9').quantize(D(1))),
    ('99.99q.01', lambda: D('99.99').quantize(D('.01'))),
    ('1q1E-3', lambda: D(1).quantize(D('1E-3'))),
    ('1q1E-7', lambda: D(1).quantize(D('1E-7'))),
    ('1q1E+7', lambda: D(1).quantize(D('1E+7'))),
    ('5q1E+6', lambda: D(5).quantize(D('1E+6'), ROUND_UP)),
    ('1.5<2', lambda: D('1.5') < 2), ('-0==0', lambda: D('-0') == 0),
    ('1E+7>999', lambda: D('1E+7') > D(999)), ('NaN<1', lambda: D('NaN') < 1),
    ('1!=NaN', lambda: D(1) != D('NaN')), ('2==2.0', lambda: D(2) == D('2.0')),
]
for prec, emin, emax, clamp in [(3, -6, 6, 0), (3, -6, 6, 1),
                                (28, -999999, 999999, 0)]:
    ctx = Context(prec=9, traps=[])
    setcontext(ctx)
    # Set after the context is current: the setters must refresh it.
    ctx.prec = prec
    ctx.Emax = emax
    ctx.Emin = emin
    ctx.clamp = clamp
    print('==', ctx)
    for label, f in cases:
        show(label, f)
    copied = ctx.copy()
    copied.prec = 2
    setcontext(copied)
    show('copy 31*32', lambda: D(31) * D(32))
    show('copy 99+1', lambda: D(99) + 1)
with localcontext(prec=4) as ctx:
    ctx.traps[Inexact] = True
    show('trap 9999+1', lambda: D(9999) + 1)
    show('trap 999+1', lambda: D(999) + 1)
    show('trap 9999*3', lambda: D(9999) * 3)
    show('trap 9999.5q1', lambda: D('9999.5').quantize(D(1)))
