"""Go-style board search: Monte Carlo playouts on a 7x7 Go board.

For each candidate first move, random games are played to the end
(captures, no suicide, no filling one's own eyes) and scored by area;
the move with the best total wins.  Integer-list indexing, flood fills
and many small function calls.
"""

EMPTY, BLACK, WHITE, EDGE = 0, 1, 2, 3


class Generator:
    """A linear congruential generator, identical on every interpreter."""

    def __init__(self, seed):
        self.state = seed

    def below(self, limit):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % limit


class Board:
    def __init__(self, size):
        self.size = size
        self.width = width = size + 2
        self.cells = [EDGE] * (width * width)
        self.points = [row * width + column
                       for row in range(1, size + 1) for column in range(1, size + 1)]
        for point in self.points:
            self.cells[point] = EMPTY
        self.offsets = (-1, 1, -width, width)

    def copy(self):
        other = Board.__new__(Board)
        other.size, other.width = self.size, self.width
        other.cells = self.cells[:]
        other.points = self.points
        other.offsets = self.offsets
        return other

    def group(self, point):
        """The stones connected to `point` and their number of liberties."""
        cells = self.cells
        colour = cells[point]
        stones = {point}
        liberties = set()
        todo = [point]
        while todo:
            current = todo.pop()
            for offset in self.offsets:
                near = current + offset
                value = cells[near]
                if value == EMPTY:
                    liberties.add(near)
                elif value == colour and near not in stones:
                    stones.add(near)
                    todo.append(near)
        return stones, len(liberties)

    def is_eye(self, point, colour):
        cells = self.cells
        return all(cells[point + offset] in (colour, EDGE) for offset in self.offsets)

    def is_legal(self, point, colour):
        cells = self.cells
        if cells[point] != EMPTY:
            return False
        for offset in self.offsets:
            near = point + offset
            value = cells[near]
            if value == EMPTY:
                return True
            if value == EDGE:
                continue
            _stones, liberties = self.group(near)
            # Capturing an enemy group, or joining a friendly group that
            # keeps another liberty, makes the move legal.
            if (value == colour) == (liberties > 1):
                return True
        return False

    def play(self, point, colour):
        cells = self.cells
        cells[point] = colour
        enemy = BLACK + WHITE - colour
        captured = 0
        for offset in self.offsets:
            near = point + offset
            if cells[near] == enemy:
                stones, liberties = self.group(near)
                if liberties == 0:
                    for stone in stones:
                        cells[stone] = EMPTY
                    captured += len(stones)
        return captured

    def score(self, colour):
        """Area score of `colour` minus its opponent's."""
        cells = self.cells
        totals = {BLACK: 0, WHITE: 0}
        for point in self.points:
            value = cells[point]
            if value == EMPTY:
                around = {cells[point + offset] for offset in self.offsets} - {EDGE}
                if len(around) == 1:
                    value = around.pop()
            if value in totals:
                totals[value] += 1
        return totals[colour] - totals[BLACK + WHITE - colour]


def playout(board, colour, rng, max_moves):
    passes = 0
    moves = 0
    while passes < 2 and moves < max_moves:
        candidates = [p for p in board.points
                      if board.cells[p] == EMPTY and not board.is_eye(p, colour)
                      and board.is_legal(p, colour)]
        if candidates:
            board.play(candidates[rng.below(len(candidates))], colour)
            passes = 0
        else:
            passes += 1
        colour = BLACK + WHITE - colour
        moves += 1
    return moves


def best_first_move(size, games):
    rng = Generator(2024)
    empty = Board(size)
    results = []
    for point in empty.points[::6]:
        total = 0
        for _ in range(games):
            board = empty.copy()
            board.play(point, BLACK)
            playout(board, WHITE, rng, 3 * size * size)
            total += board.score(BLACK)
        results.append((total, -point))
    total, point = max(results)
    return -point, total, sum(t for t, _p in results)


def run(scale=1.0):
    size = 7 if scale >= 0.5 else 5
    return repr(best_first_move(size, max(1, int(5 * scale))))
