"""Hexiom-style constraint search: place numbered tiles on a hexagonal grid.

A tile showing n must end up with exactly n occupied neighbours.  A
puzzle is made from a random layout (its tiles, shuffled off the
board); the solver counts every placement of them that satisfies all
tiles, by backtracking over cells with pruning on neighbour counts.
"""

DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))


class Generator:
    """A linear congruential generator, identical on every interpreter."""

    def __init__(self, seed):
        self.state = seed

    def below(self, limit):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % limit


class HexGrid:
    def __init__(self, radius):
        self.cells = [(q, r) for q in range(-radius, radius + 1)
                      for r in range(-radius, radius + 1) if abs(q + r) <= radius]
        index = {cell: i for i, cell in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            near = [index[(q + dq, r + dr)] for dq, dr in DIRECTIONS
                    if (q + dq, r + dr) in index]
            self.neighbours.append(near)


def make_puzzle(grid, tiles, rng):
    """The sorted tile values of a random layout with `tiles` tiles."""
    occupied = set()
    while len(occupied) < tiles:
        occupied.add(rng.below(len(grid.cells)))
    return sorted(sum(1 for n in grid.neighbours[cell] if n in occupied)
                  for cell in occupied)


class Solver:
    def __init__(self, grid, values):
        self.grid = grid
        self.remaining = {}
        for value in values:
            self.remaining[value] = self.remaining.get(value, 0) + 1
        self.empties_left = len(grid.cells) - len(values)
        self.board = [None] * len(grid.cells)  # None: undecided, -1: empty
        self.solutions = 0
        self.nodes = 0

    def consistent(self, cell):
        """Whether every decided tile at or next to `cell` can still be satisfied."""
        board = self.board
        for tile_cell in [cell] + self.grid.neighbours[cell]:
            value = board[tile_cell]
            if value is None or value < 0:
                continue
            occupied = undecided = 0
            for near in self.grid.neighbours[tile_cell]:
                state = board[near]
                if state is None:
                    undecided += 1
                elif state >= 0:
                    occupied += 1
            if not occupied <= value <= occupied + undecided:
                return False
        return True

    def search(self, cell):
        self.nodes += 1
        if cell == len(self.board):
            self.solutions += 1
            return
        if self.empties_left:
            self.empties_left -= 1
            self.board[cell] = -1
            if self.consistent(cell):
                self.search(cell + 1)
            self.empties_left += 1
        for value in sorted(self.remaining):
            if not self.remaining[value]:
                continue
            self.remaining[value] -= 1
            self.board[cell] = value
            if self.consistent(cell):
                self.search(cell + 1)
            self.remaining[value] += 1
        self.board[cell] = None


def run(scale=1.0):
    rng = Generator(7)
    radius, tiles = (2, 9) if scale >= 0.5 else (1, 4)
    grid = HexGrid(radius)
    results = []
    for _ in range(max(1, int(3 * scale))):
        values = make_puzzle(grid, tiles, rng)
        solver = Solver(grid, values)
        solver.search(0)
        results.append(f"{''.join(map(str, values))}:{solver.solutions}:{solver.nodes}")
    return " ".join(results)
