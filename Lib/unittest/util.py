"""Helpers shared by the unittest modules: reprs, class names, diffs."""

from collections import namedtuple
from os.path import commonprefix

__unittest = True

# Reprs longer than _MAX_LENGTH are abbreviated in failure messages; the
# other lengths say how much of each part survives the abbreviation.
_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN
                               + _MIN_COMMON_LEN + _PLACEHOLDER_LEN
                               + _MIN_END_LEN)


def _shorten(text, keep_front, keep_back):
    hidden = len(text) - keep_front - keep_back
    if hidden <= _PLACEHOLDER_LEN:
        return text
    return '%s[%d chars]%s' % (text[:keep_front], hidden,
                               text[len(text) - keep_back:])


def _common_shorten_repr(*objects):
    """Reprs of objects, abbreviated alike so that their differences show."""
    reprs = tuple(safe_repr(obj) for obj in objects)
    longest = max(len(r) for r in reprs)
    if longest <= _MAX_LENGTH:
        return reprs
    prefix = commonprefix(reprs)
    cut = len(prefix)
    room = _MAX_LENGTH - (longest - cut + _MIN_BEGIN_LEN + _PLACEHOLDER_LEN)
    if room > _MIN_COMMON_LEN:
        prefix = _shorten(prefix, _MIN_BEGIN_LEN, room)
        return tuple(prefix + r[cut:] for r in reprs)
    prefix = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(prefix + _shorten(r[cut:], _MIN_DIFF_LEN, _MIN_END_LEN)
                 for r in reprs)


def safe_repr(obj, short=False):
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if short and len(text) >= _MAX_LENGTH:
        return text[:_MAX_LENGTH] + ' [truncated]...'
    return text


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def sorted_list_difference(expected, actual):
    """Items missing from and unexpected in two sorted lists (no repeats)."""
    i = j = 0
    missing = []
    unexpected = []
    while i < len(expected) and j < len(actual):
        e, a = expected[i], actual[j]
        if e < a:
            missing.append(e)
            i += 1
            while i < len(expected) and expected[i] == e:
                i += 1
        elif e > a:
            unexpected.append(a)
            j += 1
            while j < len(actual) and actual[j] == a:
                j += 1
        else:
            i += 1
            while i < len(expected) and expected[i] == e:
                i += 1
            j += 1
            while j < len(actual) and actual[j] == a:
                j += 1
    missing.extend(expected[i:])
    unexpected.extend(actual[j:])
    return missing, unexpected


def unorderable_list_difference(expected, actual):
    """Like sorted_list_difference for unsortable items; consumes actual."""
    missing = []
    while expected:
        item = expected.pop()
        try:
            actual.remove(item)
        except ValueError:
            missing.append(item)
    return missing, actual


def three_way_cmp(x, y):
    """-1, 0 or 1 as x is less than, equal to or greater than y."""
    return (x > y) - (x < y)


_Mismatch = namedtuple('Mismatch', 'actual expected value')


def _count_diff_all_purpose(actual, expected):
    """Count mismatches between two sequences of possibly unhashable items."""
    first, second = list(actual), list(expected)
    used = object()
    mismatches = []
    for i, item in enumerate(first):
        if item is used:
            continue
        count_first = count_second = 0
        for k in range(i, len(first)):
            if first[k] == item:
                count_first += 1
                first[k] = used
        for k, other in enumerate(second):
            if other == item:
                count_second += 1
                second[k] = used
        if count_first != count_second:
            mismatches.append(_Mismatch(count_first, count_second, item))
    for i, item in enumerate(second):
        if item is used:
            continue
        count_second = 0
        for k in range(i, len(second)):
            if second[k] == item:
                count_second += 1
                second[k] = used
        mismatches.append(_Mismatch(0, count_second, item))
    return mismatches


def _ordered_count(iterable):
    counts = {}
    for item in iterable:
        counts[item] = counts.get(item, 0) + 1
    return counts


def _count_diff_hashable(actual, expected):
    """Count mismatches between two sequences of hashable items."""
    first, second = _ordered_count(actual), _ordered_count(expected)
    mismatches = []
    for item, count_first in first.items():
        count_second = second.get(item, 0)
        if count_first != count_second:
            mismatches.append(_Mismatch(count_first, count_second, item))
    for item, count_second in second.items():
        if item not in first:
            mismatches.append(_Mismatch(0, count_second, item))
    return mismatches
