# Each thread uses its own localcontext precision at the same time.
import threading
from decimal import Decimal, localcontext, getcontext

results = {}
barrier = threading.Barrier(4)

def worker(prec):
    with localcontext(prec=prec) as ctx:
        barrier.wait()
        for _ in range(20):
            value = Decimal(1) / Decimal(7)
            assert getcontext() is ctx and getcontext().prec == prec
        results[prec] = str(value)

threads = [threading.Thread(target=worker, args=(p,)) for p in (5, 12, 20, 40)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for prec in sorted(results):
    print(prec, results[prec])
print(getcontext().prec)
