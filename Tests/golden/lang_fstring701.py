# PEP 701 (3.12+) f-strings: reused quotes, backslashes and newlines in
# replacement fields.  3.11 cannot parse this; expected output written by hand.
d = {"k": "v"}
print(f"{d["k"]}", f"{"nested " + f"{1 + 1}"}", f"{'\n'.join(['a', 'b'])}")
print(f"{
    1 + 2
}", f"{d['k']!r:>5}", f"{3.14159:.{2}f}")
