"""Chaos game: random affine maps drawing a fractal into a pixel grid."""

# Each map: (probability weight, a, b, c, d, e, f) for
# x' = a*x + b*y + e, y' = c*x + d*y + f.  A fern-like set of four maps.
MAPS = (
    (2, 0.0, 0.0, 0.0, 0.17, 0.0, 0.0),
    (75, 0.84, 0.05, -0.05, 0.84, 0.0, 1.5),
    (11, 0.2, -0.27, 0.23, 0.22, 0.0, 1.6),
    (12, -0.15, 0.28, 0.26, 0.24, 0.0, 0.45),
)


class Generator:
    """A linear congruential generator, identical on every interpreter."""

    def __init__(self, seed):
        self.state = seed

    def below(self, limit):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % limit


def build_table():
    table = []
    for index, (weight, *_coefficients) in enumerate(MAPS):
        table.extend([index] * weight)
    return table


def play(points, width, height):
    table = build_table()
    rng = Generator(42)
    grid = [[0] * width for _ in range(height)]
    x, y = 0.0, 0.0
    for _ in range(points):
        _w, a, b, c, d, e, f = MAPS[table[rng.below(len(table))]]
        x, y = a * x + b * y + e, c * x + d * y + f
        column = int((x + 3.0) / 6.0 * (width - 1))
        row = int((10.5 - y) / 10.5 * (height - 1))
        if 0 <= column < width and 0 <= row < height:
            grid[row][column] += 1
    lit = sum(1 for line in grid for cell in line if cell)
    weighted = sum(i * cell for line in grid for i, cell in enumerate(line)) % 1_000_003
    return lit, weighted


def run(scale=1.0):
    return repr(play(max(100, int(400_000 * scale)), 120, 200))
