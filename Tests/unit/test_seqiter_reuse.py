"""List and tuple iterators reused from the per-thread free list.

A dead iterator is kept and handed to the next iter(); these check that
a reused one starts fresh (index, sequence, exhaustion, pickling state)
and that reversed list iterators, which share the layout but not the
type, never come back as forward ones.
"""

import gc
import pickle
import threading
import unittest


class SeqIterReuse(unittest.TestCase):

    def churn(self, make):
        # Leave dead iterators in every possible state on the free list.
        for n in range(40):
            it = make(n)
            for _ in zip(range(n % 3), it):
                pass
            if n % 2:
                list(it)
            del it

    def test_list_iterator_starts_fresh(self):
        self.churn(lambda n: iter(list(range(n))))
        data = [1, 2, 3]
        it = iter(data)
        self.assertIs(type(it), type(iter([])))
        self.assertEqual(it.__length_hint__(), 3)
        self.assertEqual(list(it), [1, 2, 3])
        data.append(4)
        self.assertEqual(list(it), [])   # exhausted stays exhausted

    def test_tuple_iterator_starts_fresh(self):
        self.churn(lambda n: iter(tuple(range(n))))
        it = iter(('a', 'b'))
        self.assertIs(type(it), type(iter(())))
        self.assertEqual(it.__length_hint__(), 2)
        self.assertEqual(next(it), 'a')
        self.assertEqual(list(it), ['b'])

    def test_reversed_never_becomes_forward(self):
        for _ in range(40):
            r = reversed([1, 2, 3])
            next(r)
            del r
        it = iter([7, 8])
        self.assertEqual(type(it).__name__, 'list_iterator')
        self.assertEqual(list(it), [7, 8])
        r = reversed([1, 2, 3])
        self.assertEqual(type(r).__name__, 'list_reverseiterator')
        self.assertEqual(list(r), [3, 2, 1])

    def test_pickle_after_reuse(self):
        self.churn(lambda n: iter(list(range(n))))
        it = iter([5, 6, 7])
        next(it)
        self.assertEqual(list(pickle.loads(pickle.dumps(it))), [6, 7])
        t = iter((5, 6, 7))
        self.assertEqual(list(pickle.loads(pickle.dumps(t))), [5, 6, 7])

    def test_reused_iterator_is_tracked(self):
        # A reused iterator is tracked again: a cycle through it is found.
        self.churn(lambda n: iter([n]))
        holder = []
        it = iter(holder)
        holder.append(it)
        self.assertTrue(gc.is_tracked(it))
        del holder, it
        self.assertGreaterEqual(gc.collect(), 1)

    def test_threads(self):
        # Each thread keeps its own list; iterators freed on another
        # thread join that thread's list.
        results = []
        iterators = [iter([i, i + 1]) for i in range(50)]

        def worker(k):
            total = 0
            for i in range(300):
                for x in (k, i):
                    total += x
                for x in [k, i]:
                    total += x
            while iterators:
                try:
                    iterators.pop()
                except IndexError:
                    break
            results.append(total)

        threads = [threading.Thread(target=worker, args=(k,))
                   for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results),
                         sorted(2 * (300 * k + sum(range(300)))
                                for k in range(4)))


if __name__ == '__main__':
    unittest.main()
