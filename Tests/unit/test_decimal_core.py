"""The C core of decimal (Modules/_decimal_core.c) against the Python
implementation it falls back to: random operands, every rounding mode,
precisions 1..50, narrow exponent ranges, clamping and traps."""

import pickle
import random
import unittest

import _decimal_core
import decimal
from decimal import (Decimal, Context, localcontext, Inexact, Rounded,
                     InvalidOperation, Overflow, Underflow, Subnormal,
                     Clamped, DivisionByZero, FloatOperation)
from _decimal_impl import number, ops

ROUNDINGS = (decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_UP,
             decimal.ROUND_DOWN, decimal.ROUND_HALF_UP,
             decimal.ROUND_HALF_DOWN, decimal.ROUND_HALF_EVEN,
             decimal.ROUND_05UP)
TRAPPABLE = (Inexact, Rounded, InvalidOperation, Overflow, Underflow,
             Subnormal, Clamped, DivisionByZero, FloatOperation)


def random_coefficient(rng):
    kind = rng.random()
    if kind < 0.1:
        return 0
    if kind < 0.2:
        return rng.choice((1, 5, 9, 10, 15, 25, 99, 100))
    digits = rng.choice((1, 2, 3, 8, 18, 19, 20, 28, 37, 38, 39, 45))
    return rng.randrange(10 ** (digits - 1), 10 ** digits)


def random_operand(rng):
    kind = rng.random()
    if kind < 0.04:
        return Decimal(rng.choice(('NaN', '-NaN', 'sNaN', 'Inf', '-Inf')))
    if kind < 0.12:
        return rng.randrange(-10 ** 20, 10 ** 20)
    sign = rng.randrange(2)
    exponent = rng.choice((0, -2, 2, rng.randrange(-40, 41),
                           rng.randrange(-120, 121)))
    return Decimal((sign, tuple(map(int, str(random_coefficient(rng)))),
                    exponent))


def random_context(rng):
    prec = rng.randrange(1, 51)
    wide = rng.random() < 0.7
    emax = rng.randrange(prec, 10 ** 6) if wide else rng.randrange(1, 60)
    emin = -rng.randrange(prec, 10 ** 6) if wide else -rng.randrange(1, 60)
    traps = [s for s in TRAPPABLE if rng.random() < 0.1]
    return Context(prec=prec, rounding=rng.choice(ROUNDINGS), Emin=emin,
                   Emax=emax, clamp=rng.randrange(2), traps=traps, flags=[])


def widened(d):
    """d with one more trailing zero: equal value, other exponent."""
    if not d.is_finite():
        return d
    t = d.as_tuple()
    return Decimal((t.sign, t.digits + (0,), t.exponent - 1))


def outcome(function, context, *args):
    """(result or exception, the flags raised) of function(*args) run in
    a copy of context."""
    with localcontext(context) as ctx:
        try:
            result = function(*args)
        except ArithmeticError as exc:
            result = (type(exc), exc.args)
        if isinstance(result, Decimal):
            result = (type(result), result.as_tuple())
        return result, {s for s, v in ctx.flags.items() if v}


class DifferentialTest(unittest.TestCase):
    """Each C entry point returns exactly what the Python path does."""

    def check(self, name, c_function, py_function, context, *args):
        self.assertEqual(outcome(c_function, context, *args),
                         outcome(py_function, context, *args),
                         (name, args, context))

    def test_arithmetic(self):
        rng = random.Random(20261127)
        c_ops = (lambda a, b: a + b, lambda a, b: a - b,
                 lambda a, b: a * b, lambda a, b: a / b)
        for _ in range(600):
            context = random_context(rng)
            a, b = random_operand(rng), random_operand(rng)
            if not isinstance(a, Decimal):
                a, b = b, a
            if not isinstance(a, Decimal):
                continue
            for i, c_op in enumerate(c_ops):
                self.check(i, c_op, ops.PY_FORWARD[i], context, a, b)
                if isinstance(b, int):
                    self.check(-i, lambda x, y: c_op(y, x),
                               ops.PY_REFLECTED[i], context, a, b)

    def test_comparisons(self):
        rng = random.Random(7)
        names = ('__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__')
        for _ in range(600):
            context = random_context(rng)
            a = random_operand(rng)
            if not isinstance(a, Decimal):
                a = Decimal(a)
            b = rng.choice((random_operand(rng), a, a.copy_negate(),
                            widened(a)))
            for name, py_op in zip(names, ops.PY_COMPARISONS):
                self.check(name, getattr(Decimal, name), py_op, context, a, b)

    def test_quantize(self):
        rng = random.Random(99)
        for _ in range(600):
            context = random_context(rng)
            a = random_operand(rng)
            if not isinstance(a, Decimal):
                a = Decimal(a)
            q = Decimal((0, (1,), rng.randrange(-45, 46)))
            rounding = rng.choice((None,) + ROUNDINGS)
            self.check('quantize', Decimal.quantize, ops.PY_QUANTIZE,
                       context, a, q, rounding)


class UnaryAndHashTest(unittest.TestCase):
    """-, +, abs(), bool() and hash() in C against Python."""

    def test_unary(self):
        rng = random.Random(5)
        for _ in range(600):
            context = random_context(rng)
            a = random_operand(rng)
            if not isinstance(a, Decimal):
                a = Decimal(a)
            for name, py_op in zip(('__neg__', '__pos__', '__abs__'),
                                   ops.PY_UNARY):
                self.check(name, getattr(Decimal, name), py_op, context, a)

    check = DifferentialTest.check

    def test_bool_and_hash(self):
        rng = random.Random(11)
        for _ in range(600):
            a = random_operand(rng)
            if not isinstance(a, Decimal):
                a = Decimal(a)
            self.assertEqual(bool(a), not a.is_zero(), a)
            if a.is_snan():
                self.assertRaises(TypeError, hash, a)
            elif not a.is_nan():
                self.assertEqual(hash(a), number.py_hash(a), a)
        self.assertEqual(hash(Decimal('1.5')), hash(1.5))
        self.assertEqual(hash(Decimal(-1)), -2)
        self.assertEqual(hash(Decimal('-1.000')), -2)


class Money(Decimal):
    pass


class CoreTest(unittest.TestCase):

    def test_storage(self):
        d = Decimal('-1.25')
        self.assertIsInstance(d, _decimal_core.DecimalBase)
        self.assertEqual((d._sign, d._int, d._exp, d._is_special),
                         (1, 125, -2, False))
        self.assertEqual(Decimal('sNaN7')._exp, 'N')
        self.assertIs(Decimal('Inf')._is_special, True)
        self.assertFalse(hasattr(d, '__dict__'))
        self.assertEqual(pickle.loads(pickle.dumps(d)), d)

    def test_subclass(self):
        m = Money('1.50')
        self.assertIs(type(m), Money)
        self.assertEqual(m.__dict__, {})
        self.assertIs(type(m + 1), Decimal)
        self.assertEqual(m * 2, Decimal('3.00'))
        self.assertIs(type(pickle.loads(pickle.dumps(m))), Money)

    def test_operators_reject_other_types(self):
        self.assertIs(Decimal(1).__add__(1.5), NotImplemented)
        self.assertIs(Decimal(1).__lt__('x'), NotImplemented)
        with self.assertRaises(TypeError):
            Decimal(1) * 'x'
        self.assertEqual(Decimal('0.50').quantize(exp=Decimal('0.1'),
                                                  rounding='ROUND_UP'),
                         Decimal('0.5'))
        with self.assertRaises(TypeError):
            Decimal(1).quantize(Decimal(1), 'ROUND_SIDEWAYS')
        with self.assertRaises(TypeError):
            Decimal(1).quantize(Decimal(1), bogus=1)

    def test_trap_raised_by_fast_operation(self):
        with localcontext(prec=3, traps=[Inexact]) as ctx:
            with self.assertRaises(Inexact):
                Decimal('1.234') * 1
            self.assertTrue(ctx.flags[Inexact])
            self.assertTrue(ctx.flags[Rounded])
            self.assertEqual(Decimal('1.5') * 2, Decimal('3.0'))
            with self.assertRaises(Inexact):
                Decimal('0.125').quantize(Decimal('0.01'))

    def test_flags_of_fast_operation(self):
        with localcontext(prec=4) as ctx:
            ctx.clear_flags()
            self.assertEqual(Decimal('1.2345') + 0, Decimal('1.234'))
            self.assertEqual({s for s, v in ctx.flags.items() if v},
                             {Inexact, Rounded})
            ctx.clear_flags()
            self.assertEqual(Decimal('1.2000').quantize(Decimal('0.1')),
                             Decimal('1.2'))
            self.assertEqual({s for s, v in ctx.flags.items() if v},
                             {Rounded})


if __name__ == '__main__':
    unittest.main()
