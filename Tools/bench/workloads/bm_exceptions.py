"""Exceptions in loops: raise and catch, custom hierarchies, finally, chaining and else clauses."""


class BenchError(Exception):
    pass


class SmallError(BenchError):
    def __init__(self, value):
        super().__init__(value)
        self.value = value


class LargeError(BenchError):
    pass


def classify(value):
    if value % 7 == 0:
        raise SmallError(value)
    if value % 11 == 0:
        raise LargeError(f"large {value}")
    return value


def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        return -1


def nested(value):
    try:
        try:
            return 100 // (value % 5)
        except ZeroDivisionError as error:
            raise ValueError("wrapped") from error
        finally:
            nested.calls += 1
    except ValueError as error:
        return 1 if error.__cause__ is not None else 0


nested.calls = 0


def run(scale=1.0):
    nested.calls = 0
    table = {i: i * i for i in range(0, 100, 3)}
    total = 0
    caught = 0
    for i in range(max(10, int(360_000 * scale))):
        try:
            total += classify(i)
        except SmallError as error:
            total += error.value // 7
            caught += 1
        except BenchError as error:
            caught += len(error.args[0]) - 5
        else:
            total += 1
        total += lookup(table, i % 100)
        total += nested(i)
    return f"{total} {caught} {nested.calls}"
