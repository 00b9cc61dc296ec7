# code() and code.replace() refuse a co_nlocals that is not len(co_varnames).
def func():
    x = 1
    return x

co = func.__code__
CodeType = type(co)
for diff in (-1, 1):
    try:
        CodeType(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
                 co.co_nlocals + diff, co.co_stacksize, co.co_flags, co.co_code,
                 co.co_consts, co.co_names, co.co_varnames, co.co_filename,
                 co.co_name, co.co_qualname, co.co_firstlineno, co.co_linetable,
                 co.co_exceptiontable, co.co_freevars, co.co_cellvars)
        print("built")
    except ValueError as e:
        print("ValueError:", e)
    try:
        co.replace(co_nlocals=co.co_nlocals + diff)
        print("replaced")
    except ValueError as e:
        print("ValueError:", e)
same = co.replace(co_nlocals=co.co_nlocals)
print(same.co_nlocals, same.co_varnames, co.replace(co_varnames=('y',)).co_varnames)
