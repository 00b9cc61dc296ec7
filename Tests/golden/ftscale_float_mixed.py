# The float forms of BINARY_OP also take a compact int on either side.
# Each site runs long enough to specialize, then meets operands the form
# must refuse (two ints, a big int, a bool, an int subclass, a zero
# divisor), whose results must be the generic ones.

def mix(a, b):
    return (a + b, a - b, a * b)

def div(a, b):
    return a / b

def loop_sum(values, factor):
    total = 0.0
    for i in values:
        total += factor * i - total * 0.5
    return total

class MyInt(int):
    def __mul__(self, other):
        return "MyInt.__mul__"
    __rmul__ = __mul__

for i in range(200):
    r = mix(1.5, i)
    s = mix(i, 2.25)
    assert r == (1.5 + i, 1.5 - i, 1.5 * i), (i, r)
    assert s == (i + 2.25, i - 2.25, i * 2.25), (i, s)
    assert div(float(i + 1), i + 1) == 1.0
    assert div(i, 4.0) == i / 4.0
print(mix(1.5, 7), mix(-3, 0.5))
print(type(mix(3, 4)[0]).__name__, mix(3, 4))          # two ints: an int
print(mix(0.5, 2**60), mix(2**70, 1.0))                # big ints: generic
print(mix(0.5, True), mix(False, 0.25))                # bools: generic
print(mix(2.0, MyInt(3))[2], mix(MyInt(3), 2.0)[2])    # a subclass's dunder
print(mix(1.0, -(2**30 - 1)), mix(-(2**31), 1.0))      # around one digit
print(mix(-0.0, 0), mix(0, -0.0))                      # signed zeros
try:
    div(1.5, 0)
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
try:
    div(0, 0.0)
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
print(div(1, 3.0), div(1.0, 3), div(10**20, 3.0))
print(loop_sum(range(1000), 1.0001), loop_sum([1.5, 2, 3.25, 4], 2))
try:
    mix(1.5, "x")
except TypeError as exc:
    print("TypeError:", exc)
