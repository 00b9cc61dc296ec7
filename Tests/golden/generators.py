def count(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            i = got
        i += 1
    return "done"
g = count(5)
print(next(g), next(g), g.send(3), list(g))
def delegate():
    result = yield from count(2)
    print("result", result)
    yield "after"
print(list(delegate()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closing()
print(next(c))
c.close()
def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
ct = catcher()
next(ct)
ct.throw(ValueError("boom"))
ct.close()
def stop():
    yield 1
    raise StopIteration
try:
    list(stop())
except RuntimeError as e:
    print(e)
gen = (x * x for x in range(5))
print(sum(gen), list(gen))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1, 2], range(2))))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)))
