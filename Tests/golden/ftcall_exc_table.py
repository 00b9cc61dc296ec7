# Long exception tables: a function with many try blocks, nested ones and
# handlers that raise again; an exception raised at each point must land
# in the handler that covers it (the table is searched by bisection once
# it is long).
import sys

N = 40

lines = ["def many(which):", "    log = []"]
for i in range(N):
    lines += [
        "    try:",
        f"        if which == {i}: raise KeyError({i})",
        "        try:",
        f"            if which == {i + 100}: raise ValueError({i})",
        "        except ValueError as e:",
        f"            log.append(('inner', {i}, e.args[0]))",
        f"            if which == {i + 100} and {i} % 3 == 0: raise TypeError({i})",
        "    except KeyError as e:",
        f"        log.append(('outer', {i}, e.args[0]))",
        "    except TypeError as e:",
        f"        log.append(('reraised', {i}, e.args[0]))",
    ]
lines.append("    return log")
namespace = {}
exec(compile("\n".join(lines), "<many>", "exec"), namespace)
many = namespace["many"]

print("table bytes:", len(many.__code__.co_exceptiontable) > 200)
for which in (0, 1, 7, 19, 20, 21, 38, 39, 100, 101, 103, 120, 138, 139, -1):
    print(which, many(which))


# Unwinding through several frames, each with its own table.
def level(n):
    try:
        try:
            if n == 0:
                raise LookupError("bottom")
            return level(n - 1)
        finally:
            pass
    except ZeroDivisionError:
        return "wrong handler"


try:
    level(30)
except LookupError as exc:
    tb = exc.__traceback__
    depth = 0
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    print("unwound", exc, "frames", depth)


# A loop that raises and catches many times in one long function.
def loop(n):
    caught = []
    for i in range(n):
        try:
            try:
                {}[i]
            except KeyError:
                if i % 2:
                    raise IndexError(i)
                caught.append(-i)
        except IndexError as e:
            caught.append(e.args[0])
        try:
            1 / (i % 3)
        except ZeroDivisionError:
            caught.append("z")
    return caught


print(loop(7))
print(sys.exc_info())
