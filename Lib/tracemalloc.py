"""Trace the memory blocks Python allocates.

start() begins tracing; take_snapshot() then returns a Snapshot of every
traced block with the traceback of its allocation, which can be filtered
(filter_traces), grouped into statistics by file, line or traceback
(statistics), compared with an older snapshot (compare_to), and saved
(dump/load).  The recording itself is done by the C module _tracemalloc.
"""

from collections.abc import Sequence, Iterable
from functools import total_ordering
import fnmatch
import linecache
import os.path
import pickle

from _tracemalloc import *
from _tracemalloc import _get_object_traceback, _get_traces


__all__ = ['BaseFilter', 'DomainFilter', 'Filter', 'Frame', 'Snapshot',
           'Statistic', 'StatisticDiff', 'Trace', 'Traceback',
           'clear_traces', 'get_object_traceback', 'get_traceback_limit',
           'get_traced_memory', 'get_tracemalloc_memory', 'is_tracing',
           'reset_peak', 'start', 'stop', 'take_snapshot']


_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    """'12 B', '1.5 KiB', '+640 KiB': at most three significant digits
    once past bytes, four or five below 10 KiB."""
    fmt = '%+' if sign else '%'
    for unit in _UNITS:
        if unit != 'B' and abs(size) < 100:
            return (fmt + '.1f %s') % (size, unit)
        if abs(size) < 10 * 1024 or unit == _UNITS[-1]:
            return (fmt + '.0f %s') % (size, unit)
        size /= 1024


class Statistic:
    """Memory allocated at one place (a Traceback): total size and number
    of blocks."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback == other.traceback
                and self.size == other.size
                and self.count == other.count)

    def __str__(self):
        text = (f"{self.traceback}: size={_format_size(self.size, False)}, "
                f"count={self.count:d}")
        if self.count:
            text += f", average={_format_size(self.size / self.count, False)}"
        return text

    def __repr__(self):
        return (f'<Statistic traceback={self.traceback!r} '
                f'size={self.size:d} count={self.count:d}>')

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """The difference between an old and a new Statistic of one place."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff,
                     self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return (self.traceback == other.traceback
                and self.size == other.size
                and self.size_diff == other.size_diff
                and self.count == other.count
                and self.count_diff == other.count_diff)

    def __str__(self):
        text = (f"{self.traceback}: size={_format_size(self.size, False)} "
                f"({_format_size(self.size_diff, True)}), "
                f"count={self.count:d} ({self.count_diff:+d})")
        if self.count:
            text += f", average={_format_size(self.size / self.count, False)}"
        return text

    def __repr__(self):
        return (f'<StatisticDiff traceback={self.traceback!r} '
                f'size={self.size:d} ({self.size_diff:+d}) '
                f'count={self.count:d} ({self.count_diff:+d})>')

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff),
                self.count, self.traceback)


def _compare_grouped_stats(old_group, new_group):
    old_group = dict(old_group)
    diffs = []
    for traceback, stat in new_group.items():
        old = old_group.pop(traceback, None)
        old_size, old_count = (old.size, old.count) if old else (0, 0)
        diffs.append(StatisticDiff(traceback, stat.size,
                                   stat.size - old_size, stat.count,
                                   stat.count - old_count))
    for traceback, stat in old_group.items():
        diffs.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return diffs


@total_ordering
class Frame:
    """One frame of a traceback: a file name and a line number."""

    __slots__ = ('_frame',)

    def __init__(self, frame):
        # frame is a (filename, lineno) tuple.
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return f"{self.filename}:{self.lineno}"

    def __repr__(self):
        return f"<Frame filename={self.filename!r} lineno={self.lineno!r}>"


@total_ordering
class Traceback(Sequence):
    """A sequence of Frame objects, from the oldest call to the most
    recent one."""

    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # frames comes most recent first, as _tracemalloc records it.
        Sequence.__init__(self)
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        """The number of frames of the original traceback, before the
        limit cut it (None when unknown)."""
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(frame) for frame in self._frames[index])
        return Frame(self._frames[index])

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        if self._total_nframe is None:
            return f"<Traceback {tuple(self)}>"
        return f"<Traceback {tuple(self)} total_nframe={self.total_nframe}>"

    def format(self, limit=None, most_recent_first=False):
        """The traceback as lines like traceback.format_list() writes:
        each frame and, when it can be read, its source line.  A positive
        limit keeps the most recent frames, a negative one the oldest."""
        frames = self
        if limit is not None:
            frames = self[-limit:] if limit > 0 else self[:limit]
        if most_recent_first:
            frames = reversed(frames)
        lines = []
        for frame in frames:
            lines.append(f'  File "{frame.filename}", line {frame.lineno}')
            source = linecache.getline(frame.filename, frame.lineno).strip()
            if source:
                lines.append(f'    {source}')
        return lines


def get_object_traceback(obj):
    """The Traceback where obj was allocated, or None if it is not
    traced."""
    frames = _get_object_traceback(obj)
    return None if frames is None else Traceback(frames)


class Trace:
    """One traced memory block: domain, size and allocation traceback."""

    __slots__ = ('_trace',)

    def __init__(self, trace):
        # trace is a (domain, size, frames, total_nframe) tuple.
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return f"{self.traceback}: {_format_size(self.size, False)}"

    def __repr__(self):
        return (f"<Trace domain={self.domain} "
                f"size={_format_size(self.size, False)}, "
                f"traceback={self.traceback!r}>")


class _Traces(Sequence):
    """The traces of a snapshot, as a sequence of Trace objects."""

    def __init__(self, traces):
        Sequence.__init__(self)
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Trace(trace) for trace in self._traces[index])
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return f"<Traces len={len(self)}>"


def _normalize_filename(filename):
    filename = os.path.normcase(filename)
    if filename.endswith('.pyc'):
        filename = filename[:-1]
    return filename


class BaseFilter:
    """What Filter and DomainFilter share: inclusive says whether
    matching traces are kept (True) or dropped (False)."""

    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keep (inclusive) or drop the traces whose most recent frame (any
    frame with all_frames) matches a file-name pattern (fnmatch syntax) and,
    unless None, a line number; domain, unless None, narrows the match to
    one address space."""

    def __init__(self, inclusive, filename_pattern, lineno=None,
                 all_frames=False, domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _frame_matches(self, filename, lineno):
        if not fnmatch.fnmatch(_normalize_filename(filename),
                               self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_traceback(self, frames):
        if self.all_frames:
            hit = any(self._frame_matches(filename, lineno)
                      for filename, lineno in frames)
        else:
            hit = self._frame_matches(*frames[0])
        return hit == bool(self.inclusive)

    def _match(self, trace):
        domain, _size, frames, _total = trace
        result = self._match_traceback(frames)
        if self.domain is None:
            return result
        if self.inclusive:
            return result and domain == self.domain
        return result or domain != self.domain


class DomainFilter(BaseFilter):
    """Keep (inclusive) or drop the traces of one address space."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        return (trace[0] == self.domain) == bool(self.inclusive)


class Snapshot:
    """The traces of the memory blocks allocated by Python at one time."""

    def __init__(self, traces, traceback_limit):
        # traces is a list of (domain, size, frames, total_nframe) tuples,
        # as _tracemalloc._get_traces() returns; it is not copied.
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """Write the snapshot into a file (pickle format)."""
        with open(filename, "wb") as fp:
            pickle.dump(self, fp, pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def load(filename):
        """Load a snapshot written by dump()."""
        with open(filename, "rb") as fp:
            return pickle.load(fp)

    @staticmethod
    def _keeps(includes, excludes, trace):
        if includes and not any(f._match(trace) for f in includes):
            return False
        return all(f._match(trace) for f in excludes)

    def filter_traces(self, filters):
        """A new Snapshot with the traces the filters (Filter and
        DomainFilter instances) keep: a trace must match at least one
        inclusive filter, if there are any, and no exclusive one."""
        if not isinstance(filters, Iterable):
            raise TypeError(f"filters must be a list of filters, "
                            f"not {type(filters).__name__}")
        filters = list(filters)
        includes = [f for f in filters if f.inclusive]
        excludes = [f for f in filters if not f.inclusive]
        if filters:
            traces = [trace for trace in self.traces._traces
                      if self._keeps(includes, excludes, trace)]
        else:
            traces = list(self.traces._traces)
        return Snapshot(traces, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError(f"unknown key_type: {key_type!r}")
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError(f"cumulative mode cannot by used "
                             f"with key type {key_type!r}")

        def key_of(frames):
            if key_type == 'traceback':
                return frames
            if key_type == 'lineno':
                return frames[:1]
            return ((frames[0][0], 0),)

        stats = {}
        keys = {}       # raw frames -> Traceback, built once each

        def add(frames, size):
            traceback = keys.get(frames)
            if traceback is None:
                traceback = keys[frames] = Traceback(key_of(frames))
            stat = stats.get(traceback)
            if stat is None:
                stats[traceback] = Statistic(traceback, size, 1)
            else:
                stat.size += size
                stat.count += 1

        for _domain, size, frames, _total in self.traces._traces:
            if cumulative:
                # Every frame of the traceback counts the block.
                for frame in frames:
                    add((frame,), size)
            else:
                add(frames, size)
        return stats

    def statistics(self, key_type, cumulative=False):
        """Statistic objects grouped by key_type ('filename', 'lineno' or
        'traceback'), biggest first.  With cumulative, every frame of a
        traceback counts, not only the most recent one."""
        stats = list(self._group_by(key_type, cumulative).values())
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """StatisticDiff objects from old_snapshot to this one, grouped
        by key_type, biggest change first."""
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        diffs = _compare_grouped_stats(old_group, new_group)
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    """A Snapshot of the traces of the memory blocks Python allocated."""
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    return Snapshot(_get_traces(), get_traceback_limit())
