# Domain-error messages of the one-argument functions (3.14 wording).
import math
def show(f, x):
    try:
        print(f(x))
    except ValueError as e:
        print(f.__name__, "ValueError:", e)
show(math.sqrt, -1)
show(math.sqrt, -math.inf)
show(math.log, 0)
show(math.log, -2.5)
show(math.log, -10**40)
show(math.log2, 0.0)
show(math.log10, -1)
show(math.log1p, -1)
show(math.acos, 2)
show(math.asin, -1.5)
show(math.atanh, 1)
show(math.acosh, 0.5)
show(math.sin, math.inf)
show(math.cos, -math.inf)
show(math.tan, math.inf)
show(math.gamma, 0)
show(math.gamma, -3.0)
show(math.gamma, -math.inf)
show(math.lgamma, 0)
show(math.sqrt, math.nan)
show(math.log, math.nan)
