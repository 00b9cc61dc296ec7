"""Exact rational numbers: the Fraction class."""

import math
import numbers
import operator
import re
import sys

__all__ = ['Fraction']

# Hashes of rationals are defined modulo this prime so that equal numbers of
# different types (int, float, Decimal, Fraction) hash alike.
_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf

_LITERAL = re.compile(r"""
    \s*
    (?P<sign>[-+]?)
    (?=\d|\.\d)                           # a digit must come first
    (?P<num>\d*|\d+(?:_\d+)*)
    (?:
        (?:\s*/\s*(?P<denom>\d+(?:_\d+)*))?
      |
        (?:\.(?P<decimal>\d*|\d+(?:_\d+)*))?
        (?:e(?P<exp>[-+]?\d+(?:_\d+)*))?
    )
    \s*\Z
""", re.VERBOSE | re.IGNORECASE)

# Format specs without a presentation type (3.13): fill, align, sign,
# alternate form (always show the denominator), width and grouping.  There
# is no zero-padding flag: a width may not start with 0.
_GENERAL_SPEC = re.compile(r"""
    (?:(?P<fill>.)?(?P<align>[<>=^]))?
    (?P<sign>[-+ ]?)
    (?P<alt>\#)?
    (?P<width>0|[1-9][0-9]*)?
    (?P<grouping>[,_])?
    \Z
""", re.VERBOSE | re.DOTALL)

# Float-style format specs (3.12), with grouping of the fractional digits
# after the precision (3.14).  A lone '0' before the width is a width;
# widths and precisions have no leading zeros.
_FLOAT_SPEC = re.compile(r"""
    (?:(?P<fill>.)?(?P<align>[<>=^]))?
    (?P<sign>[-+ ]?)
    (?P<no_neg_zero>z)?
    (?P<alt>\#)?
    (?P<zeropad>0(?=[0-9]))?
    (?P<width>0|[1-9][0-9]*)?
    (?P<grouping>[,_])?
    (?:\.(?=[,_0-9])(?P<precision>0|[1-9][0-9]*)?(?P<frac_grouping>[,_])?)?
    (?P<kind>[eEfFgG%])
    \Z
""", re.VERBOSE | re.DOTALL)


def _hash_rational(numerator, denominator):
    """Hash of numerator/denominator compatible with int and float hashes."""
    try:
        inverse = pow(denominator, -1, _HASH_MODULUS)
    except ValueError:
        # The denominator is a multiple of the modulus: such a value
        # hashes like infinity.
        result = _HASH_INF
    else:
        result = hash(hash(abs(numerator)) * inverse)
    if numerator < 0:
        result = -result
    return -2 if result == -1 else result


def _round_half_even(n, d):
    """The integer nearest to n/d (d > 0), ties going to the even one."""
    quotient, remainder = divmod(n, d)
    twice = 2 * remainder
    if twice > d or (twice == d and quotient % 2 == 1):
        quotient += 1
    return quotient


def _scaled_round(n, d, exponent):
    """Round |n/d| / 10**exponent to an integer, half to even."""
    n = abs(n)
    if exponent >= 0:
        d *= 10 ** exponent
    else:
        n *= 10 ** -exponent
    return _round_half_even(n, d)


def _round_to_figures(n, d, figures):
    """Round |n/d| to `figures` significant digits.

    Returns (significand, exponent) with significand < 10**figures and,
    unless the value is zero, significand >= 10**(figures - 1).
    """
    n = abs(n)
    if n == 0:
        return 0, 1 - figures
    # Estimate the decimal exponent from the digit counts, then correct it.
    # n/d lies in [10**(ln-ld-1), 10**(ln-ld+1)), so this guess is at most
    # one too small.
    exponent = len(str(n)) - len(str(d)) - figures
    top = exponent + figures
    if top >= 0:
        too_big = n >= d * 10 ** top
    else:
        too_big = n * 10 ** -top >= d
    if too_big:
        exponent += 1
    significand = _scaled_round(n, d, exponent)
    if significand == 10 ** figures:
        significand //= 10
        exponent += 1
    return significand, exponent


def _group_digits(digits, separator, minimum=0):
    """Insert `separator` every three digits from the right.

    With minimum > 0, zeros are prepended first until the grouped text
    is at least that long (used by the '0' flag).
    """
    def grouped(text):
        if not separator:
            return text
        head = len(text) % 3 or 3
        parts = [text[:head]]
        parts.extend(text[i:i + 3] for i in range(head, len(text), 3))
        return separator.join(parts)

    result = grouped(digits)
    while len(result) < minimum:
        digits = '0' + digits
        result = grouped(digits)
    return result


def _pad(sign, body, fill, align, width):
    padding = fill * max(0, width - len(sign) - len(body))
    if align == '<':
        return sign + body + padding
    if align == '^':
        half = len(padding) // 2
        return padding[:half] + sign + body + padding[half:]
    if align == '=':
        return sign + padding + body
    return padding + sign + body


class Fraction(numbers.Rational):
    """A rational number numerator/denominator, kept in lowest terms.

    Fraction(7, 3), Fraction(Fraction(1, 7), Fraction(2, 3)), Fraction(3.25),
    Fraction(Decimal('1.5')), Fraction('-3/7') and Fraction('1.5e-3') all
    work; the denominator is always positive.
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)

        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, str):
                numerator, denominator = cls._parse(numerator)
            elif (isinstance(numerator, float) or
                  (not isinstance(numerator, type) and
                   hasattr(numerator, 'as_integer_ratio'))):
                self._numerator, self._denominator = \
                    numerator.as_integer_ratio()
                return self
            else:
                raise TypeError("argument should be a string or a Rational "
                                "instance or have the as_integer_ratio() "
                                "method")
        elif type(numerator) is int is type(denominator):
            pass
        elif (isinstance(numerator, numbers.Rational) and
              isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")

        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        common = math.gcd(numerator, denominator)
        if denominator < 0:
            common = -common
        self._numerator = numerator // common
        self._denominator = denominator // common
        return self

    @staticmethod
    def _parse(text):
        match = _LITERAL.match(text)
        if match is None:
            raise ValueError('Invalid literal for Fraction: %r' % text)
        numerator = int(match['num'] or '0')
        denom = match['denom']
        if denom:
            denominator = int(denom)
        else:
            denominator = 1
            fraction_digits = match['decimal']
            if fraction_digits:
                fraction_digits = fraction_digits.replace('_', '')
                scale = 10 ** len(fraction_digits)
                numerator = numerator * scale + int(fraction_digits)
                denominator *= scale
            exp = match['exp']
            if exp:
                exp = int(exp)
                if exp >= 0:
                    numerator *= 10 ** exp
                else:
                    denominator *= 10 ** -exp
        if match['sign'] == '-':
            numerator = -numerator
        return numerator, denominator

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator):
        """Build a Fraction from ints already in lowest terms, den > 0."""
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    @classmethod
    def from_float(cls, f):
        """Convert a finite float (or an int) to an exactly equal Fraction."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Convert a finite Decimal (or an int) to an exactly equal Fraction."""
        from decimal import Decimal
        if isinstance(dec, numbers.Integral):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def from_number(cls, number):
        """Convert a Rational, or a number with as_integer_ratio(), exactly.

        Strings are not accepted.
        """
        if type(number) is int:
            return cls._from_coprime_ints(number, 1)
        if isinstance(number, numbers.Rational):
            return cls._from_coprime_ints(number.numerator,
                                          number.denominator)
        if (not isinstance(number, type) and
                hasattr(number, 'as_integer_ratio')):
            return cls._from_coprime_ints(*number.as_integer_ratio())
        raise TypeError("argument should be a Rational instance or "
                        "have the as_integer_ratio() method")

    def is_integer(self):
        """True when the denominator is 1."""
        return self._denominator == 1

    def as_integer_ratio(self):
        """The pair (numerator, denominator), denominator > 0."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self with denominator <= max_denominator.

        >>> Fraction('3.141592653589793').limit_denominator(10)
        Fraction(22, 7)
        """
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)

        # Walk the continued fraction expansion keeping the last two
        # convergents p0/q0 and p1/q1 until the next denominator is too big.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        # The best approximation is either the last convergent or the
        # semiconvergent with the largest allowed denominator.
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # -- formatting --------------------------------------------------------

    def _format_general(self, match):
        fill = match['fill'] or ' '
        align = match['align'] or '>'
        sign_flag = match['sign']
        width = int(match['width'] or '0')
        grouping = match['grouping'] or ''
        n, d = self._numerator, self._denominator
        body = format(abs(n), grouping)
        if d > 1 or match['alt']:
            body += '/' + format(d, grouping)
        if n < 0:
            sign = '-'
        else:
            sign = '' if sign_flag == '-' else sign_flag
        return _pad(sign, body, fill, align, width)

    def _format_float_style(self, match):
        fill = match['fill'] or ' '
        align = match['align'] or '>'
        # The '0' flag pads the integer digits with zeros, grouped like
        # the other digits; a '0' fill is plain padding.
        zeropad = bool(match['zeropad'])
        sign_flag = match['sign']
        no_neg_zero = bool(match['no_neg_zero'])
        alternate = bool(match['alt'])
        width = int(match['width'] or '0')
        grouping = match['grouping'] or ''
        precision = int(match['precision'] or '6')
        kind = match['kind']

        n, d = self._numerator, self._denominator
        if kind == '%':
            n *= 100
        exponent_style = kind in 'eE'
        strip_zeros = False
        if kind in 'gG':
            figures = max(precision, 1)
            significand, exp = _round_to_figures(n, d, figures)
            scientific = exp + figures - 1
            exponent_style = not (-4 <= scientific < figures)
            if exponent_style:
                point_pos = figures - 1
            else:
                point_pos = -exp
            strip_zeros = not alternate
        elif exponent_style:
            significand, exp = _round_to_figures(n, d, precision + 1)
            point_pos = precision
        else:
            exp = -precision
            significand = _scaled_round(n, d, exp)
            point_pos = precision

        negative = n < 0 and not (no_neg_zero and significand == 0)
        digits = str(significand).zfill(point_pos + 1)
        integer_part = digits[:len(digits) - point_pos]
        fraction_part = digits[len(digits) - point_pos:]
        if strip_zeros:
            fraction_part = fraction_part.rstrip('0')
        point = '.' if fraction_part or alternate else ''
        if match['frac_grouping']:
            fraction_part = match['frac_grouping'].join(
                fraction_part[i:i + 3]
                for i in range(0, len(fraction_part), 3))
        if exponent_style:
            shown_exp = exp + point_pos
            suffix = '%s%+03d' % ('E' if kind in 'EG' else 'e', shown_exp)
        elif kind == '%':
            suffix = '%'
        else:
            suffix = ''

        if negative:
            sign = '-'
        else:
            sign = '' if sign_flag == '-' else sign_flag
        tail = point + fraction_part + suffix
        minimum = 0
        if zeropad:
            minimum = width - len(sign) - len(tail)
        body = _group_digits(integer_part, grouping, minimum) + tail
        return _pad(sign, body, fill, align, width)

    def __format__(self, format_spec, /):
        match = _GENERAL_SPEC.match(format_spec)
        if match is not None:
            return self._format_general(match)
        match = _FLOAT_SPEC.match(format_spec)
        # Both an alignment and the '0' flag is ambiguous: refused.
        if match is not None and not (match['align'] and match['zeropad']):
            return self._format_float_style(match)
        raise ValueError(
            f"Invalid format specifier {format_spec!r} "
            f"for object of type {type(self).__name__!r}")

    # -- arithmetic --------------------------------------------------------

    def _binary(exact, fallback, complex_ok=True):
        """Build the forward and reflected methods of one operator.

        `exact(a, b)` computes on two Fractions; other operand types fall
        back to float or complex arithmetic through `fallback`.  Operators
        that complex numbers lack (//, %, divmod) pass complex_ok=False so
        that a complex operand gets the usual "unsupported operand" error
        naming Fraction rather than complex.
        """
        def forward(a, b):
            if isinstance(b, Fraction):
                return exact(a, b)
            if isinstance(b, int):
                return exact(a, Fraction._from_coprime_ints(b, 1))
            if isinstance(b, float):
                return fallback(float(a), b)
            if complex_ok and isinstance(b, complex):
                return fallback(complex(a), b)
            return NotImplemented

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return exact(Fraction(a), b)
            if isinstance(a, numbers.Real):
                return fallback(float(a), float(b))
            if complex_ok and isinstance(a, numbers.Complex):
                return fallback(complex(a), complex(b))
            return NotImplemented

        name = fallback.__name__
        forward.__name__ = '__' + name + '__'
        forward.__doc__ = exact.__doc__
        reverse.__name__ = '__r' + name + '__'
        reverse.__doc__ = exact.__doc__
        return forward, reverse

    def _add(a, b):
        """a + b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    __add__, __radd__ = _binary(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        return Fraction._add(a, Fraction._from_coprime_ints(-b._numerator,
                                                            b._denominator))

    __sub__, __rsub__ = _binary(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction._from_coprime_ints(na * nb, db * da)

    __mul__, __rmul__ = _binary(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (a._numerator * db))
        na, da = a._numerator, a._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction._from_coprime_ints(n, d)

    __truediv__, __rtruediv__ = _binary(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a._numerator * b._denominator) // (a._denominator *
                                                   b._numerator)

    __floordiv__, __rfloordiv__ = _binary(_floordiv, operator.floordiv, False)

    def _divmod(a, b):
        """divmod(a, b)"""
        da, db = a._denominator, b._denominator
        quotient, remainder = divmod(a._numerator * db, da * b._numerator)
        return quotient, Fraction(remainder, da * db)

    __divmod__, __rdivmod__ = _binary(_divmod, divmod, False)

    def _mod(a, b):
        """a % b"""
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    __mod__, __rmod__ = _binary(_mod, operator.mod, False)

    del _binary

    def __pow__(a, b, modulo=None):
        """a ** b

        An integral exponent gives an exact Fraction; any other exponent
        gives a float or complex result.
        """
        if modulo is not None:
            return NotImplemented
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(
                        a._numerator ** power, a._denominator ** power)
                if a._numerator == 0:
                    raise ZeroDivisionError(
                        'Fraction(%s, 0)' % (a._denominator ** -power))
                if a._numerator > 0:
                    return Fraction._from_coprime_ints(
                        a._denominator ** -power, a._numerator ** -power)
                return Fraction._from_coprime_ints(
                    (-a._denominator) ** -power, (-a._numerator) ** -power)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a, modulo=None):
        """a ** b"""
        if modulo is not None:
            return NotImplemented
        if b._denominator == 1 and b._numerator >= 0:
            # An integral, non-negative power of any base can stay exact.
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction._from_coprime_ints(a.numerator,
                                               a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: a copy of a."""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        """int(a), truncating toward zero."""
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits), rounding half to even."""
        if ndigits is None:
            return _round_half_even(self._numerator, self._denominator)
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        return _hash_rational(self._numerator, self._denominator)

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # Any finite value compares like 0.0 against nan or inf.
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    # Fractions are immutable: copies and pickles need only the two ints.

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
