# Sites whose operand types change in phases while several threads run
# them: the counters of backed-off and specialized instructions are
# sampled per thread in the free-threaded build, and every phase must
# still compute the generic results (sites deoptimize and re-specialize).

import threading

def combine(a, b):
    return a + b, a * 2, a - b if not isinstance(a, str) else a

def operands(kind, n):
    if kind == "int":
        return [(i, 3) for i in range(n)]
    if kind == "float":
        return [(i * 0.5, 2.0) for i in range(n)]
    if kind == "mixed":
        return [(i, 0.25) if i % 2 else (1.5, i) for i in range(n)]
    if kind == "str":
        return [("ab", "c") if i % 3 else ("d", "ef") for i in range(n)]
    return [(2**70 + i, -1) for i in range(n)]

PHASES = ["int", "float", "mixed", "int", "big", "float", "str", "mixed"]

def checksum(triple):
    s, p, d = triple
    if isinstance(s, str):
        return len(s) + len(p) + len(d)
    return s + p - d

def expected(kind, n):
    # the same arithmetic, spelled so that no site is shared with combine
    total = 0
    for a, b in operands(kind, n):
        if isinstance(a, str):
            total += (len(a) + len(b)) + 2 * len(a) + len(a)
        else:
            total += (b + a) + (a + a) - (a - b)
    return total

def run(n, results, slot):
    results[slot] = [sum(checksum(combine(a, b)) for a, b in operands(kind, n))
                     for kind in PHASES]

N = 3000
want = [expected(kind, N) for kind in PHASES]
results = [None] * 4
threads = [threading.Thread(target=run, args=(N, results, k)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(r == want for r in results))
print([type(w).__name__ for w in want])
print(want)
