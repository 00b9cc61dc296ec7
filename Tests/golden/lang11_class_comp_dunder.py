# __class__ inside a comprehension of a class body (PEP 709, as CPython
# 3.14+): the comprehension runs inline in the class body and reads
# __class__ as an implicit global; the class keeps its __class__ cell only
# for a real nested scope (a lambda) that closes over it.
import sys, traceback

class A:
    try:
        x = [__class__ for i in range(2)]
    except NameError as e:
        print("comp:", e, [f.name for f in traceback.extract_tb(e.__traceback__)])
    try:
        y = [(lambda: __class__)() for i in range(1)]
    except NameError as e:
        print("lambda run in the body:", e)
    lam = [lambda: __class__ for _ in range(1)][0]
    try:
        [super() for _ in range(1)]
    except RuntimeError as e:
        print("super():", e)
    names = [sys._getframe().f_code.co_name for _ in range(1)]
    try:
        nested = [[__class__ for j in range(1)] for i in range(1)]
    except NameError as e:
        print("nested:", e)
    def method(self):
        return [__class__ for _ in range(1)], [[__class__] for _ in range(1)]

print(A.lam() is A, A.names, A().method() == ([A], [[A]]))

__class__ = 'module global'

class B:
    v = [__class__ for _ in range(2)]
    w = {k: __class__ for k in range(1)}
    s = {__class__ for _ in range(1)}
    n = [[__class__ for j in range(1)] for i in range(1)]
    def m(self):
        class Inner:
            got = [__class__ for _ in range(1)]
        return Inner.got, [__class__ for _ in range(1)]

print(B.v, B.w, B.s, B.n)
got, own = B().m()
print(got, own[0] is B)

def outer():
    class C:
        got = [__class__ for _ in range(1)]
        def f(self):
            return __class__ is C and super().__init__() is None
    return C
C = outer()
print(C.got, C().f())
