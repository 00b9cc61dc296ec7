# The float operators write their result into an operand that only the
# stack refers to (session 12: the operand's reference becomes the
# result's).  Results must be right, referenced operands untouched, and
# every result must hold exactly the references a fresh float would.
import sys


def counts_match(result, same_value):
    # Both are locals of this frame, passed the same way.
    return sys.getrefcount(result) == sys.getrefcount(same_value)


def chains(a, b, c, n):
    out = []
    for i in range(n):
        r1 = (a + b) * c            # lhs temporary reused
        r2 = a * (b + c)            # rhs temporary reused
        r3 = (a - b) / (c + 1.0)    # both temporaries: lhs reused, rhs freed
        r4 = (a * 2) + 1            # mixed: float temporary, int operand
        r5 = i * (a + c)            # mixed: int lhs, float temporary rhs
        r6 = -((a + b) - c * i)     # nested temporaries
        out.append((r1, r2, r3, r4, r5, r6))
    return out


def check_counts(a, b, c):
    ok = []
    r = (a + b) * c
    fresh = float.__mul__(float.__add__(a, b), c)
    ok.append(counts_match(r, fresh))
    r = a * (b - c)
    fresh = float.__mul__(a, float.__sub__(b, c))
    ok.append(counts_match(r, fresh))
    r = (a + b) * 3
    fresh = float.__mul__(float.__add__(a, b), 3.0)
    ok.append(counts_match(r, fresh))
    r = 3 * (a + b)
    ok.append(counts_match(r, fresh))
    ok.append(r == fresh)
    return ok


def untouched(a, b):
    kept = [a + b]
    held = a * b
    before = (kept[0], held)
    x = kept[0] * 2.0               # the list's float: not reused
    y = held + 1.0                  # a local's float: not reused
    z = held - kept[0]
    t = (kept[0], held)
    return before == t, x, y, z


def errors(a, b):
    for rhs in (0.0, 0, -0.0):
        try:
            (a + b) / rhs
        except ZeroDivisionError as e:
            print(type(e).__name__)
    left = a + b
    try:
        left / 0.0
    except ZeroDivisionError:
        print("left kept", left)


for n in (1, 50):
    rows = chains(1.5, 2.25, -0.75, n)
    print(n, rows[0], rows[-1])
print(chains(0.1, 0.2, 0.3, 3))
print(check_counts(1.25, 2.5, 4.0))
print(check_counts(-3.5, 0.5, 2.0))
print(untouched(1.5, 2.5))
errors(1.0, 2.0)
total = 0.0
for i in range(2000):
    total = total * 0.5 + (i * 0.25 + 1.0) / (i + 1.5)
print(f"{total:.12f}")
