def inner(x):
    return 10 / x
def outer():
    print("before")
    return inner(0)
outer()
print("never")
