# At exit, objects left in __main__ are finalized while the interpreter
# still works: __del__ runs, can print, and can call module-level code.
import sys


def describe(name):
    return "finalized " + name


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(describe(self.name), sys.stdout is not None)


keep = Resource("resource")
print("program done")
