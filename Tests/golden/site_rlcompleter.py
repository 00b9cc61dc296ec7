# rlcompleter: what Tab completes at the prompt.
import rlcompleter


class Point:
    def __init__(self):
        self.x = 1

    def norm(self):
        return 0


ns = {"Point": Point, "pt": Point(), "price": 3, "print_me": print}
c = rlcompleter.Completer(ns)


def all_of(text):
    out = []
    state = 0
    while True:
        word = c.complete(text, state)
        if word is None:
            return out
        out.append(word)
        state += 1


print(sorted(all_of("pr")))
print(sorted(all_of("Po")))
print(sorted(all_of("wh")), sorted(all_of("tr")), sorted(all_of("fin")))
print(all_of("pt.n"), all_of("pt.x"), all_of("pt.__cl"))
print(all_of(""), all_of("nothing_matches"), all_of("pt.(1)"))
print(len([w for w in all_of("pt.") if w.startswith("pt._")]))
try:
    rlcompleter.Completer([])
except TypeError as exc:
    print("TypeError:", exc)
