"""Common string operations.

Constants:

ascii_letters -- ascii_lowercase + ascii_uppercase
ascii_lowercase -- 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase -- 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
digits -- '0123456789'
hexdigits -- digits + 'abcdef' + 'ABCDEF'
octdigits -- '01234567'
punctuation -- ASCII punctuation characters
printable -- digits, letters, punctuation and whitespace
whitespace -- ASCII whitespace characters

Classes:

Formatter -- the machinery behind str.format(), open to customisation
Template -- $-substitution templates (PEP 292)

Functions:

capwords(s, sep=None) -- capitalize each word of s
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words with s.split(sep), capitalize each word, and join
    them with sep (a single space when sep is None).  With sep None, runs of
    whitespace collapse and leading/trailing whitespace disappears."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


# ---------------------------------------------------------------------------
# Template: $-substitution (PEP 292)

class _Overlay:
    """A read-only mapping view: keys of `first`, then those of `second`."""

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        try:
            return self._first[key]
        except KeyError:
            return self._second[key]


_NO_MAPPING = {}


class Template:
    """A string with $-placeholders: $$ is a literal $, $name and ${name}
    are replaced by the mapping's value for name."""

    delimiter = '$'
    # ASCII identifiers only, matched case-insensitively (see flags).
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = 2   # re.IGNORECASE; re is imported only when a pattern is built

    def __init__(self, template):
        self.template = template

    @classmethod
    def _compiled_pattern(cls):
        """The class's placeholder regex, compiled on first use and kept in
        the class's own `pattern` attribute.  A subclass may define
        `pattern` itself (a string or a compiled regex) with the groups
        escaped, named, braced and invalid.  Building it twice in racing
        threads is harmless: both results are equal."""
        import re
        own = cls.__dict__.get('pattern')
        if own is not None and not isinstance(own, str):
            return own
        if own is None:
            delim = re.escape(cls.delimiter)
            ident = cls.idpattern
            braced = cls.braceidpattern or cls.idpattern
            own = (f"{delim}(?:"
                   f"(?P<escaped>{delim})"        # $$: a literal delimiter
                   f"|(?P<named>{ident})"         # $name
                   f"|{{(?P<braced>{braced})}}"   # ${name}
                   f"|(?P<invalid>)"              # any other use of $
                   f")")
        compiled = re.compile(own, cls.flags | re.VERBOSE)
        cls.pattern = compiled
        return compiled

    def _invalid(self, mo):
        index = mo.start('invalid')
        lines = self.template[:index].splitlines(keepends=True)
        if lines:
            lineno = len(lines)
            colno = index - len(''.join(lines[:-1]))
        else:
            lineno = colno = 1
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    @staticmethod
    def _lookup(mapping, kws):
        if mapping is _NO_MAPPING:
            return kws
        return _Overlay(kws, mapping) if kws else mapping

    def substitute(self, mapping=_NO_MAPPING, /, **kws):
        """Replace every placeholder; a missing name raises KeyError and a
        malformed placeholder ValueError."""
        values = self._lookup(mapping, kws)
        pattern = self._compiled_pattern()

        def replace(mo):
            name = mo.group('named') or mo.group('braced')
            if name is not None:
                return str(values[name])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern', pattern)
        return pattern.sub(replace, self.template)

    def safe_substitute(self, mapping=_NO_MAPPING, /, **kws):
        """Like substitute(), but missing names and malformed placeholders
        are left in the result as they were written."""
        values = self._lookup(mapping, kws)
        pattern = self._compiled_pattern()

        def replace(mo):
            name = mo.group('named') or mo.group('braced')
            if name is not None:
                try:
                    return str(values[name])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern', pattern)
        return pattern.sub(replace, self.template)

    def is_valid(self):
        """False if the template has a placeholder substitute() would
        reject as malformed."""
        pattern = self._compiled_pattern()
        for mo in pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', pattern)
        return True

    def get_identifiers(self):
        """The names of the valid placeholders, in order of first
        appearance."""
        pattern = self._compiled_pattern()
        names = []
        for mo in pattern.finditer(self.template):
            name = mo.group('named') or mo.group('braced')
            if name is not None:
                if name not in names:
                    names.append(name)
            elif (mo.group('invalid') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern', pattern)
        return names


# ---------------------------------------------------------------------------
# Formatter: str.format() in Python, with hooks for subclasses

def _scan_field(s, i):
    """Read the replacement field whose '{' is at s[i-1]: returns
    (field_name, conversion, format_spec, index after its '}').  The name
    ends at '!', ':' or '}' outside [...]; one character follows '!';
    braces nest inside the format spec."""
    n = len(s)
    start = i
    while True:
        if i == n:
            raise ValueError("expected '}' before end of string")
        c = s[i]
        if c == '[':
            close = s.find(']', i + 1)
            if close < 0:
                raise ValueError("expected '}' before end of string")
            i = close + 1
            continue
        if c in '!:}':
            break
        i += 1
    name = s[start:i]
    conversion = None
    if s[i] == '}':
        return name, conversion, '', i + 1
    if s[i] == '!':
        if i + 1 == n:
            raise ValueError("end of string while looking for conversion "
                             "specifier")
        conversion = s[i + 1]
        i += 2
        if i < n and s[i] == '}':
            return name, conversion, '', i + 1
        if i == n:
            raise ValueError("unmatched '{' in format spec")
        if s[i] != ':':
            raise ValueError("expected ':' after conversion specifier")
    spec_start = i + 1
    depth = 1
    for j in range(spec_start, n):
        if s[j] == '{':
            depth += 1
        elif s[j] == '}':
            depth -= 1
            if depth == 0:
                return name, conversion, s[spec_start:j], j + 1
    raise ValueError("unmatched '{' in format spec")


def _parse_format(s):
    """Yield (literal_text, field_name, format_spec, conversion) as
    Formatter.parse() documents; doubled braces are literal braces."""
    literal = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c == '}':
            if i + 1 < n and s[i + 1] == '}':
                literal.append('}')
                yield ''.join(literal), None, None, None
                literal = []
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != '{':
            literal.append(c)
            i += 1
            continue
        if i + 1 < n and s[i + 1] == '{':
            literal.append('{')
            yield ''.join(literal), None, None, None
            literal = []
            i += 2
            continue
        if i + 1 == n:
            raise ValueError("Single '{' encountered in format string")
        name, conversion, spec, i = _scan_field(s, i + 1)
        yield ''.join(literal), name, spec, conversion
        literal = []
    if literal:
        yield ''.join(literal), None, None, None


def _split_field_name(field_name):
    """'a.b[0]' -> ('a', iterator of (True, 'b'), (False, 0)); a leading
    integer and integer indexes become ints.  The rest is parsed lazily, so
    a lookup that fails comes before a syntax error later in the name."""
    i, n = 0, len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdigit():
        first = int(first)
    return first, _field_name_rest(field_name, i)


def _field_name_rest(field_name, i):
    n = len(field_name)
    while i < n:
        c = field_name[i]
        if c == '.':
            j = i + 1
            while j < n and field_name[j] not in '.[':
                j += 1
            attr = field_name[i + 1:j]
            if not attr:
                raise ValueError("Empty attribute in format string")
            yield True, attr
        elif c == '[':
            j = field_name.find(']', i + 1)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = field_name[i + 1:j]
            if not key:
                raise ValueError("Empty attribute in format string")
            yield False, int(key) if key.isdigit() else key
            j += 1
            if j < n and field_name[j] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format "
                                 "field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format "
                             "field specifier")
        i = j


class Formatter:
    """The str.format() algorithm, split into methods a subclass can
    override (parse, get_field, get_value, check_unused_args,
    format_field, convert_field)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        # auto_arg_index is the next automatic index, or False once a
        # field was numbered by hand (the two styles cannot mix).
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal, field_name, spec, conversion in self.parse(format_string):
            if literal:
                pieces.append(literal)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, key = self.get_field(field_name, args, kwargs)
            used_args.add(key)
            obj = self.convert_field(obj, conversion)
            spec, auto_arg_index = self._vformat(
                spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        """args[key] for an integer key, kwargs[key] otherwise."""
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        """Hook to reject unused arguments; accepts everything."""
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        """Apply a '!s', '!r' or '!a' conversion (None: none)."""
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Iterate over (literal_text, field_name, format_spec, conversion)
        tuples; field_name is None after trailing literal text."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """Resolve 'name.attr[index]...'; returns (object, used_key)."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
