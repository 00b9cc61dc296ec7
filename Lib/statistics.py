"""Basic statistics of numeric (Real-valued) data.

Averages: mean, fmean, geometric_mean, harmonic_mean, median, median_low,
median_high, median_grouped, mode, multimode, quantiles.
Spread: pstdev, pvariance, stdev, variance.
Two inputs: covariance, correlation, linear_regression.
Densities: kde, kde_random, and the NormalDist class.

Averages and variances of ints, Fractions and Decimals are computed
exactly and converted to the input type only at the end.
"""

__all__ = [
    'NormalDist',
    'StatisticsError',
    'correlation',
    'covariance',
    'fmean',
    'geometric_mean',
    'harmonic_mean',
    'kde',
    'kde_random',
    'linear_regression',
    'mean',
    'median',
    'median_grouped',
    'median_high',
    'median_low',
    'mode',
    'multimode',
    'pstdev',
    'pvariance',
    'quantiles',
    'stdev',
    'variance',
]

import math
import numbers
import random
import sys

from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple, defaultdict
from fractions import Fraction
from itertools import count, groupby, repeat
from math import exp, fabs, fsum, hypot, log, sqrt, sumprod, tau

_SQRT2 = sqrt(2.0)


class StatisticsError(ValueError):
    pass


def _decimal_type():
    """The Decimal class, imported on first use (None if unavailable)."""
    try:
        from decimal import Decimal
    except ImportError:
        return None
    return Decimal


def _is_decimal_type(T):
    Decimal = _decimal_type()
    return Decimal is not None and issubclass(T, Decimal)


# ---------------------------------------------------------------------------
# Exact summation and type bookkeeping

def _ratio(x):
    """(numerator, denominator) of x, or (x, None) when x is not finite."""
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # Infinities and NaNs have no ratio; they are summed as they are.
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' "
                        f"to numerator/denominator") from None


def _coerce(T, S):
    """The type that a mix of T and S values is reported in."""
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int or T is bool:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce %s and %s"
                    % (T.__name__, S.__name__))


def _sum(data):
    """Exact sum of data: (type, total, count).

    total is a Fraction, unless the data held infinities or NaNs, in which
    case it is their (non-finite) sum.
    """
    n = 0
    T = int
    by_denominator = defaultdict(int)
    non_finite = None
    for typ, values in groupby(data, type):
        T = _coerce(T, typ)
        for x in values:
            n += 1
            numerator, denominator = _ratio(x)
            if denominator is None:
                # Adding even the first one (to 0) makes a signalling
                # Decimal NaN raise InvalidOperation, as arithmetic would.
                non_finite = (0 if non_finite is None else non_finite
                              ) + numerator
            else:
                by_denominator[denominator] += numerator
    if non_finite is not None:
        return (T, non_finite, n)
    total = sum(Fraction(num, den) for den, num in by_denominator.items())
    return (T, Fraction(total), n)


def _sum_of_squares(data, center=None):
    """Exact sum of squared deviations: (type, ss, center, count).

    With center=None the deviations are taken from the exact mean,
    otherwise from the given center as it is.  ss is non-finite when the
    data are.
    """
    if center is not None:
        T, ss, n = _sum((d := x - center) * d for x in data)
        if not isinstance(ss, Fraction):
            ss = ss - ss
        return (T, ss, center, n)
    data = list(data) if iter(data) is data else data
    T, total, n = _sum(data)
    if not isinstance(total, Fraction):
        return (T, total - total, total, n)
    if n == 0:
        return (T, Fraction(0), None, n)
    mean = total / n
    by_denominator = defaultdict(int)
    for x in data:
        num, den = _ratio(x)
        by_denominator[den * den] += num * num
    square_sum = Fraction(sum(Fraction(num, den)
                              for den, num in by_denominator.items()))
    # Exact arithmetic: sum(x**2) - n * mean**2 cannot go negative.
    return (T, square_sum - total * mean, mean, n)


def _convert(value, T):
    """Express an exact Fraction result in the data's type T."""
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        if _is_decimal_type(T):
            return T(value.numerator) / T(value.denominator)
        raise


def _fail_negative(values, message):
    for x in values:
        if x < 0:
            raise StatisticsError(message)
        yield x


def _float_sqrt_of_frac(n, m):
    """sqrt(n/m) correctly rounded to a float.

    Like math.sqrt(), a negative ratio raises ValueError; a zero m raises
    ZeroDivisionError as Fraction(n, 0) does.
    """
    if m < 0:
        n, m = -n, -m
    if m == 0:
        raise ZeroDivisionError('Fraction(%s, 0)' % n)
    if n < 0:
        raise ValueError('math domain error')
    if n == 0:
        return 0.0
    # Scale so that the integer root has at least 55 significant bits,
    # then mark any inexactness in the lowest bit so that the int->float
    # conversion rounds as the exact value would.
    shift = max(0, (110 - n.bit_length() + m.bit_length()) // 2 + 1)
    scaled_n = n << (2 * shift)
    quotient, remainder = divmod(scaled_n, m)
    root = math.isqrt(quotient)
    if remainder or root * root != quotient:
        root |= 1
    return math.ldexp(float(root), -shift)


def _decimal_sqrt_of_frac(n, m):
    """sqrt(n/m) as a Decimal, rounded once in the current context."""
    from decimal import Decimal, localcontext
    if n <= 0:
        if not n:
            return Decimal('0.0')
        n, m = -n, -m
    with localcontext() as ctx:
        target = ctx.prec
        ctx.prec = target + 10
        root = (Decimal(n) / Decimal(m)).sqrt()
        ctx.prec = target
        return +root


# ---------------------------------------------------------------------------
# Averages

def mean(data):
    """The arithmetic mean of data, computed exactly.

    >>> mean([1, 2, 3, 4, 4])
    2.8
    """
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if not isinstance(total, Fraction):
        return T(total / n) if not issubclass(T, int) else total / n
    return _convert(total / n, T)


def fmean(data, weights=None):
    """The mean of data as a float, optionally weighted; fast.

    >>> fmean([3.5, 4.0, 5.25])
    4.25
    """
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            counter = count(1)
            n = 0

            def tally(values):
                nonlocal n
                for n, x in zip(counter, values):
                    yield x
            total = fsum(tally(data))
        else:
            total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    try:
        numerator = sumprod(data, weights)
    except ValueError:
        raise StatisticsError('data and weights must be the same length')
    denominator = fsum(weights)
    if not denominator:
        raise StatisticsError('sum of weights must be non-zero')
    return numerator / denominator


def geometric_mean(data):
    """The geometric mean of data, as a float.

    >>> round(geometric_mean([54, 24, 36]), 9)
    36.0
    """
    n = 0
    saw_zero = False

    def positive_values(values):
        nonlocal n, saw_zero
        for n, x in enumerate(values, start=1):
            if x > 0.0 or math.isnan(x):
                yield x
            elif x == 0.0:
                saw_zero = True
            else:
                raise StatisticsError('No negative inputs allowed', x)

    total = fsum(map(log, positive_values(data)))
    if not n:
        raise StatisticsError('Must have a non-empty dataset')
    if math.isnan(total):
        return math.nan
    if saw_zero:
        return math.nan if total == math.inf else 0.0
    return exp(total / n)


def harmonic_mean(data, weights=None):
    """The (optionally weighted) harmonic mean of non-negative data.

    >>> harmonic_mean([40, 60])
    48.0
    """
    if iter(data) is data:
        data = list(data)
    message = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, numbers.Real) or _is_decimal_type(type(x)):
            if x < 0:
                raise StatisticsError(message)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = repeat(1, n)
        weight_total = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, weight_total, _ = _sum(_fail_negative(weights, message))
    try:
        T, total, _ = _sum(w / x if w else 0
                           for w, x in zip(weights,
                                           _fail_negative(data, message)))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(weight_total / total, T)


def median(data):
    """The middle value of data; the mean of the two middle values if even.

    >>> median([1, 3, 5, 7])
    4.0
    """
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    middle = n // 2
    return (data[middle - 1] + data[middle]) / 2


def median_low(data):
    """The smaller middle value of data when its length is even."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """The larger middle value of data when its length is even."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    """The 50th percentile of grouped continuous data, by interpolation.

    Each value stands for a class of width `interval` centred on it.

    >>> median_grouped([52, 52, 53, 54])
    52.5
    """
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    below = bisect_left(data, x)
    frequency = bisect_right(data, x, lo=below) - below
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    lower_limit = x - interval / 2.0
    return lower_limit + interval * (n / 2 - below) / frequency


def mode(data):
    """The most common value in data; the first seen wins ties.

    >>> mode(['red', 'blue', 'blue', 'red', 'green', 'red', 'red'])
    'red'
    """
    pairs = Counter(iter(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    """Every most common value, in order of first appearance.

    >>> multimode('aabbbbbbbbcc')
    ['b']
    """
    counts = Counter(iter(data))
    if not counts:
        return []
    highest = max(counts.values())
    return [value for value, c in counts.items() if c == highest]


def quantiles(data, *, n=4, method='exclusive'):
    """Divide data into n intervals of equal probability: n-1 cut points.

    method is 'exclusive' (data are a sample) or 'inclusive' (data are
    the whole population, with its minimum and maximum).
    """
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    size = len(data)
    if size < 2:
        if size == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    if method == 'inclusive':
        m = size - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = size + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else size - 1 if j > size - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


# ---------------------------------------------------------------------------
# Spread

def variance(data, xbar=None):
    """Sample variance of data (at least two values), computed exactly.

    >>> variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5])
    1.3720238095238095
    """
    T, ss, c, n = _sum_of_squares(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    if not isinstance(ss, Fraction):
        return ss
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """Population variance of data, computed exactly.

    >>> pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25])
    1.25
    """
    T, ss, c, n = _sum_of_squares(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    if not isinstance(ss, Fraction):
        return ss
    return _convert(ss / n, T)


def _sqrt_in_type(value, T):
    if not isinstance(value, Fraction):
        return sqrt(value) if not _is_decimal_type(T) else value.sqrt()
    if _is_decimal_type(T):
        return _decimal_sqrt_of_frac(value.numerator, value.denominator)
    return _float_sqrt_of_frac(value.numerator, value.denominator)


def stdev(data, xbar=None):
    """Sample standard deviation: the square root of variance().

    >>> stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])
    1.0810874155219827
    """
    T, ss, c, n = _sum_of_squares(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    if not isinstance(ss, Fraction):
        return _sqrt_in_type(ss, T)
    return _sqrt_in_type(ss / (n - 1), T)


def pstdev(data, mu=None):
    """Population standard deviation: the square root of pvariance().

    >>> pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])
    0.986893273527251
    """
    T, ss, c, n = _sum_of_squares(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    if not isinstance(ss, Fraction):
        return _sqrt_in_type(ss, T)
    return _sqrt_in_type(ss / n, T)


# ---------------------------------------------------------------------------
# Two inputs

def _centered(values, n):
    center = fsum(values) / n
    return [v - center for v in values]


def covariance(x, y, /):
    """Sample covariance of two equally long inputs.

    >>> covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3])
    0.75
    """
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs '
                              'have same number of data points')
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')
    x_bar = fsum(x) / n
    y_bar = fsum(y) / n
    total = sumprod((xi - x_bar for xi in x), (yi - y_bar for yi in y))
    return total / (n - 1)


def _ranks(values, start):
    """Ranks of values counted from `start`, ties sharing their average."""
    values = list(values)
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    position = start
    for _, group in groupby(order, key=values.__getitem__):
        members = list(group)
        shared = position + (len(members) - 1) / 2
        for index in members:
            ranks[index] = shared
        position += len(members)
    return ranks


def _sqrt_of_product(a, b):
    """sqrt(a * b) correctly rounded, for finite a, b >= 0.

    Computed from the exact product so that neither overflow nor
    underflow nor a double rounding can creep in.
    """
    na, da = a.as_integer_ratio()
    nb, db = b.as_integer_ratio()
    return _float_sqrt_of_frac(na * nb, da * db)


def correlation(x, y, /, *, method='linear'):
    """Pearson's correlation coefficient of two inputs, or with
    method='ranked' Spearman's rank correlation coefficient.

    >>> correlation([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])
    -1.0
    """
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs '
                              'have same number of data points')
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')
    if method not in {'linear', 'ranked'}:
        raise ValueError(f'Unknown method: {method!r}')
    if method == 'ranked':
        # Ranks counted from -(n - 1)/2 are already centred on zero.
        start = (n - 1) / -2
        x = _ranks(x, start)
        y = _ranks(y, start)
    else:
        x = _centered(list(x), n)
        y = _centered(list(y), n)
    sxy = sumprod(x, y)
    sxx = sumprod(x, x)
    syy = sumprod(y, y)
    denominator = _sqrt_of_product(sxx, syy) if math.isfinite(sxx * 0.0 +
                                                             syy * 0.0) \
        else sqrt(sxx) * sqrt(syy)
    try:
        return sxy / denominator
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    """Least-squares fit y = slope * x + intercept (+ noise).

    With proportional=True the line goes through the origin.

    >>> linear_regression([1, 2, 3], [2, 4, 6])
    LinearRegression(slope=2.0, intercept=0.0)
    """
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs '
                              'have same number of data points')
    if n < 2:
        raise StatisticsError('linear regression requires at least two '
                              'data points')
    if not proportional:
        x_bar = fsum(x) / n
        y_bar = fsum(y) / n
        x = [xi - x_bar for xi in x]
        y = [yi - y_bar for yi in y]
    sxy = sumprod(x, y) + 0.0
    sxx = sumprod(x, x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else y_bar - slope * x_bar
    return LinearRegression(slope=slope, intercept=intercept)


# ---------------------------------------------------------------------------
# Kernel density estimation

def _invert_monotonic(cdf, pdf, p, lo, hi):
    """Solve cdf(t) = p on [lo, hi] by Newton steps kept inside a bracket.

    Stops once a step moves t by less than 1e-15 (t lies within a bracket
    of width about 1): waiting for a step of exactly zero can take dozens
    of extra steps alternating between neighbouring floats.
    """
    t = (lo + hi) / 2
    for _ in range(100):
        error = cdf(t) - p
        if error == 0:
            break
        if error > 0:
            hi = t
        else:
            lo = t
        slope = pdf(t)
        step_ok = False
        if slope > 0:
            candidate = t - error / slope
            if lo < candidate < hi:
                step_ok = True
        if not step_ok:
            candidate = (lo + hi) / 2
        converged = abs(candidate - t) < 1e-15 or hi - lo < 1e-16
        t = candidate
        if converged:
            break
    return t


def _make_kernels():
    """name -> (pdf, cdf, inverse cdf, support); support None = unbounded."""
    pi = math.pi
    normal = NormalDist()

    def normal_pdf(t):
        return exp(-1 / 2 * t * t) / sqrt(tau)

    def logistic_pdf(t):
        return 1 / 2 / (1.0 + math.cosh(t))

    def logistic_cdf(t):
        return 1.0 - 1.0 / (exp(t) + 1.0)

    def logistic_inv(p):
        return log(p / (1 - p))

    def sigmoid_pdf(t):
        return 1 / pi / math.cosh(t)

    def sigmoid_cdf(t):
        return 2 / pi * math.atan(exp(t))

    def sigmoid_inv(p):
        return log(math.tan(p * pi / 2))

    def rectangular_pdf(t):
        return 1 / 2

    def rectangular_cdf(t):
        return 1 / 2 * t + 1 / 2

    def rectangular_inv(p):
        return 2 * p - 1

    def triangular_pdf(t):
        return 1.0 - abs(t)

    def triangular_cdf(t):
        return t * t * (1 / 2 if t < 0.0 else -1 / 2) + t + 1 / 2

    def triangular_inv(p):
        if p < 1 / 2:
            return sqrt(2 * p) - 1
        return 1 - sqrt(2 - 2 * p)

    def parabolic_pdf(t):
        return 3 / 4 * (1.0 - t * t)

    def parabolic_cdf(t):
        return sumprod((-1 / 4, 3 / 4, 1 / 2), (t ** 3, t, 1.0))

    def parabolic_inv(p):
        # The root in [-1, 1] of the cubic, by the trigonometric method.
        return 2 * math.cos((math.acos(2 * p - 1) + pi) / 3)

    def quartic_pdf(t):
        return 15 / 16 * (1.0 - t * t) ** 2

    def quartic_cdf(t):
        return sumprod((3 / 16, -5 / 8, 15 / 16, 1 / 2),
                       (t ** 5, t ** 3, t, 1.0))

    def quartic_inv(p):
        return _invert_monotonic(quartic_cdf, quartic_pdf, p, -1.0, 1.0)

    def triweight_pdf(t):
        return 35 / 32 * (1.0 - t * t) ** 3

    def triweight_cdf(t):
        return sumprod((-5 / 32, 21 / 32, -35 / 32, 35 / 32, 1 / 2),
                       (t ** 7, t ** 5, t ** 3, t, 1.0))

    def triweight_inv(p):
        return _invert_monotonic(triweight_cdf, triweight_pdf, p, -1.0, 1.0)

    def cosine_pdf(t):
        return pi / 4 * math.cos(pi / 2 * t)

    def cosine_cdf(t):
        return 1 / 2 * math.sin(pi / 2 * t) + 1 / 2

    def cosine_inv(p):
        return 2.0 * math.asin(2.0 * p - 1.0) / pi

    table = {
        'normal': (normal_pdf, normal.cdf, normal.inv_cdf, None),
        'logistic': (logistic_pdf, logistic_cdf, logistic_inv, None),
        'sigmoid': (sigmoid_pdf, sigmoid_cdf, sigmoid_inv, None),
        'rectangular': (rectangular_pdf, rectangular_cdf, rectangular_inv,
                        1.0),
        'triangular': (triangular_pdf, triangular_cdf, triangular_inv, 1.0),
        'parabolic': (parabolic_pdf, parabolic_cdf, parabolic_inv, 1.0),
        'quartic': (quartic_pdf, quartic_cdf, quartic_inv, 1.0),
        'triweight': (triweight_pdf, triweight_cdf, triweight_inv, 1.0),
        'cosine': (cosine_pdf, cosine_cdf, cosine_inv, 1.0),
    }
    table['gauss'] = table['normal']
    table['uniform'] = table['rectangular']
    table['epanechnikov'] = table['parabolic']
    table['biweight'] = table['quartic']
    return table


_kernel_table = None


def _kernel(name):
    global _kernel_table
    table = _kernel_table
    if table is None:
        # Built once; concurrent first calls build equal tables, and the
        # assignment of the finished dict is atomic.
        table = _kernel_table = _make_kernels()
    try:
        return table[name]
    except (KeyError, TypeError):
        raise StatisticsError(f'Unknown kernel name: {name!r}') from None


def _check_kde_args(data, h, kernel):
    n = len(data)
    if not n:
        raise StatisticsError('Empty data sequence')
    if not isinstance(data[0], (int, float)):
        raise TypeError('Data sequence must contain ints or floats')
    if h <= 0.0:
        raise StatisticsError(f'Bandwidth h must be positive, not {h=!r}')
    return _kernel(kernel)


def kde(data, h, kernel='normal', *, cumulative=False):
    """Kernel density estimate of the sequence data with bandwidth h.

    Returns a function estimating the PDF, or with cumulative=True the
    CDF.  Kernels: 'normal' ('gauss'), 'logistic', 'sigmoid',
    'rectangular' ('uniform'), 'triangular', 'parabolic'
    ('epanechnikov'), 'quartic' ('biweight'), 'triweight', 'cosine'.
    The estimate follows later changes to the length of data.

    >>> f_hat = kde([-2.1, -1.3, -0.4, 1.9, 5.1, 6.2], h=1.5)
    >>> round(sum(f_hat(x) for x in range(-20, 20)), 4)
    1.0
    """
    pdf_kernel, cdf_kernel, _, support = _check_kde_args(data, h, kernel)
    kernel_function = cdf_kernel if cumulative else pdf_kernel

    if support is None:
        def estimate(x):
            total = sum(kernel_function((x - xi) / h) for xi in data)
            if cumulative:
                return total / len(data)
            return total / (len(data) * h)
    else:
        window = h * support
        # The sorted copy is rebuilt when the length of data changes.
        cache = [len(data), sorted(data)]

        def estimate(x):
            if len(data) != cache[0]:
                cache[:] = [len(data), sorted(data)]
            n, ordered = cache
            lo = bisect_left(ordered, x - window)
            hi = bisect_right(ordered, x + window)
            total = sum(kernel_function((x - xi) / h)
                        for xi in ordered[lo:hi])
            if cumulative:
                # Points entirely left of the window contribute 1 each.
                return (total + lo) / n
            return total / (n * h)

    kind = 'CDF' if cumulative else 'PDF'
    # Named as CPython names the function it returns: pdf or cdf.
    estimate.__name__ = kind.lower()
    estimate.__qualname__ = f'kde.<locals>.{estimate.__name__}'
    estimate.__doc__ = f'{kind} estimate with {h=!r} and {kernel=!r}'
    return estimate


def kde_random(data, h, kernel='normal', *, seed=None):
    """A function drawing random samples from kde(data, h, kernel).

    With a seed the sequence of samples is reproducible.
    """
    _, _, inverse_cdf, _ = _check_kde_args(data, h, kernel)
    generator = random.Random(seed)
    uniform = generator.random
    choose = generator.choice

    def rand():
        return choose(data) + h * inverse_cdf(uniform())

    rand.__doc__ = f'Random KDE selection with {h=!r} and {kernel=!r}'
    return rand


# ---------------------------------------------------------------------------
# Normal distribution

def _horner(coefficients, x):
    """Evaluate the polynomial with the given coefficients (highest first)."""
    value = 0.0
    for c in coefficients:
        value = value * x + c
    return value


# Wichura's algorithm AS 241 (Applied Statistics 37(3), 1988): rational
# approximations of the normal quantile, accurate to about 1e-16, for the
# central region and for two ranges of the tails.  Coefficients are listed
# highest power first.
_AS241_CENTRAL_NUM = (
    2.5090809287301226727e+3, 3.3430575583588128105e+4,
    6.7265770927008700853e+4, 4.5921953931549871457e+4,
    1.3731693765509461125e+4, 1.9715909503065514427e+3,
    1.3314166789178437745e+2, 3.3871328727963666080e+0)
_AS241_CENTRAL_DEN = (
    5.2264952788528545610e+3, 2.8729085735721942674e+4,
    3.9307895800092710610e+4, 2.1213794301586595867e+4,
    5.3941960214247511077e+3, 6.8718700749205790830e+2,
    4.2313330701600911252e+1, 1.0)
_AS241_NEAR_NUM = (
    7.74545014278341407640e-4, 2.27238449892691845833e-2,
    2.41780725177450611770e-1, 1.27045825245236838258e+0,
    3.64784832476320460504e+0, 5.76949722146069140550e+0,
    4.63033784615654529590e+0, 1.42343711074968357734e+0)
_AS241_NEAR_DEN = (
    1.05075007164441684324e-9, 5.47593808499534494600e-4,
    1.51986665636164571966e-2, 1.48103976427480074590e-1,
    6.89767334985100004550e-1, 1.67638483018380384940e+0,
    2.05319162663775882187e+0, 1.0)
_AS241_FAR_NUM = (
    2.01033439929228813265e-7, 2.71155556874348757815e-5,
    1.24266094738807843860e-3, 2.65321895265761230930e-2,
    2.96560571828504891230e-1, 1.78482653991729133580e+0,
    5.46378491116411436990e+0, 6.65790464350110377720e+0)
_AS241_FAR_DEN = (
    2.04426310338993978564e-15, 1.42151175831644588870e-7,
    1.84631831751005468180e-5, 7.86869131145613259100e-4,
    1.48753612908506148525e-2, 1.36929880922735805310e-1,
    5.99832206555887937690e-1, 1.0)


def _normal_inv_cdf(p, mu, sigma):
    """The x with P(X <= x) = p for X ~ N(mu, sigma), 0 < p < 1."""
    q = p - 0.5
    if fabs(q) <= 0.425:
        r = 0.180625 - q * q
        x = _horner(_AS241_CENTRAL_NUM, r) * q / \
            _horner(_AS241_CENTRAL_DEN, r)
        return mu + x * sigma
    r = p if q <= 0.0 else 1.0 - p
    r = sqrt(-log(r))
    if r <= 5.0:
        r -= 1.6
        x = _horner(_AS241_NEAR_NUM, r) / _horner(_AS241_NEAR_DEN, r)
    else:
        r -= 5.0
        x = _horner(_AS241_FAR_NUM, r) / _horner(_AS241_FAR_DEN, r)
    if q < 0.0:
        x = -x
    return mu + x * sigma


class NormalDist:
    """Normal distribution of a random variable, mean mu and stdev sigma."""

    __slots__ = {
        '_mu': 'Arithmetic mean of a normal distribution',
        '_sigma': 'Standard deviation of a normal distribution',
    }

    def __init__(self, mu=0.0, sigma=1.0):
        """NormalDist where mu is the mean and sigma is the standard deviation."""
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        """A NormalDist with the mean and sample stdev of data."""
        data = list(data) if iter(data) is data else data
        T, ss, center, n = _sum_of_squares(data)
        if n < 2:
            raise StatisticsError('stdev requires at least two data points')
        if not isinstance(ss, Fraction):
            return cls(float(center), float(ss))
        spread = ss / (n - 1)
        return cls(float(center),
                   _float_sqrt_of_frac(spread.numerator, spread.denominator))

    def samples(self, n, *, seed=None):
        """n random samples; reproducible when seed is given."""
        uniform = random.random if seed is None else random.Random(seed).random
        mu, sigma = self._mu, self._sigma
        results = []
        for _ in repeat(None, n):
            p = uniform()
            while p == 0.0:
                p = uniform()
            results.append(_normal_inv_cdf(p, mu, sigma))
        return results

    def pdf(self, x):
        """Probability density at x."""
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return exp(diff * diff / (-2.0 * variance)) / sqrt(tau * variance)

    def cdf(self, x):
        """Probability that the variable is at most x."""
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        # erfc keeps its relative accuracy far into the lower tail.
        return 0.5 * math.erfc((self._mu - x) / (self._sigma * _SQRT2))

    def inv_cdf(self, p):
        """The x where cdf(x) == p: the quantile function."""
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError('p must be in the range 0.0 < p < 1.0')
        return _normal_inv_cdf(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        """n - 1 cut points dividing the distribution into n equal parts."""
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        """Overlapping coefficient of two normal distributions, in [0, 1]."""
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):
            X, Y = Y, X
        x_var, y_var = X.variance, Y.variance
        if not x_var or not y_var:
            raise StatisticsError('overlap() not defined when sigma is zero')
        dv = y_var - x_var
        dm = fabs(Y._mu - X._mu)
        if not dv:
            return math.erfc(dm / (2.0 * X._sigma * _SQRT2))
        a = X._mu * y_var - Y._mu * x_var
        b = X._sigma * Y._sigma * sqrt(dm * dm + dv * log(y_var / x_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (fabs(Y.cdf(x1) - X.cdf(x1)) +
                      fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
        """Number of standard deviations x lies above the mean."""
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        """Arithmetic mean of the normal distribution."""
        return self._mu

    @property
    def median(self):
        """Median of the normal distribution."""
        return self._mu

    @property
    def mode(self):
        """Mode of the normal distribution."""
        return self._mu

    @property
    def stdev(self):
        """Standard deviation of the normal distribution."""
        return self._sigma

    @property
    def variance(self):
        """Variance of the normal distribution."""
        return self._sigma * self._sigma

    def __add__(x1, x2):
        """Shift by a constant, or add an independent NormalDist."""
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        """Shift by a constant, or subtract an independent NormalDist."""
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        """Scale by a constant."""
        return NormalDist(x1._mu * x2, x1._sigma * fabs(x2))

    def __truediv__(x1, x2):
        """Scale by the reciprocal of a constant."""
        return NormalDist(x1._mu / x2, x1._sigma / fabs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state
