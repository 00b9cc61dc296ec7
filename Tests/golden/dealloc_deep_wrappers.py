# Long chains of method-wrappers and built-in methods, each bound to the
# previous one, are freed without overflowing the C stack (the trashcan
# bounds the recursion of their deallocation).
f = lambda: None
for i in range(200000):
    f = f.__call__
print(type(f).__name__)
f = None
g = len
for i in range(200000):
    g = g.__call__
g = None
print("freed")
