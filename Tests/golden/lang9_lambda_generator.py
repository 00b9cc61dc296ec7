# A lambda containing yield is a generator whose return value (the
# StopIteration value) is its body's value, like the equivalent def.
def g():
    return (yield 1)

f = lambda: (yield 1)
f2 = lambda: (yield from g())
g2 = lambda: (yield from f())
pair = lambda x: (3 + (yield x), (yield x * 2))

for gen_fun in (f, g, f2, g2):
    gen = gen_fun()
    first = next(gen)
    try:
        gen.send(2)
    except StopIteration as e:
        print(gen_fun.__name__, first, e.value)

gen = pair(10)
print(next(gen), gen.send(9))
try:
    gen.send(5)
except StopIteration as e:
    print("value", e.value)
print(list((lambda: (yield 1))()))
print(type((lambda: (yield))()).__name__)
