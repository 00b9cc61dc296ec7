"""Big-integer pi digits: an unbounded spigot producing decimal digits of pi.

Each step composes a linear fractional transformation with integer
numerators and denominators that grow without bound, so the time goes
into big-integer multiplication and division.
"""


def pi_digits(count):
    """The first `count` decimal digits of pi, as a string.

    State (q, r, t) represents the transformation x -> (q*x + r) / t;
    term k of the series multiplies it by (k, 4k+2, 0, 2k+1).  A digit
    is safe once the integer parts at x=3 and x=4 agree.
    """
    q, r, t, k = 1, 0, 1, 1
    digits = []
    while len(digits) < count:
        low = (3 * q + r) // t
        if low == (4 * q + r) // t:
            digits.append(low)
            q, r = 10 * q, 10 * (r - low * t)
            continue
        q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
        k += 1
    return "".join(map(str, digits))


def run(scale=1.0):
    digits = pi_digits(max(10, int(2500 * scale)))
    return f"{digits[:20]} {digits[-20:]} {sum(map(int, digits))}"
