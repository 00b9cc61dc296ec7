"""Deep copy: copy.deepcopy of nested dicts, lists, tuples and instances with shared parts."""

import copy


class Record:
    def __init__(self, ident, tags, parent=None):
        self.ident = ident
        self.tags = tags
        self.parent = parent
        self.history = [(ident, "created"), (ident * 2, "touched")]


def build(width):
    shared = {"unit": "m", "scale": [1, 10, 100]}
    root = Record(0, {"root"})
    records = [Record(i, {"a", f"t{i % 5}"}, root) for i in range(width)]
    return {
        "records": records,
        "matrix": [[float(i * j) for j in range(10)] for i in range(width // 4)],
        "meta": {"shared": shared, "again": shared, "name": "benchmark",
                 "versions": (1, 2, (3, 4)), "flags": frozenset({"x", "y"})},
        "strings": [f"item-{i}" for i in range(width)],
        "bytes": b"\x00\x01" * 4,
    }


def checksum(data):
    records = data["records"]
    total = sum(r.ident + len(r.tags) + len(r.history) for r in records)
    total += int(sum(map(sum, data["matrix"])))
    # Shared sub-objects must stay shared in the copy.
    total += data["meta"]["shared"] is data["meta"]["again"]
    total += all(r.parent is records[0].parent for r in records)
    return total


def run(scale=1.0):
    width = max(8, int(400 * scale))
    data = build(width)
    total = 0
    for _ in range(40):
        duplicate = copy.deepcopy(data)
        if duplicate["records"][0] is data["records"][0]:
            raise RuntimeError("deepcopy returned a shared record")
        total += checksum(duplicate)
    return str(total)
