"""Operations computed to high precision: sqrt, exp, ln, log10, power.

The transcendental functions use fixed-point integer arithmetic: a value
v is held as the int round(v * 10**W).  Results are found with a Ziv
loop: approximate with a growing number of guard digits until both ends
of the error interval round to the same Decimal.
"""

import math

from .signals import ROUND_HALF_EVEN, Status, Inexact, Rounded, Clamped
from .context import Context
from .number import (Decimal, _make, _infinity, fix, check_nans, invalid,
                     ndigits, digit_string, operand, current,
                     overflow_result)
from . import ops

# Error bound, in units of the last fixed-point place, of the values the
# helpers below return.
_SLACK = 1000


def _exp_small(x, scale_digits):
    """exp(x / 10**scale_digits) * 10**scale_digits for |x| <= 3 * 10**W."""
    guard = 12
    digits = scale_digits + guard
    one = 10 ** digits
    value = x * 10 ** guard
    halvings = 0
    while abs(value) * 1000 > one:
        value //= 2
        halvings += 1
    term = one
    total = one
    k = 1
    while term:
        term = term * value // (one * k)
        total += term
        k += 1
    for _ in range(halvings):
        total = total * total // one
    return total // 10 ** guard


_LN10_CACHE = {}


def _ln10(scale_digits):
    """ln(10) * 10**scale_digits (cached per scale)."""
    cached = _LN10_CACHE.get(scale_digits)
    if cached is None:
        cached = _ln_fixed_mantissa(10 * 10 ** scale_digits, scale_digits,
                                    2.302585092994046)
        # Dict assignment is atomic; racing threads store equal values.
        _LN10_CACHE[scale_digits] = cached
    return cached


def _ln_fixed_mantissa(m, scale_digits, estimate):
    """ln(m / 10**W) * 10**W for 1 <= m / 10**W <= 10, by Newton steps.

    y <- y + 2 (m - e**y) / (m + e**y) triples the correct digits.
    """
    guard = 10
    digits = scale_digits + guard
    target = m * 10 ** guard
    y = int(estimate * 10 ** 15) * 10 ** (digits - 15) if digits >= 15 \
        else int(estimate * 10 ** digits)
    for _ in range(60):
        e = _exp_small(y, digits)
        step = 2 * (target - e) * 10 ** digits // (target + e)
        y += step
        if abs(step) < 10:
            break
    return y // 10 ** guard


def _ln_scaled(c, e, scale_digits):
    """ln(c * 10**e) * 10**W, c > 0.

    With c * 10**e = m * 10**power and 1 <= m < 10:
    ln = ln(m) + power * ln(10).
    """
    length = ndigits(c)
    power = e + length - 1
    extra = ndigits(abs(power)) + 2
    digits = scale_digits + extra
    # m as a fixed-point int at scale 10**digits (truncated if c is long).
    shift = digits - (length - 1)
    mantissa = c * 10 ** shift if shift >= 0 else c // 10 ** -shift
    leading = int(digit_string(c)[:17]) if length > 17 else c
    estimate = math.log(leading) - math.log(10) * (min(length, 17) - 1)
    result = _ln_fixed_mantissa(mantissa, digits, estimate)
    result += power * _ln10(digits)
    return result // 10 ** extra


def _exp_scaled(t, scale_digits):
    """exp(t / 10**W) as (M, E): approximately M * 10**E.

    M has about W significant digits or more; t may be large.
    """
    ln10_estimate = math.log(10)
    k = math.floor(t / 10 ** scale_digits / ln10_estimate) \
        if abs(t) < 10 ** (scale_digits + 300) else None
    if k is None:
        k = t // (10 ** scale_digits) * 10 ** 15 // 2302585092994046
    extra = ndigits(abs(k)) + 2
    digits = scale_digits + extra
    reduced = t * 10 ** extra - k * _ln10(digits)
    value = _exp_small(reduced, digits)
    return value, k - digits


def _ziv(approximate, ctx, status, sign=0, rounding=None):
    """Round a transcendental result correctly.

    approximate(W) returns (M, E) with the true value within _SLACK units
    of M * 10**E (M > 0).  Returns the rounded Decimal.
    """
    prec = ctx.prec
    work = prec + 10
    for _ in range(8):
        m, e = approximate(work)
        if ndigits(m) < prec + 6:
            work += prec + 6 - ndigits(m) + 5
            continue
        low = fix(sign, m - _SLACK, e, ctx, Status(), rounding)
        high = fix(sign, m + _SLACK, e, ctx, Status(), rounding)
        if (low._int, low._exp, low._is_special) == \
                (high._int, high._exp, high._is_special):
            break
        work = work * 2
    # A final 1 after the digits keeps the value strictly inexact.
    return fix(sign, m * 10 + 1, e - 1, ctx, status, rounding)


# ---------------------------------------------------------------------------

def sqrt_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._exp == 'F':
        if a._sign:
            return invalid(status)
        return a
    if a._int == 0:
        return fix(a._sign, 0, a._exp // 2, ctx, status)
    if a._sign:
        return invalid(status)
    ideal = a._exp // 2
    c, e = a._int, a._exp
    shift = 2 * (ctx.prec + 1) - ndigits(c)
    if (e - shift) % 2:
        shift += 1
    remainder = 0
    if shift >= 0:
        n = c * 10 ** shift
    else:
        n, remainder = divmod(c, 10 ** -shift)
    root = math.isqrt(n)
    exponent = (e - shift) // 2
    if root * root == n and not remainder:
        while exponent < ideal and root % 10 == 0:
            root //= 10
            exponent += 1
    elif root % 5 == 0:
        root += 1
    return fix(0, root, exponent, ctx, status, ROUND_HALF_EVEN)


def _tiny_or_huge(sign, huge, ctx, status, rounding=None):
    """An overflowing (huge) or underflowing result, with its signals."""
    if huge:
        return fix(sign, 1, ctx.Emax + 1, ctx, status, rounding)
    return fix(sign, 1, ctx.Emin - ctx.prec - 1, ctx, status, rounding)


def exp_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._exp == 'F':
        return _make(0, 0, 0) if a._sign else a
    if a._int == 0:
        return _make(0, 1, 0)
    # |x| beyond these bounds certainly overflows or underflows (ln 10 is
    # below 2.31); the float estimate only runs on such huge arguments.
    limit = max(ctx.Emax + 1, ctx.prec - ctx.Emin + 1) * 2.31
    if a.adjusted() >= ndigits(int(limit)):
        value = float(a) if a.adjusted() < 300 else math.copysign(1e308,
                                                                  -a._sign)
        if abs(value) > limit:
            return _tiny_or_huge(0, value > 0, ctx, status, ROUND_HALF_EVEN)
    c, e = a._int, a._exp

    def approximate(work):
        if a.adjusted() < -work - 2:
            # |x| is far below the working precision: exp(x) is 1 there,
            # and the final sticky digit records the inexactness.
            t = 0
        elif e >= 0:
            t = c * 10 ** (e + work)
        elif -e <= work:
            t = c * 10 ** (work + e)
        else:
            t = c // 10 ** (-e - work)
        if a._sign:
            t = -t
        return _exp_scaled(t, work)

    return _ziv(approximate, ctx, status, 0, ROUND_HALF_EVEN)


def _is_one(a):
    return a._int == 10 ** -a._exp if a._exp <= 0 else False


def _log_special(a, ctx, status):
    """The logarithm of a NaN, zero, negative or infinite operand (the
    same for ln and log10); None for a positive finite one."""
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._int == 0 and not a._is_special:
        return _infinity(1)
    if a._sign:
        return invalid(status)
    if a._exp == 'F':
        return a
    return None


def ln_op(a, ctx, status):
    special = _log_special(a, ctx, status)
    if special is not None:
        return special
    if _is_one(a):
        return _make(0, 0, 0)
    c, e = a._int, a._exp
    sign = 1 if compare_with_one(a) < 0 else 0

    def approximate(work):
        value = _ln_scaled(c, e, work)
        return abs(value), -work

    return _ziv(approximate, ctx, status, sign, ROUND_HALF_EVEN)


def compare_with_one(a):
    return ops.compare_values(a, _make(0, 1, 0))


def log10_op(a, ctx, status):
    special = _log_special(a, ctx, status)
    if special is not None:
        return special
    c, e = a._int, a._exp
    digits = str(c).rstrip('0') if c < 10 ** 1000 else None
    if digits == '1':
        power = e + ndigits(c) - 1
        return fix(1 if power < 0 else 0, abs(power), 0, ctx, status)
    sign = 1 if compare_with_one(a) < 0 else 0

    def approximate(work):
        extra = 5
        value = _ln_scaled(c, e, work + extra)
        result = value * 10 ** (work + extra) // _ln10(work + extra)
        return abs(result) // 10 ** extra, -work

    return _ziv(approximate, ctx, status, sign, ROUND_HALF_EVEN)


# ---------------------------------------------------------------------------
# power

def _integral_value(d):
    """int(d) if d is a finite integer, else None."""
    if d._is_special:
        return None
    if d._exp >= 0:
        return (-1 if d._sign else 1) * d._int * 10 ** d._exp \
            if d._exp < 10 ** 6 else None
    if d._int == 0:
        return 0
    if -d._exp > ndigits(d._int):
        # 0 < |d| < 1; 10 ** -exp may be far too big to build.
        return None
    scale = 10 ** -d._exp
    if d._int % scale:
        return None
    return (-1 if d._sign else 1) * (d._int // scale)


def _power_modulo(a, b, m, ctx, status):
    for x in (a, b, m):
        if x._exp == 'N':
            return check_nans(x, None, ctx, status)
    for x in (a, b, m):
        if x._exp == 'n':
            return check_nans(x, None, ctx, status)
    exponent, modulus = _integral_value(b), _integral_value(m)
    reduce_base = not a._is_special and a._exp >= 0
    if reduce_base:
        # Reduced as it is built: the base may be 1.23E+123456791.
        base = 0 if a._int == 0 else 1
    else:
        base = _integral_value(a)
    if base is None or exponent is None or modulus is None:
        return invalid(status)
    if exponent < 0 or modulus == 0 or ndigits(abs(modulus)) > ctx.prec:
        return invalid(status)
    if base == 0 and exponent == 0:
        return invalid(status)
    mod = abs(modulus)
    if reduce_base:
        base = a._int % mod * pow(10, a._exp, mod)
    value = pow(abs(base), exponent, mod)
    sign = 1 if a._sign and exponent % 2 else 0     # -0 keeps its sign
    return _make(sign, value, 0)


def power_op(a, b, ctx, status, modulo=None):
    if modulo is not None:
        return _power_modulo(a, b, modulo, ctx, status)
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    if not b._is_special and b._int == 0:
        if not a._is_special and a._int == 0:
            return invalid(status)
        return _make(0, 1, 0)

    n = _integral_value(b)
    sign = 0
    if a._sign:
        if n is None:
            if a._is_special or a._int:
                return invalid(status)
        elif n % 2:
            sign = 1
    b_negative = b._sign == 1

    if not a._is_special and a._int == 0:
        if b_negative:
            return _infinity(sign)
        return _make(sign, 0, 0)
    if a._exp == 'F':
        if b_negative:
            return _make(sign, 0, 0)
        return _infinity(sign)
    if b._exp == 'F':
        order = ops.compare_values(ops.copy_abs(a), _make(0, 1, 0))
        if order == 0:
            # |a| == 1: 1 at full precision, reported as inexact.
            _mark_inexact(status)
            return _make(sign, 10 ** (ctx.prec - 1), 1 - ctx.prec)
        if (order > 0) != b_negative:
            return _infinity(sign)
        return _make(sign, 0, 0)

    c, e = a._int, a._exp
    if n is None and _is_one(a):
        # 1 ** y is exactly 1 but reported at full precision, inexact.
        _mark_inexact(status)
        return _make(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
    if n is not None and abs(n) < 2 ** 63:
        return _integer_power(a, b, n, sign, ctx, status)
    if n is not None and c == 1 and e == 0:
        # (+-1) ** n for a huge integral n is exactly +-1.
        return _make(sign, 1, 0)

    # exp(b * ln|a|), estimated first in floats to catch overflow.
    log10_a = math.log10(c) + e if c < 10 ** 300 else \
        (ndigits(c) - 1) + e
    try:
        estimate = float(b) * log10_a
    except OverflowError:
        estimate = math.inf
    if estimate > ctx.Emax + 2 or estimate < ctx.Emin - ctx.prec - 2:
        return _tiny_or_huge(sign, estimate > 0, ctx, status)
    bc, be = b._int, b._exp

    def approximate(work):
        extra = ndigits(int(abs(estimate)) + 1) + 4
        log_a = _ln_scaled(c, e, work + extra + max(0, be + ndigits(bc)))
        scale = work + extra + max(0, be + ndigits(bc))
        t = log_a * bc
        if be >= 0:
            t *= 10 ** be
        elif -be > ndigits(abs(t)):
            # |t| < 10 ** -be: the floor is 0 or -1; 10 ** -be itself may
            # be far too big to build (an exponent of 1e-999999999).
            t = -1 if t < 0 else 0
        else:
            t //= 10 ** -be
        if b._sign:
            t = -t
        t //= 10 ** (scale - work - extra)
        return _exp_scaled(t, work + extra)

    return _ziv(approximate, ctx, status, sign)


def _integer_power(a, b, n, sign, ctx, status):
    """a ** n for an integral exponent, as CPython's libmpdec rounds it.

    The power is built by left-to-right binary exponentiation in a
    context with a few extra digits and ROUND_HALF_EVEN (for n < 0 from
    the rounded reciprocal of a); the result is then rounded once more to
    the caller's context.
    """
    work = ctx.copy()
    work._prec = ctx.prec + (b._exp + ndigits(b._int)) + 2
    work._rounding = ROUND_HALF_EVEN
    work._clamp_mode = 0
    base = _make(0, a._int, a._exp)
    if n < 0:
        work._prec += 1
    work._set_fast_bounds()
    if n < 0:
        base = ops.divide_op(_make(0, 1, 0), base, work, status)
        n = -n
    result = base
    bit = 1 << (n.bit_length() - 1)
    while bit > 1:
        bit >>= 1
        result = ops.multiply_op(result, result, work, status)
        if n & bit:
            result = ops.multiply_op(result, base, work, status)
        if result._is_special or (result._int == 0 and Clamped in status):
            break
    if result._is_special:
        # An intermediate overflow: the caller's rounding picks the result.
        return overflow_result(sign, ctx)
    return fix(sign, result._int, result._exp, ctx, status)


def _mark_inexact(status):
    status.add(Inexact)
    status.add(Rounded)
    return True


# ---------------------------------------------------------------------------
# Wiring

# The method makers of ops.py (which imports this module last, so they
# are defined by now).
_unary = ops._unary_method


Decimal.sqrt = _unary(sqrt_op, 'sqrt', "Square root, correctly rounded.")
Decimal.exp = _unary(exp_op, 'exp', "e ** self, correctly rounded.")
Decimal.ln = _unary(ln_op, 'ln', "Natural logarithm, correctly rounded.")
Decimal.log10 = _unary(log10_op, 'log10',
                       "Base-10 logarithm, correctly rounded.")


def _pow(self, other, modulo=None, context=None):
    other = operand(other, False)
    if other is NotImplemented:
        return other
    if modulo is not None:
        modulo = operand(modulo, False)
        if modulo is NotImplemented:
            return modulo
    ctx = current(context)
    status = Status()
    result = power_op(self, other, ctx, status, modulo)
    ctx._commit(status)
    return result


def _rpow(self, other, modulo=None, context=None):
    other = operand(other, False)
    if other is NotImplemented:
        return other
    return _pow(other, self, modulo, context)


Decimal.__pow__ = _pow
Decimal.__rpow__ = _rpow


for _name, _op in (('sqrt', sqrt_op), ('exp', exp_op), ('ln', ln_op),
                   ('log10', log10_op)):
    setattr(Context, _name, ops._context_method(_op, 1, _name))


def _context_power(self, a, b, modulo=None):
    """a ** b, or a ** b % modulo for integers."""
    a = operand(a)
    b = operand(b)
    if modulo is not None:
        modulo = operand(modulo)
    status = Status()
    result = power_op(a, b, self, status, modulo)
    self._commit(status)
    return result


Context.power = _context_power
