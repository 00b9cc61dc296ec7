import sys
def f(n): return f(n + 1) if n < 990 else n
print(f(0))
def g(n):
    try:
        return g(n + 1)
    except RecursionError:
        return n
d = g(0)
print(980 < d <= 1000)
class R:
    def __init__(self, n): self.n = n
    def __repr__(self): return "R(%r)" % (R(self.n - 1) if self.n else None,)
print(repr(R(50))[:30])
sys.setrecursionlimit(3000)
def h(n): return h(n + 1) if n < 2500 else n
print(h(0))
l = []
for i in range(500): l = [l]
print(str(l)[:10], len(str(l)))
