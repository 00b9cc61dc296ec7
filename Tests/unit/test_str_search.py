"""Substring search of str and bytes: results agree with a brute-force
reference on random texts over small alphabets (which make partial
matches and periodic needles common), for every str width and both
directions; and adversarial inputs of a few MB, quadratic for a plain
Horspool search, complete (the search is O(n + m))."""

import random
import unittest

# Alphabets of each str width (1-, 2- and 4-byte units), and bytes.
ALPHABETS = ['abc', '\u0100\u0101b', '\U00010000\U00010001a']


def ref_find(s, p, start=0, end=None):
    end = len(s) if end is None else end
    for i in range(start, end - len(p) + 1):
        if s[i:i + len(p)] == p:
            return i
    return -1


def ref_rfind(s, p, start=0, end=None):
    end = len(s) if end is None else end
    for i in range(end - len(p), start - 1, -1):
        if s[i:i + len(p)] == p:
            return i
    return -1


def ref_positions(s, p):
    """Start of each non-overlapping match of p (non-empty), left to right."""
    out, i = [], 0
    while True:
        i = ref_find(s, p, i)
        if i < 0:
            return out
        out.append(i)
        i += len(p)


def ref_rpositions(s, p):
    """Start of each non-overlapping match, right to left (as rsplit)."""
    out, end = [], len(s)
    while True:
        i = ref_rfind(s, p, 0, end)
        if i < 0:
            return out
        out.append(i)
        end = i


def ref_split(s, p, starts):
    parts, prev = [], 0
    for i in sorted(starts):
        parts.append(s[prev:i])
        prev = i + len(p)
    parts.append(s[prev:])
    return parts


def random_text(rng, alphabet, k, n):
    units = [alphabet[i:i + 1] for i in range(k)]
    return alphabet[:0].join(rng.choice(units) for _ in range(n))


class RandomAgreementTest(unittest.TestCase):

    def check(self, s, p):
        msg = (s, p)
        self.assertEqual(s.find(p), ref_find(s, p), msg)
        self.assertEqual(s.rfind(p), ref_rfind(s, p), msg)
        self.assertEqual(p in s, ref_find(s, p) >= 0, msg)
        start, end = len(s) // 4, len(s) - len(s) // 5
        self.assertEqual(s.find(p, start, end), ref_find(s, p, start, end), msg)
        self.assertEqual(s.rfind(p, start, end), ref_rfind(s, p, start, end),
                         msg)
        pos = ref_positions(s, p)
        self.assertEqual(s.count(p), len(pos), msg)
        self.assertEqual(s.split(p), ref_split(s, p, pos), msg)
        self.assertEqual(s.rsplit(p), ref_split(s, p, ref_rpositions(s, p)),
                         msg)
        self.assertEqual(s.split(p, 1), ref_split(s, p, pos[:1]), msg)
        self.assertEqual(s.rsplit(p, 1),
                         ref_split(s, p, ref_rpositions(s, p)[:1]), msg)
        x = s[:0] + (b'X' if isinstance(s, bytes) else 'X')
        self.assertEqual(s.replace(p, x), x.join(ref_split(s, p, pos)), msg)
        first, last = ref_find(s, p), ref_rfind(s, p)
        empty = s[:0]
        self.assertEqual(s.partition(p),
                         (s[:first], p, s[first + len(p):]) if first >= 0
                         else (s, empty, empty), msg)
        self.assertEqual(s.rpartition(p),
                         (s[:last], p, s[last + len(p):]) if last >= 0
                         else (empty, empty, s), msg)

    def run_random(self, alphabet, cases, seed):
        rng = random.Random(seed)
        for _ in range(cases):
            k = rng.randint(1, len(alphabet))
            p = random_text(rng, alphabet, k, rng.randint(1, 9))
            s = random_text(rng, alphabet, k, rng.randint(0, 40))
            if s and rng.random() < 0.5:
                at = rng.randrange(len(s) + 1)
                s = s[:at] + p + s[at:]
            self.check(s, p)

    def test_str_each_width(self):
        for seed, alphabet in enumerate(ALPHABETS):
            with self.subTest(alphabet=alphabet):
                self.run_random(alphabet, 300, seed)

    def test_bytes(self):
        self.run_random(b'abc', 300, 10)
        rng = random.Random(11)
        for _ in range(100):
            s = random_text(rng, b'ab', 2, rng.randint(0, 40))
            p = random_text(rng, b'ab', 2, rng.randint(1, 6))
            b = bytearray(s)
            self.assertEqual(b.rfind(p), ref_rfind(s, p), (s, p))
            self.assertEqual(b.rsplit(p), ref_split(s, p, ref_rpositions(s, p)),
                             (s, p))

    def test_needle_narrower_than_text(self):
        # A 1-byte needle searched in 2- and 4-byte text is widened first.
        for wide in '\u0100', '\U00010000':
            s = wide + 'abab' + wide + 'aba'
            self.assertEqual(s.find('aba'), 1)
            self.assertEqual(s.rfind('aba'), 6)
            self.assertEqual(s.count('ab'), 3)

    def test_periodic_needles(self):
        # Periodic needles cut short before the end of a period take the
        # "memory" path of the two-way search.
        rng = random.Random(12)
        for _ in range(200):
            unit = random_text(rng, 'abc', 3, rng.randint(1, 4))
            p = (unit * rng.randint(2, 6))[:-rng.randint(0, len(unit))] or unit
            s = random_text(rng, 'abc', 3, 30) + p[:-1] + p + unit * 3
            self.check(s, p)


class AdversarialTest(unittest.TestCase):
    """Inputs on which a search without the two-way fallback compares
    O(n * m) units: these take minutes without it, well under a second
    with it."""

    N = 200_000

    def test_long_needle_partial_matches(self):
        A, B = 'a' * self.N, 'b' * self.N
        hay = A + A + B + A + A
        needle = A + B + B + A
        self.assertEqual(hay.find(needle), -1)
        self.assertEqual(hay.rfind(needle), -1)
        self.assertEqual(hay.count(needle), 0)
        self.assertNotIn(needle, hay)
        self.assertEqual((hay + needle).find(needle), len(hay))
        self.assertEqual((needle + hay).rfind(needle), 0)

    def test_periodic_needle_with_memory(self):
        # memcmp makes a plain search fast on shorter needles of this kind.
        N = 5 * self.N
        needle = 'ab' * N
        hay = ('ab' * (N - 1) + 'b') * 2
        self.assertEqual(hay.find(needle), -1)
        self.assertEqual((hay + needle).find(needle), len(hay))
        self.assertEqual((hay + needle).count(needle), 1)
        # The mirror image, for the backward search.
        rhay, rneedle = hay[::-1], needle[::-1]
        self.assertEqual(rhay.rfind(rneedle), -1)
        self.assertEqual((rneedle + rhay).rfind(rneedle), 0)

    def test_each_width_and_direction(self):
        for ch in 'a', '\u0100', '\U00010000':
            hay = ch * (4 * self.N)
            mid = ch * (self.N // 2) + 'b' + ch * (self.N // 2)
            with self.subTest(width=len(ch.encode('utf-32-le'))):
                self.assertEqual(hay.find(mid), -1)
                self.assertEqual(hay.rfind(mid), -1)
                self.assertEqual(hay.split(mid), [hay])
                self.assertEqual(hay.rsplit(mid), [hay])
                self.assertEqual(hay.replace(mid, ''), hay)
                self.assertEqual(hay.partition(mid), (hay, '', ''))
                self.assertEqual(hay.rpartition(mid), ('', '', hay))

    def test_bytes_reverse(self):
        hay = b'a' * (4 * self.N)
        mid = b'a' * (self.N // 2) + b'b' + b'a' * (self.N // 2)
        for t in bytes, bytearray:
            h = t(hay)
            self.assertEqual(h.rfind(mid), -1)
            self.assertEqual(h.rsplit(mid), [h])
            self.assertEqual(h.rpartition(mid), (b'', b'', h))
            self.assertEqual(t(mid + hay).rfind(mid), 0)
            self.assertEqual(h.find(mid), -1)


if __name__ == '__main__':
    unittest.main()
