# Behaviour added after 3.11 (expected output written from the docs), and
# the per-task current context under asyncio.
import asyncio
from decimal import *

print(repr(Decimal.from_number(7)), repr(Decimal.from_number(0.25)), repr(Decimal.from_number(Decimal('-1.50'))))
for bad in ['1.5', None]:
    try: Decimal.from_number(bad)
    except TypeError as e: print(e)
print(IEEEContext(32))
print(IEEEContext(64))
print(IEEEContext(128))
for bad in (33, 0, 1024):
    try: IEEEContext(bad)
    except ValueError as e: print(e)
c = IEEEContext(64)
print(c.divide(Decimal(1), Decimal(3)), c.create_decimal('1e400'), c.flags[Overflow], c.create_decimal('1E+384'))
print(format(Decimal('123456'), ',.4_e'), format(Decimal('1234.56789'), '_.5,f'), format(Decimal('1234567.5'), '_'))

async def compute(prec, delay_steps):
    with localcontext(prec=prec):
        for _ in range(delay_steps):
            await asyncio.sleep(0)
        return str(Decimal(2).sqrt()), getcontext().prec

async def main():
    results = await asyncio.gather(compute(5, 3), compute(15, 1), compute(30, 2))
    for r in results:
        print(*r)
    print(getcontext().prec)

asyncio.run(main())
