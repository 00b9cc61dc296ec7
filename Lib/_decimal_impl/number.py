"""The Decimal type: representation, conversions and basic arithmetic.

A finite Decimal is (-1)**_sign * _int * 10**_exp with _int >= 0.  For the
special values _exp is 'F' (infinity), 'n' (quiet NaN) or 'N' (signalling
NaN), and _int holds a NaN's payload.  Decimals are immutable.

Every operation collects its conditions in a Status and commits them to
the context once its result is known (see Context._commit).
"""

import math
import sys
from collections import namedtuple

import _decimal_core as _core

from .signals import (
    ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
    ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP, Status,
    Clamped, InvalidOperation, ConversionSyntax, Inexact, Rounded,
    Subnormal, Overflow, Underflow, FloatOperation)
from .context import Context, getcontext

DecimalTuple = namedtuple('DecimalTuple', 'sign digits exponent',
                          module='decimal')

_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf
_HASH_10_INVERSE = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)

_SPECIAL_EXPONENTS = ('F', 'n', 'N')

# Ints below this convert with str() directly (well inside the default
# int/str digit limit).
_STR_LIMIT = 10 ** 4000


# An int of b bits (1 <= b < _TABLE_BITS) has _FEWEST_DIGITS[b] digits,
# or one more when it reaches _POW10[_FEWEST_DIGITS[b]]: the digits of
# 2**(b-1), the smallest b-bit int.  Entry 0 serves zero (one digit).
# Read-only tuples: shared by all threads without a lock.
_TABLE_BITS = 1024
_FEWEST_DIGITS = (1,) + tuple(len(str(1 << (b - 1)))
                              for b in range(1, _TABLE_BITS))
_POW10 = tuple(10 ** k for k in range(_FEWEST_DIGITS[-1] + 2))


def ndigits(n):
    """Number of decimal digits of the int n >= 0 (1 for zero)."""
    bits = n.bit_length()
    if bits < _TABLE_BITS:
        fewest = _FEWEST_DIGITS[bits]
        return fewest + 1 if n >= _POW10[fewest] else fewest
    # Estimate from the bit length; the estimate is exact or one short.
    estimate = int((bits - 1) * 0.30102999566398120)
    if n >= 10 ** (estimate + 1):
        estimate += 1
    return estimate + 1


def digit_string(n):
    """str(n) for any size of int, not limited by int->str safeguards."""
    if n < _STR_LIMIT:
        return str(n)
    half = ndigits(n) // 2
    high, low = divmod(n, 10 ** half)
    return digit_string(high) + digit_string(low).zfill(half)


def digits_to_int(text):
    """int(text) for a digit string of any length (no int/str limit)."""
    if len(text) <= 4000:
        return int(text)
    half = len(text) // 2
    return digits_to_int(text[:-half]) * 10 ** half + \
        digits_to_int(text[-half:])


def _nan(sign=0, payload=0, signalling=False):
    return _make(sign, payload, 'N' if signalling else 'n')


def _infinity(sign):
    return _make(sign, 0, 'F')


# ---------------------------------------------------------------------------
# Rounding

def round_decision(sign, kept, dropped, scale, rounding):
    """Whether to increment `kept` after dropping the value dropped/scale.

    0 <= dropped < scale; scale is a power of ten (or any positive bound).
    """
    if dropped == 0:
        return False
    if rounding == ROUND_HALF_EVEN:
        # The default rounding, tested first.
        twice = 2 * dropped
        if twice != scale:
            return twice > scale
        return kept % 2 == 1
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    if rounding == ROUND_05UP:
        return kept % 5 == 0
    twice = 2 * dropped
    if twice != scale:
        return twice > scale
    if rounding == ROUND_HALF_UP:
        return True
    if rounding == ROUND_HALF_DOWN:
        return False
    return kept % 2 == 1


def drop_digits(sign, coefficient, count, rounding):
    """Remove `count` >= 1 low digits of coefficient, rounding.

    Returns (new coefficient, inexact).
    """
    if count > 100 and count > ndigits(coefficient) + 1:
        # The divmod below would give the same answer; this only spares
        # building a huge 10 ** count.
        # Everything goes and lies below half of the last kept place.
        if coefficient == 0:
            return 0, False
        return int(round_decision(sign, 0, 1, 10, rounding)), True
    scale = _POW10[count] if count < len(_POW10) else 10 ** count
    kept, dropped = divmod(coefficient, scale)
    if round_decision(sign, kept, dropped, scale, rounding):
        kept += 1
    return kept, dropped != 0


def overflow_result(sign, ctx, rounding=None):
    """The result of an overflow under the given (or context) rounding."""
    rounding = rounding or ctx.rounding
    to_infinity = (rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN,
                                ROUND_HALF_DOWN, ROUND_UP) or
                   (rounding == ROUND_CEILING and sign == 0) or
                   (rounding == ROUND_FLOOR and sign == 1))
    if to_infinity:
        return _infinity(sign)
    return _make(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def fix(sign, coefficient, exponent, ctx, status, rounding=None):
    """Round a finite value to the context, signalling as the spec says.

    Handles precision, overflow, subnormal results, underflow and
    clamping.
    """
    limit, lowest, highest = ctx._fast
    if coefficient < limit and lowest <= exponent <= highest:
        # Fits without rounding, clamping or any signal (Context._fast).
        return _finite(sign, coefficient, exponent)
    prec = ctx._prec
    emin = ctx._Emin
    emax = ctx._Emax
    if coefficient:
        length = ndigits(coefficient)
        adjusted = exponent + length - 1
        # The common case: the value fits the precision and the normal
        # range (and needs no clamping), so it is returned unchanged.
        if length <= prec and emin <= adjusted <= emax and \
                (not ctx._clamp_mode or exponent <= emax - prec + 1):
            return _finite(sign, coefficient, exponent)
    if rounding is None:
        rounding = ctx._rounding
    e_tiny = emin - prec + 1
    e_top = emax - prec + 1
    if coefficient == 0:
        highest = e_top if ctx._clamp_mode else emax
        new_exponent = min(max(exponent, e_tiny), highest)
        if new_exponent != exponent:
            status.add(Clamped)
        return _finite(sign, 0, new_exponent)

    if adjusted > emax:
        status.add(Overflow)
        status.add(Inexact)
        status.add(Rounded)
        return overflow_result(sign, ctx, rounding)

    subnormal = adjusted < emin
    lowest = exponent + length - prec
    if subnormal:
        lowest = e_tiny
    if exponent < lowest:
        coefficient, inexact = drop_digits(sign, coefficient,
                                           lowest - exponent, rounding)
        exponent = lowest
        # limit <= 10**prec, so only a coefficient >= limit can be too long.
        if coefficient >= limit and ndigits(coefficient) > prec:
            coefficient //= 10
            exponent += 1
        if exponent > e_top:
            status.add(Overflow)
            status.add(Inexact)
            status.add(Rounded)
            return overflow_result(sign, ctx, rounding)
        if inexact and subnormal:
            status.add(Underflow)
        if subnormal:
            status.add(Subnormal)
        if inexact:
            status.add(Inexact)
        status.add(Rounded)
        if coefficient == 0:
            status.add(Clamped)
        return _finite(sign, coefficient, exponent)

    if subnormal:
        status.add(Subnormal)
    if ctx._clamp_mode and exponent > e_top:
        status.add(Clamped)
        coefficient *= 10 ** (exponent - e_top)
        exponent = e_top
    return _finite(sign, coefficient, exponent)


def fix_nan(value, ctx):
    """A quiet copy of a NaN whose payload fits prec - clamp digits."""
    payload = value._int
    room = ctx.prec - ctx.clamp
    if payload and ndigits(payload) > room:
        payload = payload % 10 ** room if room > 0 else 0
    return _make(value._sign, payload, 'n')


def check_nans(a, b, ctx, status):
    """NaN result of an operation on a and b (b may be None), or None."""
    if not a._is_special and (b is None or not b._is_special):
        return None
    for operand in (a, b):
        if operand is not None and operand._exp == 'N':
            status.add(InvalidOperation)
            return fix_nan(operand, ctx)
    for operand in (a, b):
        if operand is not None and operand._exp == 'n':
            return fix_nan(operand, ctx)
    return None


def invalid(status):
    status.add(InvalidOperation)
    return _nan()


# ---------------------------------------------------------------------------
# Conversions

def _is_digit_run(text):
    """Decimal digits, single underscores allowed only between digits."""
    if not text or text[0] == '_' or text[-1] == '_' or '__' in text:
        return False
    return text.replace('_', '').isdecimal()


def _parse(text, status, strict):
    """Decimal from a string; ConversionSyntax gives NaN.

    strict (create_decimal) rejects surrounding whitespace and
    underscores.
    """
    if strict:
        if text != text.strip() or '_' in text:
            return invalid_syntax(status)
    else:
        # Like CPython's C implementation, underscores anywhere are ignored.
        text = text.strip().replace('_', '')
    sign = 0
    if text[:1] in ('+', '-'):
        sign = 1 if text[0] == '-' else 0
        text = text[1:]
    lowered = text.lower()
    if lowered in ('inf', 'infinity'):
        return _infinity(sign)
    if lowered.startswith(('nan', 'snan')):
        signalling = lowered[0] == 's'
        payload = text[4 if signalling else 3:]
        if payload and not payload.isdecimal():
            return invalid_syntax(status)
        return _nan(sign, digits_to_int(payload or '0'), signalling)
    mantissa, marker, exponent_text = lowered.partition('e')
    exponent = 0
    if marker:
        digits = exponent_text.lstrip('+-') if exponent_text[:1] in '+-' \
            else exponent_text
        if exponent_text[:1] in '+-' and len(exponent_text) - len(digits) > 1:
            return invalid_syntax(status)
        if not _is_digit_run(digits):
            return invalid_syntax(status)
        exponent = int(exponent_text.replace('_', ''))
    whole, point, fraction = mantissa.partition('.')
    if not whole and not fraction:
        return invalid_syntax(status)
    if (whole and not _is_digit_run(whole)) or \
            (fraction and not _is_digit_run(fraction)):
        return invalid_syntax(status)
    fraction = fraction.replace('_', '')
    coefficient = digits_to_int(whole.replace('_', '') + fraction or '0')
    return _make(sign, coefficient, exponent - len(fraction))


def invalid_syntax(status):
    status.add(ConversionSyntax)
    return _nan()


def _from_float(f):
    if math.isnan(f):
        return _nan(1 if math.copysign(1.0, f) < 0 else 0)
    sign = 1 if math.copysign(1.0, f) < 0 else 0
    if math.isinf(f):
        return _infinity(sign)
    numerator, denominator = abs(f).as_integer_ratio()
    # denominator is 2**k, and n / 2**k == n * 5**k / 10**k exactly.
    k = denominator.bit_length() - 1
    return _make(sign, numerator * 5 ** k, -k)


def _from_tuple(value):
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exponent = value
    if not isinstance(sign, int) or sign not in (0, 1):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if isinstance(exponent, str):
        if exponent not in _SPECIAL_EXPONENTS:
            raise ValueError("string argument in the third position "
                             "must be 'F', 'n' or 'N'")
        if exponent == 'F':
            return _infinity(sign)
    elif not isinstance(exponent, int):
        raise ValueError("exponent must be an integer")
    if not isinstance(digits, (tuple, list)):
        raise ValueError("coefficient must be a tuple of digits")
    coefficient = 0
    for digit in digits:
        if not isinstance(digit, int) or not 0 <= digit <= 9:
            raise ValueError("coefficient must be a tuple of digits")
        coefficient = coefficient * 10 + digit
    return _make(sign, coefficient, exponent)


def _to_decimal(value, status, strict=False):
    """Decimal of a constructor argument (no rounding)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        return _parse(value, status, strict)
    if isinstance(value, int):
        return _make(0 if value >= 0 else 1, abs(value), 0)
    if isinstance(value, float):
        status.add(FloatOperation)
        return _from_float(value)
    if isinstance(value, (tuple, list)):
        return _from_tuple(value)
    raise TypeError("conversion from %s to Decimal is not supported"
                    % type(value).__name__)


def operand(value, raise_on_failure=True):
    """A Decimal for an operand: Decimals and ints only.

    Returns NotImplemented for other types, or raises TypeError when
    raise_on_failure is set (context methods and Decimal methods).
    """
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return _finite(0 if value >= 0 else 1, abs(value), 0)
    if raise_on_failure:
        raise TypeError("conversion from %s to Decimal is not supported"
                        % type(value).__name__)
    return NotImplemented


def current(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError("optional argument must be a context")
    return context


def create_decimal(ctx, num):
    status = Status()
    if isinstance(num, str):
        value = _parse(num, status, True)
    else:
        value = _to_decimal(num, status)
    if value._is_special:
        result = value
        if value._exp in 'nN' and value._int and \
                ndigits(value._int) > ctx.prec - ctx.clamp:
            # The payload does not fit: not a valid number here.
            result = invalid_syntax(status)
    else:
        result = fix(value._sign, value._int, value._exp, ctx, status)
    ctx._commit(status)
    return result


def create_decimal_from_float(ctx, f):
    if isinstance(f, int):
        return create_decimal(ctx, f)
    if not isinstance(f, float):
        raise TypeError("argument must be int or float")
    value = _from_float(f)
    status = Status()
    if not value._is_special:
        value = fix(value._sign, value._int, value._exp, ctx, status)
    ctx._commit(status)
    return value


class Decimal(_core.DecimalBase):
    """Decimal(value="0", context=None): an immutable decimal number.

    value may be an int, a string, a float (converted exactly), a
    (sign, digits, exponent) tuple or another Decimal.  Construction is
    exact; the context only receives the signals of the conversion.
    """

    # _sign, _int, _exp and _is_special are the C fields of DecimalBase
    # (Modules/_decimal_core.c), which also holds construction, +, -, *,
    # unary -, + and abs(), bool(), hash(), the comparisons and
    # quantize.
    __slots__ = ()

    # Decimal(value="0", context=None) is DecimalBase's tp_new: C for an
    # int or a Decimal without a context, construct() below otherwise.

    @classmethod
    def from_float(cls, f):
        """The exact Decimal value of a float (or int).

        >>> Decimal.from_float(0.1)
        Decimal('0.1000000000000000055511151231257827021181583404541015625')
        """
        if isinstance(f, int):
            value = _make(0 if f >= 0 else 1, abs(f), 0)
        elif isinstance(f, float):
            value = _from_float(f)
        else:
            raise TypeError("argument must be int or float")
        return value if cls is Decimal else cls(value)

    @classmethod
    def from_number(cls, number):
        """The exact Decimal value of an int, float or Decimal.

        Strings are not accepted.
        """
        if isinstance(number, (int, float)):
            return cls.from_float(number)
        if isinstance(number, Decimal):
            return number if cls is Decimal else cls(number)
        raise TypeError("conversion from %s to Decimal is not supported"
                        % type(number).__name__)

    # -- predicates and simple queries -------------------------------------

    def is_nan(self):
        """True for quiet and signalling NaNs."""
        return self._exp in ('n', 'N') if self._is_special else False

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        """True for finite non-zero values with adjusted() >= Emin."""
        if self._is_special or self._int == 0:
            return False
        return current(context).Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        """True for finite non-zero values with adjusted() < Emin."""
        if self._is_special or self._int == 0:
            return False
        return self.adjusted() < current(context).Emin

    def adjusted(self):
        """The exponent of the most significant digit (0 for specials)."""
        if self._is_special:
            return 0
        return self._exp + ndigits(self._int) - 1

    def canonical(self):
        return self

    def radix(self):
        return Decimal(10)

    def conjugate(self):
        return self

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def number_class(self, context=None):
        """One of the ten classes, e.g. '+Normal' or '-Subnormal'."""
        if self._exp == 'N':
            return 'sNaN'
        if self._exp == 'n':
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._exp == 'F':
            return sign + 'Infinity'
        if self._int == 0:
            return sign + 'Zero'
        if self.is_subnormal(context):
            return sign + 'Subnormal'
        return sign + 'Normal'

    def as_tuple(self):
        """DecimalTuple(sign, digits, exponent)."""
        if self._exp == 'F':
            return DecimalTuple(self._sign, (0,), 'F')
        if self._is_special and self._int == 0:
            return DecimalTuple(self._sign, (), self._exp)
        return DecimalTuple(self._sign,
                            tuple(int(d) for d in digit_string(self._int)),
                            self._exp)

    def as_integer_ratio(self):
        """(n, d): the value as a ratio of ints in lowest terms, d > 0."""
        if self._is_special:
            if self._exp == 'F':
                raise OverflowError("cannot convert Infinity to "
                                    "integer ratio")
            raise ValueError("cannot convert NaN to integer ratio")
        n = self._int
        if self._exp >= 0:
            n *= 10 ** self._exp
            d = 1
        else:
            d = 10 ** -self._exp
            g = math.gcd(n, d)
            n //= g
            d //= g
        return (-n if self._sign else n, d)

    def same_quantum(self, other, context=None):
        """True when both exponents are equal (or both NaN/both infinite)."""
        other = operand(other)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan() or
                    self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    # -- string forms ------------------------------------------------------

    def __str__(self, eng=False, context=None):
        """The to-scientific-string form (to-engineering with eng=True)."""
        sign = '-' if self._sign else ''
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            payload = digit_string(self._int) if self._int else ''
            return sign + ('NaN' if self._exp == 'n' else 'sNaN') + payload
        digits = digit_string(self._int)
        exponent = self._exp
        leftdigits = exponent + len(digits)
        if exponent <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart = '0'
            fracpart = '.' + '0' * -dotplace + digits
        elif dotplace >= len(digits):
            intpart = digits + '0' * (dotplace - len(digits))
            fracpart = ''
        else:
            intpart = digits[:dotplace]
            fracpart = '.' + digits[dotplace:]
        if leftdigits == dotplace:
            suffix = ''
        else:
            capitals = current(context).capitals
            suffix = ('E' if capitals else 'e') + '%+d' % (leftdigits -
                                                           dotplace)
        return sign + intpart + fracpart + suffix

    def to_eng_string(self, context=None):
        """The string form with an exponent that is a multiple of three."""
        return self.__str__(eng=True, context=context)

    def __repr__(self):
        return "Decimal('%s')" % str(self)

    # -- conversions to other types ----------------------------------------

    def __float__(self):
        if self._is_special:
            if self._exp == 'N':
                raise ValueError("cannot convert signaling NaN to float")
            if self._exp == 'n':
                return float('-nan' if self._sign else 'nan')
            return float('-inf' if self._sign else 'inf')
        if self._int.bit_length() < 10000:
            # float() of the scientific text rounds correctly and copes
            # with any exponent (1e-999999999 is 0.0, 1e999999999 inf)
            # without building 10 ** |exponent|.
            sign = '-' if self._sign else ''
            return float(f"{sign}{self._int}e{self._exp}")
        n, d = self.as_integer_ratio()
        return n / d if d != 1 else float(n)

    def __int__(self):
        """int(self), truncating toward zero."""
        if self._is_special:
            if self._exp == 'F':
                raise OverflowError("cannot convert Infinity to integer")
            raise ValueError("cannot convert NaN to integer")
        if self._exp >= 0:
            value = self._int * 10 ** self._exp
        else:
            value = self._int // 10 ** -self._exp
        return -value if self._sign else value

    __trunc__ = __int__

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        if self._is_special:
            return int(self)
        return self._to_int_rounded(ROUND_FLOOR)

    def __ceil__(self):
        if self._is_special:
            return int(self)
        return self._to_int_rounded(ROUND_CEILING)

    def _to_int_rounded(self, rounding):
        if self._exp >= 0:
            value = self._int * 10 ** self._exp
        else:
            value, _ = drop_digits(self._sign, self._int, -self._exp,
                                   rounding)
        return -value if self._sign else value

    def __round__(self, *args):
        """round(self) -> int, round(self, n) -> Decimal (quantized)."""
        if len(args) > 1:
            raise TypeError("__round__ expected at most 1 argument, got %d"
                            % len(args))
        if args:
            n = args[0]
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_make(0, 1, -n))
        if self._is_special:
            return int(self)
        return self._to_int_rounded(ROUND_HALF_EVEN)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(str(self))

    def __format__(self, specifier, _localeconv=None):
        from .formatting import format_decimal
        return format_decimal(self, specifier, _localeconv)


def py_hash(self):
    """hash(self) for what DecimalBase's tp_hash leaves to Python (big
    coefficients, specials); registered by ops.py."""
    if self._is_special:
        if self._exp == 'N':
            raise TypeError('Cannot hash a signaling NaN value')
        if self._exp == 'n':
            return object.__hash__(self)
        return -_HASH_INF if self._sign else _HASH_INF
    if self._exp >= 0:
        scale = pow(10, self._exp, _HASH_MODULUS)
    else:
        scale = pow(_HASH_10_INVERSE, -self._exp, _HASH_MODULUS)
    value = self._int * scale % _HASH_MODULUS
    result = -value if self._sign else value
    return -2 if result == -1 else result


def construct(cls, value="0", context=None):
    """Decimal(value, context) for the cases DecimalBase's tp_new leaves
    to Python (registered by ops.py)."""
    if cls is Decimal and context is None:
        # Exact conversions that can raise no signal (big ints here).
        if type(value) is int:
            return _finite(0 if value >= 0 else 1, abs(value), 0)
        if type(value) is Decimal:
            return value
    ctx = getcontext() if context is None else current(context)
    status = Status()
    made = _to_decimal(value, status)
    ctx._commit(status)
    if cls is Decimal and type(made) is Decimal:
        # Decimals are immutable: the converted value (new, or the
        # argument itself) needs no copy.
        return made
    return _core._new_as(cls, made._sign, made._int, made._exp,
                         made._is_special)


# _make(sign, coefficient, exponent) and _finite(...) build a Decimal
# from its parts without checking (_finite: exponent an int); they are C.
_core._set_decimal_type(Decimal)
_make = _core._make
_finite = _core._finite


# Arithmetic, comparison and the remaining methods live in ops.py and
# arith.py, which attach them to Decimal and Context.
from . import ops  # noqa: E402,F401
