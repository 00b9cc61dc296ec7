"""spectral norm: nested loops of float division and multiplication."""


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(u):
    n = len(u)
    return [sum(entry(i, j) * u[j] for j in range(n)) for i in range(n)]


def times_transposed(u):
    n = len(u)
    return [sum(entry(j, i) * u[j] for j in range(n)) for i in range(n)]


def times_ata(u):
    return times_transposed(times(u))


def spectral_norm(n, iterations):
    u = [1.0] * n
    v = u
    for _ in range(iterations):
        v = times_ata(u)
        u = times_ata(v)
    vbv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    return (vbv / vv) ** 0.5


def run(scale=1.0):
    n = max(4, int(200 * scale ** 0.5))
    return f"{spectral_norm(n, 10):.9f}"
