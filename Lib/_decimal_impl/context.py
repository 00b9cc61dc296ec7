"""Arithmetic contexts and the current context of each thread and task."""

import contextvars

import _decimal_core as _core
from collections.abc import MutableMapping

from .signals import (
    ROUND_HALF_EVEN, ROUND_HALF_UP, ROUNDING_MODES, SIGNALS,
    InvalidOperation, DivisionByZero, Overflow, Clamped, Rounded, Inexact,
    Subnormal, Underflow, FloatOperation, ConversionSyntax,
    DivisionImpossible, DivisionUndefined, InvalidContext, Status,
    INVALID_CONDITIONS)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)

_ROUNDING_ERROR = ("valid values for rounding are:\n"
                   "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                   "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                   "   ROUND_05UP]")
_SIGNAL_ERROR = ("valid values for signals are:\n"
                 "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                 "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                 "   Clamped]")


# Position of each signal in Context.__repr__ (libmpdec's status-bit
# order).  InvalidOperation is listed at the position of the condition that
# set it; set through the API it takes ConversionSyntax's place.
_REPR_RANK = {Clamped: 0, DivisionByZero: 2, Inexact: 6, FloatOperation: 10,
              Overflow: 11, Rounded: 12, Subnormal: 13, Underflow: 14}
_INVALID_RANK = {ConversionSyntax: 1, DivisionImpossible: 3,
                 DivisionUndefined: 4, InvalidContext: 7,
                 InvalidOperation: 8}


class SignalDict(MutableMapping):
    """The flags or traps of a context: signal class -> bool.

    The set of keys is fixed to the nine signals.
    """
    __slots__ = ('_values', '_invalid_rank')

    def __init__(self, enabled=()):
        self._values = {s: False for s in SIGNALS}
        self._invalid_rank = 1
        for s in enabled:
            self[s] = True

    def __getitem__(self, key):
        try:
            return self._values[key]
        except (KeyError, TypeError):
            raise KeyError(_SIGNAL_ERROR) from None

    def __setitem__(self, key, value):
        if key not in self._values:
            raise KeyError(_SIGNAL_ERROR)
        self._values[key] = bool(value)
        if key is InvalidOperation:
            self._invalid_rank = 1

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __repr__(self):
        return '{' + ', '.join('%s:%s' % (s, v)
                               for s, v in self._values.items()) + '}'

    def copy(self):
        new = SignalDict(s for s, v in self._values.items() if v)
        new._invalid_rank = self._invalid_rank
        return new

    def _record(self, condition):
        """Set the flag of a condition raised by an operation."""
        if condition in _INVALID_RANK:
            rank = _INVALID_RANK[condition]
            if not self._values[InvalidOperation] or \
                    rank < self._invalid_rank:
                self._invalid_rank = rank
            self._values[InvalidOperation] = True
        else:
            self._values[condition] = True

    def _names(self):
        ranks = dict(_REPR_RANK)
        ranks[InvalidOperation] = self._invalid_rank
        chosen = sorted((ranks[s], s.__name__) for s in SIGNALS
                        if self._values[s])
        return '[' + ', '.join(name for _, name in chosen) + ']'


def check_rounding(rounding):
    """Raise the documented TypeError for an unknown rounding mode."""
    if not isinstance(rounding, str) or rounding not in ROUNDING_MODES:
        raise TypeError(_ROUNDING_ERROR)


def _signal_dict(value, sequences=False):
    """A new SignalDict from a signal dict (a SignalDict, or a dict with
    every signal as a key) or, when `sequences` is set (the Context
    constructor), from a list of the signals that are on.
    Assigning to a context's flags or traps takes dicts only, as in
    CPython."""
    if isinstance(value, SignalDict):
        return value.copy()
    if isinstance(value, dict):
        if len(value) != len(SIGNALS) or any(s not in value for s in SIGNALS):
            raise KeyError("invalid signal dict")
        return SignalDict(s for s in SIGNALS if value[s])
    if sequences and isinstance(value, list):
        result = SignalDict()
        for s in value:
            result[s] = True
        return result
    raise TypeError("argument must be a signal dict")


class Context(object):
    """The environment of decimal arithmetic.

    prec is the precision, rounding the rounding mode, Emin and Emax the
    exponent limits; capitals chooses 'E' or 'e' in exponents and clamp
    restricts exponents to Emax - prec + 1 (IEEE interchange formats).
    flags record the signals raised since they were last cleared; a signal
    whose trap is set raises its exception.
    """

    __slots__ = ('_prec', '_rounding', '_Emin', '_Emax', '_capitals',
                 '_clamp_mode', '_flags', '_traps', '_fast')

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None):
        base = _default_template
        self._prec = base._prec if base is not None else 28
        self._rounding = base._rounding if base is not None else ROUND_HALF_EVEN
        self._Emin = base._Emin if base is not None else -999999
        self._Emax = base._Emax if base is not None else 999999
        self._capitals = base._capitals if base is not None else 1
        self._clamp_mode = base._clamp_mode if base is not None else 0
        self._set_fast_bounds()
        self._flags = SignalDict()
        if traps is None:
            self._traps = (base._traps.copy() if base is not None else
                           SignalDict([InvalidOperation, DivisionByZero,
                                       Overflow]))
        else:
            self._traps = _signal_dict(traps, sequences=True)
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        if flags is not None:
            self._flags = _signal_dict(flags, sequences=True)

    # -- attributes, validated on assignment -------------------------------

    @staticmethod
    def _int_in(value, lo, hi, message):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        if not lo <= value <= hi:
            raise ValueError(message)
        return value

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        self._prec = self._int_in(value, 1, MAX_PREC,
                                  "valid range for prec is [1, MAX_PREC]")
        self._set_fast_bounds()

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if not isinstance(value, str) or value not in ROUNDING_MODES:
            raise TypeError(_ROUNDING_ERROR)
        self._rounding = value

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, value):
        self._Emin = self._int_in(value, MIN_EMIN, 0,
                                  "valid range for Emin is [MIN_EMIN, 0]")
        self._set_fast_bounds()

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, value):
        self._Emax = self._int_in(value, 0, MAX_EMAX,
                                  "valid range for Emax is [0, MAX_EMAX]")
        self._set_fast_bounds()

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        self._capitals = self._int_in(value, 0, 1,
                                      "valid values for capitals are 0 or 1")

    @property
    def clamp(self):
        return self._clamp_mode

    @clamp.setter
    def clamp(self, value):
        self._clamp_mode = self._int_in(value, 0, 1,
                                   "valid values for clamp are 0 or 1")

    @property
    def flags(self):
        return self._flags

    @flags.setter
    def flags(self, value):
        self._flags = _signal_dict(value)

    @property
    def traps(self):
        return self._traps

    @traps.setter
    def traps(self, value):
        self._traps = _signal_dict(value)

    def _set_fast_bounds(self):
        """Recompute _fast, the bounds of results that need no rounding.

        _fast is (10**prec, Emin, Emax - prec + 1): a finite result with
        coefficient < 10**prec and Emin <= exponent <= Emax - prec + 1
        has at most prec digits, an adjusted exponent in [Emin, Emax]
        and needs no clamping, so fix() returns it unchanged and raises
        nothing, whatever the clamp.  Every write of _prec, _Emin or
        _Emax calls this.  The tuple is replaced by one attribute store,
        so a reader in any build sees either the old or the new bounds,
        each consistent in itself.
        """
        # A smaller power of ten bounds fewer digits: still exact (just
        # not all fitting values take the fast path) and cheap to build
        # for a precision like MAX_PREC.
        self._fast = (10 ** min(self._prec, 4000), self._Emin,
                      self._Emax - self._prec + 1)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    # -- housekeeping ------------------------------------------------------

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, '
                'capitals=%d, clamp=%d, flags=%s, traps=%s)' %
                (self._prec, self._rounding, self._Emin, self._Emax,
                 self._capitals, self._clamp_mode, self._flags._names(),
                 self._traps._names()))

    def __reduce__(self):
        flags = [s for s in SIGNALS if self._flags[s]]
        traps = [s for s in SIGNALS if self._traps[s]]
        return (self.__class__, (self._prec, self._rounding, self._Emin,
                                 self._Emax, self._capitals, self._clamp_mode,
                                 flags, traps))

    def copy(self):
        """A copy of this context with its own flags and traps."""
        new = Context.__new__(type(self))
        new._prec = self._prec
        new._rounding = self._rounding
        new._Emin = self._Emin
        new._Emax = self._Emax
        new._capitals = self._capitals
        new._clamp_mode = self._clamp_mode
        new._fast = self._fast
        new._flags = self._flags.copy()
        new._traps = self._traps.copy()
        return new

    __copy__ = copy

    def clear_flags(self):
        """Reset every flag to False."""
        for s in SIGNALS:
            self._flags._values[s] = False
        self._flags._invalid_rank = 1

    def clear_traps(self):
        """Reset every trap to False."""
        for s in SIGNALS:
            self._traps._values[s] = False

    def Etiny(self):
        """The smallest exponent of a subnormal result: Emin - prec + 1."""
        return self._Emin - self._prec + 1

    def Etop(self):
        """The largest exponent used when clamping: Emax - prec + 1."""
        return self._Emax - self._prec + 1

    def radix(self):
        """The radix of decimal arithmetic: Decimal(10)."""
        return _number.Decimal(10)

    # -- signalling --------------------------------------------------------

    def _commit(self, status):
        """Set the flags of an operation's conditions; raise if trapped.

        The exception class is the first trapped signal in SIGNALS order;
        its argument lists the trapped conditions.  The flags are this
        context's own; a context is current in one thread only
        (getcontext copies an inherited one), so no lock is taken.
        """
        if not status:
            return
        flags = self._flags
        traps = self._traps._values
        trapped = []
        for condition in status:
            if condition in _INVALID_RANK:
                flags._record(condition)
                signal = InvalidOperation
            else:
                flags._values[condition] = True
                signal = condition
            if traps[signal]:
                trapped.append(signal)
        if not trapped:
            return
        listed = [c for c in INVALID_CONDITIONS if c in status
                  and traps[InvalidOperation]]
        listed += [s for s in SIGNALS if s is not InvalidOperation
                   and s in status and traps[s]]
        for s in SIGNALS:
            if s in trapped:
                raise s(listed)

    def _raise_one(self, condition):
        status = Status()
        status.add(condition)
        self._commit(status)

    # -- conversions -------------------------------------------------------

    def create_decimal(self, num='0'):
        """A Decimal from num, rounded to this context's precision.

        Unlike Decimal(num), the result is rounded and a syntax error is
        signalled through the context.
        """
        return _number.create_decimal(self, num)

    def _apply(self, a):
        """a rounded to this context (as create_decimal does)."""
        return _number.create_decimal(self, a)

    def create_decimal_from_float(self, f):
        """A Decimal from float f, rounded to this context's precision."""
        return _number.create_decimal_from_float(self, f)


_default_template = None

DefaultContext = Context(
    prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
    capitals=1, clamp=0, flags=[],
    traps=[DivisionByZero, Overflow, InvalidOperation])
_default_template = DefaultContext

BasicContext = Context(
    prec=9, rounding=ROUND_HALF_UP,
    traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow],
    flags=[])

ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[],
                          flags=[])


def IEEEContext(bits, /):
    """A context for the IEEE 754 interchange format with `bits` bits.

    bits must be a positive multiple of 32; the context has clamp=1 and
    no traps.
    """
    if not isinstance(bits, int):
        raise TypeError("an integer is required")
    if bits <= 0 or bits > 512 or bits % 32:
        raise ValueError("argument must be a multiple of 32, "
                         "with a maximum of %d" % 512)
    # IEEE 754 decimal interchange formats: `bits` bits hold
    # 9 * bits / 32 - 2 digits and Emax = 3 * 2**(bits / 16 + 3).
    prec = 9 * bits // 32 - 2
    exponent_bits = bits // 16 + 4
    emax = 3 * 2 ** (exponent_bits - 1)
    return Context(prec=prec, Emax=emax, Emin=1 - emax,
                   rounding=ROUND_HALF_EVEN, capitals=1, clamp=1,
                   traps=[], flags=[])


# The current context lives in a context variable, so an asyncio task (run
# in a copy of its creator's contextvars context) shares its creator's
# decimal context, as in CPython.  Threads must not share one: with
# sys.flags.thread_inherit_context (on by default in the free-threaded
# build) a new thread starts with a copy of the starting thread's
# contextvars context, and so would see the very same Context object; a
# precision set or a flag raised in the new thread would then change the
# starting thread's context, and both threads would write its flags at
# once.  So the variable holds (owner, context), owner being the token of
# the thread that installed the context; a thread that finds another
# thread's token starts from a private copy.  Tokens are fresh objects held
# by the pair, so a dead thread's token is never mistaken for a live one's
# (thread idents are reused, tokens are not).
_current = contextvars.ContextVar('decimal_context')


def _install_own_context(pair):
    """Make this thread's current context: a copy of the inherited one in
    pair (another thread's), or a new one from DefaultContext."""
    context = Context() if pair is None else pair[1].copy()
    _current.set((_thread_token(), context))
    return context


# getcontext() (the current context of this thread or task, created on
# first use) and _thread_token() (this thread's token, kept in the
# thread state's dict, so only this thread ever creates or reads it) are
# C, in Modules/_decimal_core.c, which the C operators share.
_core._set_context_var(_current, _install_own_context)
getcontext = _core.getcontext
_thread_token = _core._thread_token


def setcontext(context):
    """Make `context` the current context of this thread or task."""
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context in (DefaultContext, BasicContext, ExtendedContext):
        # The templates are shared: install a private copy instead.
        context = context.copy()
        context.clear_flags()
    _current.set((_thread_token(), context))


_LOCAL_ATTRIBUTES = ('prec', 'rounding', 'Emin', 'Emax', 'capitals',
                     'clamp', 'flags', 'traps')


class _LocalContextManager(object):
    """Installs a copy of a context for the duration of a with block."""

    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager running its block with a copy of a context.

    The copy is of ctx, or of the current context when ctx is None; the
    keyword arguments (prec, rounding, Emin, Emax, capitals, clamp, flags,
    traps) are set on the copy; flags and traps may be lists of signals,
    as in the Context constructor.
    """
    if ctx is None:
        ctx = getcontext()
    manager = _LocalContextManager(ctx)
    new = manager.new_context
    for name, value in kwargs.items():
        if name not in _LOCAL_ATTRIBUTES:
            raise TypeError(f"'{name}' is an invalid keyword argument "
                            f"for this function")
        if name == 'flags':
            new._flags = _signal_dict(value, sequences=True)
        elif name == 'traps':
            new._traps = _signal_dict(value, sequences=True)
        else:
            setattr(new, name, value)
    return manager


from . import number as _number  # noqa: E402  (circular: number needs us)
