# PEP 709: locals() inside a comprehension inlined into a class body or a
# module gives a new dict: the namespace plus the comprehension's
# variables; the namespace itself is not changed.
class C:
    a = 1
    r = [sorted(locals()) for x in range(1)]
    r2 = {k: sorted(locals()) for k in 'z'}
    after = sorted(locals())
print(C.r)
print(C.r2)
print(C.after)
print('x' in C.__dict__, 'k' in C.__dict__)

class D:
    b = 2
    snap = [locals() for y in [5]][0]
    snap['b'] = 99
    snap['new'] = 1
print(D.b, hasattr(D, 'new'), sorted(D.snap), D.snap['y'], D.snap['b'])

class E:
    outside = locals()
    inside = [locals() for _ in 'a'][0]
print(E.outside is E.inside, type(E.inside).__name__, '_' in E.inside)

class F:
    v = [vars() for w in (1,)][0]
print(sorted(F.v))

z = 7
m = [sorted(set(locals()) & {'z', 'w'}) for w in [1]]
print(m)
print('w' in globals())

def f():
    q = 1
    return [sorted(locals()) for t in range(1)]
print(f())
