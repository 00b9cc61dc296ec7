"""Heap queue algorithm on plain lists.

A min-heap is a list h with h[k] <= h[2*k+1] and h[k] <= h[2*k+2] for
every k where those children exist, so h[0] is the smallest item.  The
``*_max`` functions keep the mirrored invariant (h[0] is the largest).
Only ``<`` is used to compare items.
"""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "heappushpop",
           "heappush_max", "heappop_max", "heapify_max", "heapreplace_max",
           "heappushpop_max", "merge", "nlargest", "nsmallest"]


def _check_list(heap, func, positional):
    """Reject a non-list heap the way a C function taking a list would."""
    if not isinstance(heap, list):
        got = "None" if heap is None else type(heap).__name__
        which = "argument 1" if positional else "argument"
        raise TypeError(f"{func}() {which} must be list, not {got}")


# The sift helpers take "before(a, b)": true when a must sit nearer the
# root than b.  Min-heaps pass _less, max-heaps _greater.

def _less(a, b):
    return a < b


def _greater(a, b):
    return b < a


def _sift_up(heap, pos, before, start=0):
    """Move heap[pos] towards the root, not above start, until its
    parent comes before it."""
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if before(item, heap[parent]):
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _sift_down(heap, pos, before):
    """Move heap[pos] to its place in the subtree rooted at pos.

    The hole first goes down to a leaf along the children that come
    first, then the item goes back up from there: about half the
    comparisons of stopping early, since an item sifted down usually
    belongs near the leaves.  _heapq sifts the same way, so a heap has
    the same layout with either.
    """
    size = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < size:
        right = child + 1
        if right < size and not before(heap[child], heap[right]):
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_up(heap, pos, before, start)


def _push(heap, item, before, name):
    _check_list(heap, name, True)
    heap.append(item)
    _sift_up(heap, len(heap) - 1, before)


def _pop(heap, before, name):
    _check_list(heap, name, False)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    _sift_down(heap, 0, before)
    return top


def _replace(heap, item, before, name):
    _check_list(heap, name, True)
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _sift_down(heap, 0, before)
    return top


def _pushpop(heap, item, before, name):
    _check_list(heap, name, True)
    if heap and before(heap[0], item):
        item, heap[0] = heap[0], item
        _sift_down(heap, 0, before)
    return item


def _heapify(heap, before, name):
    _check_list(heap, name, False)
    for pos in reversed(range(len(heap) // 2)):
        _sift_down(heap, pos, before)


def heappush(heap, item, /):
    """Push item onto heap, keeping the heap invariant."""
    _push(heap, item, _less, "heappush")


def heappop(heap, /):
    """Pop and return the smallest item; IndexError if heap is empty."""
    return _pop(heap, _less, "heappop")


def heapreplace(heap, item, /):
    """Pop and return the smallest item, then push item (one step)."""
    return _replace(heap, item, _less, "heapreplace")


def heappushpop(heap, item, /):
    """Push item, then pop and return the smallest item (one step)."""
    return _pushpop(heap, item, _less, "heappushpop")


def heapify(heap, /):
    """Turn the list into a min-heap in place, in linear time."""
    _heapify(heap, _less, "heapify")


def heappush_max(heap, item, /):
    """Push item onto a max-heap, keeping the max-heap invariant."""
    _push(heap, item, _greater, "heappush_max")


def heappop_max(heap, /):
    """Pop and return the largest item of a max-heap."""
    return _pop(heap, _greater, "heappop_max")


def heapreplace_max(heap, item, /):
    """Pop and return the largest item of a max-heap, then push item."""
    return _replace(heap, item, _greater, "heapreplace_max")


def heappushpop_max(heap, item, /):
    """Push item onto a max-heap, then pop and return the largest item."""
    return _pushpop(heap, item, _greater, "heappushpop_max")


def heapify_max(heap, /):
    """Turn the list into a max-heap in place, in linear time."""
    _heapify(heap, _greater, "heapify_max")


def merge(*iterables, key=None, reverse=False):
    """Merge sorted iterables into one sorted iterator, lazily.

    Ties keep the order of the iterables they came from (stable).
    """
    before = _greater if reverse else _less
    # Heap entries are [sort value, source index, item, iterator]; the
    # source index breaks ties so items and iterators are never compared.
    entries = []
    for index, iterable in enumerate(iterables):
        it = iter(iterable)
        for item in it:
            value = item if key is None else key(item)
            entries.append([value, index, item, it])
            break

    def entry_before(a, b):
        if before(a[0], b[0]):
            return True
        if before(b[0], a[0]):
            return False
        return a[1] < b[1]

    _heapify(entries, entry_before, "merge")
    while entries:
        entry = entries[0]
        yield entry[2]
        for item in entry[3]:
            entry[0] = item if key is None else key(item)
            entry[2] = item
            _sift_down(entries, 0, entry_before)
            break
        else:
            _pop(entries, entry_before, "merge")


def _n_best(n, iterable, key, largest):
    """The n best items in best-first order; ties keep input order."""
    if n <= 0:
        return []
    # A heap of the best n so far with the worst at the root.  Entries
    # are (value, order, item); order makes the result stable and keeps
    # items out of comparisons.
    worst_first = _less if largest else _greater

    def entry_before(a, b):
        if worst_first(a[0], b[0]):
            return True
        if worst_first(b[0], a[0]):
            return False
        return a[1] > b[1]

    heap = []
    for order, item in enumerate(iterable):
        value = item if key is None else key(item)
        entry = (value, order, item)
        if len(heap) < n:
            heap.append(entry)
            _sift_up(heap, len(heap) - 1, entry_before)
        elif entry_before(heap[0], entry):
            heap[0] = entry
            _sift_down(heap, 0, entry_before)
    result = []
    while heap:
        result.append(_pop(heap, entry_before, "nlargest")[2])
    result.reverse()
    return result


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first.

    Equivalent to sorted(iterable, key=key, reverse=True)[:n].
    """
    return _n_best(n, iterable, key, True)


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first.

    Equivalent to sorted(iterable, key=key)[:n].
    """
    return _n_best(n, iterable, key, False)


# The C versions of the list operations, when built in.
try:
    from _heapq import *  # noqa: F401,F403
except ImportError:
    pass
