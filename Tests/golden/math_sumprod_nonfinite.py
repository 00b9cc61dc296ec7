# math.sumprod with infinities, nan and overflowing sums gives what plain
# float arithmetic gives, as CPython does (fsum would raise).
import math
inf=float('inf'); nan=float('nan')
cases=[([inf,1.0],[1.0,inf]), ([inf,-inf],[1.0,1.0]), ([1.0,2.0],[3.0,4.0]), ([inf,1],[1,-inf]),
       ([1.5e308,1.5e308],[1.0,1.0]), ([1e308,-1e308],[10.0,10.0]), ([nan,1.0],[1.0,2.0]), ([1e308, 1e308, -1e308],[1.0,1.0,1.0]),
       ([0.1]*10,[1.0]*10), ([1,2],[3.5,4])]
for a,b in cases:
    try: print(math.sumprod(a,b))
    except Exception as e: print(type(e).__name__, e)
