"""Generators: chained generator pipelines, yield from, and recursive tree walks."""


def numbers(limit):
    value = 0
    while value < limit:
        yield value
        value += 1


def evens(source):
    for value in source:
        if value % 2 == 0:
            yield value


def squares(source):
    for value in source:
        yield value * value


def running_total(source):
    total = 0
    for value in source:
        total += value
        yield total


def build_tree(depth, label=1):
    if depth == 0:
        return None
    return (build_tree(depth - 1, 2 * label), label, build_tree(depth - 1, 2 * label + 1))


def in_order(tree):
    if tree is None:
        return
    left, label, right = tree
    yield from in_order(left)
    yield label
    yield from in_order(right)


def chunks(source, size):
    chunk = []
    for value in source:
        chunk.append(value)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(scale=1.0):
    limit = max(100, int(1_000_000 * scale))
    last = 0
    for last in running_total(squares(evens(numbers(limit)))):
        pass
    depth = 17 if scale >= 0.5 else 8
    walked = 0
    for label in in_order(build_tree(depth)):
        walked = (walked * 3 + label) % 1_000_000_007
    sizes = sum(len(c) * i for i, c in enumerate(chunks(numbers(limit // 3), 7)))
    generator_expression = sum(x % 7 for x in range(limit) if x & 1)
    return f"{last} {walked} {sizes} {generator_expression}"
