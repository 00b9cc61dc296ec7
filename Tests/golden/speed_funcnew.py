# Functions made at run time take __builtins__ and __name__ from their
# globals (looked up with interned keys): a module's dict, a plain dict,
# dicts without either key, a builtins module or a builtins dict, and
# lambdas and generator expressions made in a loop.
import builtins
import types


def probe():
    return len("abc"), __name__


code = probe.__code__
cases = [
    ("module", globals()),
    ("empty", {}),
    ("named", {"__name__": "mod.sub"}),
    ("builtins module", {"__builtins__": builtins, "__name__": "b"}),
    ("builtins dict", {"__builtins__": {"len": lambda s: 42}, "__name__": "d"}),
    ("name not str", {"__name__": 17}),
]
for label, g in cases:
    f = types.FunctionType(code, g)
    try:
        result = f()
    except NameError as e:
        result = "NameError: " + str(e)
    print(label, f.__module__, result)


class Globals(dict):
    def __missing__(self, key):
        return "missing " + key


f = types.FunctionType(code, Globals(__name__="sub"))
print("subclass", f.__module__)

made = [lambda: i for i in range(3)]
print([g() for g in made], {g.__module__ for g in made})
gens = [(x * 2 for x in range(i)) for i in range(4)]
print([list(g) for g in gens], {g.gi_frame.f_globals["__name__"] for g in gens if g.gi_frame})
print(all(x < 5 for x in range(10)), any(x > 5 for x in range(10)))
for _ in range(1000):
    all(x < 5 for x in range(10))
print(sum(1 for _ in range(1000) if (lambda: 1)() == 1))
