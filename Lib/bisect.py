"""Binary search and insertion into sorted sequences.

Every function takes the sequence a, the item x, an optional slice
lo:hi to search within, and an optional key applied to the elements of
a (never to x) before comparing.  Only ``<`` is used for comparisons.
"""

__all__ = ["bisect", "bisect_left", "bisect_right",
           "insort", "insort_left", "insort_right"]


def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Index after the last element of a[lo:hi] that is <= x.

    All of a[lo:i] are <= x and all of a[i:hi] are > x, so inserting x
    at i keeps a sorted and places it after any equal elements.
    """
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Index of the first element of a[lo:hi] that is >= x.

    All of a[lo:i] are < x and all of a[i:hi] are >= x, so inserting x
    at i keeps a sorted and places it before any equal elements.
    """
    lo, hi = _bounds(a, lo, hi)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert x into a, kept sorted, after any elements equal to it."""
    if key is None:
        i = bisect_right(a, x, lo, hi)
    else:
        i = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(i, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert x into a, kept sorted, before any elements equal to it."""
    if key is None:
        i = bisect_left(a, x, lo, hi)
    else:
        i = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(i, x)


# The C versions, when built in.
try:
    from _bisect import *  # noqa: F401,F403
except ImportError:
    pass

bisect = bisect_right
insort = insort_right
