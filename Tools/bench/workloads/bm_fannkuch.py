"""fannkuch: list slicing and reversal over every permutation of 0..n-1."""


def count_flips(perm):
    flips = 0
    first = perm[0]
    while first:
        perm[:first + 1] = perm[first::-1]
        flips += 1
        first = perm[0]
    return flips


def fannkuch(n):
    """Max flips and alternating checksum over all permutations.

    Permutations are visited in lexicographic order by the classic
    next-permutation step, so the order (and the checksum) is fixed.
    """
    perm = list(range(n))
    max_flips = 0
    checksum = 0
    sign = 1
    while True:
        flips = count_flips(perm[:])
        max_flips = max(max_flips, flips)
        checksum += sign * flips
        sign = -sign
        i = n - 2
        while i >= 0 and perm[i] >= perm[i + 1]:
            i -= 1
        if i < 0:
            return max_flips, checksum
        j = n - 1
        while perm[j] <= perm[i]:
            j -= 1
        perm[i], perm[j] = perm[j], perm[i]
        perm[i + 1:] = perm[:i:-1]


def run(scale=1.0):
    results = []
    rounds = max(1, int(6 * scale))
    size = 8 if scale >= 0.3 else 6
    for _ in range(rounds):
        results.append(fannkuch(size))
    return " ".join(f"{m}/{c}" for m, c in results)
