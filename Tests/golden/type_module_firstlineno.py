# Setting a class's __module__ drops __firstlineno__ (as CPython 3.13);
# __type_params__ of a class takes any value and cannot be deleted.
A = type('A', (), {'__firstlineno__': 42})
print(A.__dict__['__firstlineno__'])
A.__module__ = 'testmodule'
print('__firstlineno__' in A.__dict__, A.__module__)
A.__firstlineno__ = 43
print(A.__dict__['__firstlineno__'])
class B[T]: pass
B.__type_params__ = "whatever"
print(B.__type_params__)
try: del B.__type_params__
except TypeError as e: print("TypeError", e)
print(B.__type_params__)
class C: pass
C.__module__ = 'x'
print(C.__module__, '__firstlineno__' in C.__dict__)
