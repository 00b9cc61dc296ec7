"""CSV parsing and writing: the core used by the csv module.

Dialect describes a format; reader() parses lines from an iterable of
strings into lists of fields, writer() formats rows onto a file-like
object.  Written in Python; the interface is that of CPython's _csv.
"""

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, \
    QUOTE_NOTNULL = range(6)

_QUOTINGS = frozenset(range(6))

__all__ = [
    'Dialect', 'Error', 'QUOTE_ALL', 'QUOTE_MINIMAL', 'QUOTE_NONE',
    'QUOTE_NONNUMERIC', 'QUOTE_NOTNULL', 'QUOTE_STRINGS', 'Reader',
    'Writer', 'field_size_limit', 'get_dialect', 'list_dialects',
    'reader', 'register_dialect', 'unregister_dialect', 'writer',
]


class Error(Exception):
    """CSV parsing or formatting error."""


Error.__module__ = '_csv'

# Registry of named dialects and the field size limit.  Both are module
# state: a dict item assignment and a global rebinding are each atomic,
# which is all the registry and the limit need.
_dialects = {}
_field_limit = 128 * 1024

_DIALECT_ATTRS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
                  'quotechar', 'quoting', 'skipinitialspace', 'strict')


def _char(name, value):
    if not isinstance(value, str):
        raise TypeError(f'"{name}" must be a unicode character, '
                        f'not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a unicode character, '
                        f'not a string of length {len(value)}')
    return value


def _char_or_none(name, value):
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f'"{name}" must be a unicode character or None, '
                        f'not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a unicode character or None, '
                        f'not a string of length {len(value)}')
    return value


class Dialect:
    """The formatting parameters of a CSV format, validated and
    read-only: delimiter, quotechar, escapechar, doublequote,
    skipinitialspace, lineterminator, quoting and strict.
    """
    __slots__ = ('_delimiter', '_doublequote', '_escapechar',
                 '_lineterminator', '_quotechar', '_quoting',
                 '_skipinitialspace', '_strict')

    def __new__(cls, dialect=None, **kwargs):
        for key in kwargs:
            if key not in _DIALECT_ATTRS:
                raise TypeError(f"'{key}' is an invalid keyword argument "
                                f"for this function")
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if (type(dialect) is Dialect and cls is Dialect
                    and not kwargs):
                # Already validated and immutable: share it.
                return dialect

        def pick(name, default):
            # An explicit keyword wins (None included), then the
            # dialect's attribute, then the default.
            if name in kwargs:
                return kwargs[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default

        self = object.__new__(cls)
        quotechar = pick('quotechar', '"')
        if kwargs.get('quotechar', '') is None and 'quoting' not in kwargs:
            # quotechar=None passed alone switches quoting off.
            quoting = QUOTE_NONE
        else:
            quoting = pick('quoting', QUOTE_MINIMAL)
        lineterminator = pick('lineterminator', '\r\n')
        self._delimiter = _char('delimiter', pick('delimiter', ','))
        self._doublequote = bool(pick('doublequote', True))
        self._escapechar = _char_or_none('escapechar',
                                         pick('escapechar', None))
        if lineterminator is not None and not isinstance(lineterminator, str):
            raise TypeError(f'"lineterminator" must be a string, '
                            f'not {type(lineterminator).__name__}')
        self._lineterminator = lineterminator
        self._quotechar = _char_or_none('quotechar', quotechar)
        if not isinstance(quoting, int):
            raise TypeError(f'"quoting" must be an integer, '
                            f'not {type(quoting).__name__}')
        if quoting not in _QUOTINGS:
            raise TypeError('bad "quoting" value')
        self._quoting = int(quoting)
        skipinitialspace = pick('skipinitialspace', False)
        strict = pick('strict', False)
        self._skipinitialspace = bool(skipinitialspace)
        self._strict = bool(strict)
        self._check()
        return self

    def _check(self):
        if self._quoting != QUOTE_NONE and self._quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')
        if self._lineterminator is None:
            raise TypeError('lineterminator must be set')
        self._check_char('delimiter', self._delimiter, True)
        self._check_char('escapechar', self._escapechar,
                         not self._skipinitialspace)
        self._check_char('quotechar', self._quotechar,
                         not self._skipinitialspace)
        for name1, c1, name2, c2 in (
                ('delimiter', self._delimiter, 'escapechar', self._escapechar),
                ('delimiter', self._delimiter, 'quotechar', self._quotechar),
                ('escapechar', self._escapechar, 'quotechar', self._quotechar)):
            if c1 is not None and c1 == c2:
                raise ValueError(f'bad {name1} or {name2} value')

    def _check_char(self, name, c, allow_space):
        if c is None:
            return
        if c in '\r\n' or (c == ' ' and not allow_space):
            raise ValueError(f'bad {name} value')
        if c in self._lineterminator:
            raise ValueError(f'bad {name} or lineterminator value')

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)

    def __reduce_ex__(self, protocol):
        raise TypeError(f"cannot pickle '{type(self).__qualname__}' object")


Dialect.__module__ = '_csv'


def _make_dialect(dialect, fmtparams):
    return Dialect(dialect, **fmtparams)


# Reader states.
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL,
 _AFTER_ESCAPED_CRNL) = range(9)

# Marks the end of each input line in the state machine.
_EOL = None


class Reader:
    """Iterator over the records parsed from an iterable of lines; each
    record is a list of fields.  line_num counts the lines read.
    """

    def __init__(self, iterable, dialect, fmtparams):
        self._input = iter(iterable)
        self.dialect = _make_dialect(dialect, fmtparams)
        self.line_num = 0
        self._reset()

    def _reset(self):
        self._fields = []
        self._field = []
        self._field_len = 0
        self._state = _START_RECORD
        self._numeric = False
        self._unquoted = True

    def __iter__(self):
        return self

    def _add_char(self, c):
        if self._field_len >= _field_limit:
            raise Error(f'field larger than field limit ({_field_limit})')
        self._field.append(c)
        self._field_len += 1

    def _save_field(self):
        text = ''.join(self._field)
        quoting = self.dialect._quoting
        if (self._unquoted and not text
                and quoting in (QUOTE_NOTNULL, QUOTE_STRINGS)):
            value = None
        elif self._numeric:
            value = float(text)
        else:
            value = text
        self._fields.append(value)
        self._field = []
        self._field_len = 0
        self._numeric = False
        self._unquoted = True

    def _start_unquoted(self, c):
        if self.dialect._quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS):
            self._numeric = True
        self._add_char(c)
        self._state = _IN_FIELD

    def _end_of_field_or_record(self, c):
        # c is a newline character or _EOL.
        self._save_field()
        self._state = _START_RECORD if c is _EOL else _EAT_CRNL

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == _START_RECORD:
            if c is _EOL:
                return
            if c in '\n\r':
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            if c is _EOL or c in '\n\r':
                self._end_of_field_or_record(c)
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                self._unquoted = False
                self._state = _IN_QUOTED_FIELD
            elif c == d._escapechar:
                # An escaped first character still starts an unquoted
                # field (a number under QUOTE_NONNUMERIC/QUOTE_STRINGS).
                if d._quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS):
                    self._numeric = True
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d._skipinitialspace:
                pass
            elif c == d._delimiter:
                self._save_field()
            else:
                self._start_unquoted(c)
        elif state == _ESCAPED_CHAR:
            if c is not _EOL and c in '\n\r':
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add_char('\n' if c is _EOL else c)
            self._state = _IN_FIELD
        elif state in (_IN_FIELD, _AFTER_ESCAPED_CRNL):
            if state == _AFTER_ESCAPED_CRNL and c is _EOL:
                return
            if c is _EOL or c in '\n\r':
                self._end_of_field_or_record(c)
            elif c == d._escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d._delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                # After an escaped newline the state stays put, so line
                # ends keep being ignored until a delimiter or newline.
                self._add_char(c)
        elif state == _IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d._escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                self._state = (_QUOTE_IN_QUOTED_FIELD if d._doublequote
                               else _IN_FIELD)
            else:
                self._add_char(c)
        elif state == _ESCAPE_IN_QUOTED_FIELD:
            self._add_char('\n' if c is _EOL else c)
            self._state = _IN_QUOTED_FIELD
        elif state == _QUOTE_IN_QUOTED_FIELD:
            if d._quoting != QUOTE_NONE and c == d._quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d._delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is _EOL or c in '\n\r':
                self._end_of_field_or_record(c)
            elif not d._strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error(f"'{d._delimiter}' expected after "
                            f"'{d._quotechar}'")
        elif state == _EAT_CRNL:
            if c is _EOL:
                self._state = _START_RECORD
            elif c not in '\n\r':
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")

    def _simple_line(self, line):
        # Fast path for a whole record on one line with no quoting or
        # escaping to interpret; None when the state machine is needed.
        d = self.dialect
        if (self._state != _START_RECORD or d._skipinitialspace
                or d._quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS,
                                  QUOTE_NOTNULL)
                or (d._quotechar is not None and d._quotechar in line)
                or (d._escapechar is not None and d._escapechar in line)):
            return None
        if line.endswith('\r\n'):
            body = line[:-2]
        elif line.endswith(('\n', '\r')):
            body = line[:-1]
        else:
            body = line
        if '\r' in body or '\n' in body or not body:
            return None
        fields = body.split(d._delimiter)
        if max(map(len, fields)) > _field_limit:
            return None
        return fields

    def __next__(self):
        self._reset()
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if self._field_len != 0 or self._state == _IN_QUOTED_FIELD:
                    if self.dialect._strict:
                        raise Error('unexpected end of data') from None
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error(f'iterator should return strings, not '
                            f'{type(line).__name__} (the file should be '
                            f'opened in text mode)')
            self.line_num += 1
            simple = self._simple_line(line)
            if simple is not None:
                return simple
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields


Reader.__name__ = Reader.__qualname__ = 'reader'
Reader.__module__ = '_csv'


class Writer:
    """Formats rows as CSV records and writes them to a file object."""

    def __init__(self, fileobj, dialect, fmtparams):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = _make_dialect(dialect, fmtparams)

    def _needs_quotes(self, field):
        quoting = self.dialect._quoting
        if quoting == QUOTE_ALL:
            return True
        if quoting == QUOTE_NONNUMERIC:
            return not _is_number(field)
        if quoting == QUOTE_STRINGS:
            return isinstance(field, str)
        if quoting == QUOTE_NOTNULL:
            return field is not None
        return False

    def _format_field(self, text, quoted):
        d = self.dialect
        special = {d._delimiter, '\n', '\r'}
        special.update(d._lineterminator)
        if d._escapechar is not None:
            special.add(d._escapechar)
        if d._quotechar is not None:
            special.add(d._quotechar)
        out = []
        for c in text:
            if c in special:
                escape = False
                if d._quoting == QUOTE_NONE:
                    escape = True
                elif c == d._quotechar:
                    if d._doublequote:
                        out.append(c)
                    else:
                        escape = True
                elif c == d._escapechar:
                    escape = True
                if not escape:
                    quoted = True
                else:
                    if d._escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    out.append(d._escapechar)
            out.append(c)
        body = ''.join(out)
        if quoted:
            return d._quotechar + body + d._quotechar
        return body

    def writerow(self, row):
        """Write one row (an iterable of fields) as a record; fields that
        are not strings are converted with str(), None becomes an empty
        field.  Returns what the file's write() returned.
        """
        try:
            items = iter(row)
        except TypeError:
            raise Error(f'iterable expected, not {type(row).__name__}') \
                from None
        d = self.dialect
        # With a space delimiter and skipinitialspace, an unquoted empty
        # field would vanish on reading: every empty field is quoted.
        space_sensitive = d._delimiter == ' ' and d._skipinitialspace
        parts = []
        for field in items:
            quoted = self._needs_quotes(field)
            if field is None:
                text = ''
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            if not text and not quoted and space_sensitive:
                if not self._may_quote_empty(field):
                    raise Error('empty field must be quoted if delimiter is '
                                'a space and skipinitialspace is true')
                quoted = True
            parts.append(self._format_field(text, quoted))
        if len(parts) == 1 and parts[0] == '':
            # A lone empty field would read back as an empty record.
            if not self._may_quote_empty(field):
                raise Error('single empty field record must be quoted')
            parts[0] = d._quotechar * 2
        return self._write(d._delimiter.join(parts) + d._lineterminator)

    def _may_quote_empty(self, field):
        """Whether an empty field may be written quoted: never with
        QUOTE_NONE, and not None where the quoting style keeps None
        unquoted (QUOTE_STRINGS, QUOTE_NOTNULL)."""
        quoting = self.dialect._quoting
        if quoting == QUOTE_NONE:
            return False
        return not (field is None
                    and quoting in (QUOTE_STRINGS, QUOTE_NOTNULL))

    def writerows(self, rows):
        """Write every row of an iterable of rows."""
        for row in rows:
            self.writerow(row)


Writer.__name__ = Writer.__qualname__ = 'writer'
Writer.__module__ = '_csv'


def _is_number(value):
    # What QUOTE_NONNUMERIC leaves unquoted: objects usable as numbers.
    if isinstance(value, (int, float, complex)):
        return True
    cls = type(value)
    return any(hasattr(cls, name)
               for name in ('__index__', '__int__', '__float__'))


def reader(iterable, /, dialect='excel', **fmtparams):
    """Return an iterator over the CSV records in iterable, which yields
    lines of text (a file opened with newline='' for example).

    dialect is a dialect name, a Dialect or an object with the same
    attributes; keyword arguments override single parameters.
    """
    return Reader(iterable, dialect, fmtparams)


def writer(fileobj, /, dialect='excel', **fmtparams):
    """Return a writer formatting rows onto fileobj (any object with a
    write() method).  dialect and keyword arguments as for reader().
    """
    return Writer(fileobj, dialect, fmtparams)


def register_dialect(name, dialect=None, /, **fmtparams):
    """Register a dialect under name, built from dialect (a name or
    an object with dialect attributes) and the keyword arguments.
    """
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Remove the dialect registered under name (Error if unknown)."""
    try:
        del _dialects[name]
    except KeyError:
        raise Error('unknown dialect') from None


def get_dialect(name):
    """The Dialect registered under name (Error if unknown)."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error('unknown dialect') from None


def list_dialects():
    """The names of the registered dialects."""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Return the largest field size the parser accepts; with an
    argument, also set it to new_limit.
    """
    global _field_limit
    if kwargs:
        if args or set(kwargs) != {'new_limit'}:
            raise TypeError('field_size_limit() got an unexpected keyword '
                            'argument')
        args = (kwargs['new_limit'],)
    if len(args) > 1:
        raise TypeError(f'field_size_limit expected at most 1 argument, '
                        f'got {len(args)}')
    old = _field_limit
    if args:
        new = args[0]
        if not isinstance(new, int):
            raise TypeError('limit must be an integer')
        _field_limit = new
    return old
