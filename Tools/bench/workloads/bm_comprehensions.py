"""Comprehensions: list, dict and set comprehensions, nested and filtered."""


def run(scale=1.0):
    n = max(10, int(30_000 * scale))
    total = 0
    for round_ in range(20):
        values = [(i * 37 + round_) % 1009 for i in range(n)]
        squares = [v * v for v in values if v & 1]
        grid = [[x * y for x in range(20)] for y in range(n // 20)]
        flat = [cell for row in grid for cell in row if cell % 3]
        index = {v: i for i, v in enumerate(values)}
        inverse = {i: v for v, i in index.items() if i % 2 == 0}
        distinct = {v % 97 for v in values}
        pairs = [(a, b) for a in range(30) for b in range(a) if (a + b) % 5 == 0]
        words = {f"k{v % 50}": [w for w in values[:20] if w > v % 50] for v in values[:200]}
        total += (sum(squares) + sum(flat) + len(index) + sum(inverse) + len(distinct)
                  + len(pairs) + sum(len(w) for w in words.values()))
    return str(total)
