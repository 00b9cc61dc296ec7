"""Private implementation of the decimal module (see Lib/decimal.py).

signals.py holds the rounding names and exception classes, context.py
the Context class and the per-thread, per-task current context,
number.py the Decimal type and its arithmetic, arith.py the functions
computed to high precision (exp, ln, log10, power, sqrt), and
formatting.py the format-spec support.
"""
