# NameError / UnboundLocalError texts for locals, cells, free variables,
# class bodies and globals (unchanged since 3.11).
def outer():
    def inner():
        return x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    x = 1
    del x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        print(x)
    except NameError as e:
        print(type(e).__name__, e)
outer()
def g():
    y = 1
    def h():
        nonlocal y
        del y
        return y
    try:
        h()
    except NameError as e:
        print(type(e).__name__, e)
g()
class C:
    try:
        print(undefined_in_class)
    except NameError as e:
        print(type(e).__name__, e)
def k():
    try:
        del zz
    except NameError as e:
        print(type(e).__name__, e)
    zz = 1
k()
def gl():
    global not_there
    try:
        del not_there
    except NameError as e:
        print(type(e).__name__, e)
gl()
