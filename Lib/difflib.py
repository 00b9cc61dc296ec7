"""Helpers for computing deltas between sequences.

SequenceMatcher finds matching blocks between two sequences of hashable
items; Differ, ndiff(), unified_diff(), context_diff() and HtmlDiff render
the differences between sequences of lines.
"""

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher',
           'Differ', 'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'context_diff',
           'unified_diff', 'diff_bytes', 'HtmlDiff', 'Match']

from collections import namedtuple as _namedtuple
from heapq import nlargest as _nlargest
from types import GenericAlias

Match = _namedtuple('Match', 'a b size')


def _calculate_ratio(matches, length):
    if length:
        return 2.0 * matches / length
    return 1.0


class SequenceMatcher:
    """Compare pairs of sequences of hashable elements.

    The matching blocks are found by repeatedly taking the longest
    contiguous block free of "junk" elements and recursing on the pieces
    to its left and right (a variant of Ratcliff and Obershelp's gestalt
    pattern matching).  With autojunk, elements of b making up more than 1%
    of a sequence of at least 200 items are treated as junk ("popular").
    """

    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.a = self.b = None
        self.autojunk = autojunk
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        """Set the two sequences to be compared."""
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        """Set the first sequence to be compared (the cached analysis of
        the second one is kept)."""
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        """Set the second sequence to be compared and index it."""
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        # b2j maps each element of b to the ascending list of its indices,
        # minus the junk and popular elements, which never start a match.
        b = self.b
        self.b2j = b2j = {}
        for i, elt in enumerate(b):
            b2j.setdefault(elt, []).append(i)

        junk = set()
        if self.isjunk:
            for elt in b2j:
                if self.isjunk(elt):
                    junk.add(elt)
            for elt in junk:
                del b2j[elt]

        popular = set()
        n = len(b)
        if self.autojunk and n >= 200:
            ntest = n // 100 + 1
            for elt, idxs in b2j.items():
                if len(idxs) > ntest:
                    popular.add(elt)
            for elt in popular:
                del b2j[elt]

        self.bjunk = junk
        self.bpopular = popular

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """Find the longest matching block in a[alo:ahi] and b[blo:bhi].

        Among equally long blocks the one starting earliest in a wins, and
        of those the one starting earliest in b.  The block is then grown
        by adjacent equal junk elements on both sides.
        """
        a, b, b2j, isbjunk = self.a, self.b, self.b2j, self.bjunk.__contains__
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        besti, bestj, bestsize = alo, blo, 0
        # j2len[j] is the length of the longest match ending with a[i-1]
        # and b[j].
        j2len = {}
        nothing = []
        for i in range(alo, ahi):
            j2lenget = j2len.get
            newj2len = {}
            for j in b2j.get(a[i], nothing):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = newj2len[j] = j2lenget(j - 1, 0) + 1
                if k > bestsize:
                    besti, bestj, bestsize = i - k + 1, j - k + 1, k
            j2len = newj2len

        # Extend with equal non-junk elements (popular ones were excluded
        # from b2j), then with equal junk elements.
        while (besti > alo and bestj > blo and
               not isbjunk(b[bestj - 1]) and
               a[besti - 1] == b[bestj - 1]):
            besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
        while (besti + bestsize < ahi and bestj + bestsize < bhi and
               not isbjunk(b[bestj + bestsize]) and
               a[besti + bestsize] == b[bestj + bestsize]):
            bestsize += 1
        while (besti > alo and bestj > blo and
               isbjunk(b[bestj - 1]) and
               a[besti - 1] == b[bestj - 1]):
            besti, bestj, bestsize = besti - 1, bestj - 1, bestsize + 1
        while (besti + bestsize < ahi and bestj + bestsize < bhi and
               isbjunk(b[bestj + bestsize]) and
               a[besti + bestsize] == b[bestj + bestsize]):
            bestsize += 1

        return Match(besti, bestj, bestsize)

    def get_matching_blocks(self):
        """Return the list of Match triples (i, j, n) with a[i:i+n] ==
        b[j:j+n], ascending, ending with the dummy (len(a), len(b), 0)."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        la, lb = len(self.a), len(self.b)
        queue = [(0, la, 0, lb)]
        blocks = []
        while queue:
            alo, ahi, blo, bhi = queue.pop()
            i, j, k = x = self.find_longest_match(alo, ahi, blo, bhi)
            if k:
                blocks.append(x)
                if alo < i and blo < j:
                    queue.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    queue.append((i + k, ahi, j + k, bhi))
        blocks.sort()

        # Junk extension can leave adjacent blocks: merge them.
        i1 = j1 = k1 = 0
        merged = []
        for i2, j2, k2 in blocks:
            if i1 + k1 == i2 and j1 + k1 == j2:
                k1 += k2
            else:
                if k1:
                    merged.append((i1, j1, k1))
                i1, j1, k1 = i2, j2, k2
        if k1:
            merged.append((i1, j1, k1))
        merged.append((la, lb, 0))
        self.matching_blocks = list(map(Match._make, merged))
        return self.matching_blocks

    def get_opcodes(self):
        """Return a list of 5-tuples (tag, i1, i2, j1, j2) describing how
        to turn a into b; tag is 'replace', 'delete', 'insert' or 'equal'."""
        if self.opcodes is not None:
            return self.opcodes
        i = j = 0
        self.opcodes = answer = []
        for ai, bj, size in self.get_matching_blocks():
            tag = ''
            if i < ai and j < bj:
                tag = 'replace'
            elif i < ai:
                tag = 'delete'
            elif j < bj:
                tag = 'insert'
            if tag:
                answer.append((tag, i, ai, j, bj))
            i, j = ai + size, bj + size
            if size:
                answer.append(('equal', ai, i, bj, j))
        return answer

    def get_grouped_opcodes(self, n=3):
        """Yield groups of opcodes with up to n lines of context each."""
        codes = self.get_opcodes()
        if not codes:
            codes = [("equal", 0, 1, 0, 1)]
        # Like CPython, the trimmed context ends are stored back into the
        # cached opcode list.
        if codes[0][0] == 'equal':
            tag, i1, i2, j1, j2 = codes[0]
            codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
        if codes[-1][0] == 'equal':
            tag, i1, i2, j1, j2 = codes[-1]
            codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)

        nn = n + n
        group = []
        for tag, i1, i2, j1, j2 in codes:
            # A long equal stretch closes the group and opens the next.
            if tag == 'equal' and i2 - i1 > nn:
                group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield group
                group = []
                i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
            group.append((tag, i1, i2, j1, j2))
        if group and not (len(group) == 1 and group[0][0] == 'equal'):
            yield group

    def ratio(self):
        """Return a similarity measure in [0, 1]: 2*M/T."""
        matches = sum(block[-1] for block in self.get_matching_blocks())
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """Return an upper bound on ratio() from element counts."""
        if self.fullbcount is None:
            self.fullbcount = counts = {}
            for elt in self.b:
                counts[elt] = counts.get(elt, 0) + 1
        counts = self.fullbcount
        avail = {}
        matches = 0
        for elt in self.a:
            if elt in avail:
                numb = avail[elt]
            else:
                numb = counts.get(elt, 0)
            avail[elt] = numb - 1
            if numb > 0:
                matches += 1
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """Return an upper bound on ratio() from the lengths alone."""
        la, lb = len(self.a), len(self.b)
        return _calculate_ratio(min(la, lb), la + lb)

    __class_getitem__ = classmethod(GenericAlias)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """Return the best (at most n) matches for word among possibilities
    scoring at least cutoff, best first."""
    if not n > 0:
        raise ValueError("n must be > 0: %r" % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError("cutoff must be in [0.0, 1.0]: %r" % (cutoff,))
    result = []
    s = SequenceMatcher()
    s.set_seq2(word)
    for x in possibilities:
        s.set_seq1(x)
        if (s.real_quick_ratio() >= cutoff and
                s.quick_ratio() >= cutoff and
                s.ratio() >= cutoff):
            result.append((s.ratio(), x))
    result = _nlargest(n, result)
    return [x for score, x in result]


def _keep_original_ws(s, tag_s):
    """Replace the tag characters under whitespace of s by that whitespace
    (so tabs line up in '?' hint lines)."""
    return ''.join(c if tag_c == " " and c.isspace() else tag_c
                   for c, tag_c in zip(s, tag_s))


class Differ:
    """Produce human-readable deltas between sequences of lines.

    Each output line starts with a two-letter code: '- ' (only in a),
    '+ ' (only in b), '  ' (both), '? ' (intraline hints, not in either).
    """

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        """Yield the delta lines turning sequence a into sequence b."""
        cruncher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in cruncher.get_opcodes():
            if tag == 'replace':
                g = self._fancy_replace(a, alo, ahi, b, blo, bhi)
            elif tag == 'delete':
                g = self._dump('-', a, alo, ahi)
            elif tag == 'insert':
                g = self._dump('+', b, blo, bhi)
            elif tag == 'equal':
                g = self._dump(' ', a, alo, ahi)
            else:
                raise ValueError('unknown tag %r' % (tag,))
            yield from g

    def _dump(self, tag, x, lo, hi):
        for i in range(lo, hi):
            yield '%s %s' % (tag, x[i])

    def _plain_replace(self, a, alo, ahi, b, blo, bhi):
        assert alo < ahi and blo < bhi
        # The shorter block goes first, to keep the output readable.
        if bhi - blo < ahi - alo:
            first = self._dump('+', b, blo, bhi)
            second = self._dump('-', a, alo, ahi)
        else:
            first = self._dump('-', a, alo, ahi)
            second = self._dump('+', b, blo, bhi)
        for g in first, second:
            yield from g

    def _fancy_replace(self, a, alo, ahi, b, blo, bhi):
        """Replace a[alo:ahi] by b[blo:bhi], synchronising on similar
        line pairs and marking their intraline differences.

        For each line of b, only the lines of a within a fixed window of
        its position are candidates, so the cost stays near linear; a pair
        is used only when its similarity exceeds 0.75."""
        cutoff = 0.74999
        window = 10
        cruncher = SequenceMatcher(self.charjunk)
        best_i = best_j = None
        dump_i, dump_j = alo, blo      # first indices not yet emitted
        for j in range(blo, bhi):
            cruncher.set_seq2(b[j])
            aequiv = alo + (j - blo)
            candidates = range(max(aequiv - window, dump_i),
                               min(aequiv + window + 1, ahi))
            if not candidates:
                break
            best_ratio = cutoff
            for i in candidates:
                cruncher.set_seq1(a[i])
                if (cruncher.real_quick_ratio() > best_ratio and
                        cruncher.quick_ratio() > best_ratio and
                        cruncher.ratio() > best_ratio):
                    best_i, best_j, best_ratio = i, j, cruncher.ratio()
            if best_i is None:
                continue

            yield from self._fancy_helper(a, dump_i, best_i, b, dump_j, best_j)
            aelt, belt = a[best_i], b[best_j]
            if aelt != belt:
                atags = btags = ""
                cruncher.set_seqs(aelt, belt)
                for tag, ai1, ai2, bj1, bj2 in cruncher.get_opcodes():
                    la, lb = ai2 - ai1, bj2 - bj1
                    if tag == 'replace':
                        atags += '^' * la
                        btags += '^' * lb
                    elif tag == 'delete':
                        atags += '-' * la
                    elif tag == 'insert':
                        btags += '+' * lb
                    elif tag == 'equal':
                        atags += ' ' * la
                        btags += ' ' * lb
                    else:
                        raise ValueError('unknown tag %r' % (tag,))
                yield from self._qformat(aelt, belt, atags, btags)
            else:
                yield '  ' + aelt
            dump_i, dump_j = best_i + 1, best_j + 1
            best_i = best_j = None

        yield from self._fancy_helper(a, dump_i, ahi, b, dump_j, bhi)

    def _fancy_helper(self, a, alo, ahi, b, blo, bhi):
        g = []
        if alo < ahi:
            if blo < bhi:
                g = self._plain_replace(a, alo, ahi, b, blo, bhi)
            else:
                g = self._dump('-', a, alo, ahi)
        elif blo < bhi:
            g = self._dump('+', b, blo, bhi)
        yield from g

    def _qformat(self, aline, bline, atags, btags):
        atags = _keep_original_ws(aline, atags).rstrip()
        btags = _keep_original_ws(bline, btags).rstrip()
        yield "- " + aline
        if atags:
            yield f"? {atags}\n"
        yield "+ " + bline
        if btags:
            yield f"? {btags}\n"


def IS_LINE_JUNK(line, pat=None):
    """Return True for a blank line or one holding only a '#'."""
    if pat is not None:
        return pat(line) is not None
    stripped = line.strip()
    return stripped == '' or stripped == '#'


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    """Return True for a space or tab."""
    return ch in ws


def _format_range_unified(start, stop):
    beginning = start + 1
    length = stop - start
    if length == 1:
        return '{}'.format(beginning)
    if not length:
        beginning -= 1          # an empty range starts before its position
    return '{},{}'.format(beginning, length)


# ANSI sequences used by unified_diff(color=True).
_COLOR_HEADER = '\x1b[1m'
_COLOR_HUNK = '\x1b[36m'
_COLOR_REMOVED = '\x1b[31m'
_COLOR_ADDED = '\x1b[32m'
_COLOR_CONTEXT = '\x1b[0m'
_COLOR_RESET = '\x1b[0m'


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n', *, color=False):
    """Yield the lines of a unified diff between line lists a and b."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    if color:
        header, hunk = _COLOR_HEADER, _COLOR_HUNK
        removed, added = _COLOR_REMOVED, _COLOR_ADDED
        context, reset = _COLOR_CONTEXT, _COLOR_RESET
    else:
        header = hunk = removed = added = context = reset = ''
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            fromdate = '\t{}'.format(fromfiledate) if fromfiledate else ''
            todate = '\t{}'.format(tofiledate) if tofiledate else ''
            yield '{}--- {}{}{}{}'.format(header, fromfile, fromdate, lineterm,
                                          reset)
            yield '{}+++ {}{}{}{}'.format(header, tofile, todate, lineterm,
                                          reset)
        first, last = group[0], group[-1]
        file1_range = _format_range_unified(first[1], last[2])
        file2_range = _format_range_unified(first[3], last[4])
        yield '{}@@ -{} +{} @@{}{}'.format(hunk, file1_range, file2_range,
                                           lineterm, reset)
        for tag, i1, i2, j1, j2 in group:
            if tag == 'equal':
                for line in a[i1:i2]:
                    yield context + ' ' + line + reset if color else ' ' + line
                continue
            if tag in {'replace', 'delete'}:
                for line in a[i1:i2]:
                    yield removed + '-' + line + reset if color else '-' + line
            if tag in {'replace', 'insert'}:
                for line in b[j1:j2]:
                    yield added + '+' + line + reset if color else '+' + line


def _format_range_context(start, stop):
    beginning = start + 1
    length = stop - start
    if not length:
        beginning -= 1
    if length <= 1:
        return '{}'.format(beginning)
    return '{},{}'.format(beginning, beginning + length - 1)


def context_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n'):
    """Yield the lines of a context diff between line lists a and b."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    prefix = dict(insert='+ ', delete='- ', replace='! ', equal='  ')
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            fromdate = '\t{}'.format(fromfiledate) if fromfiledate else ''
            todate = '\t{}'.format(tofiledate) if tofiledate else ''
            yield '*** {}{}{}'.format(fromfile, fromdate, lineterm)
            yield '--- {}{}{}'.format(tofile, todate, lineterm)

        first, last = group[0], group[-1]
        yield '***************' + lineterm

        file1_range = _format_range_context(first[1], last[2])
        yield '*** {} ****{}'.format(file1_range, lineterm)
        if any(op[0] in {'replace', 'delete'} for op in group):
            for tag, i1, i2, _, _ in group:
                if tag != 'insert':
                    for line in a[i1:i2]:
                        yield prefix[tag] + line

        file2_range = _format_range_context(first[3], last[4])
        yield '--- {} ----{}'.format(file2_range, lineterm)
        if any(op[0] in {'replace', 'insert'} for op in group):
            for tag, _, _, j1, j2 in group:
                if tag != 'delete':
                    for line in b[j1:j2]:
                        yield prefix[tag] + line


def _check_types(a, b, *args):
    if a and not isinstance(a[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' %
                        (type(a[0]).__name__, a[0]))
    if b and not isinstance(b[0], str):
        raise TypeError('lines to compare must be str, not %s (%r)' %
                        (type(b[0]).__name__, b[0]))
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError('all arguments must be str, not: %r' % (arg,))


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'', fromfiledate=b'',
               tofiledate=b'', n=3, lineterm=b'\n'):
    """Run the str diff function dfunc on bytes inputs (decoded losslessly
    with surrogateescape) and yield its lines re-encoded to bytes."""
    def decode(s):
        try:
            return s.decode('ascii', 'surrogateescape')
        except AttributeError as err:
            msg = ('all arguments must be bytes, not %s (%r)' %
                   (type(s).__name__, s))
            raise TypeError(msg) from err
    a = list(map(decode, a))
    b = list(map(decode, b))
    fromfile = decode(fromfile)
    tofile = decode(tofile)
    fromfiledate = decode(fromfiledate)
    tofiledate = decode(tofiledate)
    lineterm = decode(lineterm)

    lines = dfunc(a, b, fromfile, tofile, fromfiledate, tofiledate, n,
                  lineterm)
    for line in lines:
        yield line.encode('ascii', 'surrogateescape')


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Return a Differ-style delta between line lists a and b."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """Yield the lines of sequence 1 or 2 recorded in a Differ delta."""
    try:
        tag = {1: "- ", 2: "+ "}[int(which)]
    except KeyError:
        raise ValueError('unknown delta choice (must be 1 or 2): %r'
                         % which) from None
    prefixes = ("  ", tag)
    for line in delta:
        if line[:2] in prefixes:
            yield line[2:]



# -- side by side HTML -------------------------------------------------------

def _marker_runs(markers):
    """Yield (char, start, end) for each run of '+', '-' or '^' in a Differ
    hint line; positions line up with the hinted line, prefix included."""
    i, n = 0, len(markers)
    while i < n:
        c = markers[i]
        if c in '+-^':
            j = i
            while j < n and markers[j] == c:
                j += 1
            yield c, i, j
            i = j
        else:
            i += 1


def _mdiff(fromlines, tolines, context=None, linejunk=None,
           charjunk=IS_CHARACTER_JUNK):
    """Yield (from_line, to_line, has_change) side-by-side line pairs.

    from_line and to_line are (line number, text) tuples, or None where a
    side has no line; changed text is wrapped in '\0+', '\0-' or '\0^' and
    '\1' markers.  With context set to a number of lines, only changes and
    that much context around them are yielded, separated by
    (None, None, None).
    """
    delta = ndiff(fromlines, tolines, linejunk, charjunk)
    line_numbers = [0, 0]

    def make_line(lines, format_key, side):
        line_numbers[side] += 1
        if format_key is None:
            return line_numbers[side], lines.pop(0)[2:]
        if format_key == '?':
            text, markers = lines.pop(0), lines.pop(0)
            # Insert from the right so earlier positions stay valid.
            for key, begin, end in reversed(list(_marker_runs(markers))):
                text = (text[:begin] + '\0' + key + text[begin:end] + '\1' +
                        text[end:])
            text = text[2:]
        else:
            text = lines.pop(0)[2:]
            if not text:
                text = ' '
            text = '\0' + format_key + text + '\1'
        return line_numbers[side], text

    def line_iterator():
        # Look at the codes of the next four delta lines to pair '-' and '+'
        # lines with their '?' hints; blank padding keeps runs of lone
        # deletions and insertions aligned.
        lines = []
        blanks_pending = blanks_to_yield = 0
        while True:
            while len(lines) < 4:
                lines.append(next(delta, 'X'))
            s = ''.join([line[0] for line in lines])
            if s.startswith('X'):
                blanks_to_yield = blanks_pending
            elif s.startswith('-?+?'):
                yield make_line(lines, '?', 0), make_line(lines, '?', 1), True
                continue
            elif s.startswith('--++'):
                blanks_pending -= 1
                yield make_line(lines, '-', 0), None, True
                continue
            elif s.startswith(('--?+', '--+', '- ')):
                from_line, to_line = make_line(lines, '-', 0), None
                blanks_to_yield, blanks_pending = blanks_pending - 1, 0
            elif s.startswith('-+?'):
                yield make_line(lines, None, 0), make_line(lines, '?', 1), True
                continue
            elif s.startswith('-?+'):
                yield make_line(lines, '?', 0), make_line(lines, None, 1), True
                continue
            elif s.startswith('-'):
                blanks_pending -= 1
                yield make_line(lines, '-', 0), None, True
                continue
            elif s.startswith('+--'):
                blanks_pending += 1
                yield None, make_line(lines, '+', 1), True
                continue
            elif s.startswith(('+ ', '+-')):
                from_line, to_line = None, make_line(lines, '+', 1)
                blanks_to_yield, blanks_pending = blanks_pending + 1, 0
            elif s.startswith('+'):
                blanks_pending += 1
                yield None, make_line(lines, '+', 1), True
                continue
            elif s.startswith(' '):
                yield (make_line(lines[:], None, 0),
                       make_line(lines, None, 1), False)
                continue
            while blanks_to_yield < 0:
                blanks_to_yield += 1
                yield None, ('', '\n'), True
            while blanks_to_yield > 0:
                blanks_to_yield -= 1
                yield ('', '\n'), None, True
            if s.startswith('X'):
                return
            yield from_line, to_line, True

    def line_pair_iterator():
        lines = line_iterator()
        fromlines, tolines = [], []
        while True:
            while not fromlines or not tolines:
                try:
                    from_line, to_line, found_diff = next(lines)
                except StopIteration:
                    return
                if from_line is not None:
                    fromlines.append((from_line, found_diff))
                if to_line is not None:
                    tolines.append((to_line, found_diff))
            from_line, from_diff = fromlines.pop(0)
            to_line, to_diff = tolines.pop(0)
            yield from_line, to_line, from_diff or to_diff

    pairs = line_pair_iterator()
    if context is None:
        yield from pairs
        return
    # Keep the last `context` unchanged pairs in a ring until a change
    # shows they are needed.
    context += 1
    while True:
        index, ring = 0, [None] * context
        found_diff = False
        while found_diff is False:
            try:
                from_line, to_line, found_diff = next(pairs)
            except StopIteration:
                return
            ring[index % context] = (from_line, to_line, found_diff)
            index += 1
        if index > context:
            yield None, None, None
            to_write = context
        else:
            to_write = index
            index = 0
        while to_write:
            yield ring[index % context]
            index += 1
            to_write -= 1
        to_write = context - 1
        try:
            while to_write:
                from_line, to_line, found_diff = next(pairs)
                if found_diff:
                    to_write = context - 1
                else:
                    to_write -= 1
                yield from_line, to_line, found_diff
        except StopIteration:
            return


_file_template = """
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
          "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">

<html>

<head>
    <meta http-equiv="Content-Type"
          content="text/html; charset=%(charset)s" />
    <title></title>
    <style type="text/css">%(styles)s
    </style>
</head>

<body>
    %(table)s%(legend)s
</body>

</html>"""

_styles = """
        :root {color-scheme: light dark}
        table.diff {font-family: Menlo, Consolas, Monaco, Liberation Mono, Lucida Console, monospace; border:medium}
        .diff_header {background-color:#e0e0e0}
        td.diff_header {text-align:right}
        .diff_next {background-color:#c0c0c0}
        .diff_add {background-color:palegreen}
        .diff_chg {background-color:#ffff77}
        .diff_sub {background-color:#ffaaaa}

        @media (prefers-color-scheme: dark) {
            .diff_header {background-color:#666}
            .diff_next {background-color:#393939}
            .diff_add {background-color:darkgreen}
            .diff_chg {background-color:#847415}
            .diff_sub {background-color:darkred}
        }"""

_table_template = """
    <table class="diff" id="difflib_chg_%(prefix)s_top"
           cellspacing="0" cellpadding="0" rules="groups" >
        <colgroup></colgroup> <colgroup></colgroup> <colgroup></colgroup>
        <colgroup></colgroup> <colgroup></colgroup> <colgroup></colgroup>
        %(header_row)s
        <tbody>
%(data_rows)s        </tbody>
    </table>"""

_legend = """
    <table class="diff" summary="Legends">
        <tr> <th colspan="2"> Legends </th> </tr>
        <tr> <td> <table border="" summary="Colors">
                      <tr><th> Colors </th> </tr>
                      <tr><td class="diff_add">&nbsp;Added&nbsp;</td></tr>
                      <tr><td class="diff_chg">Changed</td> </tr>
                      <tr><td class="diff_sub">Deleted</td> </tr>
                  </table></td>
             <td> <table border="" summary="Links">
                      <tr><th colspan="2"> Links </th> </tr>
                      <tr><td>(f)irst change</td> </tr>
                      <tr><td>(n)ext change</td> </tr>
                      <tr><td>(t)op</td> </tr>
                  </table></td> </tr>
    </table>"""


class HtmlDiff(object):
    """Build an HTML table (or a whole HTML file) comparing two lists of
    lines side by side, with inter-line and intra-line changes marked."""

    _file_template = _file_template
    _styles = _styles
    _table_template = _table_template
    _legend = _legend
    _default_prefix = 0

    def __init__(self, tabsize=8, wrapcolumn=None, linejunk=None,
                 charjunk=IS_CHARACTER_JUNK):
        self._tabsize = tabsize
        self._wrapcolumn = wrapcolumn
        self._linejunk = linejunk
        self._charjunk = charjunk

    def make_file(self, fromlines, tolines, fromdesc='', todesc='',
                  context=False, numlines=5, *, charset='utf-8'):
        """Return a complete HTML document holding make_table()'s table."""
        return (self._file_template % dict(
            styles=self._styles,
            legend=self._legend,
            table=self.make_table(fromlines, tolines, fromdesc, todesc,
                                  context=context, numlines=numlines),
            charset=charset,
        )).encode(charset, 'xmlcharrefreplace').decode(charset)

    def _tab_newline_replace(self, fromlines, tolines):
        # Tabs become runs of '\t' as wide as the expansion (so a tab and
        # the spaces replacing it compare unequal), rendered as &nbsp;.
        def expand_tabs(line):
            line = line.replace(' ', '\0')
            line = line.expandtabs(self._tabsize)
            line = line.replace(' ', '\t')
            return line.replace('\0', ' ').rstrip('\n')
        return ([expand_tabs(line) for line in fromlines],
                [expand_tabs(line) for line in tolines])

    def _split_line(self, data_list, line_num, text):
        """Append (line_num, piece) entries for text cut at the wrap
        column; markers open at a cut are closed and reopened."""
        while True:
            if not line_num:
                data_list.append((line_num, text))
                return
            size = len(text)
            limit = self._wrapcolumn
            if size <= limit or size - text.count('\0') * 3 <= limit:
                data_list.append((line_num, text))
                return
            i = n = 0
            mark = ''
            while n < limit and i < size:
                if text[i] == '\0':
                    i += 1
                    mark = text[i]
                    i += 1
                elif text[i] == '\1':
                    i += 1
                    mark = ''
                else:
                    i += 1
                    n += 1
            line1, line2 = text[:i], text[i:]
            if mark:
                line1 = line1 + '\1'
                line2 = '\0' + mark + line2
            data_list.append((line_num, line1))
            line_num, text = '>', line2

    def _line_wrapper(self, diffs):
        for fromdata, todata, flag in diffs:
            if flag is None:
                yield fromdata, todata, flag
                continue
            (fromline, fromtext), (toline, totext) = fromdata, todata
            fromlist, tolist = [], []
            self._split_line(fromlist, fromline, fromtext)
            self._split_line(tolist, toline, totext)
            while fromlist or tolist:
                fromdata = fromlist.pop(0) if fromlist else ('', ' ')
                todata = tolist.pop(0) if tolist else ('', ' ')
                yield fromdata, todata, flag

    def _collect_lines(self, diffs):
        fromlist, tolist, flaglist = [], [], []
        for fromdata, todata, flag in diffs:
            if fromdata is None or todata is None:
                # context separator
                fromlist.append(None)
                tolist.append(None)
            else:
                fromlist.append(self._format_line(0, flag, *fromdata))
                tolist.append(self._format_line(1, flag, *todata))
            flaglist.append(flag)
        return fromlist, tolist, flaglist

    def _format_line(self, side, flag, linenum, text):
        if isinstance(linenum, int):
            linenum = '%d' % linenum
            id = ' id="%s%s"' % (self._prefix[side], linenum)
        else:
            id = ''                 # wrapped ('>') or padding ('') line
        text = (text.replace("&", "&amp;").replace(">", "&gt;")
                .replace("<", "&lt;"))
        text = text.replace(' ', '&nbsp;').rstrip()
        return ('<td class="diff_header"%s>%s</td><td nowrap="nowrap">%s</td>'
                % (id, linenum, text))

    def _make_prefix(self):
        fromprefix = "from%d_" % HtmlDiff._default_prefix
        toprefix = "to%d_" % HtmlDiff._default_prefix
        HtmlDiff._default_prefix += 1
        self._prefix = [fromprefix, toprefix]

    def _convert_flags(self, fromlist, tolist, flaglist, context, numlines):
        """Work out the anchors and (f)irst/(n)ext/(t)op links."""
        toprefix = self._prefix[1]
        next_id = [''] * len(flaglist)
        next_href = [''] * len(flaglist)
        num_chg, in_change = 0, False
        last = 0
        for i, flag in enumerate(flaglist):
            if flag:
                if not in_change:
                    in_change = True
                    last = i
                    # The anchor sits numlines before the change so that
                    # following a link shows some context.
                    anchor = max([0, i - numlines])
                    next_id[anchor] = (' id="difflib_chg_%s_%d"'
                                       % (toprefix, num_chg))
                    num_chg += 1
                    next_href[last] = ('<a href="#difflib_chg_%s_%d">n</a>'
                                       % (toprefix, num_chg))
            else:
                in_change = False
        if not flaglist:
            flaglist = [False]
            next_id = ['']
            next_href = ['']
            last = 0
            if context:
                fromlist = ['<td></td><td>&nbsp;No Differences Found&nbsp;</td>']
                tolist = fromlist
            else:
                fromlist = tolist = ['<td></td><td>&nbsp;Empty File&nbsp;</td>']
        if not flaglist[0]:
            next_href[0] = '<a href="#difflib_chg_%s_0">f</a>' % toprefix
        next_href[last] = '<a href="#difflib_chg_%s_top">t</a>' % toprefix
        return fromlist, tolist, flaglist, next_href, next_id

    def make_table(self, fromlines, tolines, fromdesc='', todesc='',
                   context=False, numlines=5):
        """Return an HTML table comparing fromlines and tolines."""
        self._make_prefix()
        fromlines, tolines = self._tab_newline_replace(fromlines, tolines)
        context_lines = numlines if context else None
        diffs = _mdiff(fromlines, tolines, context_lines,
                       linejunk=self._linejunk, charjunk=self._charjunk)
        if self._wrapcolumn:
            diffs = self._line_wrapper(diffs)
        fromlist, tolist, flaglist = self._collect_lines(diffs)
        fromlist, tolist, flaglist, next_href, next_id = self._convert_flags(
            fromlist, tolist, flaglist, context, numlines)

        rows = []
        fmt = ('            <tr><td class="diff_next"%s>%s</td>%s'
               '<td class="diff_next">%s</td>%s</tr>\n')
        for i in range(len(flaglist)):
            if flaglist[i] is None:
                if i > 0:
                    rows.append('        </tbody>        \n        <tbody>\n')
            else:
                rows.append(fmt % (next_id[i], next_href[i], fromlist[i],
                                   next_href[i], tolist[i]))
        if fromdesc or todesc:
            header_row = '<thead><tr>%s%s%s%s</tr></thead>' % (
                '<th class="diff_next"><br /></th>',
                '<th colspan="2" class="diff_header">%s</th>' % fromdesc,
                '<th class="diff_next"><br /></th>',
                '<th colspan="2" class="diff_header">%s</th>' % todesc)
        else:
            header_row = ''
        table = self._table_template % dict(
            data_rows=''.join(rows), header_row=header_row,
            prefix=self._prefix[1])
        return (table.replace('\0+', '<span class="diff_add">')
                .replace('\0-', '<span class="diff_sub">')
                .replace('\0^', '<span class="diff_chg">')
                .replace('\1', '</span>')
                .replace('\t', '&nbsp;'))
