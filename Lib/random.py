"""Pseudo-random numbers and the common distributions.

Random builds on the Mersenne Twister of the _random module; every method
here derives its values from random() and getrandbits() with the same
arithmetic as CPython, so a seeded generator reproduces CPython's
sequences exactly.  SystemRandom draws from os.urandom() instead.

The module-level functions are bound methods of one hidden Random
instance.  That instance may be shared by threads: the generator's state
is only read and advanced inside the C object's critical section.
"""

from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import tau as TWOPI, floor as _floor, isfinite as _isfinite
from math import lgamma as _lgamma, fabs as _fabs, log2 as _log2
from os import urandom as _urandom
from _collections_abc import Sequence as _Sequence
from operator import index as _index
from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect
import os as _os
import _random

try:
    from hashlib import sha512 as _sha512
except ImportError:
    _sha512 = None

__all__ = [
    "Random", "SystemRandom", "betavariate", "binomialvariate", "choice",
    "choices", "expovariate", "gammavariate", "gauss", "getrandbits",
    "getstate", "lognormvariate", "normalvariate", "paretovariate",
    "randbytes", "randint", "random", "randrange", "sample", "seed",
    "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate",
    "weibullvariate",
]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53                # bits in a float
RECIP_BPF = 2 ** -BPF
_ONE = 1


# ---- SHA-512, for str and bytes seeds while hashlib is missing ------------
#
# FIPS 180-4.  The round constants are the first 64 bits of the fractional
# parts of the cube roots of the first 80 primes, the initial values those
# of the square roots of the first 8 primes; both are computed here with
# exact integer roots.

_MASK64 = (1 << 64) - 1


def _iroot(n, k):
    """The integer k-th root of n (floor)."""
    x = 1 << ((n.bit_length() + k - 1) // k)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


def _first_primes(count):
    primes = []
    candidate = 2
    while len(primes) < count:
        if all(candidate % p for p in primes if p * p <= candidate):
            primes.append(candidate)
        candidate += 1
    return primes


def _sha512_tables():
    primes = _first_primes(80)
    k = [_iroot(p << 192, 3) & _MASK64 for p in primes]
    h = [_iroot(p << 128, 2) & _MASK64 for p in primes[:8]]
    return k, h


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK64


def _sha512_compress(state, block, k):
    w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
    for t in range(16, 80):
        s0 = _rotr(w[t - 15], 1) ^ _rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
        s1 = _rotr(w[t - 2], 19) ^ _rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
        w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK64)
    a, b, c, d, e, f, g, h = state
    for t in range(80):
        s1 = _rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)
        choose = (e & f) ^ (~e & g)
        t1 = (h + s1 + choose + k[t] + w[t]) & _MASK64
        s0 = _rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)
        majority = (a & b) ^ (a & c) ^ (b & c)
        t2 = (s0 + majority) & _MASK64
        a, b, c, d, e, f, g, h = ((t1 + t2) & _MASK64, a, b, c,
                                  (d + t1) & _MASK64, e, f, g)
    return [(x + y) & _MASK64 for x, y in zip(state, (a, b, c, d, e, f, g, h))]


def _private_sha512_digest(data):
    k, state = _sha512_tables()
    length = len(data)
    padded = bytes(data) + b'\x80'
    padded += b'\x00' * ((112 - len(padded)) % 128)
    padded += (length * 8).to_bytes(16, 'big')
    for i in range(0, len(padded), 128):
        state = _sha512_compress(state, padded[i:i + 128], k)
    return b''.join(x.to_bytes(8, 'big') for x in state)


def _sha512_digest(data):
    if _sha512 is not None:
        return _sha512(data).digest()
    return _private_sha512_digest(data)


# ---- Random ---------------------------------------------------------------

class Random(_random.Random):
    """Random number generator base class used by the module functions.

    Subclasses that want another basic generator override random(),
    seed(), getstate() and setstate(), and getrandbits() if they can:
    integer methods then use getrandbits(), else random().
    """

    VERSION = 3     # used by getstate/setstate

    def __init__(self, x=None):
        """Initialize an instance; x seeds it (see seed())."""
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, /, **kwargs):
        """Pick the _randbelow() that fits the methods the subclass
        overrides: the most derived of random() and getrandbits() wins."""
        for c in cls.__mro__:
            if '_randbelow' in c.__dict__:
                break
            if 'getrandbits' in c.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in c.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def seed(self, a=None, version=2):
        """Initialize the internal state from a.

        None seeds from the operating system's randomness.  With version
        2 (the default), str, bytes and bytearray seeds use all their bits
        (through SHA-512); version 1 reproduces Python 2's hashing of str
        and bytes.
        """
        if version == 1 and isinstance(a, (str, bytes)):
            if isinstance(a, bytes):
                a = a.decode('latin-1')
            x = ord(a[0]) << 7 if a else 0
            for c in map(ord, a):
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(bytes(a) + _sha512_digest(a), 'big')
        elif not isinstance(a, (type(None), int, float, str, bytes,
                                bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """The internal state, for setstate()."""
        return self.VERSION, super().getstate(), self.gauss_next

    def setstate(self, state):
        """Restore the state saved by getstate()."""
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            super().setstate(internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            # Python 2 could store the words as negative numbers.
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
            super().setstate(internalstate)
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))

    # Pickling and copying go through getstate() and setstate().

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    # ---- integers ---------------------------------------------------------

    def _randbelow_with_getrandbits(self, n):
        """A random int in [0, n), n > 0, by rejection of k-bit draws."""
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """A random int in [0, n) from random() alone: exact for n below
        2**53, approximate above."""
        random = self.random
        if n >= maxsize:
            from warnings import warn
            warn("Underlying random() generator does not supply \n"
                 "enough bits to choose from a population range this "
                 "large.\nTo remove the range limitation, add a "
                 "getrandbits() method.")
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randbytes(self, n):
        """n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def randrange(self, start, stop=None, step=_ONE):
        """A random item from range(start, stop[, step]), without building
        the range."""
        istart = _index(start)
        if stop is None:
            # step is compared by identity: it has not been converted yet.
            if step is not _ONE:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _index(stop)
        width = istop - istart
        istep = _index(step)
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError(f"empty range in randrange({start}, {stop})")
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError(f"empty range in randrange({start}, {stop}, "
                             f"{step})")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """A random integer N with a <= N <= b."""
        return self.randrange(a, b + 1)

    # ---- sequences --------------------------------------------------------

    def choice(self, seq):
        """A random element of the non-empty sequence seq."""
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle the list x in place (Fisher-Yates)."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """k unique elements chosen from the population sequence.

        counts gives repeated elements: sample(['red', 'blue'],
        counts=[4, 2], k=5) is sample(['red'] * 4 + ['blue'] * 2, k=5).
        """
        if not isinstance(population, _Sequence):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = list(_accumulate(counts))
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the '
                                 'population')
            total = cum_counts.pop() if cum_counts else 0
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total < 0:
                raise ValueError('Counts must be non-negative')
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        # Small samples of large populations track the chosen indices in
        # a set; otherwise a partial shuffle of a copy is cheaper.
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k elements chosen from population with replacement, uniformly
        or by relative weights or cumulative weights."""
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0    # a float, so random() * n is not rounded twice
                return [population[_floor(random() * n)]
                        for i in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(f'The number of choices must be a keyword '
                                f'argument: {k=}') from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative '
                            'weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the '
                             'population')
        # An empty population raises IndexError, as choice() does.
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, 0, hi)]
                for i in _repeat(None, k)]

    # ---- real-valued distributions ----------------------------------------

    def uniform(self, a, b):
        """A random number between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution on [low, high] peaking at mode
        (default: the midpoint)."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio method)."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            if z * z / 4.0 <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution by the Box-Muller transform; each pair of
        draws yields two values, the second kept for the next call."""
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution: exp() of normalvariate(mu, sigma)."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd=1.0):
        """Exponential distribution with rate lambd (1 / the mean)."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular normal distribution: mean angle mu, concentration
        kappa (Best and Fisher's method)."""
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha=1.0, beta=1.0):
        """Gamma distribution with shape alpha and scale beta."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            # Cheng's rejection algorithm GB.
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        if alpha == 1.0:
            return -_log(1.0 - random()) * beta
        # alpha < 1: Ahrens and Dieter's algorithm GS.
        while True:
            u = random()
            b = (_e + alpha) / _e
            p = b * u
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -_log((b - p) / alpha)
            u1 = random()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    break
            elif u1 <= _exp(-x):
                break
        return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution on [0, 1], alpha > 0 and beta > 0."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution with shape alpha."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta."""
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)

    def binomialvariate(self, n=1, p=0.5):
        """Binomial distribution: successes in n trials of probability p."""
        if n < 0:
            raise ValueError("n must be non-negative")
        if p <= 0.0 or p >= 1.0:
            if p == 0.0:
                return 0
            if p == 1.0:
                return n
            raise ValueError("p must be in the range 0.0 <= p <= 1.0")
        random = self.random
        if n == 1:
            return _index(random() < p)
        if p > 0.5:
            return n - self.binomialvariate(n, 1.0 - p)
        if n * p < 10.0:
            return self._binomial_geometric(n, p)
        return self._binomial_btrs(n, p)

    def _binomial_geometric(self, n, p):
        # Devroye's method: count geometric jumps until past n trials.
        random = self.random
        x = y = 0
        c = _log2(1.0 - p)
        if not c:
            return x
        while True:
            y += _floor(_log2(random()) / c) + 1
            if y > n:
                return x
            x += 1

    def _binomial_btrs(self, n, p):
        # Hormann's transformed rejection with squeeze (n * p >= 10 and
        # p <= 0.5).  The exact test's constants are computed on first
        # need only.
        random = self.random
        spq = _sqrt(n * p * (1.0 - p))
        b = 1.15 + 2.53 * spq
        a = -0.0873 + 0.0248 * b + 0.01 * p
        c = n * p + 0.5
        vr = 0.92 - 4.2 / b
        exact = None
        while True:
            u = random() - 0.5
            us = 0.5 - _fabs(u)
            k = _floor((2.0 * a / us + b) * u + c)
            if k < 0 or k > n:
                continue
            v = random()
            if us >= 0.07 and v <= vr:
                return k
            if exact is None:
                alpha = (2.83 + 5.1 / b) * spq
                lpq = _log(p / (1.0 - p))
                m = _floor((n + 1) * p)
                h = _lgamma(m + 1) + _lgamma(n - m + 1)
                exact = (alpha, lpq, m, h)
            alpha, lpq, m, h = exact
            v *= alpha / (a / (us * us) + b)
            if _log(v) <= (h - _lgamma(k + 1) - _lgamma(n - k + 1) +
                           (k - m) * lpq):
                return k


# ---- SystemRandom ---------------------------------------------------------

class SystemRandom(Random):
    """Random numbers from os.urandom(): not reproducible, no state."""

    def random(self):
        """A float in [0.0, 1.0) with 53 random bits."""
        return (int.from_bytes(_urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """An int with k random bits."""
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        numbytes = (k + 7) // 8
        x = int.from_bytes(_urandom(numbytes), 'big')
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        """n random bytes."""
        return _urandom(n)

    def seed(self, *args, **kwds):
        """Does nothing: there is no state to seed."""
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have '
                                  'state.')

    getstate = setstate = _notimplemented


# ---- module-level functions -----------------------------------------------

_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
binomialvariate = _inst.binomialvariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes

# A forked child must not repeat its parent's numbers.
if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_inst.seed)


# ---- command line ---------------------------------------------------------

def _parse_args(arg_list):
    import argparse
    parser = argparse.ArgumentParser(
        formatter_class=argparse.RawTextHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-c", "--choice", nargs="+",
                       help="print a random choice")
    group.add_argument("-i", "--integer", type=int, metavar="N",
                       help="print a random integer between 1 and N "
                            "inclusive")
    group.add_argument("-f", "--float", type=float, metavar="N",
                       help="print a random floating-point number between "
                            "0 and N inclusive")
    parser.add_argument("input", nargs="*", help="""\
if no options given, output depends on the input
    string or multiple: same as --choice
    integer: same as --integer
    float: same as --float""")
    args = parser.parse_args(arg_list)
    return args, parser.format_help()


def main(arg_list=None):
    """python -m random: a random choice, integer or float."""
    args, help_text = _parse_args(arg_list)
    if args.choice:
        return choice(args.choice)
    if args.integer is not None:
        return randint(1, args.integer)
    if args.float is not None:
        return uniform(0, args.float)
    if len(args.input) == 1:
        text = args.input[0]
        try:
            return randint(1, int(text))
        except ValueError:
            pass
        try:
            return uniform(0, float(text))
        except ValueError:
            return choice(text.split())
    if len(args.input) >= 2:
        return choice(args.input)
    return help_text


if __name__ == '__main__':
    print(main())
