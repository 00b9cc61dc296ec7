"""Rounding mode names, signal classes and condition bookkeeping."""

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

ROUNDING_MODES = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,
                  ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,
                  ROUND_05UP)


class DecimalException(ArithmeticError):
    """Base class of every decimal signal."""


class Clamped(DecimalException):
    """The exponent of a result was changed to fit the context bounds."""


class InvalidOperation(DecimalException):
    """An operation had no sensible result (the result is NaN)."""


class ConversionSyntax(InvalidOperation):
    """A string did not have the syntax of a number."""


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite non-zero number was divided by zero."""


class DivisionImpossible(InvalidOperation):
    """An integer quotient did not fit the precision."""


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero was divided by zero."""


class Inexact(DecimalException):
    """Non-zero digits were discarded while rounding."""


class InvalidContext(InvalidOperation):
    """The context was invalid for the operation."""


class Rounded(DecimalException):
    """Digits (possibly only zeros) were discarded while rounding."""


class Subnormal(DecimalException):
    """A result was subnormal: its adjusted exponent is below Emin."""


class Overflow(Inexact, Rounded):
    """A result's adjusted exponent exceeded Emax after rounding."""


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result was also inexact."""


class FloatOperation(DecimalException, TypeError):
    """A float was mixed with Decimals (or converted to one)."""


# The nine signals that own a flag and a trap, in the order in which a
# trapped condition picks its exception class.
SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow,
           Underflow, Subnormal, Inexact, Rounded, Clamped)

# Conditions reported under the InvalidOperation flag.
INVALID_CONDITIONS = (InvalidOperation, ConversionSyntax, DivisionImpossible,
                      DivisionUndefined, InvalidContext)


def signal_of(condition):
    """The flag a condition sets."""
    if condition in INVALID_CONDITIONS:
        return InvalidOperation
    return condition


class Status(list):
    """Conditions raised by one operation, committed to a context at its end.

    An operation collects its conditions here so that a trapped one raises
    only after every flag has been set, listing all trapped conditions.
    A list subclass without __init__ so that making one (once per
    operation) runs no Python code.  A Status belongs to the one thread
    running its operation: it is never shared, so it needs no lock.
    """
    __slots__ = ()

    def add(self, condition):
        if condition not in self:
            self.append(condition)
