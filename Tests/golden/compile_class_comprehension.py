# PEP 709 in class bodies: comprehensions run inline (no frame of their
# own in tracebacks) but still read outside names past the class namespace.
import sys
import traceback

g = 10


class A:
    g = 20
    x = 5
    a = [x for x in range(3)]
    b = [g for _ in range(2)]
    c = {k: k * 2 for k in "ab"}
    s = {n % 2 for n in range(5)}
    print(x, a, b, c, sorted(s))
    print('x' in vars(), 'k' in vars(), 'n' in vars())


def outer():
    y = 7

    class B:
        z = [y + i for i in range(3)]
        w = y
    return B


print(outer().z, outer().w)


class C:
    try:
        r = [1 / (i - 1) for i in range(3)]
    except ZeroDivisionError:
        frames = traceback.extract_tb(sys.exc_info()[2])
        print([f.name for f in frames])


class E:
    vals = [1, 2]
    try:
        r = [v for v in vals for w in vals]
    except NameError as e:
        print(e)
    t = [q for q in vals if q > 1]
    print(t)


def shadowed():
    y = 'enclosing'

    class F:
        y = 'class'
        seen = [y for _ in range(1)]
    return F.seen


print(shadowed())
