"""Decimal fixed-point and floating-point arithmetic.

An implementation of the General Decimal Arithmetic Specification: exact
decimal numbers of arbitrary precision, arithmetic contexts, the eight
rounding modes and the nine signals.  The implementation lives in the
private package _decimal_impl; this module is its public face.
"""

import numbers as _numbers

from _decimal_impl.signals import (
    ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
    ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP,
    DecimalException, Clamped, InvalidOperation, ConversionSyntax,
    DivisionByZero, DivisionImpossible, DivisionUndefined, Inexact,
    InvalidContext, Rounded, Subnormal, Overflow, Underflow, FloatOperation)
from _decimal_impl.context import (
    Context, SignalDict as _SignalDict, DefaultContext, BasicContext,
    ExtendedContext, IEEEContext, getcontext, setcontext, localcontext,
    MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY)
from _decimal_impl.number import Decimal, DecimalTuple
import _decimal_impl.ops  # noqa: F401  (attaches the operations)

__all__ = [
    'Decimal', 'Context', 'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext', 'IEEEContext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR', 'SPEC_VERSION',
]

# The highest version of the General Decimal Arithmetic Specification
# that this implementation follows.
SPEC_VERSION = '1.70'
__libmpdec_version__ = '2.5.1'

HAVE_THREADS = True
HAVE_CONTEXTVAR = True

for _cls in (Decimal, Context, _SignalDict, DecimalException, Clamped,
             InvalidOperation, ConversionSyntax, DivisionByZero,
             DivisionImpossible, DivisionUndefined, Inexact, InvalidContext,
             Rounded, Subnormal, Overflow, Underflow, FloatOperation):
    _cls.__module__ = 'decimal'
for _function in (getcontext, setcontext, localcontext, IEEEContext):
    _function.__module__ = 'decimal'
del _cls, _function

_numbers.Number.register(Decimal)


def __getattr__(name):
    if name == '__version__':
        import warnings
        warnings._deprecated('__version__', remove=(3, 20))
        return SPEC_VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
