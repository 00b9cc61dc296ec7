"""N-queens: count all placements by backtracking with sets of attacked lines."""


def solutions(n):
    """Yields each solution as a tuple of column indexes, row by row."""
    columns, rising, falling = set(), set(), set()
    placed = []

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for column in range(n):
            if column in columns or row + column in rising or row - column in falling:
                continue
            columns.add(column)
            rising.add(row + column)
            falling.add(row - column)
            placed.append(column)
            yield from place(row + 1)
            placed.pop()
            columns.discard(column)
            rising.discard(row + column)
            falling.discard(row - column)

    return place(0)


def run(scale=1.0):
    sizes = [6] if scale < 0.5 else [8, 9, 10, 11]
    results = []
    for n in sizes * max(1, int(scale)):
        count = 0
        weight = 0
        for solution in solutions(n):
            count += 1
            weight = (weight * 31 + sum(i * c for i, c in enumerate(solution))) % 1_000_003
        results.append(f"{n}:{count}:{weight}")
    return " ".join(results)
