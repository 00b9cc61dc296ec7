"""n-body: float arithmetic on lists, a leapfrog integration of five bodies."""

# A made-up planetary system: (position, velocity, mass) per body, in
# units where the gravitational constant is 1.
BODIES = (
    ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 40.0),
    ((5.0, 0.1, -0.2), (0.0, 2.8, 0.05), 0.04),
    ((-9.0, 1.5, 0.3), (-0.3, -2.0, 0.02), 0.012),
    ((0.4, 14.0, -0.5), (-1.6, 0.1, 0.01), 0.002),
    ((-3.0, -19.0, 1.0), (1.4, -0.2, -0.03), 0.0025),
)


def make_system():
    return [[list(pos), list(vel), mass] for pos, vel, mass in BODIES]


def pairs_of(system):
    return [(system[i], system[j])
            for i in range(len(system)) for j in range(i + 1, len(system))]


def advance(system, pairs, dt, steps):
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt / (dist2 * dist2 ** 0.5)
            f1 = m1 * mag
            f2 = m2 * mag
            v1[0] -= dx * f2
            v1[1] -= dy * f2
            v1[2] -= dz * f2
            v2[0] += dx * f1
            v2[1] += dy * f1
            v2[2] += dz * f1
        for pos, vel, _mass in system:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]


def energy(system, pairs):
    total = 0.0
    for pos, vel, mass in system:
        total += 0.5 * mass * (vel[0] ** 2 + vel[1] ** 2 + vel[2] ** 2)
    for (p1, _v1, m1), (p2, _v2, m2) in pairs:
        dx, dy, dz = p1[0] - p2[0], p1[1] - p2[1], p1[2] - p2[2]
        total -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    return total


def run(scale=1.0):
    system = make_system()
    pairs = pairs_of(system)
    before = energy(system, pairs)
    advance(system, pairs, 0.001, max(1, int(40_000 * scale)))
    return f"{before:.9f} {energy(system, pairs):.9f}"
