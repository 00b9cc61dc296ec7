"""Decimal arithmetic: loan schedules with quantize, a series and comparisons.

Money-style work at the default precision (add, subtract, multiply,
divide, quantize, compare, str), then a higher-precision series, so the
time goes into the decimal module's per-operation path.
"""

from decimal import Decimal, localcontext, ROUND_HALF_EVEN

CENT = Decimal("0.01")


def schedule(principal, yearly_rate, months):
    """Balance after each month's payment, rounded to cents."""
    rate = yearly_rate / 12 / 100
    factor = (1 + rate) ** months
    payment = (principal * rate * factor / (factor - 1)).quantize(
        CENT, ROUND_HALF_EVEN)
    balance = principal
    total_interest = Decimal(0)
    for _ in range(months):
        interest = (balance * rate).quantize(CENT, ROUND_HALF_EVEN)
        total_interest += interest
        balance = balance + interest - payment
        if balance < 0:
            balance = Decimal(0)
    return payment, total_interest, balance


def series(terms):
    """sum 1/k**2 at 40 digits."""
    with localcontext(prec=40):
        total = Decimal(0)
        for k in range(1, terms + 1):
            total += Decimal(1) / (Decimal(k) * k)
        return +total


def run(scale=1.0):
    seed = 12345
    checks = []
    for _ in range(max(1, int(400 * scale))):
        seed = (seed * 1103515245 + 12345) % 2**31
        principal = Decimal(100000 + seed % 400000)
        rate = Decimal(seed % 700 + 100) / 100
        payment, interest, balance = schedule(principal, rate, 120)
        checks.append(str(payment))
        checks.append(str(interest))
    total = sum(Decimal(c) for c in checks)
    return f"{total} {series(max(10, int(15000 * scale)))}"
