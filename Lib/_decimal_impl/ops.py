"""Arithmetic, comparison and the other operations of the spec.

Each operation is written once as an *_op function taking operands that
are already Decimals, the context and a Status; the Decimal methods,
operators and Context methods built at the end of this file convert the
operands, call the function and commit the status.
"""

import numbers

import _decimal_core as _core

from .signals import (
    ROUND_FLOOR, ROUND_CEILING, ROUNDING_MODES, Status,
    Clamped, InvalidOperation, DivisionByZero, DivisionImpossible,
    DivisionUndefined, Inexact, Rounded, Subnormal, Overflow, Underflow,
    FloatOperation)
from .context import Context, SignalDict, check_rounding, getcontext
from .number import (
    Decimal, _make, _finite, _nan, _infinity, fix, check_nans, invalid,
    drop_digits, ndigits, digit_string, operand, current, _from_float,
    _POW10, construct, py_hash)

_ONE = _make(0, 1, 0)
_NEG_ONE = _make(1, 1, 0)
_ZERO = _make(0, 0, 0)


def _adjusted(d):
    return d._exp + ndigits(d._int) - 1


def _with_rounding(ctx, rounding):
    new = ctx.copy()
    new._rounding = rounding
    return new


# ---------------------------------------------------------------------------
# Sign-only operations

def plus_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._is_special:
        return a
    sign = a._sign
    if a._int == 0 and ctx.rounding != ROUND_FLOOR:
        sign = 0
    return fix(sign, a._int, a._exp, ctx, status)


def minus_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._is_special:
        return _infinity(1 - a._sign)
    sign = 1 - a._sign
    if a._int == 0 and ctx.rounding != ROUND_FLOOR:
        sign = 0
    return fix(sign, a._int, a._exp, ctx, status)


def abs_op(a, ctx, status):
    if a._sign and not a.is_nan():
        return minus_op(a, ctx, status)
    return plus_op(a, ctx, status)


# ---------------------------------------------------------------------------
# Addition, multiplication, division

def add_op(a, b, ctx, status, negate=False):
    if a._is_special or b._is_special:
        nan = check_nans(a, b, ctx, status)
        if nan is not None:
            return nan
    b_sign = b._sign ^ negate
    if a._exp == 'F':
        if b._exp == 'F' and a._sign != b_sign:
            return invalid(status)
        return _infinity(a._sign)
    if b._exp == 'F':
        return _infinity(b_sign)

    a_sign, a_int, a_exp = a._sign, a._int, a._exp
    b_int, b_exp = b._int, b._exp
    if a_int == 0 and b_int == 0:
        sign = a_sign | b_sign if ctx.rounding == ROUND_FLOOR else \
            a_sign & b_sign
        return fix(sign, 0, min(a_exp, b_exp), ctx, status)

    if abs(a_exp - b_exp) > ctx._prec + 2:
        a_int, a_exp, b_int, b_exp = _shrink_far_operand(
            a_int, a_exp, b_int, b_exp, ctx._prec)

    exponent = min(a_exp, b_exp)
    x = a_int * 10 ** (a_exp - exponent) if a_int else 0
    y = b_int * 10 ** (b_exp - exponent) if b_int else 0
    total = (-x if a_sign else x) + (-y if b_sign else y)
    if total == 0:
        sign = 1 if ctx.rounding == ROUND_FLOOR else 0
    else:
        sign = 1 if total < 0 else 0
    return fix(sign, abs(total), exponent, ctx, status)


def _shrink_far_operand(a_int, a_exp, b_int, b_exp, prec):
    """Operands of an addition whose exponents lie far apart, made cheap.

    Digits far below the rounding position, and below every digit of the
    other operand, only matter as a sticky digit: such an operand shrinks
    to one digit so that aligning does not build huge ints.  The rounded
    sum is the same; with exponents at most prec + 2 apart the aligned
    ints stay small and add_op does not call this.
    """
    top = max(e + ndigits(c) - 1 for c, e in ((a_int, a_exp), (b_int, b_exp))
              if c)
    floor = top - prec - 2
    if a_exp < floor:
        if a_int == 0:
            a_exp = floor
        elif b_int and a_exp + ndigits(a_int) - 1 < min(floor, b_exp):
            a_int, a_exp = 1, min(floor, b_exp) - 1
    if b_exp < floor:
        if b_int == 0:
            b_exp = floor
        elif a_int and b_exp + ndigits(b_int) - 1 < min(floor, a_exp):
            b_int, b_exp = 1, min(floor, a_exp) - 1
    return a_int, a_exp, b_int, b_exp


def subtract_op(a, b, ctx, status):
    return add_op(a, b, ctx, status, negate=True)


def multiply_op(a, b, ctx, status):
    if a._is_special or b._is_special:
        nan = check_nans(a, b, ctx, status)
        if nan is not None:
            return nan
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        if (a._exp == 'F' and not b) or (b._exp == 'F' and not a):
            return invalid(status)
        return _infinity(sign)
    return fix(sign, a._int * b._int, a._exp + b._exp, ctx, status)


def divide_op(a, b, ctx, status):
    if a._is_special or b._is_special:
        nan = check_nans(a, b, ctx, status)
        if nan is not None:
            return nan
    sign = a._sign ^ b._sign
    if a._exp == 'F':
        if b._exp == 'F':
            return invalid(status)
        return _infinity(sign)
    if b._exp == 'F':
        status.add(Clamped)
        return _make(sign, 0, ctx.Emin - ctx.prec + 1)
    if b._int == 0:
        if a._int == 0:
            status.add(DivisionUndefined)
            return _nan()
        status.add(DivisionByZero)
        return _infinity(sign)
    ideal = a._exp - b._exp
    if a._int == 0:
        return fix(sign, 0, ideal, ctx, status)
    shift = ndigits(b._int) - ndigits(a._int) + ctx._prec + 1
    if shift >= 0:
        scale = _POW10[shift] if shift < len(_POW10) else 10 ** shift
        quotient, remainder = divmod(a._int * scale, b._int)
    else:
        quotient, remainder = divmod(a._int, b._int * 10 ** -shift)
    exponent = ideal - shift
    if remainder:
        # quotient has at least prec + 1 digits: a final 1 in place of a
        # 0 or 5 records that the true value lies beyond it.
        if quotient % 5 == 0:
            quotient += 1
    else:
        while exponent < ideal and quotient % 10 == 0:
            quotient //= 10
            exponent += 1
    return fix(sign, quotient, exponent, ctx, status)


def _integer_division(a, b, ctx, status):
    """(quotient int, remainder int, remainder exponent) or None.

    None means the quotient would need more than prec digits.
    """
    exponent = min(a._exp, b._exp)
    if a._int == 0 or _adjusted(a) < _adjusted(b) - 1:
        return 0, a._int * 10 ** (a._exp - exponent), exponent
    if _adjusted(a) - _adjusted(b) > ctx.prec:
        return None
    x = a._int * 10 ** (a._exp - exponent)
    y = b._int * 10 ** (b._exp - exponent)
    quotient, remainder = divmod(x, y)
    if quotient and ndigits(quotient) > ctx.prec:
        return None
    return quotient, remainder, exponent


def _divmod_specials(a, b, ctx, status):
    """Results (quotient, remainder) for special or zero-divisor cases."""
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan, nan
    sign = a._sign ^ b._sign
    if a._exp == 'F':
        if b._exp == 'F':
            result = invalid(status)
            return result, result
        return _infinity(sign), invalid(status)
    if b._exp == 'F':
        return _make(sign, 0, 0), fix(a._sign, a._int, a._exp, ctx, status)
    if b._int == 0:
        if a._int == 0:
            status.add(DivisionUndefined)
            result = _nan()
            return result, result
        status.add(DivisionByZero)
        return _infinity(sign), invalid(status)
    return None


def divmod_op(a, b, ctx, status):
    special = _divmod_specials(a, b, ctx, status)
    if special is not None:
        return special
    parts = _integer_division(a, b, ctx, status)
    if parts is None:
        status.add(DivisionImpossible)
        result = _nan()
        return result, result
    quotient, remainder, exponent = parts
    return (_make(a._sign ^ b._sign, quotient, 0),
            fix(a._sign, remainder, exponent, ctx, status))


def divide_int_op(a, b, ctx, status):
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    sign = a._sign ^ b._sign
    if a._exp == 'F':
        if b._exp == 'F':
            return invalid(status)
        return _infinity(sign)
    if b._exp == 'F':
        return _make(sign, 0, 0)
    if b._int == 0:
        if a._int == 0:
            status.add(DivisionUndefined)
            return _nan()
        status.add(DivisionByZero)
        return _infinity(sign)
    parts = _integer_division(a, b, ctx, status)
    if parts is None:
        status.add(DivisionImpossible)
        return _nan()
    return _make(sign, parts[0], 0)


def _remainder_special(a, b, ctx, status):
    """The result of remainder() and remainder_near() when an operand is
    a NaN or infinite or the divisor is zero; None otherwise."""
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    if a._exp == 'F':
        return invalid(status)
    if b._exp == 'F':
        return fix(a._sign, a._int, a._exp, ctx, status)
    if b._int == 0:
        if a._int == 0:
            status.add(DivisionUndefined)
            return _nan()
        return invalid(status)
    return None


def remainder_op(a, b, ctx, status):
    special = _remainder_special(a, b, ctx, status)
    if special is not None:
        return special
    parts = _integer_division(a, b, ctx, status)
    if parts is None:
        status.add(DivisionImpossible)
        return _nan()
    return fix(a._sign, parts[1], parts[2], ctx, status)


def remainder_near_op(a, b, ctx, status):
    special = _remainder_special(a, b, ctx, status)
    if special is not None:
        return special
    exponent = min(a._exp, b._exp)
    if a._int == 0:
        return fix(a._sign, 0, exponent, ctx, status)
    if _adjusted(a) - _adjusted(b) > ctx.prec:
        status.add(DivisionImpossible)
        return _nan()
    x = a._int * 10 ** (a._exp - exponent)
    if _adjusted(a) < _adjusted(b) - 1:
        # |a| < |b| / 10: the quotient is 0 and a is the remainder (and
        # b scaled to a's exponent might be far too big to build).
        return fix(a._sign, x, exponent, ctx, status)
    y = b._int * 10 ** (b._exp - exponent)
    quotient, remainder = divmod(x, y)
    sign = a._sign
    if 2 * remainder > y or (2 * remainder == y and quotient % 2 == 1):
        remainder = y - remainder
        quotient += 1
        sign = 1 - sign
    if quotient and ndigits(quotient) > ctx.prec:
        status.add(DivisionImpossible)
        return _nan()
    if remainder == 0:
        sign = a._sign
    return fix(sign, remainder, exponent, ctx, status)


def fma_op(a, b, c, ctx, status):
    if a._is_special or b._is_special:
        if a._exp == 'N' or b._exp == 'N' or a._exp == 'n' or b._exp == 'n':
            if c._exp == 'N' and a._exp != 'N' and b._exp != 'N':
                return check_nans(c, None, ctx, status)
            return check_nans(a, b, ctx, status)
        if (a._exp == 'F' and not b) or (b._exp == 'F' and not a):
            return invalid(status)
        product = _infinity(a._sign ^ b._sign)
    else:
        product = _make(a._sign ^ b._sign, a._int * b._int, a._exp + b._exp)
    return add_op(product, c, ctx, status)


# ---------------------------------------------------------------------------
# Comparisons

def compare_values(a, b):
    """-1, 0 or 1 for non-NaN a and b."""
    if a._exp == 'F' or b._exp == 'F':
        a_rank = 0 if a._exp != 'F' else (-1 if a._sign else 1)
        b_rank = 0 if b._exp != 'F' else (-1 if b._sign else 1)
        if a_rank == b_rank:
            return 0
        return 1 if a_rank > b_rank else -1
    if a._int == 0:
        if b._int == 0:
            return 0
        return 1 if b._sign else -1
    if b._int == 0:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    direction = -1 if a._sign else 1
    a_adj, b_adj = _adjusted(a), _adjusted(b)
    if a_adj != b_adj:
        return direction if a_adj > b_adj else -direction
    exponent = min(a._exp, b._exp)
    x = a._int * 10 ** (a._exp - exponent)
    y = b._int * 10 ** (b._exp - exponent)
    if x == y:
        return 0
    return direction if x > y else -direction


def _result_of(value):
    return {-1: _NEG_ONE, 0: _ZERO, 1: _ONE}[value]


def compare_op(a, b, ctx, status):
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    return _result_of(compare_values(a, b))


def compare_signal_op(a, b, ctx, status):
    if a.is_nan() or b.is_nan():
        status.add(InvalidOperation)
    return compare_op(a, b, ctx, status)


def _total_key(d):
    """Sort key of compare_total for the positive side."""
    if d._exp == 'n':
        return (3, d._int, 0)
    if d._exp == 'N':
        return (2, d._int, 0)
    if d._exp == 'F':
        return (1, 0, 0)
    return (0, 0, 0)


def compare_total_values(a, b):
    if a._sign != b._sign:
        return -1 if a._sign else 1
    direction = -1 if a._sign else 1
    ka, kb = _total_key(a), _total_key(b)
    if ka != kb:
        return direction if ka > kb else -direction
    if ka[0] != 0:
        return 0
    value = compare_values(_make(0, a._int, a._exp), _make(0, b._int, b._exp))
    if value:
        return direction * value
    if a._exp == b._exp:
        return 0
    return direction if a._exp > b._exp else -direction


def compare_total_op(a, b, ctx=None, status=None):
    return _result_of(compare_total_values(a, b))


def compare_total_mag_op(a, b, ctx=None, status=None):
    return _result_of(compare_total_values(copy_abs(a), copy_abs(b)))


def _pick_extreme(a, b, ctx, status, want_max, magnitude):
    """max/min (or their _mag variants) with the spec's NaN rules."""
    if a.is_nan() or b.is_nan():
        if a._exp == 'N' or b._exp == 'N':
            return check_nans(a, b, ctx, status)
        if a.is_nan() and b.is_nan():
            return check_nans(a, b, ctx, status)
        chosen = b if a.is_nan() else a
        return fix_result(chosen, ctx, status)
    if magnitude:
        order = compare_values(copy_abs(a), copy_abs(b))
    else:
        order = 0
    if order == 0:
        order = compare_values(a, b)
    if order == 0:
        # Equal values: prefer by sign, then by exponent.
        order = compare_total_values(a, b)
    chosen = a if (order >= 0) == want_max else b
    if order == 0:
        chosen = a
    return fix_result(chosen, ctx, status)


def fix_result(d, ctx, status):
    if d._is_special:
        return d
    return fix(d._sign, d._int, d._exp, ctx, status)


def max_op(a, b, ctx, status):
    return _pick_extreme(a, b, ctx, status, True, False)


def min_op(a, b, ctx, status):
    return _pick_extreme(a, b, ctx, status, False, False)


def max_mag_op(a, b, ctx, status):
    return _pick_extreme(a, b, ctx, status, True, True)


def min_mag_op(a, b, ctx, status):
    return _pick_extreme(a, b, ctx, status, False, True)


# ---------------------------------------------------------------------------
# Exponent manipulation

def quantize_op(a, b, ctx, status, rounding=None):
    if a._is_special or b._is_special:
        nan = check_nans(a, b, ctx, status)
        if nan is not None:
            return nan
    if a._exp == 'F' or b._exp == 'F':
        if a._exp == 'F' and b._exp == 'F':
            return a
        return invalid(status)
    target = b._exp
    prec, emin, emax = ctx._prec, ctx._Emin, ctx._Emax
    if not emin - prec + 1 <= target <= emax:
        return invalid(status)
    if a._int == 0:
        return _clamped(_finite(a._sign, 0, target), ctx, status)
    limit, lowest, highest = ctx._fast
    # With a._int < limit (at most prec digits) and a._exp <= target the
    # result has at most prec digits: no need to count them.
    if (a._int >= limit or a._exp > target) and \
            _adjusted(a) - target + 1 > prec:
        return invalid(status)
    inexact = False
    if target > a._exp:
        coefficient, inexact = drop_digits(a._sign, a._int, target - a._exp,
                                           rounding or ctx._rounding)
    else:
        coefficient = a._int * 10 ** (a._exp - target)
    if coefficient < limit and lowest <= target <= highest:
        pass  # at most prec digits, adjusted exponent in [Emin, Emax]
    elif coefficient:
        adjusted = target + ndigits(coefficient) - 1
        if adjusted - target >= prec or adjusted > emax:
            return invalid(status)
        if adjusted < emin:
            status.add(Subnormal)
    result = _finite(a._sign, coefficient, target)
    if target > a._exp:
        if inexact:
            status.add(Inexact)
        status.add(Rounded)
    return _clamped(result, ctx, status)


def _clamped(d, ctx, status):
    """With clamp=1, fold an exponent above Etop down to Etop."""
    e_top = ctx._Emax - ctx._prec + 1
    if not ctx._clamp_mode or d._exp <= e_top:
        return d
    status.add(Clamped)
    return _make(d._sign, d._int * 10 ** (d._exp - e_top), e_top)


def to_integral_op(a, ctx, status, rounding=None, exact=False):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._is_special or a._exp >= 0:
        return a
    if a._int == 0:
        return _make(a._sign, 0, 0)
    coefficient, inexact = drop_digits(a._sign, a._int, -a._exp,
                                       rounding or ctx.rounding)
    if exact:
        if inexact:
            status.add(Inexact)
        status.add(Rounded)
    return _make(a._sign, coefficient, 0)


def normalize_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._is_special:
        return a
    fixed = fix(a._sign, a._int, a._exp, ctx, status)
    if fixed._is_special:
        return fixed
    if fixed._int == 0:
        return _make(fixed._sign, 0, 0)
    coefficient, exponent = fixed._int, fixed._exp
    highest = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
    while coefficient % 10 == 0 and exponent < highest:
        coefficient //= 10
        exponent += 1
    return _make(fixed._sign, coefficient, exponent)


def logb_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    if a._exp == 'F':
        return _infinity(0)
    if a._int == 0:
        status.add(DivisionByZero)
        return _infinity(1)
    value = _adjusted(a)
    return fix(1 if value < 0 else 0, abs(value), 0, ctx, status)


def _integral_argument(b):
    """int(b) when b is a finite integer with exponent 0, else None."""
    if b._is_special or b._exp != 0:
        return None
    return -b._int if b._sign else b._int


def scaleb_op(a, b, ctx, status):
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    amount = _integral_argument(b)
    limit = 2 * (ctx.Emax + ctx.prec)
    if amount is None or not -limit <= amount <= limit:
        return invalid(status)
    if a._exp == 'F':
        return a
    return fix(a._sign, a._int, a._exp + amount, ctx, status)


def _next(a, ctx, status, upward):
    if a._exp == 'F':
        if (a._sign == 0) == upward:
            return a
        return _make(a._sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)
    local = _with_rounding(ctx, ROUND_CEILING if upward else ROUND_FLOOR)
    # An operand that does not fit the context (e.g. 1E-99999, below the
    # smallest subnormal) rounds in the wanted direction to the answer.
    rounded = fix(a._sign, a._int, a._exp, local, Status())
    if not rounded._is_special and compare_values(rounded, a) != 0:
        return rounded
    tiny = _make(0 if upward else 1, 1, ctx.Emin - ctx.prec)
    return add_op(a, tiny, local, Status())


def next_plus_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    return _next(a, ctx, status, True)


def next_minus_op(a, ctx, status):
    nan = check_nans(a, None, ctx, status)
    if nan is not None:
        return nan
    return _next(a, ctx, status, False)


def next_toward_op(a, b, ctx, status):
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    order = compare_values(a, b)
    if order == 0:
        return _make(b._sign, a._int, a._exp)
    result = _next(a, ctx, status, order < 0)
    if result._exp == 'F':
        status.add(Overflow)
        status.add(Inexact)
        status.add(Rounded)
    elif result._int == 0 or _adjusted(result) < ctx.Emin:
        status.add(Underflow)
        status.add(Subnormal)
        status.add(Inexact)
        status.add(Rounded)
        if result._int == 0:
            status.add(Clamped)
    return result


# ---------------------------------------------------------------------------
# Digit-wise operations

def _logical_digits(d, prec):
    if d._is_special or d._sign or d._exp != 0:
        return None
    text = digit_string(d._int)
    if set(text) - {'0', '1'}:
        return None
    return text[-prec:].zfill(prec)


def _logical(a, b, ctx, status, combine):
    x = _logical_digits(a, ctx.prec)
    y = _logical_digits(b, ctx.prec)
    if x is None or y is None:
        return invalid(status)
    result = ''.join(combine(p, q) for p, q in zip(x, y))
    return _make(0, int(result), 0)


def logical_and_op(a, b, ctx, status):
    return _logical(a, b, ctx, status,
                    lambda p, q: '1' if p == q == '1' else '0')


def logical_or_op(a, b, ctx, status):
    return _logical(a, b, ctx, status,
                    lambda p, q: '1' if '1' in (p, q) else '0')


def logical_xor_op(a, b, ctx, status):
    return _logical(a, b, ctx, status,
                    lambda p, q: '1' if p != q else '0')


def logical_invert_op(a, ctx, status):
    x = _logical_digits(a, ctx.prec)
    if x is None:
        return invalid(status)
    return _make(0, int(''.join('0' if p == '1' else '1' for p in x)), 0)


def _shift_amount(a, b, ctx, status):
    amount = _integral_argument(b)
    if amount is None or not -ctx.prec <= amount <= ctx.prec:
        return None
    return amount


def rotate_op(a, b, ctx, status):
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    amount = _shift_amount(a, b, ctx, status)
    if amount is None:
        return invalid(status)
    if a._exp == 'F':
        return a
    prec = ctx.prec
    text = digit_string(a._int)[-prec:].zfill(prec)
    amount %= prec
    rotated = text[amount:] + text[:amount]
    return _make(a._sign, int(rotated), a._exp)


def shift_op(a, b, ctx, status):
    nan = check_nans(a, b, ctx, status)
    if nan is not None:
        return nan
    amount = _shift_amount(a, b, ctx, status)
    if amount is None:
        return invalid(status)
    if a._exp == 'F':
        return a
    prec = ctx.prec
    text = digit_string(a._int)[-prec:]
    if amount >= 0:
        shifted = (text + '0' * amount)[-prec:]
    else:
        shifted = text[:amount] or '0'
    return _make(a._sign, int(shifted), a._exp)


# ---------------------------------------------------------------------------
# Copies (quiet: no context, no signals)

def copy_abs(a):
    return _make(0, a._int, a._exp)


def copy_negate(a):
    return _make(1 - a._sign, a._int, a._exp)


def copy_sign(a, b):
    return _make(b._sign, a._int, a._exp)


# ---------------------------------------------------------------------------
# Rich comparisons with other number types

def _comparable(a, other, equality, ctx):
    """Decimal (or a rational pair) comparable with a, or NotImplemented."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return operand(other)
    if isinstance(other, float):
        status = Status()
        status.add(FloatOperation)
        if equality:
            ctx._flags._values[FloatOperation] = True
        else:
            ctx._commit(status)
        return _from_float(other)
    if isinstance(other, complex) and equality and other.imag == 0:
        return _comparable(a, other.real, equality, ctx)
    if isinstance(other, numbers.Rational):
        return ('ratio', other.numerator, other.denominator)
    return NotImplemented


_LOG10_2 = 0.30102999566398120


def _log10_bounds(value):
    """(low, high) with low <= log10(value) < high, for an int value > 0."""
    bits = value.bit_length()
    return (bits - 1) * _LOG10_2 - 1e-9, bits * _LOG10_2 + 1e-9


def _compare_with_ratio(a, numerator, denominator):
    """Compare a (not NaN) with numerator/denominator (denominator > 0).

    Magnitudes far apart are ordered from bit lengths alone: an exact
    comparison would need 10 ** |exponent|, which for an exponent like
    -1999999997 is far too big to build."""
    if a._exp == 'F':
        return -1 if a._sign else 1
    a_sign = 0 if not a._int else (-1 if a._sign else 1)
    r_sign = (numerator > 0) - (numerator < 0)
    if a_sign != r_sign or a_sign == 0:
        return (a_sign > r_sign) - (a_sign < r_sign)
    a_low, a_high = _log10_bounds(a._int)
    n_low, n_high = _log10_bounds(abs(numerator))
    d_low, d_high = _log10_bounds(denominator)
    a_low += a._exp
    a_high += a._exp
    if a_low > n_high - d_low + 1:
        return a_sign          # |a| is the larger magnitude
    if a_high < n_low - d_high - 1:
        return -a_sign
    if a._exp >= 0:
        left = a._int * 10 ** a._exp * denominator
        right_scale = 1
    else:
        left = a._int * denominator
        right_scale = 10 ** -a._exp
    if a._sign:
        left = -left
    right = numerator * right_scale
    return (left > right) - (left < right)


def _rich(a, other, ctx, equality):
    """Order of a against other, None for a NaN, or NotImplemented."""
    other = _comparable(a, other, equality, ctx)
    if other is NotImplemented:
        return NotImplemented
    if isinstance(other, tuple):
        if a.is_nan():
            if a._exp == 'N' or not equality:
                ctx._raise_one(InvalidOperation)
            return None
        return _compare_with_ratio(a, other[1], other[2])
    if a.is_nan() or other.is_nan():
        if not equality or a._exp == 'N' or other._exp == 'N':
            ctx._raise_one(InvalidOperation)
        return None
    return compare_values(a, other)


def _make_comparison(test, equality):
    def comparison(self, other):
        # Finite against a finite Decimal or an int: no NaN can signal
        # and no float conversion is flagged, so no context is needed.
        if not self._is_special:
            if type(other) is Decimal:
                if not other._is_special:
                    return test(compare_values(self, other))
            elif type(other) is int:
                return test(compare_values(
                    self, _finite(0 if other >= 0 else 1, abs(other), 0)))
        ctx = current(None)
        order = _rich(self, other, ctx, equality)
        if order is NotImplemented:
            return order
        if order is None:
            return test is _ne
        return test(order)
    return comparison


def _ne(order):
    return order != 0


# The Python rich comparisons in Py_LT .. Py_GE order: the C slot of
# DecimalBase (Modules/_decimal_core.c) compares finite Decimals and ints
# itself and calls these for everything else.
PY_COMPARISONS = (
    _make_comparison(lambda o: o < 0, False),
    _make_comparison(lambda o: o <= 0, False),
    _make_comparison(lambda o: o == 0, True),
    _make_comparison(_ne, True),
    _make_comparison(lambda o: o > 0, False),
    _make_comparison(lambda o: o >= 0, False),
)


# ---------------------------------------------------------------------------
# Wiring: Decimal methods, operators and Context methods

def run_in_context(op, context, *operands):
    """op(*operands, ctx, status) in *context* (None: the current one),
    whose traps and flags then take the signals the operation raised."""
    ctx = current(context)
    status = Status()
    result = op(*operands, ctx, status)
    ctx._commit(status)
    return result


def _unary_method(op, name, doc):
    def method(self, context=None):
        return run_in_context(op, context, self)
    method.__name__ = name
    method.__doc__ = doc
    return method


def _binary_method(op, name, doc):
    def method(self, other, context=None):
        other = operand(other)
        return run_in_context(op, context, self, other)
    method.__name__ = name
    method.__doc__ = doc
    return method


def _exact_sum(a, b, ctx, negate):
    """a + b (a - b with negate) of finite a and b when the exact sum is
    not zero and fits the context unrounded (Context._fast); else None.

    add_op would return the same Decimal: it aligns exactly for
    exponents at most prec + 2 apart and fix() keeps a fitting value.
    """
    a_exp = a._exp
    b_exp = b._exp
    x = a._int
    y = b._int
    if a_exp < b_exp:
        if b_exp - a_exp > ctx._prec + 2:
            return None
        y *= 10 ** (b_exp - a_exp)
        exponent = a_exp
    else:
        if a_exp - b_exp > ctx._prec + 2:
            return None
        if a_exp != b_exp:
            x *= 10 ** (a_exp - b_exp)
        exponent = b_exp
    if a._sign:
        x = -x
    total = x - y if b._sign ^ negate else x + y
    sign = 0
    if total <= 0:
        if total == 0:
            return None  # add_op picks the sign of a zero
        sign = 1
        total = -total
    limit, lowest, highest = ctx._fast
    if total < limit and lowest <= exponent <= highest:
        return _finite(sign, total, exponent)
    return None


def _additive_operator(negate, name, reflected=False):
    """__add__/__sub__ and their reflections: an unrounded sum of finite
    operands is built directly, without a Status or a commit."""
    def method(self, other, context=None):
        if type(other) is not Decimal:
            other = operand(other, False)
            if other is NotImplemented:
                return other
        ctx = getcontext() if context is None else current(context)
        a, b = (other, self) if reflected else (self, other)
        if not (a._is_special or b._is_special):
            result = _exact_sum(a, b, ctx, negate)
            if result is not None:
                return result
        status = Status()
        result = add_op(a, b, ctx, status, negate)
        ctx._commit(status)
        return result
    method.__name__ = name
    return method


def _multiply(self, other, context=None):
    """self * other; an unrounded product of finite operands is built
    directly, without a Status or a commit."""
    if type(other) is not Decimal:
        other = operand(other, False)
        if other is NotImplemented:
            return other
    ctx = getcontext() if context is None else current(context)
    if not (self._is_special or other._is_special):
        product = self._int * other._int
        exponent = self._exp + other._exp
        limit, lowest, highest = ctx._fast
        if product < limit and lowest <= exponent <= highest:
            return _finite(self._sign ^ other._sign, product, exponent)
        # What multiply_op does for finite operands.
        status = Status()
        result = fix(self._sign ^ other._sign, product, exponent, ctx,
                     status)
    else:
        status = Status()
        result = multiply_op(self, other, ctx, status)
    ctx._commit(status)
    return result


def _operator(op, name, reflected=False):
    def method(self, other, context=None):
        if type(other) is not Decimal:
            other = operand(other, False)
            if other is NotImplemented:
                return other
        ctx = getcontext() if context is None else current(context)
        status = Status()
        if reflected:
            result = op(other, self, ctx, status)
        else:
            result = op(self, other, ctx, status)
        ctx._commit(status)
        return result
    method.__name__ = name
    return method


_UNARY = {
    'exp': None, 'ln': None, 'log10': None, 'sqrt': None,
    'logb': (logb_op, "The adjusted exponent as a Decimal."),
    'next_plus': (next_plus_op, "The smallest representable number "
                  "larger than self."),
    'next_minus': (next_minus_op, "The largest representable number "
                   "smaller than self."),
    'normalize': (normalize_op, "Round to the context and strip trailing "
                  "zeros."),
    'logical_invert': (logical_invert_op, "Digit-wise inversion."),
}

_BINARY = {
    'compare': (compare_op, "Compare numerically: Decimal -1, 0 or 1."),
    'compare_signal': (compare_signal_op, "Like compare(), but every NaN "
                       "signals."),
    'max': (max_op, "The larger value; a quiet NaN loses to a number."),
    'min': (min_op, "The smaller value; a quiet NaN loses to a number."),
    'max_mag': (max_mag_op, "The value with the larger magnitude."),
    'min_mag': (min_mag_op, "The value with the smaller magnitude."),
    'next_toward': (next_toward_op, "The next number from self in the "
                    "direction of other."),
    'remainder_near': (remainder_near_op, "self - other * n, with n the "
                       "integer nearest self / other."),
    'scaleb': (scaleb_op, "self with its exponent increased by other."),
    'rotate': (rotate_op, "The coefficient digits rotated by other places."),
    'shift': (shift_op, "The coefficient digits shifted by other places."),
    'logical_and': (logical_and_op, "Digit-wise and of logical operands."),
    'logical_or': (logical_or_op, "Digit-wise or of logical operands."),
    'logical_xor': (logical_xor_op, "Digit-wise xor of logical operands."),
}

for _name, _entry in _UNARY.items():
    if _entry is not None:
        setattr(Decimal, _name, _unary_method(_entry[0], _name, _entry[1]))
for _name, _entry in _BINARY.items():
    setattr(Decimal, _name, _binary_method(_entry[0], _name, _entry[1]))


def _compare_total(self, other, context=None):
    """Total order of the abstract representations: Decimal -1, 0 or 1."""
    return compare_total_op(self, operand(other))


def _compare_total_mag(self, other, context=None):
    """compare_total() of the absolute values."""
    return compare_total_mag_op(self, operand(other))


def _copy_abs(self):
    """The absolute value, without rounding or signals."""
    return copy_abs(self)


def _copy_negate(self):
    """The negation, without rounding or signals."""
    return copy_negate(self)


def _copy_sign(self, other, context=None):
    """self with the sign of other, without rounding or signals."""
    return copy_sign(self, operand(other))


def _quantize(self, exp, rounding=None, context=None):
    """self rounded to the exponent of exp.

    >>> Decimal('7.325').quantize(Decimal('.01'), rounding=ROUND_DOWN)
    Decimal('7.32')
    """
    if type(exp) is not Decimal:
        exp = operand(exp)
    if rounding is not None:
        check_rounding(rounding)
    ctx = getcontext() if context is None else current(context)
    status = Status()
    result = quantize_op(self, exp, ctx, status, rounding)
    ctx._commit(status)
    return result


def _to_integral_method(exact):
    def method(self, rounding=None, context=None):
        if rounding is not None:
            check_rounding(rounding)
        ctx = current(context)
        status = Status()
        result = to_integral_op(self, ctx, status, rounding, exact)
        ctx._commit(status)
        return result
    return method


def _fma(self, other, third, context=None):
    """self * other + third with a single rounding."""
    other = operand(other)
    third = operand(third)
    return run_in_context(fma_op, context, self, other, third)


def _neg(self, context=None):
    return run_in_context(minus_op, context, self)


def _pos(self, context=None):
    return run_in_context(plus_op, context, self)


def _abs(self, round=True, context=None):
    if not round:
        return copy_abs(self)
    return run_in_context(abs_op, context, self)


def _divmod(self, other, context=None):
    other = operand(other, False)
    if other is NotImplemented:
        return other
    return run_in_context(divmod_op, context, self, other)


def _rdivmod(self, other, context=None):
    other = operand(other, False)
    if other is NotImplemented:
        return other
    return run_in_context(divmod_op, context, other, self)


Decimal.compare_total = _compare_total
Decimal.compare_total_mag = _compare_total_mag
Decimal.copy_abs = _copy_abs
Decimal.copy_negate = _copy_negate
Decimal.copy_sign = _copy_sign
Decimal.to_integral_value = _to_integral_method(False)
Decimal.to_integral = Decimal.to_integral_value
Decimal.to_integral_exact = _to_integral_method(True)
Decimal.fma = _fma
Decimal.__divmod__ = _divmod
Decimal.__rdivmod__ = _rdivmod

for _name, _op in (('floordiv', divide_int_op), ('mod', remainder_op)):
    setattr(Decimal, '__%s__' % _name, _operator(_op, '__%s__' % _name))
    setattr(Decimal, '__r%s__' % _name,
            _operator(_op, '__r%s__' % _name, True))
# +, -, * and / are the nb_add, nb_subtract, nb_multiply and
# nb_true_divide slots of DecimalBase; these Python methods are what the
# slots call when their C path does not apply ((add, sub, mul, truediv),
# then the reflections).
_multiply.__name__ = '__mul__'
PY_FORWARD = (_additive_operator(False, '__add__'),
              _additive_operator(True, '__sub__'),
              _multiply,
              _operator(divide_op, '__truediv__'))
PY_REFLECTED = (_additive_operator(False, '__radd__', True),
                _additive_operator(True, '__rsub__', True),
                _operator(multiply_op, '__rmul__', True),
                _operator(divide_op, '__rtruediv__', True))
PY_QUANTIZE = _quantize
# Unary -, + and abs() are DecimalBase's nb_negative, nb_positive and
# nb_absolute, which call these for zeros and what they leave.
PY_UNARY = (_neg, _pos, _abs)
_core._setup(Context, SignalDict, PY_FORWARD, PY_REFLECTED,
             PY_COMPARISONS, PY_UNARY, PY_QUANTIZE, construct, py_hash,
             (Inexact, Rounded), ROUNDING_MODES)


def _context_method(op, arity, name):
    if arity == 1:
        def method(self, a):
            a = operand(a)
            status = Status()
            result = op(a, self, status)
            self._commit(status)
            return result
    elif arity == 2:
        def method(self, a, b):
            a = operand(a)
            b = operand(b)
            status = Status()
            result = op(a, b, self, status)
            self._commit(status)
            return result
    else:
        def method(self, a, b, c):
            a, b, c = operand(a), operand(b), operand(c)
            status = Status()
            result = op(a, b, c, self, status)
            self._commit(status)
            return result
    method.__name__ = name
    return method


_CONTEXT_OPERATIONS = [
    ('abs', abs_op, 1), ('add', add_op, 2), ('subtract', subtract_op, 2),
    ('multiply', multiply_op, 2), ('divide', divide_op, 2),
    ('divide_int', divide_int_op, 2), ('divmod', divmod_op, 2),
    ('remainder', remainder_op, 2), ('remainder_near', remainder_near_op, 2),
    ('fma', fma_op, 3), ('compare', compare_op, 2),
    ('compare_signal', compare_signal_op, 2),
    ('max', max_op, 2), ('min', min_op, 2), ('max_mag', max_mag_op, 2),
    ('min_mag', min_mag_op, 2), ('minus', minus_op, 1),
    ('plus', plus_op, 1), ('next_plus', next_plus_op, 1),
    ('next_minus', next_minus_op, 1), ('next_toward', next_toward_op, 2),
    ('normalize', normalize_op, 1), ('logb', logb_op, 1),
    ('scaleb', scaleb_op, 2), ('rotate', rotate_op, 2),
    ('shift', shift_op, 2), ('logical_and', logical_and_op, 2),
    ('logical_or', logical_or_op, 2), ('logical_xor', logical_xor_op, 2),
    ('logical_invert', logical_invert_op, 1),
    ('quantize', quantize_op, 2),
    ('to_integral_value', lambda a, c, s: to_integral_op(a, c, s), 1),
    ('to_integral', lambda a, c, s: to_integral_op(a, c, s), 1),
    ('to_integral_exact',
     lambda a, c, s: to_integral_op(a, c, s, exact=True), 1),
]

for _name, _op, _arity in _CONTEXT_OPERATIONS:
    setattr(Context, _name, _context_method(_op, _arity, _name))


def _quiet_unary(name, function):
    def method(self, a):
        return function(operand(a))
    method.__name__ = name
    return method


for _name in ('copy_abs', 'copy_negate', 'is_finite', 'is_infinite',
              'is_nan', 'is_qnan', 'is_snan', 'is_signed', 'is_zero'):
    setattr(Context, _name,
            _quiet_unary(_name, getattr(Decimal, _name)))


def _ctx_is_canonical(self, a):
    """True: every Decimal is canonical."""
    if not isinstance(a, Decimal):
        raise TypeError("argument must be a Decimal")
    return True


def _ctx_canonical(self, a):
    """a itself: every Decimal is canonical."""
    if not isinstance(a, Decimal):
        raise TypeError("argument must be a Decimal")
    return a


Context.is_canonical = _ctx_is_canonical
Context.canonical = _ctx_canonical


def _ctx_copy_decimal(self, a):
    """A copy of a as a Decimal."""
    return operand(a)


def _ctx_copy_sign(self, a, b):
    return copy_sign(operand(a), operand(b))


def _ctx_compare_total(self, a, b):
    return compare_total_op(operand(a), operand(b))


def _ctx_compare_total_mag(self, a, b):
    return compare_total_mag_op(operand(a), operand(b))


def _ctx_is_normal(self, a):
    return operand(a).is_normal(self)


def _ctx_is_subnormal(self, a):
    return operand(a).is_subnormal(self)


def _ctx_number_class(self, a):
    return operand(a).number_class(self)


def _ctx_same_quantum(self, a, b):
    return operand(a).same_quantum(operand(b))


def _ctx_to_sci_string(self, a):
    return operand(a).__str__(context=self)


def _ctx_to_eng_string(self, a):
    return operand(a).__str__(eng=True, context=self)


Context.copy_decimal = _ctx_copy_decimal
Context.copy_sign = _ctx_copy_sign
Context.compare_total = _ctx_compare_total
Context.compare_total_mag = _ctx_compare_total_mag
Context.is_normal = _ctx_is_normal
Context.is_subnormal = _ctx_is_subnormal
Context.number_class = _ctx_number_class
Context.same_quantum = _ctx_same_quantum
Context.to_sci_string = _ctx_to_sci_string
Context.to_eng_string = _ctx_to_eng_string

from . import arith  # noqa: E402,F401
