"""CSV (comma separated values) file reading and writing.

reader() and writer() parse and format rows; DictReader and DictWriter
map rows to dictionaries; Dialect subclasses (excel, excel_tab, unix)
name common formats; Sniffer deduces the format of a sample.
"""

import re
import types
from _csv import (Error, writer, reader, register_dialect,
                  unregister_dialect, get_dialect, list_dialects,
                  field_size_limit,
                  QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE,
                  QUOTE_STRINGS, QUOTE_NOTNULL)
from _csv import Dialect as _Dialect
from _csv import __version__

from io import StringIO

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "QUOTE_STRINGS", "QUOTE_NOTNULL",
           "Error", "Dialect", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "DictReader", "DictWriter",
           "unix_dialect"]


class Dialect:
    """Base for classes describing a CSV format by class attributes
    (delimiter, quotechar, escapechar, doublequote, skipinitialspace,
    lineterminator, quoting, strict).  Subclasses are checked when
    instantiated; a bad attribute raises csv.Error.
    """
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            # The base class is incomplete on purpose; its subclasses
            # report a missing or mistyped attribute as a CSV error.  A
            # bad value (a line break as delimiter) stays a ValueError,
            # as in CPython.
            raise Error(str(e)) from None


class excel(Dialect):
    """The CSV format Excel writes: comma separated, minimal quoting,
    CRLF line endings.
    """
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """Excel's tab-separated format."""
    delimiter = '\t'


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """Comma separated, every field quoted, LF line endings."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


class DictReader:
    """Read rows as dicts keyed by the field names (the first row unless
    fieldnames is given).  Extra values go in a list under restkey;
    missing ones are filled with restval."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            # Reading the header first advances line_num.
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num

        # Blank lines are skipped rather than returned as empty dicts.
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d

    __class_getitem__ = classmethod(types.GenericAlias)


class DictWriter:
    """Write dicts as rows in the order of fieldnames.  Missing keys are
    written as restval; extra keys raise ValueError unless extrasaction
    is 'ignore'."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"
                             % extrasaction)
        # Stored lower-cased, so that 'RAISE' raises too (bpo-44512).
        self.extrasaction = extrasaction.lower()
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))

    __class_getitem__ = classmethod(types.GenericAlias)


# Patterns finding a quoted field together with the delimiter next to it,
# most informative first: delimiter on both sides, on the right, on the
# left, alone on its line.
_QUOTED_FIELD_PATTERNS = (
    r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
    r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',
    r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
    r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
)


class Sniffer:
    """Deduce the format of a CSV file from a sample: sniff() returns a
    Dialect subclass, has_header() guesses whether the first row holds
    column names."""

    def __init__(self):
        # Tried in this order when several delimiters fit equally well.
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """Return a dialect (a Dialect subclass) for the sample, trying
        only the characters in delimiters if given."""
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample,
                                                                delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        # _csv.reader will not accept an empty quotechar.
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        """Guess quote character and delimiter from quoted fields.

        Returns (quotechar, doublequote, delimiter, skipinitialspace),
        with an empty quotechar when no quoted field was found."""
        matches = []
        for pattern in _QUOTED_FIELD_PATTERNS:
            regexp = re.compile(pattern, re.DOTALL | re.MULTILINE)
            matches = regexp.findall(data)
            if matches:
                break
        if not matches:
            return ('', False, None, 0)

        groups = regexp.groupindex
        quote_counts = {}
        delim_counts = {}
        spaces = 0
        for m in matches:
            quote = m[groups['quote'] - 1]
            if quote:
                quote_counts[quote] = quote_counts.get(quote, 0) + 1
            if 'delim' not in groups:
                continue
            delim = m[groups['delim'] - 1]
            if delim and (delimiters is None or delim in delimiters):
                delim_counts[delim] = delim_counts.get(delim, 0) + 1
            if 'space' in groups and m[groups['space'] - 1]:
                spaces += 1

        quotechar = max(quote_counts, key=quote_counts.get)
        if delim_counts:
            delim = max(delim_counts, key=delim_counts.get)
            skipinitialspace = delim_counts[delim] == spaces
            if delim == '\n':
                # Most likely a file with a single column.
                delim = ''
        else:
            delim = ''
            skipinitialspace = 0

        # Doubled quotes inside a field mean doublequote is on.
        dq_regexp = re.compile(
            r"((%(delim)s)|^)\W*%(quote)s[^%(delim)s\n]*%(quote)s"
            r"[^%(delim)s\n]*%(quote)s\W*((%(delim)s)|$)"
            % {'delim': re.escape(delim), 'quote': quotechar}, re.MULTILINE)
        doublequote = bool(dq_regexp.search(data))
        return (quotechar, doublequote, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        """Guess the delimiter of unquoted data from character frequencies.

        A delimiter occurs the same number of times on (nearly) every
        line.  Lines are examined in chunks of ten; for each ASCII
        character the most common per-line count (its mode) and how
        consistently it occurs are tallied, and a character whose mode
        is non-zero on at least 90% of the lines qualifies.  Returns
        (delimiter, skipinitialspace) or ('', 0)."""
        lines = [line for line in data.split('\n') if line]
        ascii_chars = [chr(c) for c in range(127)]

        chunk_length = min(10, len(lines))
        iteration = 0
        char_frequency = {}
        modes = {}
        delims = {}
        start, end = 0, chunk_length
        while start < len(lines):
            iteration += 1
            for line in lines[start:end]:
                for char in ascii_chars:
                    per_count = char_frequency.setdefault(char, {})
                    freq = line.count(char)
                    per_count[freq] = per_count.get(freq, 0) + 1

            for char, per_count in char_frequency.items():
                items = list(per_count.items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                if len(items) > 1:
                    mode = max(items, key=lambda item: item[1])
                    items.remove(mode)
                    # Penalise the mode by the lines that disagree.
                    modes[char] = (mode[0],
                                   mode[1] - sum(item[1] for item in items))
                else:
                    modes[char] = items[0]

            total = float(min(chunk_length * iteration, len(lines)))
            consistency = 1.0
            threshold = 0.9
            while not delims and consistency >= threshold:
                for char, (count, weight) in modes.items():
                    if (count > 0 and weight > 0
                            and weight / total >= consistency
                            and (delimiters is None or char in delimiters)):
                        delims[char] = (count, weight)
                consistency -= 0.01

            if len(delims) == 1:
                delim = next(iter(delims))
                return (delim, self._spaced(lines[0], delim))
            start = end
            end += chunk_length

        if not delims:
            return ('', 0)

        if len(delims) > 1:
            for d in self.preferred:
                if d in delims:
                    return (d, self._spaced(lines[0], d))

        # Otherwise the most frequent one (ties go to the larger char).
        delim = max((v, k) for k, v in delims.items())[1]
        return (delim, self._spaced(lines[0], delim))

    @staticmethod
    def _spaced(line, delim):
        # Whether every delimiter on the line is followed by a space.
        return line.count(delim) == line.count("%c " % delim)

    def has_header(self, sample):
        """Guess whether the first row of sample holds column names.

        Columns whose values (in up to 20 following rows) are all
        numbers, or all of one length, are typed; the header is
        considered one if its cells mostly do not fit their column's
        type."""
        rdr = reader(StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        column_types = dict.fromkeys(range(columns))

        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(column_types):
                try:
                    complex(row[col])
                    this_type = complex
                except (ValueError, OverflowError):
                    this_type = len(row[col])
                if this_type != column_types[col]:
                    if column_types[col] is None:
                        column_types[col] = this_type
                    else:
                        # Inconsistent column: it says nothing.
                        del column_types[col]

        votes = 0
        for col, col_type in column_types.items():
            if isinstance(col_type, int):
                votes += 1 if len(header[col]) != col_type else -1
            else:
                try:
                    col_type(header[col])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0
